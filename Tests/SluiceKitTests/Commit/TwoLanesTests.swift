import Foundation
import Synchronization
import Testing

@testable import SluiceKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The end of a run in two lanes: the same files as one thread writes, and the error a
/// one-thread run stops at.
@Suite struct TwoLanesTests {
    /// What the steps did: which ran, and on which thread.
    final class Log: Sendable {
        let entries = Mutex<[(step: Int, thread: pthread_t)]>([])

        func ran(_ step: Int) {
            entries.withLock { $0.append((step, pthread_self())) }
        }

        var steps: [Int] { entries.withLock { $0.map(\.step).sorted() } }

        func thread(of step: Int) -> pthread_t? {
            entries.withLock { $0.first { $0.step == step }?.thread }
        }
    }

    static func failure(_ step: Int) -> OutputError {
        OutputError(path: "step \(step)", message: "failed")
    }

    /// Lanes of steps `0..<lanes.count`; those in `failing` throw, those in `slow` sleep 50 ms
    /// first, those in `loud` are added loud.
    static func lanes(
        _ lanes: [TwoLanes.Lane], failing: Set<Int>, slow: Set<Int> = [], loud: Set<Int> = [], parallel: Bool,
        log: Log
    ) -> TwoLanes {
        var result = TwoLanes(parallel: parallel)
        for (step, lane) in lanes.enumerated() {
            result.add(lane, loud: loud.contains(step)) { () throws(OutputError) in
                if slow.contains(step) { usleep(50_000) }
                log.ran(step)
                if failing.contains(step) { throw failure(step) }
            }
        }
        return result
    }

    @Test func theSecondLaneRunsOnAnotherThreadAndBothLanesRunEveryStep() throws {
        let log = Log()
        try Self.lanes([.first, .second, .first, .second], failing: [], parallel: true, log: log).run()
        #expect(log.steps == [0, 1, 2, 3])
        let caller = pthread_self()
        #expect(log.thread(of: 0).map { pthread_equal($0, caller) != 0 } == true)
        #expect(log.thread(of: 2).map { pthread_equal($0, caller) != 0 } == true)
        #expect(log.thread(of: 1).map { pthread_equal($0, caller) != 0 } == false)
        #expect(log.thread(of: 3).map { pthread_equal($0, caller) != 0 } == false)
    }

    @Test func withoutParallelEveryStepRunsInOrderOnTheCallingThread() throws {
        let log = Log()
        try Self.lanes([.first, .second, .first, .second], failing: [], parallel: false, log: log).run()
        let order = log.entries.withLock { $0.map(\.step) }
        #expect(order == [0, 1, 2, 3])
        let caller = pthread_self()
        #expect(log.entries.withLock { $0.allSatisfy { pthread_equal($0.thread, caller) != 0 } })
    }

    /// Steps 1 (second lane) and 2 (first lane) fail: step 1's error is the one a serial run
    /// reports, whichever lane finishes first; each lane stops at its own first error, and
    /// step 2 runs only if it started before step 1 failed.
    @Test(arguments: [true, false])
    func theErrorReportedIsTheFirstInTheOrderTheStepsWereAdded(parallel: Bool) throws {
        let log = Log()
        let lanes = Self.lanes(
            [.first, .second, .first, .second, .first], failing: [1, 2], parallel: parallel, log: log)
        #expect(throws: Self.failure(1)) { try lanes.run() }
        #expect(!log.steps.contains(3), "the second lane stops at its error")
        #expect(!log.steps.contains(4), "the first lane stops at its error")
        #expect(log.steps.starts(with: [0, 1]))
        if !parallel { #expect(log.steps == [0, 1]) }
    }

    @Test(arguments: [true, false])
    func anErrorInTheFirstLaneWinsOverALaterOneInTheSecond(parallel: Bool) throws {
        let log = Log()
        let lanes = Self.lanes([.first, .second, .second], failing: [0, 2], parallel: parallel, log: log)
        #expect(throws: Self.failure(0)) { try lanes.run() }
    }

    /// A loud step waits for the slow step before it in the other lane, and runs after it.
    @Test func aLoudStepWaitsForEveryEarlierStep() throws {
        let log = Log()
        try Self.lanes([.second, .first, .first], failing: [], slow: [0], loud: [1], parallel: true, log: log).run()
        #expect(log.entries.withLock { $0.map(\.step) } == [0, 1, 2])
    }

    /// A loud step after a step that fails in the other lane never runs, as on one thread;
    /// a quiet step in its place may.
    @Test(arguments: [true, false])
    func aLoudStepAfterAFailureDoesNotRun(parallel: Bool) throws {
        let log = Log()
        let lanes = Self.lanes(
            [.second, .first, .first], failing: [0], slow: [0], loud: [1], parallel: parallel, log: log)
        #expect(throws: Self.failure(0)) { try lanes.run() }
        #expect(log.steps == [0])
    }
}

/// ``ClosingFiles`` in two lanes and on one thread: byte for byte the same files, the same error.
@Suite struct ClosingFilesTests {
    struct Inputs {
        let rules: RuleSet
        let results: KPIResults
        let summary: RunSummary
    }

