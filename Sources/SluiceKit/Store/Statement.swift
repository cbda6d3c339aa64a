import CSQLite

/// A value bound to or read from SQL.
enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int64) { self = .integer(value) }

    /// Text, or null for nil.
    static func text(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }
    /// An integer, or null for nil.
    static func int(_ value: Int?) -> SQLValue { value.map { .integer(Int64($0)) } ?? .null }
}

/// One prepared statement: bind, step, read columns, reset. Finalized when released.
final class Statement {
    private let statement: OpaquePointer
    private let database: Database

    init(_ statement: OpaquePointer, database: Database) {
        self.statement = statement
        self.database = database
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// Resets the statement and binds `values` to its parameters in order.
    @discardableResult
    func bind(_ values: [SQLValue]) throws(StoreError) -> Statement {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(statement, index)
            case .integer(let number): code = sqlite3_bind_int64(statement, index, number)
            case .text(let text):
                code = text.utf8CString.withUnsafeBufferPointer { buffer in
                    sluice_sqlite3_bind_text_transient(statement, index, buffer.baseAddress, Int32(buffer.count - 1))
                }
            }
            guard code == SQLITE_OK else { throw database.error("cannot bind parameter \(index)") }
        }
        return self
    }

    /// Steps once: true when a row is ready, false when done.
    func step() throws(StoreError) -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error("cannot run '\(String(cString: sqlite3_sql(statement)).prefix(60))'")
        }
    }

    /// Binds and runs a statement that returns no rows.
    func run(_ values: [SQLValue] = []) throws(StoreError) {
        try bind(values)
        while try step() {}
    }

    /// Binds and collects every row through `row`.
    func rows<T>(_ values: [SQLValue] = [], _ row: (Statement) throws(StoreError) -> T) throws(StoreError) -> [T] {
        try bind(values)
        var result: [T] = []
        while try step() { result.append(try row(self)) }
        return result
    }

    /// Column `index` (0-based) as an integer (0 for null).
    func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(statement, index)) }

    /// Column `index` as an integer, or nil for null.
    func optionalInt(_ index: Int32) -> Int? {
        sqlite3_column_type(statement, index) == SQLITE_NULL ? nil : int(index)
    }

    /// Column `index` as text ("" for null).
    func text(_ index: Int32) -> String { optionalText(index) ?? "" }

    /// Column `index` as text, or nil for null.
    func optionalText(_ index: Int32) -> String? {
        guard let pointer = sqlite3_column_text(statement, index) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}
