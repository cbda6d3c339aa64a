import Foundation
import Testing

@testable import SluiceKit

/// Skip by content hash, duplicate submissions, re-runs and dry runs, through the real pipeline.
@Suite struct IdempotencyTests {
    @Test func aRerunOnAnUnchangedInboxPublishesNothingAndExitsZero() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-10.csv", "month,sl\n2026-10,82.5\n")
        let first = try work.run()
        #expect(first.exitStatus == .success)
        let kpi = try work.lines("kpi.csv")
        let second = try work.run()
        #expect(second.nothingNew)
        #expect(second.exitStatus == .success)
        #expect(second.summary.inputs.map(\.status) == ["skipped"])
        #expect(second.summary.inputs.map(\.firstRun) == [first.summary.runID])
        #expect(try work.runFolders() == [first.summary.runID], "no new run folder")
        #expect(try work.lines("kpi.csv") == kpi)
        #expect(try work.store().ledger.allRuns().map(\.id) == [first.summary.runID], "no run recorded")
    }

    @Test func aRunWithNothingNewStillMovesTheTopLevelSubmissionsOnToItsDate() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-09.csv", "month,sl\n2026-09,82.5\n", receivedOn: "2026-10-04")
        _ = try work.run(asOf: CivilDate(year: 2026, month: 11, day: 6))
        let statuses = { () throws -> [String] in
            try work.lines("submissions.csv").dropFirst().map { CSVCells.split($0) }.map { "\($0[3]) \($0[7])" }
        }
        #expect(try statuses() == ["2026-09 received", "2026-10 pending", "2026-11 pending"])
        let report = try work.run(asOf: CivilDate(year: 2026, month: 11, day: 8))
        #expect(report.nothingNew)
        #expect(try statuses() == ["2026-09 received", "2026-10 missing", "2026-11 pending"])
        #expect(try work.runFolders().count == 1)
    }

    @Test func aKnownFileBesideANewOneIsSkippedAndNamesTheRunThatProcessedIt() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-09.csv", "month,sl\n2026-09,82.5\n")
        let first = try work.run()
        try work.drop("scorecard_2026-10.csv", "month,sl\n2026-10,79\n")
        let second = try work.run()
        #expect(!second.nothingNew)
        #expect(second.summary.inputs.map(\.path) == ["Inbox/scorecard_2026-09.csv", "Inbox/scorecard_2026-10.csv"])
        #expect(second.summary.inputs.map(\.status) == ["skipped", "processed"])
        #expect(second.summary.inputs[0].reason == "already processed by run \(first.summary.runID)")
        #expect(second.summary.inputs[0].firstRun == first.summary.runID)
        #expect(second.summary.records.read == 1, "the skipped file was not read again")
        let clean = try work.lines("runs/\(second.summary.runID)/clean/scorecard.csv")
        #expect(clean.count == 2, "only the new file's record: \(clean)")
    }

    @Test func theSameContentUnderANewNameIsADuplicateSubmission() throws {
        let work = try StoreWorkFolder()
        let content = "month,sl\n2026-10,82.5\n"
        try work.drop("scorecard_2026-10.csv", content)
        let first = try work.run()
        try work.drop("scorecard_2026-10 (1).csv", content)
        let second = try work.run()
        #expect(second.exitStatus == .success)
        let duplicate = try #require(second.summary.inputs.first { $0.status == "duplicate" })
        #expect(duplicate.path == "Inbox/scorecard_2026-10 (1).csv")
        #expect(duplicate.duplicateOf == "Inbox/scorecard_2026-10.csv")
        #expect(duplicate.firstRun == first.summary.runID)
        #expect(
            second.leadingFindings.filter { $0.ruleID == "duplicate-submission" }.map(\.diagnostic) == [
                "Inbox/scorecard_2026-10 (1).csv: warning: [duplicate-submission] file has the same content as Inbox/scorecard_2026-10.csv, already dealt with by run \(first.summary.runID); not processed again"
            ])
        #expect(second.summary.records.read == 0)
        let third = try work.run()
        #expect(third.nothingNew, "the duplicate is in the ledger too")
        #expect(
            third.summary.inputs.map(\.reason) == [
                "already duplicate by run \(second.summary.runID)", "already processed by run \(first.summary.runID)",
            ])
    }

    @Test func aDryRunLeavesTheStoreUntouched() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-09.csv", "month,sl\n2026-09,82.5\n")
        _ = try work.run(dryRun: true)
        let database = work.outbox.appendingPathComponent("sluice.sqlite")
        #expect(!FileManager.default.fileExists(atPath: database.path), "a dry run creates no store")
        _ = try work.run()
        let before = try Data(contentsOf: database)
        try work.drop("scorecard_2026-10.csv", "month,sl\n2026-10,79\n")
        let dry = try work.run(dryRun: true)
        #expect(dry.summary.inputs.map(\.status) == ["skipped", "processed"], "the dry run reads the real ledger")
        #expect(try Data(contentsOf: database) == before)
        let real = try work.run()
        #expect(real.summary.inputs.map(\.status) == ["skipped", "processed"], "the dry run recorded nothing")
    }
}
