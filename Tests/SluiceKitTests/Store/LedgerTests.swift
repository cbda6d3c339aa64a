import Foundation
import Testing

@testable import SluiceKit

@Suite struct LedgerTests {
    @Test func aCommittedFileIsKnownByItsContent() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        try StoreFixtures.commit(store, run: "r1", RunContributions(files: [StoreFixtures.file("a.csv", sha256: "aa")]))
        let known = try store.ledger.files(sha256: "aa")
        #expect(known.map(\.path) == ["a.csv"])
        #expect(known.map(\.displayPath) == ["Inbox/a.csv"])
        #expect(known.map(\.runID) == ["r1"])
        #expect(known.map(\.outcome) == [.processed])
        #expect(try store.ledger.files(sha256: "bb").isEmpty)
        #expect(try store.ledger.allRuns().map(\.state) == [.committed])
    }

    @Test func theGateSkipsTheSamePathAndCallsAnotherPathADuplicate() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        try StoreFixtures.commit(store, run: "r1", RunContributions(files: [StoreFixtures.file("a.csv", sha256: "aa")]))
        let inbox = URL(fileURLWithPath: "/srv/Inbox")
        var gate = LedgerGate(ledger: store.ledger, inbox: inbox)
        func file(_ name: String) -> InboxFile {
            InboxFile(
                url: inbox.appendingPathComponent(name), displayPath: "Inbox/" + name, name: name, size: 10,
                modified: Date(timeIntervalSince1970: 0))
        }
        let skipped = try gate.verdict(for: file("a.csv"), sha256: "aa", runID: "r2")
        guard case .skipped(let earlier) = skipped else {
            Issue.record("expected skipped, got \(skipped)")
            return
        }
        #expect(earlier.runID == "r1")
        #expect(
            try gate.verdict(for: file("copy-of-a.csv"), sha256: "aa", runID: "r2")
                == .duplicate(of: "Inbox/a.csv", run: "r1", ledgerID: earlier.id))
        #expect(try gate.verdict(for: file("new.csv"), sha256: "cc", runID: "r2") == .new)
        #expect(
            try gate.verdict(for: file("new-again.csv"), sha256: "cc", runID: "r2")
                == .duplicate(of: "Inbox/new.csv", run: "r2", ledgerID: nil),
            "the same content twice in one run")
    }

    @Test func aFailedCommitLeavesNothingOfTheRun() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.ledger.begin(runID: "r1", started: "s", asOf: "2026-11-06", rulesSHA256: "")
        var contributions = RunContributions(files: [StoreFixtures.file("a.csv", sha256: "aa")])
        contributions.observations = [StoreFixtures.observation("service_level", "82.4", file: "unknown.csv")]
        #expect(
            throws: StoreError(
                path: store.database.path, message: "no ledger entry for 'Inbox/unknown.csv' in run r1")
        ) {
            try store.commit(contributions, runID: "r1", finished: "f", exitCode: 0)
        }
        #expect(try store.ledger.files(sha256: "aa").isEmpty, "the file row was rolled back")
        #expect(try store.ledger.runs(in: .started).map(\.id) == ["r1"], "the run is still only started")
    }

    @Test func committingARunThatWasNeverBegunFails() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: StoreError(path: store.database.path, message: "run r9 was not begun in the store")) {
            try store.commit(RunContributions(), runID: "r9", finished: "f", exitCode: 0)
        }
    }

    @Test func aFileWithTheSamePathAndFeedSupersedesTheEarlierOne() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        try StoreFixtures.commit(store, run: "r1", RunContributions(files: [StoreFixtures.file("a.csv", sha256: "v1")]))
        try StoreFixtures.commit(store, run: "r2", RunContributions(files: [StoreFixtures.file("a.csv", sha256: "v2")]))
        let rows = try store.database.prepare("SELECT sha256, superseded_by FROM files ORDER BY id").rows([]) {
            "\($0.text(0)) \($0.optionalInt(1).map(String.init) ?? "-")"
        }
        #expect(rows == ["v1 2", "v2 -"])
    }
}
