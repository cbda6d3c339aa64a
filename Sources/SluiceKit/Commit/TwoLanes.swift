import Foundation

/// Steps that write independent files, run in two lanes at once: the first lane on the calling
/// thread, the second on a thread of its own. Each lane runs its steps in the order they were
/// added and stops at its first error, or before a step when a step added earlier has failed in
/// the other lane; `run()` waits for both and throws the error of the step added first among
/// those that failed, the one a serial run would have stopped at. What the steps write does not
/// depend on the lanes: each step writes its own files.
///
/// A step that can leave a trace besides its files and its error (libxlsxwriter prints
/// `[ERROR] …` to stderr when it cannot write) is added `loud`: it starts only once every step
/// added before it has succeeded, so it runs exactly when a serial run would run it. The others
/// may run while an earlier step fails in the other lane; what they wrote goes with the staging
/// folder.
///
/// Used at the end of a run, where the files left to write (the KPI tables and workbook, the
/// worklist, the HTML reports) and the `fsync`s of the streamed outputs are independent of each
/// other and ran one after another on one core while the other idled.
struct TwoLanes {
    enum Lane: Sendable, Hashable {
        case first, second
    }

    typealias Step = () throws(OutputError) -> Void

    private struct Entry {
        var lane: Lane
        var loud: Bool
        var step: Step
    }

    /// Both lanes at once; when `false`, every step runs on the calling thread in the order added.
    let parallel: Bool
    private var entries: [Entry] = []

    init(parallel: Bool) {
        self.parallel = parallel
    }

    /// Two lanes when the run uses more than one thread (`SLUICE_THREADS=1` runs one).
    static var `default`: TwoLanes {
        TwoLanes(parallel: RecordStaging.default != .serial)
    }

    /// Adds a step to a lane; its place among all steps decides which error is reported. A `loud`
    /// step waits until every step added before it has succeeded.
    mutating func add(_ lane: Lane, loud: Bool = false, _ step: @escaping Step) {
        entries.append(Entry(lane: lane, loud: loud, step: step))
    }

    /// Runs every step; throws the first error in the order the steps were added.
    func run() throws(OutputError) {
        guard parallel else {
            for entry in entries { try entry.step() }
            return
        }
        let progress = Progress(count: entries.count)
        let done = DispatchSemaphore(value: 0)
        let handoff = ThreadHandoff(lane(.second))
        let thread = Thread {
            Self.run(handoff.take(), progress: progress)
            done.signal()
        }
        thread.name = "sluice.finish"
        thread.stackSize = 8 << 20
        thread.start()
        Self.run(lane(.first), progress: progress)
        done.wait()
        if let error = progress.firstError { throw error }
    }

    /// A lane's steps with their places among all steps.
    private func lane(_ lane: Lane) -> [(index: Int, entry: Entry)] {
        entries.indices.filter { entries[$0].lane == lane }.map { ($0, entries[$0]) }
    }

    /// Runs one lane's steps in order, stopping at its first failure or before a step that an
    /// earlier failure in the other lane means a serial run would never reach.
    private static func run(_ steps: [(index: Int, entry: Entry)], progress: Progress) {
        for (index, entry) in steps {
            guard progress.mayStart(index, waitingForEarlier: entry.loud) else { return }
            do {
                try entry.step()
                progress.finished(index, nil)
            } catch {
                progress.finished(index, error)
                return
            }
        }
    }

    /// Which steps finished, and how; shared by both lanes.
    ///
    /// `@unchecked Sendable`: every access holds `condition`'s lock.
    private final class Progress: @unchecked Sendable {
        private let condition = NSCondition()
        /// `nil` while a step has not finished; then its error, or `.none` for success.
        private var outcomes: [OutputError??]

        init(count: Int) {
            outcomes = Array(repeating: nil, count: count)
        }

        /// Whether step `index` should run: not when a step before it failed. With
        /// `waitingForEarlier`, waits until every step before it has finished first.
        func mayStart(_ index: Int, waitingForEarlier: Bool) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while true {
                let earlier = outcomes[..<index]
                if earlier.contains(where: { $0 != nil && $0! != nil }) { return false }
                if !waitingForEarlier || earlier.allSatisfy({ $0 != nil }) { return true }
                condition.wait()
            }
        }

        func finished(_ index: Int, _ error: OutputError?) {
            condition.lock()
            outcomes[index] = .some(error)
            condition.broadcast()
            condition.unlock()
        }

        /// The error of the earliest step that failed.
        var firstError: OutputError? {
            condition.lock()
            defer { condition.unlock() }
            for outcome in outcomes {
                if case .some(.some(let error)) = outcome { return error }
            }
            return nil
        }
    }
}
