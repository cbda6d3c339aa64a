import Foundation
import Testing

@testable import SluiceKit

/// A run that died at each point between staging and `latest`, and the next run's recovery.
@Suite struct RecoveryTests {
    @Test func aPublishedFolderWithoutItsStoreTransactionIsWithdrawnAndItsFilesProcessedAgain() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-10.csv", "month,sl\n2026-10,82.5\n")
        // What a run killed right after its rename into runs/ leaves: a run begun in the store, its folder.
        try FileManager.default.createDirectory(at: work.outbox, withIntermediateDirectories: true)
        try work.store().ledger.begin(
            runID: "20261118T000000Z", started: "2026-11-18T00:00:00Z", asOf: "2026-11-20", rulesSHA256: "")
        let dead = work.outbox.appendingPathComponent("runs/20261118T000000Z")
        try FileManager.default.createDirectory(at: dead, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: dead.appendingPathComponent("summary.json"))
        let report = try work.run()
        #expect(try work.runFolders() == [report.summary.runID])
        #expect(report.summary.inputs.map(\.status) == ["processed"])
        let states = try work.store().ledger.allRuns().map { "\($0.id) \($0.state.rawValue)" }
        let rules = try work.store().database.prepare("SELECT rules_sha256 FROM runs WHERE id = ?").rows([
            .text(report.summary.runID)
        ]) { $0.text(0) }
        #expect(rules == [RulesFingerprint.sha256(of: work.root.appendingPathComponent("Rules"))])
        #expect(rules.first?.count == 64)
        #expect(states == ["20261118T000000Z rolled-back", "\(report.summary.runID) published"])
    }

    @Test func staleTopLevelDatasetsOfACommittedRunAreRebuiltByTheNextRun() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-10.csv", "month,sl\n2026-10,82.5\n")
        let first = try work.run()
        let kpi = try work.lines("kpi.csv")
        // What a run killed right after its store transaction leaves: no datasets, no latest.
        try work.store().ledger.set(runID: first.summary.runID, to: .committed)
        try FileManager.default.removeItem(at: work.outbox.appendingPathComponent("kpi.csv"))
        try FileManager.default.removeItem(at: work.outbox.appendingPathComponent("latest"))
        let second = try work.run()
        #expect(second.nothingNew)
        #expect(try work.lines("kpi.csv") == kpi)
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: work.outbox.appendingPathComponent("latest").path)
                == "runs/\(first.summary.runID)")
        #expect(try work.store().ledger.allRuns().map(\.state) == [.published])
    }

    @Test func stagingLeftoversAreRemoved() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-10.csv", "month,sl\n2026-10,82.5\n")
        let leftover = work.outbox.appendingPathComponent(".staging/20261118T000000Z/clean")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try Data("partial".utf8).write(to: leftover.appendingPathComponent("scorecard.csv"))
        _ = try work.run()
        #expect(!FileManager.default.fileExists(atPath: work.outbox.appendingPathComponent(".staging").path))
    }

    @Test func aRunFolderFromBeforeTheStoreIsLeftAlone() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-10.csv", "month,sl\n2026-10,82.5\n")
        let old = work.outbox.appendingPathComponent("runs/20261001T000000Z")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        let report = try work.run()
        #expect(try work.runFolders() == ["20261001T000000Z", report.summary.runID])
    }
}
