/// Keys spilled to disk, sorted by hash: one run of a ``KeySpill``.
///
/// Two unlinked scratch files: 32-byte entries (hash, place, key length, key offset) in hash
/// order, and the key bytes in the same order. In memory it keeps only every 64th entry's hash
/// (the fence), an eighth of a byte per key, so a look-up reads one 2 KiB block of entries and
/// the bytes of the key whose hash matches.
///
/// `@unchecked Sendable`: a run is built on one thread (``Builder``) and never changes after
/// ``Builder/finish()``; its files are then only read at offsets, so the check thread's
/// look-ups and a background spill's merge may read the same run at once.
final class KeyRun: @unchecked Sendable {
    /// One entry, as stored.
    struct Entry {
        var hash: UInt64
        var place: KeyIndex.Place
        var length: Int
        var keyOffset: Int

        static let size = 32

        init(hash: UInt64, place: KeyIndex.Place, length: Int, keyOffset: Int) {
            self.hash = hash
            self.place = place
            self.length = length
            self.keyOffset = keyOffset
        }

        init(_ bytes: UnsafeRawBufferPointer) {
            hash = bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            place = KeyIndex.Place(
                file: bytes.loadUnaligned(fromByteOffset: 8, as: Int32.self),
                line: bytes.loadUnaligned(fromByteOffset: 12, as: Int32.self),
                record: bytes.loadUnaligned(fromByteOffset: 16, as: Int32.self))
            length = Int(bytes.loadUnaligned(fromByteOffset: 20, as: UInt32.self))
            keyOffset = Int(bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        }

        /// Stores the entry's `size` bytes at `bytes`.
        @inline(__always)
        func store(into bytes: UnsafeMutableRawPointer) {
            bytes.storeBytes(of: hash, toByteOffset: 0, as: UInt64.self)
            bytes.storeBytes(of: place.file, toByteOffset: 8, as: Int32.self)
            bytes.storeBytes(of: place.line, toByteOffset: 12, as: Int32.self)
            bytes.storeBytes(of: place.record, toByteOffset: 16, as: Int32.self)
            bytes.storeBytes(of: UInt32(length), toByteOffset: 20, as: UInt32.self)
            bytes.storeBytes(of: UInt64(keyOffset), toByteOffset: 24, as: UInt64.self)
        }
    }

    /// Entries per block of the fence.
    static let blockEntries = 64

    let entries: SpillFile
    let keys: SpillFile
    let count: Int
    /// The hash of every `blockEntries`-th entry.
    private let fence: [UInt64]

    private init(entries: SpillFile, keys: SpillFile, count: Int, fence: [UInt64]) {
        self.entries = entries
        self.keys = keys
        self.count = count
        self.fence = fence
    }

    /// The place of the key, if this run holds it for a file not `excluded`. `block` and `key`
    /// are scratch space.
    func find(
        _ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, excluding excluded: Set<Int32>,
        block: UnsafeMutableRawBufferPointer, key: inout [UInt8]
    ) -> KeyIndex.Place? {
        // The last block starting at or before the hash; an earlier one when the block starts
        // with it, since equal hashes may begin at the end of the one before.
        var low = 0
        var high = fence.count
        while low < high {
            let middle = (low + high) / 2
            if fence[middle] <= hash { low = middle + 1 } else { high = middle }
        }
        var blockIndex = max(low - 1, 0)
        while blockIndex > 0 && fence[blockIndex] == hash { blockIndex -= 1 }
        while blockIndex < fence.count {
            let first = blockIndex * Self.blockEntries
            let inBlock = min(Self.blockEntries, count - first)
            let view = UnsafeMutableRawBufferPointer(rebasing: block[0..<(inBlock * Entry.size)])
            entries.read(into: view, at: first * Entry.size)
            for index in 0..<inBlock {
                let entry = Entry(UnsafeRawBufferPointer(rebasing: view[(index * Entry.size)...]))
                if entry.hash < hash { continue }
                if entry.hash > hash { return nil }
                if entry.length == bytes.count && !excluded.contains(entry.place.file)
                    && matches(entry, bytes, scratch: &key)
                {
                    return entry.place
                }
            }
            blockIndex += 1
        }
        return nil
    }

    private func matches(_ entry: Entry, _ bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> Bool {
        guard entry.length > 0 else { return true }
        if scratch.count < entry.length { scratch = [UInt8](repeating: 0, count: entry.length) }
        return scratch.withUnsafeMutableBytes { stored in
            let view = UnsafeMutableRawBufferPointer(rebasing: stored[0..<entry.length])
            keys.read(into: view, at: entry.keyOffset)
            return view.elementsEqual(UnsafeRawBufferPointer(bytes))
        }
    }

    /// Writes a run entry by entry, in hash order.
    struct Builder {
        private let entries: SpillFile
        private let keys: SpillFile
        private var count = 0
        private var fence: [UInt64] = []
        private var lastHash: UInt64 = 0
        private var failed = false

        /// A builder with two new scratch files in `directory`, or nil when they cannot be made.
        init?(directory: String) {
            guard let entries = SpillFile(directory: directory), let keys = SpillFile(directory: directory) else {
                return nil
            }
            self.entries = entries
            self.keys = keys
        }

        /// Appends the next entry; hashes must not decrease.
        @inline(__always)
        mutating func append(hash: UInt64, place: KeyIndex.Place, key: UnsafeRawBufferPointer) {
            precondition(count == 0 || hash >= lastHash, "spilled keys must be appended in hash order")
            if count % KeyRun.blockEntries == 0 { fence.append(hash) }
            let entry = Entry(hash: hash, place: place, length: key.count, keyOffset: keys.size)
            if !entries.append(reserving: Entry.size, entry.store(into:)) { failed = true }
            if !keys.append(key) { failed = true }
            count += 1
            lastHash = hash
        }

        /// The run, or nil when the disk refused some of it.
        func finish() -> KeyRun? {
            let entriesWritten = entries.finishWriting()
            let keysWritten = keys.finishWriting()
            guard !failed, entriesWritten, keysWritten else { return nil }
            return KeyRun(entries: entries, keys: keys, count: count, fence: fence)
        }
    }

    /// Reads a run's entries and keys in order.
    final class Cursor {
        private let entryReader: SpillReader
        private let keyReader: SpillReader?
        /// The entry at the cursor, or nil past the end.
        private(set) var entry: Entry?
        /// The current entry's key bytes (when keys are read), valid until the next `advance()`.
        private(set) var key = UnsafeRawBufferPointer(start: nil, count: 0)

        /// A cursor on the run's first entry; with `keys: false` key bytes are not read.
        init(_ run: KeyRun, keys: Bool = true) {
            entryReader = SpillReader(run.entries)
            keyReader = keys ? SpillReader(run.keys) : nil
            advance()
        }

        func advance() {
            guard let bytes = entryReader.next(Entry.size) else {
                entry = nil
                return
            }
            let next = Entry(bytes)
            entry = next
            if let keyReader { key = keyReader.next(next.length) ?? UnsafeRawBufferPointer(start: nil, count: 0) }
        }
    }
}
