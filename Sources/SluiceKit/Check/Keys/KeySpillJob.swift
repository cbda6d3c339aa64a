import Foundation

/// One spill of a ``KeyIndex``'s full table, on a thread of its own: it sorts the table's keys
/// by hash, writes them as a run, merges runs and updates the Bloom filter, all in its own
/// copy of the index's ``KeySpill``, and hands that copy back.
///
/// Who owns what, and when (the thread-safety argument):
/// * The table and the `KeySpill` it is given are values; the job's thread works on its own
///   copies. The check thread keeps copies of both and only reads them until it takes the
///   outcome (a copy-on-write buffer shared by the two is never written in place: the first
///   write on either side copies it, and the index writes neither while a spill is in flight).
/// * Runs already on disk are read by both threads (look-ups, merges); a ``KeyRun`` never
///   changes once built, and reading is `pread` at an offset. Runs the job builds reach the
///   check thread only through the outcome.
/// * The outcome is written once by the job's thread and read by the check thread, both under
///   `condition`'s lock, which orders everything the job did before it.
final class KeySpillJob: @unchecked Sendable {
    /// How a spill ended.
    enum Outcome {
        /// The index's `KeySpill` with the table's keys in a new run (possibly merged).
        case spilled(KeySpill)
        /// The disk refused the run; nothing changed, the table's keys are still only in the table.
        case refused
    }

    private let condition = NSCondition()
    /// What the job's thread works on, until it takes it.
    private var input: (table: KeyTable, spill: KeySpill)?
    private var outcome: Outcome?

    private init(table: KeyTable, spill: KeySpill) {
        input = (table, spill)
    }

    /// Starts spilling `table` into a copy of `spill` on a new thread.
    static func start(_ table: KeyTable, into spill: KeySpill) -> KeySpillJob {
        let job = KeySpillJob(table: table, spill: spill)
        let thread = Thread { job.run() }
        thread.name = "sluice.spill"
        thread.start()
        return job
    }

    /// The outcome, if the spill has finished; never waits.
    var finishedOutcome: Outcome? {
        condition.lock()
        defer { condition.unlock() }
        return outcome
    }

    /// Waits for the spill to finish and returns how it ended.
    func wait() -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let outcome { return outcome }
            condition.wait()
        }
    }

    private func run() {
        // The job's copies of the table and the spill are temporaries of this statement: they
        // go before the outcome is told, so the check thread then holds the table's storage
        // alone and empties it for the next keys in place.
        let result = Self.spill(takeInput())
        condition.lock()
        outcome = result
        condition.broadcast()
        condition.unlock()
    }

    private func takeInput() -> (table: KeyTable, spill: KeySpill) {
        condition.lock()
        defer { condition.unlock() }
        guard let taken = input else { preconditionFailure("a key spill run twice") }
        input = nil
        return taken
    }

    private static func spill(_ input: (table: KeyTable, spill: KeySpill)) -> Outcome {
        var spill = input.spill
        return spill.add(input.table) ? .spilled(spill) : .refused
    }
}
