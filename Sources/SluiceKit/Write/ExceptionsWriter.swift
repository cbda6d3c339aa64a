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

    func write(_ finding: Finding) throws(OutputError) {
        let location = finding.location
        let field = finding.field ?? location.field
        let values = [
            finding.severity.rawValue, finding.ruleID, finding.feed ?? "", finding.vendor ?? "", location.file,
            location.line.map(String.init) ?? "", location.column.map(String.init) ?? "",
            location.record.map(String.init) ?? "", location.path ?? "", field ?? "", finding.rawValue ?? "",
            finding.message,
            finding.hint ?? "",
        ]
        try csv.write(CSVLine.encode(csvColumns.map { values[$0] }, excelSafe: excelSafe))
        let members = [
            JSONText.string(finding.severity.rawValue), JSONText.string(finding.ruleID),
            JSONText.optional(finding.feed),
            JSONText.optional(finding.vendor), JSONText.string(location.file), JSONText.optional(location.line),
            JSONText.optional(location.column), JSONText.optional(location.record), JSONText.optional(location.path),
            JSONText.optional(field),
            JSONText.optional(finding.rawValue), JSONText.string(finding.message), JSONText.optional(finding.hint),
        ]
        let object = zip(Self.columns, members).map { "\"\($0)\": \($1)" }.joined(separator: ", ")
        try json.write((count == 0 ? "\n  {" : ",\n  {") + object + "}")
        count += 1
    }

    func close() throws(OutputError) {
        try json.write(count == 0 ? "]\n" : "\n]\n")
        try csv.close()
        try json.close()
    }
}
