import CXLSXWriter

/// One sheet of an `XLSXWorkbookWriter`: rows appended in order below the header row, an
/// autofilter over the whole table and conditional formats added when the workbook closes.
final class XLSXSheetWriter {
    /// Excel's limit on one cell's text, in characters; longer text is cut with an ellipsis
    /// (libxlsxwriter refuses the cell otherwise).
    static let maxTextLength = 32_767
    /// Excel's last row (1-based), header included.
    static let maxRows = 1_048_576

    let name: String
    private let sheet: UnsafeMutablePointer<lxw_worksheet>
    private unowned let workbook: XLSXWorkbookWriter
    private let columnCount: Int
    private var row = 0
    private var highlights: [(column: Int, value: String, highlight: XLSXHighlight)] = []

    init(sheet: UnsafeMutablePointer<lxw_worksheet>, name: String, workbook: XLSXWorkbookWriter, columns: [XLSXColumn])
    {
        self.sheet = sheet
        self.name = name
        self.workbook = workbook
        columnCount = columns.count
    }

    /// Rows written so far, the header included.
    var rowCount: Int { row }

    /// Appends one row; cells past the sheet's columns are ignored.
    func append(_ cells: [XLSXCell], style: XLSXWorkbookWriter.CellStyle? = nil) throws(OutputError) {
        guard row < Self.maxRows else {
            throw workbook.error(
                LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, "sheet '\(name)' has more rows than Excel allows")
        }
        for (column, cell) in cells.prefix(columnCount).enumerated() {
            try write(cell, row: lxw_row_t(row), column: lxw_col_t(column), style: style)
        }
        row += 1
    }

    /// Highlights the cells of `column` (0-based) whose text equals `value`, with a conditional
    /// format over the column's data rows, so a sorted or filtered table keeps its colours.
    func highlight(column: Int, value: String, as highlight: XLSXHighlight) {
        highlights.append((column, value, highlight))
    }

    /// Sets the autofilter and conditional formats now that the last row is known.
    func finish() throws(OutputError) {
        let lastRow = lxw_row_t(max(row - 1, 0))
        let lastColumn = lxw_col_t(max(columnCount - 1, 0))
        var result = worksheet_autofilter(sheet, 0, 0, lastRow, lastColumn)
        guard result == LXW_NO_ERROR else { throw workbook.error(result, "cannot set the autofilter of '\(name)'") }
        guard row > 1 else { return }
        for (column, value, highlight) in highlights {
            var rule = lxw_conditional_format()
            rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
            rule.format = try workbook.format(highlight)
            // A quoted string literal: Excel compares the cell's text with it.
            let literal = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            result = literal.withCString { text in
                rule.value_string = UnsafeMutablePointer(mutating: text)
                return worksheet_conditional_format_range(
                    sheet, 1, lxw_col_t(column), lastRow, lxw_col_t(column), &rule)
            }
            guard result == LXW_NO_ERROR else {
                throw workbook.error(result, "cannot add a conditional format to '\(name)'")
            }
        }
    }

    private func write(_ cell: XLSXCell, row: lxw_row_t, column: lxw_col_t, style: XLSXWorkbookWriter.CellStyle?)
        throws(OutputError)
    {
        let result: lxw_error
        switch cell {
        case .text(let text):
            let format = try style.map { style throws(OutputError) in try workbook.format(style) }
            // Always the string API: text that looks like a formula (`=HYPERLINK(…)`) stays text.
            result = worksheet_write_string(sheet, row, column, Self.fitted(text), format)
        case .number(let value, let number):
            result = worksheet_write_number(sheet, row, column, value, try workbook.format(.number(number)))
        case .date(let date):
            var datetime = lxw_datetime(
                year: Int32(date.year), month: Int32(date.month), day: Int32(date.day), hour: 0, min: 0, sec: 0)
            result = worksheet_write_datetime(sheet, row, column, &datetime, try workbook.format(.date))
        case .blank:
            return
        }
        guard result == LXW_NO_ERROR else {
            throw workbook.error(result, "cannot write cell \(column + 1) of row \(row + 1) of sheet '\(name)'")
        }
    }

    /// The text cut to Excel's cell limit; a NUL (which C strings cannot hold) becomes U+FFFD.
    static func fitted(_ text: String) -> String {
        var text = text
        if text.utf8.contains(0) { text = text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") }
        guard text.unicodeScalars.count > maxTextLength else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(maxTextLength - 1))) + "…"
    }
}
