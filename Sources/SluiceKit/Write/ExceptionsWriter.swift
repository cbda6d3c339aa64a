import Foundation

/// Streams findings to `exceptions.csv` and `exceptions.json`, one row/object per finding.
///
/// The JSON always has every column; the CSV has the columns the rules choose
/// (`exceptions-columns:`), in their order, and the spreadsheet-formula guard unless
/// `excel-safe-csv: false`.
final class ExceptionsWriter {
    /// Column names, shared by both files.
    static let columns = [
        "severity", "rule", "feed", "vendor", "file", "line", "column", "record", "path", "field", "value", "message",
        "hint",
    ]

    private let csv: BufferedFileWriter
    private let json: BufferedFileWriter
    /// The CSV's columns as indices into `columns`.
    private let csvColumns: [Int]
    private let excelSafe: Bool
    private(set) var count = 0

    /// `csvColumns` are names from `columns` (the rules validator checked them); nil for all.
    init(folder: URL, csvColumns: [String]? = nil, excelSafe: Bool = true) throws(OutputError) {
        self.csvColumns = (csvColumns ?? Self.columns).map { name in Self.columns.firstIndex(of: name)! }
        self.excelSafe = excelSafe
        csv = try BufferedFileWriter(url: folder.appendingPathComponent("exceptions.csv"))
        json = try BufferedFileWriter(url: folder.appendingPathComponent("exceptions.json"))
        try csv.write(CSVLine.encode(self.csvColumns.map { Self.columns[$0] }, excelSafe: excelSafe))
        try json.write("[")
    }

    /// A place to roll back to.
    struct Checkpoint {
        let csv: Int
        let json: Int
        let count: Int
    }

    var checkpoint: Checkpoint { Checkpoint(csv: csv.offset, json: json.offset, count: count) }

    func rollback(to checkpoint: Checkpoint) throws(OutputError) {
        try csv.rollback(to: checkpoint.csv)
        try json.rollback(to: checkpoint.json)
        count = checkpoint.count
    }

    /// Writes the finding's CSV row and JSON object straight into the files' buffers, without
    /// a String per value (the 100k profile had the String version at 110 000 instructions
    /// per finding).
    func write(_ finding: Finding) throws(OutputError) {
        let field = finding.field ?? finding.location.field
        let safe = excelSafe
        let columns = csvColumns
        try csv.writeLine { line in
            for (position, column) in columns.enumerated() {
                if position > 0 { line.append(UInt8(ascii: ",")) }
                Self.appendCSV(column, of: finding, field: field, to: &line, excelSafe: safe)
            }
        }
        let first = count == 0
        try json.writeBytes { text in
            Self.append(first ? "\n  {" : ",\n  {", to: &text)
            for column in Self.columns.indices {
                Self.appendJSON(column, of: finding, field: field, to: &text)
            }
            text.append(UInt8(ascii: "}"))
        }
        count += 1
    }

    /// One CSV value: column `column` of `columns`; numbers as digits, absent values empty.
    private static func appendCSV(
        _ column: Int, of finding: Finding, field: String?, to line: inout OutputBuffer, excelSafe safe: Bool
    ) {
        let location = finding.location
        func text(_ value: String?) {
            if let value { CSVLine.appendField(value, to: &line, excelSafe: safe) }
        }
        func number(_ value: Int?) {
            if let value { CSVLine.appendInteger(Int64(value), to: &line) }
        }
        switch column {
        case 0: text(finding.severity.rawValue)
        case 1: text(finding.ruleID)
        case 2: text(finding.feed)
        case 3: text(finding.vendor)
        case 4: text(location.file)
        case 5: number(location.line)
        case 6: number(location.column)
        case 7: number(location.record)
        case 8: text(location.path)
        case 9: text(field)
        case 10: text(finding.rawValue)
        case 11: text(finding.message)
        default: text(finding.hint)
        }
    }

    /// One JSON member, `"name": value`, after `, ` unless it is the first.
    private static func appendJSON(_ column: Int, of finding: Finding, field: String?, to text: inout OutputBuffer) {
        memberPrefixes[column].withUnsafeBufferPointer { text.append(contentsOf: $0) }
        let location = finding.location
        switch column {
        case 0: JSONText.appendString(finding.severity.rawValue, to: &text)
        case 1: JSONText.appendString(finding.ruleID, to: &text)
        case 2: JSONText.appendOptional(finding.feed, to: &text)
        case 3: JSONText.appendOptional(finding.vendor, to: &text)
        case 4: JSONText.appendString(location.file, to: &text)
        case 5: JSONText.appendOptional(location.line, to: &text)
        case 6: JSONText.appendOptional(location.column, to: &text)
        case 7: JSONText.appendOptional(location.record, to: &text)
        case 8: JSONText.appendOptional(location.path, to: &text)
        case 9: JSONText.appendOptional(field, to: &text)
        case 10: JSONText.appendOptional(finding.rawValue, to: &text)
        case 11: JSONText.appendString(finding.message, to: &text)
        default: JSONText.appendOptional(finding.hint, to: &text)
        }
    }

    /// `"severity": `, `, "rule": `…: what comes before each member's value.
    private static let memberPrefixes: [[UInt8]] = columns.enumerated().map { index, name in
        Array(((index == 0 ? "" : ", ") + "\"\(name)\": ").utf8)
    }

    private static func append(_ literal: StaticString, to text: inout OutputBuffer) {
        literal.withUTF8Buffer { text.append(contentsOf: $0) }
    }

    func close() throws(OutputError) {
        try json.write(count == 0 ? "]\n" : "\n]\n")
        try csv.close()
        try json.close()
    }
}
