import Foundation

/// The store: one SQLite file, `Outbox/sluice.sqlite`, holding the ledger of runs and files and
/// the KPI history. Opened (and migrated) once per run, under the outbox lock.
final class Store {
    /// The file name under the outbox.
    static let fileName = "sluice.sqlite"

    let database: Database
    let ledger: Ledger
    let history: KPIHistory
    /// What the top-level datasets were last built from.
    let views: ViewsMarker

    /// Opens the database at `path`, creating and migrating it as needed.
    init(path: String) throws(StoreError) {
        database = try Database(path: path)
        try Migrations.migrate(database)
        ledger = Ledger(database: database)
        history = KPIHistory(database: database)
        views = ViewsMarker(database: database)
    }

    /// The store of an outbox.
    convenience init(outbox: URL) throws(StoreError) {
        try self.init(path: outbox.appendingPathComponent(Self.fileName).path)
    }

    /// Writes what a run did in one transaction and marks the run committed: either all of it
    /// is in the store, or none of it.
    func commit(
        _ contributions: RunContributions, runID: String, finished: String, exitCode: Int32
    ) throws(StoreError) {
        try database.transaction { () throws(StoreError) in
            try ledger.commit(runID: runID, finished: finished, exitCode: exitCode)
            var ids: [String: Int64] = [:]
            for file in contributions.files {
                let id = try ledger.add(file, runID: runID, firstSeen: finished)
                ids[file.displayPath] = id
                guard file.outcome == .processed, let feed = file.feed else { continue }
                let replaced = try ledger.supersede(byFile: id, path: file.path, feed: feed, runID: runID)
                try history.supersedeContents(of: replaced, byFile: id, runID: runID)
            }
            func id(_ file: String) throws(StoreError) -> Int64 {
                guard let id = ids[file] else {
                    throw StoreError(path: database.path, message: "no ledger entry for '\(file)' in run \(runID)")
                }
                return id
            }
            for observation in contributions.observations {
                try history.add(observation, file: try id(observation.file), runID: runID)
            }
            for aggregate in contributions.aggregates {
                try history.add(aggregate, file: try id(aggregate.file), runID: runID)
            }
            for receipt in contributions.receipts {
                try history.add(receipt, file: try id(receipt.file), runID: runID)
            }
        }
    }
}
