import Foundation

/// What became of an inbox file, as the ledger keeps it.
enum LedgerOutcome: String, Sendable, Hashable {
    /// Read, checked and published.
    case processed
    /// Copied to the run's quarantine with a reason.
    case quarantined
    /// The same content as an earlier file under another name: not processed again.
    case duplicate
}

/// Where a run is in its life; see `Schema` for the meaning of each state.
enum RunState: String, Sendable, Hashable {
    case started
    case committed
    case published
    case rolledBack = "rolled-back"
}

/// A file the ledger knows.
struct LedgerFile: Sendable, Hashable {
    let id: Int64
    let sha256: String
    /// The path relative to the inbox: the file's identity for resubmissions.
    let path: String
    /// The path as findings show it (`Inbox/acme.csv`).
    let displayPath: String
    /// The run that dealt with it.
    let runID: String
    let outcome: LedgerOutcome
    let feed: String?
}

/// A run as the store keeps it.
struct StoredRun: Sendable, Hashable {
    let id: String
    let started: String
    let finished: String?
    let asOf: String
    let exitCode: Int?
    let state: RunState
}

/// An inbox file a run dealt with, to enter into the ledger.
struct NewLedgerFile: Sendable, Hashable {
    let sha256: String
    /// Relative to the inbox.
    let path: String
    let displayPath: String
    let size: Int
    let receivedOn: CivilDate
    let outcome: LedgerOutcome
    let feed: String?
    let reason: String?
    /// For a duplicate: the ledger's earlier file with the same content.
    let duplicateOf: Int64?
}

/// A KPI value a vendor reported in one file.
struct StoredObservation: Sendable, Hashable {
    let feed: String
    let key: KPIKey
    let value: ExactRatio
    /// The file it came from, as findings show it.
    let file: String
    let line: Int?
    let record: Int?
    let column: Int?
    let evidence: String
}

/// One file's partial aggregate states of a record-level feed for one vendor × contract ×
/// period × dimension (`key.kpi` is empty).
struct StoredAggregate: Sendable, Hashable {
    let feed: String
    let key: KPIKey
    let file: String
    let records: Int
    /// Days of the period (1-based) that had records.
    let days: Set<Int>
    /// The KPI ids of the feed's derivations, in order: states of another list are not merged.
    let derivations: [String]
    let states: [AggregateState]
}

/// A file brought data of a feed for a vendor, contract and period.
struct StoredReceipt: Sendable, Hashable {
    let feed: String
    let vendor: String
    let contract: String
    let period: PeriodKey
    let file: String
    let receivedOn: CivilDate
}

/// What one run adds to the store, written in one transaction.
struct RunContributions: Sendable {
    var files: [NewLedgerFile] = []
    var observations: [StoredObservation] = []
    var aggregates: [StoredAggregate] = []
    var receipts: [StoredReceipt] = []
}
