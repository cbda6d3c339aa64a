/// A set of keys, each with the place it was first seen: the state of the `unique` and
/// `unique-key` rules, in memory bounded by a spill threshold rather than by the file's size.
///
/// Keys go into an in-memory ``KeyTable``. When it holds `spillThreshold` keys, it is frozen
/// and handed to a thread of its own (``KeySpillJob``) that writes its keys to disk as a run
/// sorted by hash (``KeySpill``), while the index goes on with a second, empty table. A
/// look-up tries the table, then the frozen table while its spill is in flight, then (only
/// when the filter says a key may be there) the runs on disk: a key is in exactly one of them,
/// so every answer is the one a single table would give. Measured with 10M twelve-character
/// record ids: the in-memory table alone grew to ~555 MiB, most of a run's 600 MiB peak;
/// spilled, the peak stays near the 1M-record run's.
///
/// At most one spill is in flight: when the table is full again before the last spill has
/// finished, the index waits for it. So memory holds at most two tables of `spillThreshold`
/// keys (the one filling and the frozen one, whose storage is then reused for the next keys),
/// plus a Bloom filter of 1.5 bytes per spilled key, twice for as long as a spill updates it.
/// Spilling in flight takes the sorting, writing and merging of runs off the check thread,
/// the pipeline's busiest: 6.8 % of all samples of a 1M-row CSV run, of the check thread's
/// 45 % (perf, 2026-11-30).
///
/// When nothing can be written to the temporary folder, the index keeps every key in memory,
/// as it did before spilling existed: the answers are the same, only memory grows.
///
/// The index itself belongs to one thread at a time (the checker's); see ``KeySpillJob`` for
/// what the spill's thread shares with it.
struct KeyIndex {
    /// Where a key was first seen.
    struct Place: Hashable {
        let file: Int32
        let line: Int32
        let record: Int32
    }

    /// Keys held in memory before they spill: 131,072 twelve-byte keys take ~6.5 MiB, and two
    /// tables are held while a spill is in flight. With 262,144 (one table's ~13 MiB, as before
    /// spills ran in flight) a 1M-row CSV run peaked at 90 MiB; with this, at 65–68 MiB as
    /// before, and no slower (4 alternating pairs: 3.07–4.64 s against 3.00–4.25 s).
    static let defaultSpillThreshold = 1 << 17

    /// How many keys are added between two looks at whether the spill in flight has finished:
    /// until it is taken, look-ups also probe the frozen table.
    private static let spillPollInterval = 1024

    private var table = KeyTable()
    /// The table being spilled, read-only until its spill is taken.
    private var frozen: KeyTable?
    /// The spill writing `frozen`.
    private var inFlight: KeySpillJob?
    /// The storage of the last table spilled, emptied, for the next table to fill.
    private var spare: KeyTable?
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
    var count: Int { table.count + (frozen?.count ?? 0) + (spill?.count ?? 0) }

    /// Runs of keys on disk, once the spill in flight (if any) has finished.
    var spilledRuns: Int {
        if let inFlight, case .spilled(let finished) = inFlight.wait() { return finished.runCount }
        return spill?.runCount ?? 0
    }

    /// The place of a key already present.
    func place(of key: String) -> Place? {
        var key = key
        return key.withUTF8 { bytes in
            let keyHash = table.hash(bytes)
            return table.place(inSlot: table.find(bytes, hash: keyHash)) ?? placeOutsideTable(bytes, hash: keyHash)
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
            frozen?.prefetch(hash: keyHash)
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
            // The frozen table and the spill through optional chaining, not a method of the
            // index: calling one here copied the whole index for each key (perf: ~2 % of the
            // check thread in retains and releases).
            if let earlier = table.place(inSlot: slot) { return earlier }
            if let frozenSlot = frozen?.find(bytes, hash: keyHash), let earlier = frozen?.place(inSlot: frozenSlot) {
                return earlier
            }
            if let earlier = spill?.find(bytes, hash: keyHash) { return earlier }
            table.insert(bytes, hash: keyHash, at: place, slot: slot)
            return nil
        }
        if found == nil {
            if table.count >= spillThreshold, !spillFailed {
                spillTable()
            } else if inFlight != nil, table.count % Self.spillPollInterval == 0 {
                takeSpill(waiting: false)
            }
        }
        return found
    }

    /// Forgets every key first seen in a file (its records were withdrawn).
    mutating func removeAll(fromFile file: Int32) {
        takeSpill(waiting: true)
        table.removeAll(fromFile: file)
        spill?.withdraw(file: file)
    }

    /// The place of a key not in `table`: in the table being spilled, or on disk.
    private func placeOutsideTable(_ bytes: UnsafeBufferPointer<UInt8>, hash keyHash: UInt64) -> Place? {
        if let frozen, let place = frozen.place(inSlot: frozen.find(bytes, hash: keyHash)) { return place }
        return spill?.find(bytes, hash: keyHash)
    }

    /// Hands the full table to a spill of its own and goes on with an empty one, once the last
    /// spill has finished. When the disk refused that one, every key stays in the table and
    /// spilling stops.
    private mutating func spillTable() {
        takeSpill(waiting: true)
        guard !spillFailed else { return }
        var next = spare.take() ?? KeyTable(hashingLike: table)
        swap(&table, &next)
        frozen = next
        inFlight = KeySpillJob.start(
            next, into: spill ?? KeySpill(directory: spillDirectory, expectedKeys: spillThreshold * 4))
    }

    /// Takes the outcome of the spill in flight, if any: waiting for it, or only when it has
    /// finished. A refused spill's keys move back into the table, and spilling stops.
    private mutating func takeSpill(waiting: Bool) {
        guard let job = inFlight, var spilled = frozen else { return }
        guard let outcome = waiting ? job.wait() : job.finishedOutcome else { return }
        inFlight = nil
        frozen = nil
        switch outcome {
        case .spilled(let updated):
            spill = updated
            spilled.removeAll()
            spare = spilled
        case .refused:
            table.insert(contentsOf: spilled)
            spillFailed = true
        }
    }
}
