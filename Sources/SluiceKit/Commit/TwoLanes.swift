import Foundation

/// Steps that write independent files, run in two lanes at once: the first lane on the calling
/// thread, the second on a thread of its own. Each lane runs its steps in the order they were
/// added and stops at its first error; `run()` waits for both and throws the error of the step
/// added first among those that failed, the one a serial run would have stopped at. What the
/// steps write does not depend on the lanes: each step writes its own files.
///
/// Used at the end of a run, where the files left to write (the KPI tables and workbook, the
/// worklist, the HTML reports) and the `fsync`s of the streamed outputs are independent of each
/// other and ran one after another on one core while the other idled.
struct TwoLanes {
    enum Lane: Sendable, Hashable {
        case first, second
    }

    typealias Step = () throws(OutputError) -> Void

    /// Both lanes at once; when `false`, every step runs on the calling thread in the order added.
    let parallel: Bool
    private var steps: [(lane: Lane, step: Step)] = []

    init(parallel: Bool) {
        self.parallel = parallel
    }

    /// Two lanes when the run uses more than one thread (`SLUICE_THREADS=1` runs one).
    static var `default`: TwoLanes {
        TwoLanes(parallel: RecordStaging.default != .serial)
    }

    /// Adds a step to a lane; its place among all steps decides which error is reported.
    mutating func add(_ lane: Lane, _ step: @escaping Step) {
        steps.append((lane, step))
    }

    /// Runs every step; throws the first error in the order the steps were added.
    func run() throws(OutputError) {
        guard parallel else {
            for (_, step) in steps { try step() }
            return
        }
        let second = Failure()
        let done = DispatchSemaphore(value: 0)
        let handoff = ThreadHandoff(steps.enumerated().filter { $0.element.lane == .second })
        let thread = Thread {
            second.record(Self.runLane(handoff.take()))
            done.signal()
        }
        thread.name = "sluice.finish"
        thread.stackSize = 8 << 20
        thread.start()
        let first = Self.runLane(steps.enumerated().filter { $0.element.lane == .first })
        done.wait()
        let failures = [first, second.value].compactMap { $0 }
        if let earliest = failures.min(by: { $0.index < $1.index }) { throw earliest.error }
    }

    /// Runs one lane's steps in order; the first that fails, with its place among all steps.
    private static func runLane(
        _ steps: [EnumeratedSequence<[(lane: Lane, step: Step)]>.Element]
    ) -> (index: Int, error: OutputError)? {
        for (index, entry) in steps {
            do {
                try entry.step()
            } catch {
                return (index, error)
            }
        }
        return nil
    }

    /// The second lane's failure, written by its thread before it signals and read after the wait.
    ///
    /// `@unchecked Sendable`: one write before `DispatchSemaphore.signal()`, one read after
    /// `wait()`, which orders them.
    private final class Failure: @unchecked Sendable {
        private(set) var value: (index: Int, error: OutputError)?

        func record(_ failure: (index: Int, error: OutputError)?) {
            value = failure
        }
    }
}
