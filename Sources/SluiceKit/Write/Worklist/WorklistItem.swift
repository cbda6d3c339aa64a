/// One line of the associate's worklist: one thing to chase with one vendor.
struct WorklistItem: Equatable {
    /// What is wrong; the raw values are the `problem` column of `worklist.csv`.
    enum Problem: String, CaseIterable {
        /// A required value is empty or a null token.
        case missingValue = "missing-value"
        /// A value is not valid (type, range, pattern, enum, comparison, unknown KPI…).
        case invalidValue = "invalid-value"
        /// A value repeats an earlier record's key.
        case repeatedValue = "repeated-value"
        /// A date that reads differently under two declared formats.
        case ambiguousValue = "ambiguous-value"
        /// A row that could not be read as a whole (wrong number of values).
        case badRow = "bad-row"
        /// A targeted KPI with no value for a period that sent data.
        case missingKPI = "missing-kpi"
        /// A KPI reported twice with different values.
        case conflictingKPI = "conflicting-kpi"
        /// An expected file that is overdue.
        case missingSubmission = "missing-submission"
        /// A file that arrived after its due date and grace.
        case lateSubmission = "late-submission"
        /// A file that arrived before its period ended (likely partial).
        case earlySubmission = "early-submission"
        /// A file that could not be used at all.
        case quarantinedFile = "quarantined-file"

        /// The problem a record finding stands for.
        init(ruleID: String, hasField: Bool) {
            switch ruleID {
            case "required": self = .missingValue
            case "unique-key", "unique": self = .repeatedValue
            case "ambiguous-date": self = .ambiguousValue
            default: self = hasField ? .invalidValue : .badRow
            }
        }
    }

    var vendor: String
    var feed: String
    var period: String
    var problem: Problem
    /// The column as the vendor names it, or the KPI's name.
    var field: String
    var count: Int
    /// The first few places.
    var examples: [WorklistExample]
    /// Due dates, receipt dates, the reason a file was quarantined.
    var detail = ""
}

/// One place where a problem was seen, with the value found there.
struct WorklistExample: Equatable {
    let file: String
    let line: Int?
    /// The data record number (XML, JSON), used when there is no row to point at.
    let record: Int?
    /// Whether the place is a record of a structured file (XML, JSON) rather than a row.
    let isRecord: Bool
    let value: String?

    init(file: String, line: Int? = nil, record: Int? = nil, isRecord: Bool = false, value: String? = nil) {
        self.file = file
        self.line = line
        self.record = record
        self.isRecord = isRecord
        self.value = value
    }

    /// The finding's place; its raw value cut to `maxValueLength` characters.
    init(_ finding: Finding, maxValueLength: Int) {
        let location = finding.location
        // XML and JSON files have records; CSV files and sheets have rows.
        let name = location.file.lowercased()
        let isRecord = name.hasSuffix(".xml") || name.hasSuffix(".json") || name.hasSuffix(".ndjson")
        self.init(
            file: location.file, line: location.line, record: location.record, isRecord: isRecord,
            value: finding.rawValue.map { $0.count > maxValueLength ? String($0.prefix(maxValueLength - 1)) + "…" : $0 }
        )
    }

    /// `file:line`, or the file alone.
    var place: String { line.map { "\(file):\($0)" } ?? file }

    /// The row (CSV, XLSX) or record (XML, JSON) number a vendor would look for.
    var number: Int? { isRecord ? (record ?? line) : line }
}
