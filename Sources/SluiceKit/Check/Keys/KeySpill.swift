/// The part of a ``KeyIndex`` on disk: runs of keys sorted by hash, and one Bloom filter over
/// all of them so that a key never spilled (almost every new key) is told apart in memory.
///
/// Runs are merged like a binary counter: a new run merges with the one before while that one
/// is not larger, so there are at most about log₂(spilled keys ÷ spill size) runs to look in.
/// Keys withdrawn with their file are dropped from the runs at once (withdrawing is rare).
///
/// A value: a spill in flight (``KeySpillJob``) adds a run to its own copy on its thread while
/// the check thread goes on looking keys up in the copy it has, and takes the new one when the
/// spill is done. The copies share the runs (which never change once written) and the filter's
/// storage until the spill's first insert copies it. The runs' scratch files close when the
/// last copy naming them goes.
struct KeySpill {
    private let directory: String
    private var runs: [KeyRun] = []
    private var filter: KeyFilter
    /// Keys in the runs.
    private(set) var count = 0
    /// Files whose keys were withdrawn but are still in a run (the disk refused the rewrite).
    private var excluded: Set<Int32> = []
    /// Scratch space for look-ups, used by the check thread only: a spill never looks keys up.
    private let scratch = LookupScratch()

    init(directory: String, expectedKeys: Int) {
        self.directory = directory
        filter = KeyFilter(capacity: max(expectedKeys, 1024))
    }

    /// Runs on disk now.
    var runCount: Int { runs.count }

    /// The place of a spilled key.
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> KeyIndex.Place? {
        guard count > 0, filter.mayContain(hash) else { return nil }
        for run in runs.reversed() {
            if let place = run.find(bytes, hash: hash, excluding: excluded, block: scratch.block, key: &scratch.key) {
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
    mutating func add(_ table: KeyTable) -> Bool {
        let order = table.entriesInHashOrder()
        guard var builder = KeyRun.Builder(directory: directory) else { return false }
        table.forEachEntry(in: order) { hash, key, place in builder.append(hash: hash, place: place, key: key) }
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
    mutating func withdraw(file: Int32) {
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

    /// A larger filter holding every run's hashes, read back from disk. This copy's old filter
    /// goes first (the check thread's copy still holds it until the spill is taken); growing by
    /// half, not by doubling, keeps the filter within about 1.5× the keys it holds (at 10M
    /// keys: 17 MiB, not 24).
    private mutating func rebuildFilter(capacity: Int) {
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

/// A look-up's scratch space: one block of run entries and one key.
///
/// `@unchecked Sendable`: only the check thread's look-ups use it (``KeySpill/find(_:hash:)``);
/// a spill's copy of the ``KeySpill`` carries the reference but never reads through it.
final class LookupScratch: @unchecked Sendable {
    let block: UnsafeMutableRawBufferPointer
    var key: [UInt8] = []

    init() {
        block = .allocate(byteCount: KeyRun.blockEntries * KeyRun.Entry.size, alignment: 8)
    }

    deinit {
        block.deallocate()
    }
}
