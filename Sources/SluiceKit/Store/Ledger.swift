/// The runs and the files they dealt with: what has been processed (by content hash), by
/// which run, with what outcome.
struct Ledger {
    let database: Database

    /// Every ledger entry with this content, oldest first.
    func files(sha256: String) throws(StoreError) -> [LedgerFile] {
        try database.prepare(
            "SELECT id, sha256, path, display_path, run_id, outcome, feed FROM files WHERE sha256 = ? ORDER BY id"
        ).rows([.text(sha256)], Self.file)
    }

    /// Every ledger entry, oldest first.
    func allFiles() throws(StoreError) -> [LedgerFile] {
        try database.prepare("SELECT id, sha256, path, display_path, run_id, outcome, feed FROM files ORDER BY id")
            .rows([], Self.file)
    }

    /// Records that a run started; its state stays `started` until its store transaction.
    func begin(runID: String, started: String, asOf: String, rulesSHA256: String) throws(StoreError) {
        try database.prepare(
            "INSERT INTO runs (id, started, as_of, state, rules_sha256) VALUES (?, ?, ?, 'started', ?)"
        )
        .run([.text(runID), .text(started), .text(asOf), .text(rulesSHA256)])
    }

    /// Whether a run id was ever used.
    func knows(runID: String) throws(StoreError) -> Bool {
        try database.prepare("SELECT 1 FROM runs WHERE id = ?").bind([.text(runID)]).step()
    }

    /// A run's state, or nil for a run the store never saw.
    func state(of runID: String) throws(StoreError) -> RunState? {
        let statement = try database.prepare("SELECT state FROM runs WHERE id = ?").bind([.text(runID)])
        return try statement.step() ? RunState(rawValue: statement.text(0)) : nil
    }

    /// Runs in a state, oldest first.
    func runs(in state: RunState) throws(StoreError) -> [StoredRun] {
        try database.prepare("\(Self.runColumns) WHERE state = ? ORDER BY started, id").rows(
            [.text(state.rawValue)], Self.run)
    }

    /// Every run, oldest first.
    func allRuns() throws(StoreError) -> [StoredRun] {
        try database.prepare("\(Self.runColumns) ORDER BY started, id").rows([], Self.run)
    }

    /// Moves a run to another state.
    func set(runID: String, to state: RunState) throws(StoreError) {
        try database.prepare("UPDATE runs SET state = ? WHERE id = ?").run([.text(state.rawValue), .text(runID)])
    }

    /// Marks a run committed with its end; part of the commit transaction.
    func commit(runID: String, finished: String, exitCode: Int32) throws(StoreError) {
        try database.prepare("UPDATE runs SET state = 'committed', finished = ?, exit_code = ? WHERE id = ?")
            .run([.text(finished), .integer(Int64(exitCode)), .text(runID)])
        guard database.changes == 1 else {
            throw StoreError(path: database.path, message: "run \(runID) was not begun in the store")
        }
    }

    /// Adds a file; returns its id.
    func add(_ file: NewLedgerFile, runID: String, firstSeen: String) throws(StoreError) -> Int64 {
        try database.prepare(
            """
            INSERT INTO files (sha256, path, display_path, size, received_on, first_seen, run_id, outcome, feed,
                reason, duplicate_of)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).run([
            .text(file.sha256), .text(file.path), .text(file.displayPath), .int(file.size),
            .text(file.receivedOn.description), .text(firstSeen), .text(runID), .text(file.outcome.rawValue),
            .text(file.feed), .text(file.reason), file.duplicateOf.map { .integer($0) } ?? .null,
        ])
        return database.lastInsertedRowID
    }

    /// Earlier processed files of the same feed and path that `file` replaces; marks them
    /// superseded by it and returns their ids.
    func supersede(byFile id: Int64, path: String, feed: String, runID: String) throws(StoreError) -> [Int64] {
        let earlier = try database.prepare(
            """
            SELECT id FROM files WHERE path = ? AND feed = ? AND outcome = 'processed' AND superseded_by IS NULL
                AND run_id <> ? AND id <> ?
            """
        ).rows([.text(path), .text(feed), .text(runID), .integer(id)]) { row in Int64(row.int(0)) }
        let update = try database.prepare("UPDATE files SET superseded_by = ? WHERE id = ?")
        for old in earlier { try update.run([.integer(id), .integer(old)]) }
        return earlier
    }

    private static let runColumns = "SELECT id, started, finished, as_of, exit_code, state FROM runs"

    private static func run(_ row: Statement) throws(StoreError) -> StoredRun {
        StoredRun(
            id: row.text(0), started: row.text(1), finished: row.optionalText(2), asOf: row.text(3),
            exitCode: row.optionalInt(4), state: RunState(rawValue: row.text(5)) ?? .started)
    }

    private static func file(_ row: Statement) throws(StoreError) -> LedgerFile {
        LedgerFile(
            id: Int64(row.int(0)), sha256: row.text(1), path: row.text(2), displayPath: row.text(3),
            runID: row.text(4), outcome: LedgerOutcome(rawValue: row.text(5)) ?? .processed, feed: row.optionalText(6))
    }
}
