import Foundation

/// Reads one worksheet of an XLSX workbook as a stream of ``RawRecord``s: the read stage's
/// entry point for XLSX.
///
/// Rows behave as in ``CSVRecordReader``: `skipRows` title rows are skipped, the first
/// non-blank row is the header (trimmed; an empty cell is `column N`), blank rows are skipped,
/// and `dropRowsMatching` / `dropLastRows` drop totals and footers. A missing cell in a sparse
/// row is an empty value, not a short row. Lines are sheet row numbers, columns are 1-based,
/// and every field carries its cell (`Scorecard!B17`) as its path.
///
/// The zip is checked before anything is inflated (see ``XLSXLimits``); the worksheet is
/// inflated on a background thread and parsed in chunks, so memory is the shared strings plus
/// a few chunks and the current row (plus `dropLastRows` records held back), whatever the
/// sheet's size. The reader owns that thread; copies share it, so use one copy only.
public struct XLSXRecordReader: RecordReader {
    /// The header cells, trimmed; an empty cell is named `column N`.
    public private(set) var header: [String] = []
    /// The sheet row number of the header.
    public private(set) var headerLine = 0
    /// Row numbers dropped by `dropRowsMatching` or `dropLastRows`, ascending once the sheet is read.
    public private(set) var droppedRows: [Int] = []
    /// The worksheet's tab name.
    public let sheetName: String

    private let displayPath: String
    private let options: XLSXOptions
    private let stream: XLSXSheetStream
    private let dropPattern: Regex<AnyRegexOutput>?
    private let pathPrefix: String
    /// `Scorecard!A`, `Scorecard!B`… by column index, built once.
    private var columnPaths: [String] = []
    /// Records held back until `dropLastRows` more follow them: the last ones are a footer.
    private var footer: FooterBuffer

    /// The header row for the mapping stage.
    public var fixedHeader: [String]? { header }

    /// Opens the workbook, picks the worksheet, and reads up to and including the header row.
    ///
    /// - Throws: ``ReadError`` when the file is empty, not a zip, a legacy or encrypted Excel
    ///   file, truncated, a zip bomb, has unsafe entry paths or a DOCTYPE, is not a workbook,
    ///   lacks the worksheet, or has no header row.
    public init(url: URL, displayPath: String, options: XLSXOptions) throws(ReadError) {
        try self.init(url: url, displayPath: displayPath, options: options, limits: XLSXLimits())
    }

    /// Creates a reader with chosen limits and chunk size; tests use small ones.
    public init(
        url: URL, displayPath: String, options: XLSXOptions, limits: XLSXLimits, chunkSize: Int = 256 << 10
    ) throws(ReadError) {
        self.displayPath = displayPath
        self.options = options
        footer = FooterBuffer(dropLastRows: options.dropLastRows)
        dropPattern = try FooterBuffer.dropPattern(options.dropRowsMatching, displayPath: displayPath)
        let archive = try XLSXArchive(url: url, displayPath: displayPath, limits: limits)
        let workbook = try XLSXWorkbook.load(from: archive, options: options, chunkSize: chunkSize)
        sheetName = workbook.sheetName
        pathPrefix = XLSXCellReference.sheetPrefix(workbook.sheetName)
        stream = XLSXSheetStream(archive: archive, workbook: workbook, chunkSize: chunkSize)
        try readHeader()
    }

    /// The next data record, or `nil` at the end of the sheet.
    ///
    /// Blank rows are skipped; dropped rows are listed in ``droppedRows``.
    public mutating func next() throws(ReadError) -> RawRecord? {
        while let row = try stream.nextRow() {
            if row.isBlank { continue }
            if let dropPattern, Self.row(row, matches: dropPattern) {
                droppedRows.append(row.number)
                continue
            }
            if let record = footer.push(makeRecord(row)) { return record }
        }
        droppedRows.append(contentsOf: footer.finish())
        droppedRows.sort()
        return nil
    }

    /// Reads rows up to the first non-blank one below the skipped rows: that is the header.
    private mutating func readHeader() throws(ReadError) {
        while let row = try stream.nextRow() {
            if row.number <= options.skipRows || row.isBlank { continue }
            headerLine = row.number
            let width = row.cells.filter { !$0.value.allSatisfy(\.isWhitespace) }.map(\.column).max() ?? 0
            var names = (1...width).map { "column \($0)" }
            for cell in row.cells where cell.column <= width {
                let name = cell.value.trimmingCharacters(in: .whitespacesAndNewlines)
                if !name.isEmpty { names[cell.column - 1] = name }
            }
            header = names
            columnPaths = (1...width).map { pathPrefix + XLSXCellReference.letters($0) }
            return
        }
        let after = options.skipRows > 0 ? " after the \(options.skipRows) skipped rows" : ""
        throw ReadError(
            path: displayPath, message: "no header row\(after): worksheet '\(sheetName)' has only blank rows")
    }

    /// One field per header column (a missing cell is an empty value); values right of the
    /// header become a `ragged-row` problem.
    private func makeRecord(_ row: XLSXRow) -> RawRecord {
        var values = [String](repeating: "", count: header.count)
        var extras: [XLSXRow.Cell] = []
        for cell in row.cells {
            if cell.column <= header.count {
                values[cell.column - 1] = cell.value
            } else if !cell.value.allSatisfy(\.isWhitespace) {
                extras.append(cell)
            }
        }
        let line = String(row.number)
        var fields: [RawField] = []
        fields.reserveCapacity(header.count)
        for index in header.indices {
            fields.append(
                RawField(
                    key: header[index], value: values[index], column: index + 1, line: row.number,
                    path: columnPaths[index] + line))
        }
        var problems: [ReadProblem] = []
        if let first = extras.first {
            let cellName = XLSXCellReference.letters(first.column) + line
            problems.append(
                ReadProblem(
                    ruleID: "ragged-row", line: row.number, column: first.column,
                    rawValue: extras.map(\.value).joined(separator: ", "),
                    message:
                        "row has a value in cell \(cellName), right of the header's last column "
                        + "(\(Counting.noun(header.count, "column")))",
                    hint: "add the missing header cells, or remove the stray values"))
        }
        return RawRecord(number: 0, line: row.number, fields: fields, problems: problems)
    }

    /// Whether the row's first non-empty value, trimmed, matches the drop pattern.
    private static func row(_ row: XLSXRow, matches pattern: Regex<AnyRegexOutput>) -> Bool {
        for cell in row.cells.sorted(by: { $0.column < $1.column }) {
            let value = cell.value.trimmingCharacters(in: .whitespacesAndNewlines)
            if value.isEmpty { continue }
            return (try? pattern.firstMatch(in: value)) != nil
        }
        return false
    }
}
