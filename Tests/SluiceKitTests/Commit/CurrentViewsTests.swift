import Foundation
import Testing

@testable import SluiceKit

/// The top-level datasets on runs with nothing new: left alone when nothing they are built
/// from changed, rebuilt when something did.
@Suite struct CurrentViewsTests {
    private static let asOf = CivilDate(year: 2026, month: 11, day: 6)

    /// Device, inode, size and modification time of each top-level dataset.
    private static func identities(_ work: StoreWorkFolder) -> [String] {
        CurrentViews(outbox: work.outbox).present()
    }

    /// A file where the views' staging folder would go: any rebuild fails on it.
    private static func blockStaging(_ work: StoreWorkFolder) throws {
        try Data("in the way".utf8).write(to: work.outbox.appendingPathComponent(".staging"))
    }

    @Test func anEmptyRunWithTheSameAsOfDateLeavesTheDatasetsAlone() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-09.csv", "month,sl\n2026-09,82.5\n", receivedOn: "2026-10-04")
        _ = try work.run(asOf: Self.asOf)
        let before = Self.identities(work)
        #expect(before.map { $0.split(separator: " ")[0] } == ["kpi.csv", "credits.csv", "submissions.csv"])
        let state = try #require(try work.store().views.current())
        #expect(state.asOf == "2026-11-06")
        #expect(state.files == before)
        try Self.blockStaging(work)
        let report = try work.run(asOf: Self.asOf)
        #expect(report.nothingNew)
        #expect(Self.identities(work) == before)
        #expect(try work.store().views.current() == state)
    }

    @Test func anEmptyRunWithAnotherAsOfDateRebuildsThem() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-09.csv", "month,sl\n2026-09,82.5\n", receivedOn: "2026-10-04")
        _ = try work.run(asOf: Self.asOf)
        let before = Self.identities(work)
        try Self.blockStaging(work)
        #expect(throws: SluiceError.self) { try work.run(asOf: CivilDate(year: 2026, month: 11, day: 8)) }
        try FileManager.default.removeItem(at: work.outbox.appendingPathComponent(".staging"))
        let report = try work.run(asOf: CivilDate(year: 2026, month: 11, day: 8))
        #expect(report.nothingNew)
        let after = Self.identities(work)
        #expect(after[2] != before[2], "2026-10 fell overdue: submissions.csv replaced")
        #expect(try work.lines("submissions.csv").contains { $0.contains("2026-10") && $0.contains("missing") })
        #expect(try work.store().views.current()?.asOf == "2026-11-08")
        #expect(try work.store().views.current()?.files == after)
    }

    @Test func anEmptyRunRebuildsWhenTheRulesChanged() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-09.csv", "month,sl\n2026-09,82.5\n", receivedOn: "2026-10-04")
        _ = try work.run(asOf: Self.asOf)
        #expect(try work.lines("kpi.csv").contains { $0.contains(",80,") || $0.contains(",80.0,") })
        let rules = work.root.appendingPathComponent("Rules/rules.yaml")
        let text = try String(contentsOf: rules, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "target: 80 }", with: "target: 85 }").utf8).write(to: rules)
        _ = try work.run(asOf: Self.asOf)
        #expect(try work.lines("kpi.csv").contains { $0.contains(",85,") || $0.contains(",85.0,") })
    }

    @Test func aWideTableRenamedInTheSettingsLeavesNoStaleCopyBehind() throws {
        let work = try StoreWorkFolder()
        let rules = work.root.appendingPathComponent("Rules/settings.yaml")
        func wideFile(_ name: String) throws {
            try Data("settings:\n  kpi-layout: both\n  kpi-wide: { file: \(name) }\n".utf8).write(to: rules)
        }
        try wideFile("kpi-daily.csv")
        try work.drop("scorecard_2026-09.csv", "month,sl\n2026-09,82.5\n", receivedOn: "2026-10-04")
        _ = try work.run(asOf: Self.asOf)
        let daily = work.outbox.appendingPathComponent("kpi-daily.csv")
        #expect(FileManager.default.fileExists(atPath: daily.path))
        try wideFile("kpi-monthly.csv")
        let report = try work.run(asOf: Self.asOf)
        #expect(report.nothingNew)
        #expect(!FileManager.default.fileExists(atPath: daily.path), "the old name is gone")
        #expect(try work.lines("kpi-monthly.csv").first == "vendor,contract,period,service_level,service_level_status")
        #expect(
            try work.store().views.current()?.files.map { $0.split(separator: " ")[0] }
                == ["kpi.csv", "credits.csv", "submissions.csv", "kpi-monthly.csv"])
    }

    @Test func anEmptyRunPutsBackADatasetSomeoneRemovedOrEdited() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-09.csv", "month,sl\n2026-09,82.5\n", receivedOn: "2026-10-04")
        _ = try work.run(asOf: Self.asOf)
        let kpi = try work.lines("kpi.csv")
        let credits = try work.lines("credits.csv")
        try FileManager.default.removeItem(at: work.outbox.appendingPathComponent("kpi.csv"))
        try Data("edited\n".utf8).write(to: work.outbox.appendingPathComponent("credits.csv"))
        _ = try work.run(asOf: Self.asOf)
        #expect(try work.lines("kpi.csv") == kpi)
        #expect(try work.lines("credits.csv") == credits)
    }

    @Test func aRunThatCommitsRebuildsThemEvenOnTheSameDate() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-09.csv", "month,sl\n2026-09,82.5\n", receivedOn: "2026-10-04")
        _ = try work.run(asOf: Self.asOf)
        let state = try #require(try work.store().views.current())
        try work.drop("scorecard_2026-10.csv", "month,sl\n2026-10,79\n")
        _ = try work.run(asOf: Self.asOf)
        let after = try #require(try work.store().views.current())
        #expect(after.storeState != state.storeState)
        #expect(try work.lines("kpi.csv").contains { $0.contains("2026-10") })
        try Self.blockStaging(work)
        #expect(try work.run(asOf: Self.asOf).nothingNew, "and the next empty run leaves them alone")
    }
}
