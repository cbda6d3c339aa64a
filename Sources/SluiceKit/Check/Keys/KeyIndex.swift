/// A set of keys, each with the place it was first seen: the state of the `unique` and
/// `unique-key` rules, in memory bounded by a spill threshold rather than by the file's size.
///
/// Keys go into an in-memory ``KeyTable``. When it holds `spillThreshold` keys, they are
/// written to disk as a run sorted by hash (``KeySpill``) and the table starts again, so memory
/// holds at most that many keys plus a Bloom filter of 1.5 bytes per spilled key. Measured
/// with 10M twelve-character record ids: the in-memory table alone grew to ~555 MiB, most of
/// a run's 600 MiB peak; spilled, the peak stays near the 1M-record run's. A key is looked up
/// in the table, then (only when the filter says it may be there) in the runs on disk.
///
/// When nothing can be written to the temporary folder, the index keeps every key in memory,
/// as it did before spilling existed: the answers are the same, only memory grows.
struct KeyIndex {
    /// Where a key was first seen.
    struct Place: Hashable {
        let file: Int32
        let line: Int32
        let record: Int32
    }

    /// Keys held in memory before they spill: 262,144 twelve-byte keys take ~13 MiB.
    static let defaultSpillThreshold = 1 << 18

    private var table = KeyTable()
    private var spill: KeySpill?
    private var spillFailed = false
    let spillThreshold: Int
    /// Where spilled keys go.
    let spillDirectory: String

    init(spillThreshold: Int = Self.defaultSpillThreshold, spillDirectory: String = SpillFile.temporaryDirectory) {
        self.spillThreshold = max(spillThreshold, 1)
        self.spillDirectory = spillDirectory
    }

    /// Keys held, in memory and on disk.
    var count: Int { table.count + (spill?.count ?? 0) }

    /// Runs of keys on disk.
    var spilledRuns: Int { spill?.runCount ?? 0 }

    /// The place of a key already present.
    func place(of key: String) -> Place? {
        var key = key
        return key.withUTF8 { bytes in
            let keyHash = table.hash(bytes)
            return table.place(inSlot: table.find(bytes, hash: keyHash)) ?? spill?.find(bytes, hash: keyHash)
        }
    }

    /// Starts loading the memory a look-up of the key starts with (its table slot and, once
    /// keys have spilled, its filter block) without waiting for it. Prefetching the keys of a
    /// batch before looking them up in order lets the processor wait for those cache misses
    /// together: with 1M record ids, 95 % of the table look-up's time was the wait for its
    /// first slot (perf annotate), and plain loads ahead of time overlapped too few of them.
    func prefetch(_ key: String) {
        var key = key
        key.withUTF8 { bytes in
            let keyHash = table.hash(bytes)
            table.prefetch(hash: keyHash)
            spill?.prefetch(hash: keyHash)
        }
    }

    /// Adds a key unless present.
    mutating func insert(_ key: String, at place: Place) {
        _ = insertOrFind(key, at: place)
    }

    /// Adds a key unless present; returns the place of the key already present.
    mutating func insertOrFind(_ key: String, at place: Place) -> Place? {
        var key = key
        let found: Place? = key.withUTF8 { bytes in
            let keyHash = table.hash(bytes)
            let slot = table.find(bytes, hash: keyHash)
            if let earlier = table.place(inSlot: slot) ?? spill?.find(bytes, hash: keyHash) { return earlier }
            table.insert(bytes, hash: keyHash, at: place, slot: slot)
            return nil
        }
        if found == nil, table.count >= spillThreshold, !spillFailed { spillTable() }
        return found
    }

    /// Forgets every key first seen in a file (its records were withdrawn).
    mutating func removeAll(fromFile file: Int32) {
        table.removeAll(fromFile: file)
        spill?.withdraw(file: file)
    }

    /// Moves the table's keys to disk; when the disk refuses, they stay and spilling stops.
    private mutating func spillTable() {
        let target = spill ?? KeySpill(directory: spillDirectory, expectedKeys: spillThreshold * 4)
        guard target.add(table) else {
            spillFailed = true
            return
        }
        spill = target
        table.removeAll()
    }
}
