import Foundation

@testable import SluiceKit

/// Stores in fresh temporary folders, and the facts tests put in them.
enum StoreFixtures {
    /// A new store in a fresh folder; returns it and its folder.
    static func store() throws -> (Store, URL) {
        let folder = try TestPaths.temporaryFolder()
        return (try Store(outbox: folder), folder)
    }

    static let october = PeriodKey.containing(CivilDate(year: 2026, month: 10, day: 1), length: .month)

    static func key(_ kpi: String, vendor: String = "ACME", dimension: String = "") -> KPIKey {
        KPIKey(vendor: vendor, contract: "ACME-CS-2026", period: october, kpi: kpi, dimension: dimension)
    }

    static func file(
        _ path: String, sha256: String, outcome: LedgerOutcome = .processed, feed: String? = "acme-scorecard"
    ) -> NewLedgerFile {
        NewLedgerFile(
            sha256: sha256, path: path, displayPath: "Inbox/" + path, size: 10,
            receivedOn: CivilDate(year: 2026, month: 11, day: 3), outcome: outcome, feed: feed, reason: nil,
            duplicateOf: nil)
    }

    static func observation(_ kpi: String, _ value: String, file: String, line: Int = 2) -> StoredObservation {
        StoredObservation(
            feed: "acme-scorecard", key: key(kpi), value: ExactValueText.decode(value)!, file: "Inbox/" + file,
            line: line, record: line - 1, column: 4, evidence: "Inbox/\(file):\(line)")
    }

    /// Begins and commits a run with `contributions`.
    static func commit(_ store: Store, run: String, _ contributions: RunContributions) throws {
        try store.ledger.begin(runID: run, started: "2026-11-06T02:30:00Z", asOf: "2026-11-06", rulesSHA256: "")
        try store.commit(contributions, runID: run, finished: "2026-11-06T02:31:00Z", exitCode: 0)
    }
}
