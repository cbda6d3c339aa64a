/// One worksheet row as the sheet parser produced it: its number and its non-empty cells.
struct XLSXRow: Sendable, Hashable {
    /// One cell with a value.
    struct Cell: Sendable, Hashable {
        /// 1-based column.
        var column: Int
        /// The value as text (shared strings resolved, dates as ISO text).
        var value: String
    }

    /// 1-based sheet row number (`r`), not a count of rows present in the XML.
    var number: Int
    /// Cells with a value, in the order the sheet lists them (ascending columns in practice).
    var cells: [Cell]

    /// Whether every value is whitespace: such a row is not a record.
    var isBlank: Bool {
        cells.allSatisfy { $0.value.allSatisfy(\.isWhitespace) }
    }
}
