import Foundation
import Testing

@testable import SluiceKit

/// One file's KPI part (`KPIFileCollector`) on real files through the real reader and checker:
/// groups per vendor, contract, period and dimension, receipts, quality counts, and what
/// `finishFile` and `restore` do with them.
@Suite struct KPIFileCollectorTests {
    static let rules = """
        kpis:
          - { id: n, name: Calls, unit: count, direction: higher, decimals: 0 }
          - { id: sl, name: SL, unit: percent, direction: higher, decimals: 1 }
          - { id: wait, name: Wait, unit: seconds, direction: lower, decimals: 1 }
        contracts:
          - { id: C-1, vendor: A, start: 2026-01-01, end: 2026-10-31, period: week }
          - { id: C-2, vendor: A, start: 2026-11-01, end: 2026-12-31, period: month }
        feeds:
          - name: calls
            vendor: { field: vendor }
            files: ["calls*.csv"]
            fields:
              - { name: vendor, kind: text, required: true }
              - { name: queue, kind: text, required: true }
              - { name: started, kind: timestamp, formats: ["yyyy-MM-dd HH:mm:ss"], required: true }
              - { name: wait, kind: integer }
            kpi:
              layout: records
              time: started
              dimensions: [queue]
              derive:
                - { kpi: n, count: true }
                - { kpi: sl, share: "wait <= 60" }
                - { kpi: wait, mean: wait }
        """

    /// A: two calls in C-1's week of Monday 5 October (days 1 and 3), one in C-2's November (day 2),
    /// one after the as-of date (an error) and one with a bad wait (an error of the checker); B has
    /// no contract (a warning: counted, not evaluated).
    static let first = """
        vendor,queue,started,wait
        A,Billing,2026-10-05 09:00:00,10
        B,Billing,2026-10-05 09:30:00,20
        A,Sales,2026-10-07 10:00:00,70
        A,Billing,2026-11-02 08:00:00,30
        A,Billing,2026-12-01 08:00:00,5
        A,Billing,2026-10-06 11:00:00,x

        """

    static let second = "vendor,queue,started,wait\nA,Billing,2026-10-08 12:00:00,50\n"

    /// A folder with the inbox files, the collector and a way to read one file through it.
    final class Run {
        let root: URL
        let kpis: KPICollector
        private let outputs: RunOutputs
        private let checker: FeedChecker
        private let files: [InboxFile]

        init(files: [String: String]) throws {
            root = try TestPaths.temporaryFolder()
            let inbox = root.appendingPathComponent("Inbox")
            let out = root.appendingPathComponent("out")
            for folder in [inbox, out.appendingPathComponent("clean"), out.appendingPathComponent("rejected")] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            for (name, text) in files { try Data(text.utf8).write(to: inbox.appendingPathComponent(name)) }
            let rules = try RulesLoader.parse(sources: [("Rules/rules.yaml", KPIFileCollectorTests.rules)])
            outputs = try RunOutputs(folder: out, feeds: rules.feeds, leadingLimit: 5)
            kpis = try KPICollector(rules: rules, asOf: CivilDate(year: 2026, month: 11, day: 6))
            checker = try FeedChecker(feed: rules.feeds[0])
            self.files = try InboxScanner.scan(inbox, displayBase: root)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func process(_ name: String) throws -> FileProcessor.Outcome {
            let file = try #require(files.first { $0.name == name })
            checker.beginFile()
            defer { checker.endFile() }
            return try FileProcessor(checker: checker, outputs: outputs, kpis: kpis, staging: .serial).process(file)
        }
    }

    static func key(_ contract: String, _ period: PeriodKey, _ dimension: String = "") -> KPIKey {
        KPIKey(vendor: "A", contract: contract, period: period, kpi: "", dimension: dimension)
    }

    /// Records, data points and errors of a vendor's quality counts.
    static func counts(_ quality: [KPICollector.QualityKey: KPICollector.Quality], vendor: String) -> [Int] {
        guard let counts = quality[KPICollector.QualityKey(vendor: vendor, feed: "calls")] else { return [] }
        return [counts.records, counts.dataPoints, counts.errors]
    }

    static let week = PeriodKey.containing(day("2026-10-05"), length: .week)
    static let november = PeriodKey.containing(day("2026-11-01"), length: .month)

