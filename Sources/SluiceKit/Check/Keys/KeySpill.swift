/// The part of a ``KeyIndex`` on disk: runs of keys sorted by hash, and one Bloom filter over
/// all of them so that a key never spilled (almost every new key) is told apart in memory.
///
/// Runs are merged like a binary counter: a new run merges with the one before while that one
/// is not larger, so there are at most about log₂(spilled keys ÷ spill size) runs to look in.
/// Keys withdrawn with their file are dropped from the runs at once (withdrawing is rare).
///
/// A class, so the scratch files it owns close when the index goes; the index uses it from one
/// thread at a time (the checker's), like the rest of its state.
final class KeySpill: @unchecked Sendable {
    private let directory: String
    private var runs: [KeyRun] = []
    private var filter: KeyFilter
    /// Keys in the runs.
    private(set) var count = 0
    /// Files whose keys were withdrawn but are still in a run (the disk refused the rewrite).
    private var excluded: Set<Int32> = []
    /// Scratch space for look-ups: one block of entries, one key.
    private let block: UnsafeMutableRawBufferPointer
    private var keyScratch: [UInt8] = []

    init(directory: String, expectedKeys: Int) {
        self.directory = directory
        filter = KeyFilter(capacity: max(expectedKeys, 1024))
        block = .allocate(byteCount: KeyRun.blockEntries * KeyRun.Entry.size, alignment: 8)
    }

    deinit {
        block.deallocate()
    }

    /// Runs on disk now.
    var runCount: Int { runs.count }

    /// The place of a spilled key.
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> KeyIndex.Place? {
        guard count > 0, filter.mayContain(hash) else { return nil }
        for run in runs.reversed() {
            if let place = run.find(bytes, hash: hash, excluding: excluded, block: block, key: &keyScratch) {
                return place
            }
        }
        return nil
    }

    /// Starts loading the filter block a look-up of this hash tests, so that it finds it in the cache.
    func prefetch(hash: UInt64) {
        if count > 0 { filter.prefetch(hash) }
    }

    /// Writes the table's keys as a new run; false (and nothing changed) when the disk refused.
    func add(_ table: KeyTable) -> Bool {
        var order: [(hash: UInt64, entry: Int32)] = []
        order.reserveCapacity(table.count)
        for entry in 0..<table.count {
            order.append((table.withEntry(entry) { bytes, _ in table.hash(bytes) }, Int32(entry)))
        }
        order.sort { $0.hash < $1.hash }
        guard var builder = KeyRun.Builder(directory: directory) else { return false }
        for item in order {
            table.withEntry(Int(item.entry)) { bytes, place in
                builder.append(hash: item.hash, place: place, key: UnsafeRawBufferPointer(bytes))
            }
        }
        guard let run = builder.finish() else { return false }
        if count + run.count > filter.capacity {
            runs.append(run)
            rebuildFilter(capacity: max(filter.capacity + filter.capacity / 2, count + run.count))
            runs.removeLast()
        } else {
            for item in order { filter.insert(item.hash) }
        }
        runs.append(run)
        count += run.count
        while runs.count >= 2, runs[runs.count - 2].count <= runs[runs.count - 1].count {
            let pair = [runs[runs.count - 2], runs[runs.count - 1]]
            guard let merged = Self.merge(pair, dropping: excluded, in: directory) else { break }
            count -= pair[0].count + pair[1].count - merged.count
            runs.removeLast(2)
            runs.append(merged)
        }
        return true
    }

    /// Drops the keys first seen in a file. A run the disk will not rewrite keeps them, and
    /// look-ups then pass over them (they are no longer anyone's first occurrence).
    func withdraw(file: Int32) {
        for index in runs.indices {
            guard let kept = Self.merge([runs[index]], dropping: [file], in: directory) else {
                excluded.insert(file)
                continue
            }
            count -= runs[index].count - kept.count
            runs[index] = kept
        }
        runs.removeAll { $0.count == 0 }
    }

    /// One run holding the runs' entries in hash order, without those of `files`; nil when the disk refused.
    private static func merge(_ runs: [KeyRun], dropping files: Set<Int32> = [], in directory: String) -> KeyRun? {
        guard var builder = KeyRun.Builder(directory: directory) else { return nil }
        let cursors = runs.map { KeyRun.Cursor($0) }
        while true {
            var smallest: KeyRun.Cursor?
            for cursor in cursors {
                guard let entry = cursor.entry else { continue }
                if let current = smallest?.entry, current.hash <= entry.hash { continue }
                smallest = cursor
            }
            guard let cursor = smallest, let entry = cursor.entry else { break }
            if !files.contains(entry.place.file) {
                builder.append(hash: entry.hash, place: entry.place, key: cursor.key)
            }
            cursor.advance()
        }
        return builder.finish()
    }

    /// A larger filter holding every run's hashes, read back from disk. The old filter goes
    /// first, so the two never take memory together; growing by half, not by doubling, keeps
    /// the filter within about 1.5× the keys it holds (at 10M keys: 17 MiB, not 24).
    private func rebuildFilter(capacity: Int) {
        filter = KeyFilter(capacity: 0)
        filter = KeyFilter(capacity: capacity)
        for source in runs {
            let cursor = KeyRun.Cursor(source, keys: false)
            while let entry = cursor.entry {
                filter.insert(entry.hash)
                cursor.advance()
            }
        }
    }
}
