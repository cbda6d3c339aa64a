import CSQLite
import Foundation

/// One connection to a SQLite database file: statements, transactions and typed errors that
/// name the file. Not thread-safe; a run uses it from one thread.
///
/// The journal is SQLite's classic rollback journal (`journal_mode=DELETE`), not WAL: the outbox
/// may sit on a shared drive where WAL's shared memory does not work, only one run writes at a
/// time (the outbox lock), and a committed transaction leaves a single self-contained file.
/// `synchronous=FULL` syncs the journal and the database at every commit, so a committed run
/// survives a power cut.
final class Database {
    /// The database file.
    let path: String
    private var handle: OpaquePointer?

    /// Opens (creating when `create`) the database; `readOnly` opens it without write access.
    init(path: String, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        let flags =
            readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let code = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(handle)
            handle = nil
            throw StoreError(path: path, message: "cannot open the store: \(message)")
        }
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, 5000)
        try execute("PRAGMA foreign_keys = ON")
        if !readOnly {
            try execute("PRAGMA journal_mode = DELETE")
            try execute("PRAGMA synchronous = FULL")
        }
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs SQL without results (one or more statements separated by `;`).
    func execute(_ sql: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw StoreError(path: path, message: text)
        }
    }

    /// Prepares one statement.
    func prepare(_ sql: String) throws(StoreError) -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw error("cannot prepare '\(sql.prefix(60))'")
        }
        return Statement(statement, database: self)
    }

    /// Runs `body` in one `BEGIN IMMEDIATE … COMMIT` transaction; any error rolls it all back.
    func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// `PRAGMA user_version`: the schema version the migrations last applied.
    var userVersion: Int {
        get throws(StoreError) {
            let statement = try prepare("PRAGMA user_version")
            guard try statement.step() else { return 0 }
            return statement.int(0)
        }
    }

    /// The rowid of the last inserted row.
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// An error with SQLite's current message.
    func error(_ what: String) -> StoreError {
        StoreError(path: path, message: "\(what): \(String(cString: sqlite3_errmsg(handle)))")
    }
}