    @Test func aFileGroupsItsRecordsByVendorContractPeriodAndDimension() throws {
        let run = try Run(files: ["calls-1.csv": Self.first])
        #expect(
            try run.process("calls-1.csv") == .processed(RecordCounts(read: 6, accepted: 4, rejected: 2), dropped: 0))
        let finished = run.kpis.finishFile()
        #expect(Array(finished.keys) == ["calls"])
        let groups = try #require(finished["calls"])
        #expect(
            Set(groups.keys) == [
                Self.key("C-1", Self.week), Self.key("C-1", Self.week, "queue=Billing"),
                Self.key("C-1", Self.week, "queue=Sales"), Self.key("C-2", Self.november),
                Self.key("C-2", Self.november, "queue=Billing"),
            ])
        let whole = try #require(groups[Self.key("C-1", Self.week)])
        #expect(whole.records == 2)
        #expect(whole.days == [1, 3])
        #expect(whole.files == ["Inbox/calls-1.csv"])
        #expect(whole.states.map(\.value) == [ExactRatio(2, 1), ExactRatio(100, 2), ExactRatio(80, 2)])
        let sales = try #require(groups[Self.key("C-1", Self.week, "queue=Sales")])
        #expect(sales.records == 1)
        #expect(sales.days == [3])
        #expect(sales.states.map(\.value) == [ExactRatio(1, 1), ExactRatio(0, 1), ExactRatio(70, 1)])
        let november = try #require(groups[Self.key("C-2", Self.november, "queue=Billing")])
        #expect(november.days == [2])
        #expect(november.states.map(\.value) == [ExactRatio(1, 1), ExactRatio(100, 1), ExactRatio(30, 1)])
        #expect(run.kpis.groups["calls"]?.count == 5)
        #expect(
            Set(run.kpis.received.keys) == [
                KPICollector.SubmissionKey(feed: "calls", vendor: "A", contract: "C-1", period: Self.week),
                KPICollector.SubmissionKey(feed: "calls", vendor: "A", contract: "C-2", period: Self.november),
            ])
        #expect(run.kpis.received.values.map(\.files) == [["Inbox/calls-1.csv"], ["Inbox/calls-1.csv"]])
        let quality = run.kpis.quality
        #expect(quality.count == 2)
        #expect(Self.counts(quality, vendor: "A") == [5, 20, 2])
        #expect(Self.counts(quality, vendor: "B") == [1, 4, 0])
        #expect(run.kpis.finishFile().isEmpty)
    }

    @Test func theNextFileAddsToTheRunsGroupsAndReturnsOnlyItsOwn() throws {
        let run = try Run(files: ["calls-1.csv": Self.first, "calls-2.csv": Self.second])
        _ = try run.process("calls-1.csv")
        run.kpis.finishFile()
        _ = try run.process("calls-2.csv")
        let own = run.kpis.finishFile()
        #expect(
            own["calls"].map { Set($0.keys) } == [
                Self.key("C-1", Self.week), Self.key("C-1", Self.week, "queue=Billing"),
            ])
        #expect(own["calls"]?[Self.key("C-1", Self.week)]?.records == 1)
        let whole = try #require(run.kpis.groups["calls"]?[Self.key("C-1", Self.week)])
        #expect(whole.records == 3)
        #expect(whole.days == [1, 3, 4])
        #expect(whole.files == ["Inbox/calls-1.csv", "Inbox/calls-2.csv"])
        #expect(whole.states.map(\.value) == [ExactRatio(3, 1), ExactRatio(200, 3), ExactRatio(130, 3)])
        let key = KPICollector.SubmissionKey(feed: "calls", vendor: "A", contract: "C-1", period: Self.week)
        #expect(run.kpis.received[key]?.files == ["Inbox/calls-1.csv", "Inbox/calls-2.csv"])
        #expect(Self.counts(run.kpis.quality, vendor: "A") == [6, 24, 2])
    }

    @Test func aWithdrawnFileLeavesNoGroupsCountsOrReceipts() throws {
        let run = try Run(files: ["calls-1.csv": Self.first, "calls-2.csv": Self.second])
        _ = try run.process("calls-2.csv")
        run.kpis.finishFile()
        let before = run.kpis.snapshot
        _ = try run.process("calls-1.csv")
        run.kpis.restore(before)
        #expect(run.kpis.finishFile().isEmpty)
        #expect(run.kpis.groups["calls"]?[Self.key("C-1", Self.week)]?.records == 1)
        #expect(run.kpis.groups["calls"]?.count == 2)
        #expect(run.kpis.received.count == 1)
        #expect(Self.counts(run.kpis.quality, vendor: "A") == [1, 4, 0])
        #expect(run.kpis.quality.count == 1)
    }

    @Test func theDayOfAPeriodCountsFromItsFirstDay() {
        let date = day("2026-10-07")
        #expect(PeriodKey.containing(date, length: .month).dayNumber(of: date) == 7)
        #expect(PeriodKey.containing(date, length: .week).dayNumber(of: date) == 3)
        #expect(PeriodKey.containing(date, length: .day).dayNumber(of: date) == 1)
        let sunday = day("2026-10-11")
        #expect(PeriodKey.containing(sunday, length: .week).dayNumber(of: sunday) == 7)
    }
}
