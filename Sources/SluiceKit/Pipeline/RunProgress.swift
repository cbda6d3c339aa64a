import Foundation

/// How far a run is: files done of the total and records read so far, for a progress line.
///
/// The pipeline adds to it; a caller (the executable's progress line) reads a snapshot from
/// another thread. Records are added in batches (``recordBatch``), so the lock is taken once
/// per thousand records, not per record: the hot path pays a counter and a comparison.
public final class RunProgress: @unchecked Sendable {
    /// Records counted before the shared total is updated.
    static let recordBatch = 1024

    /// What a progress line shows.
    public struct Snapshot: Sendable, Hashable {
        public var filesDone: Int
        public var filesTotal: Int
        public var records: Int

        /// Creates a snapshot.
        public init(filesDone: Int, filesTotal: Int, records: Int) {
            self.filesDone = filesDone
            self.filesTotal = filesTotal
            self.records = records
        }
    }

    private let lock = NSLock()
    private var state = Snapshot(filesDone: 0, filesTotal: 0, records: 0)

    /// Creates an empty progress.
    public init() {}

    /// The counts now.
    public var snapshot: Snapshot {
        lock.withLock { state }
    }

    /// The run is about to read `files` files.
    func begin(files: Int) {
        lock.withLock { state.filesTotal = files }
    }

    /// `count` more records were read.
    func add(records count: Int) {
        guard count > 0 else { return }
        lock.withLock { state.records += count }
    }

    /// One more file is done.
    func fileDone() {
        lock.withLock { state.filesDone += 1 }
    }
}