    static func inputs() throws -> Inputs {
        let rules = try RulesLoader.load(
            directory: TestPaths.repoRoot.appendingPathComponent("Rules"), displayBase: nil)
        let collector = try KPICollector(rules: rules, asOf: CivilDate(year: 2026, month: 11, day: 6))
        let results = KPIEvaluator(collector: collector).evaluate()
        let summary = RunSummary(
            runID: "20261130T030000Z", startedAt: "2026-11-30T03:00:00Z", finishedAt: "2026-11-30T03:00:01Z",
            inputs: [], records: RecordCounts(read: 2, accepted: 1, rejected: 1),
            findings: FindingCounts(), outputs: [], exitCode: 3, asOf: "2026-11-06",
            kpis: KPIStatusCounts(results.rows), quality: [])
        return Inputs(rules: rules, results: results, summary: summary)
    }

    /// Writes the closing files into `folder` (with two findings in the exception report).
    static func write(to folder: URL, _ inputs: Inputs, parallel: Bool) throws {
        for sub in ["clean", "rejected", "quarantine"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let outputs = try RunOutputs(
            folder: folder, feeds: inputs.rules.feeds, leadingLimit: 10, contracts: inputs.rules.contracts,
            settings: inputs.rules.settings)
        for line in [3, 7] {
            try outputs.write(
                Finding(
                    severity: .error, ruleID: "required", feed: inputs.rules.feeds.first?.name, vendor: "ACME",
                    location: SourceLocation(file: "Inbox/acme.csv", line: line, column: 2), field: "queue",
                    rawValue: "", message: "field 'queue' is empty; expected a value"))
        }
        var summary = inputs.summary
        summary.findings = outputs.counts
        try ClosingFiles.write(
            to: folder, outputs: outputs, results: inputs.results, history: StoreSession.RunHistory(),
            rules: inputs.rules, inputs: [], summary: summary, created: Date(timeIntervalSince1970: 1_795_000_000),
            lanes: TwoLanes(parallel: parallel))
    }

    /// Every file under `folder`, by relative path.
    static func files(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        for case let path as String in enumerator {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            files[path] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func twoLanesWriteTheSameFilesAsOneThread() throws {
        let inputs = try Self.inputs()
        try withTemporaryFolder { folder in
            let serial = folder.appendingPathComponent("serial")
            let parallel = folder.appendingPathComponent("parallel")
            try Self.write(to: serial, inputs, parallel: false)
            try Self.write(to: parallel, inputs, parallel: true)
            let expected = try Self.files(serial)
            let names =
                [
                    "changes.csv", "credits.csv", "exceptions.csv", "exceptions.html", "exceptions.json", "kpi.csv",
                    "kpi.html", "kpi.xlsx", "quality.csv", "submissions.csv", "worklist.csv", "worklist.xlsx",
                ] + inputs.rules.feeds.flatMap { ["clean/\($0.name).csv", "rejected/\($0.name).csv"] }
            #expect(expected.keys.sorted() == names.sorted())
            #expect(try Self.files(parallel) == expected)
            let exceptions = try #require(String(data: expected["exceptions.csv"] ?? Data(), encoding: .utf8))
            #expect(exceptions.split(separator: "\n").count == 3, "a header and the two findings")
        }
    }

    /// `changes.csv` (the first step) and `worklist.csv` and `kpi.html` (the second lane) cannot be
    /// created: the error is `changes.csv`'s, as on one thread.
    @Test(arguments: [true, false])
    func theErrorIsTheOneAThreadAloneStopsAt(parallel: Bool) throws {
        let inputs = try Self.inputs()
        try withTemporaryFolder { folder in
            for blocked in ["changes.csv", "worklist.csv", "kpi.html"] {
                try FileManager.default.createDirectory(
                    at: folder.appendingPathComponent(blocked), withIntermediateDirectories: true)
            }
            let path = folder.appendingPathComponent("changes.csv").path
            #expect(throws: OutputError(path: path, message: "cannot create file: Is a directory")) {
                try Self.write(to: folder, inputs, parallel: parallel)
            }
        }
    }
}
