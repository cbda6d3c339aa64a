/// Input that is not JSON (RFC 8259), with the 1-based line and column of the offending byte.
///
/// Columns count characters (UTF-8 lead bytes), not bytes, so they match what an editor shows.
struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line.
    var line: Int
    /// 1-based column, in characters.
    var column: Int
    /// What is wrong, in lower case.
    var message: String

    /// `invalid JSON at line 3, column 17: expected ',' or '}' after an object member`.
    var description: String { "invalid JSON at line \(line), column \(column): \(message)" }
}
