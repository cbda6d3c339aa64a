/// One feed: a kind of export a vendor sends, how to read it and what is valid in it.
public struct FeedSpec: Sendable {
    /// Unique feed name; also the name of its cleaned dataset.
    public var name: String
    /// Where the vendor of each record comes from.
    public var vendor: VendorSource
    /// Case-insensitive globs on the inbox file name (`acme-scorecard-*.csv`).
    public var files: [String]
    /// The file format (with several formats: the first listed, until `reading(fileName:)`
    /// chooses the one a file's extension names).
    public var format: InputFormat = .csv
    /// Every format the feed reads (`format: [csv, json, ndjson, xml]`), each chosen by a file's
    /// extension; empty when the feed has one format.
    public var formats: [InputFormat] = []
    /// How a CSV file is read.
    public var csv: CSVOptions
    /// Where records are in an XML file.
    public var xml = XMLOptions()
    /// Where records are in a JSON or NDJSON file.
    public var json = JSONOptions()
    /// Which sheet of an XLSX workbook, and its title and footer rows.
    public var xlsx = XLSXOptions()
    /// The fields, in output order.
    public var fields: [FieldSpec]
    /// Cross-field comparisons within a record.
    public var comparisons: [ComparisonSpec]
    /// Fields whose combined value must not repeat within the feed.
    public var uniqueKey: UniqueKeySpec?
    /// How the feed's records become KPI observations, if they do.
    public var kpi: FeedKPISpec?
    /// Where the cleaned dataset is written and with which columns.
    public var clean = CleanOutputSpec()
    /// Where the feed is declared.
    public var declaredAt: RulesLocation

    /// Creates a feed.
    public init(
        name: String, vendor: VendorSource, files: [String], csv: CSVOptions = CSVOptions(),
        fields: [FieldSpec], comparisons: [ComparisonSpec] = [], uniqueKey: UniqueKeySpec? = nil,
        kpi: FeedKPISpec? = nil, declaredAt: RulesLocation
    ) {
        self.name = name
        self.vendor = vendor
        self.files = files
        self.csv = csv
        self.fields = fields
        self.comparisons = comparisons
        self.uniqueKey = uniqueKey
        self.kpi = kpi
        self.declaredAt = declaredAt
    }

    /// The field with this canonical name.
    public func field(named name: String) -> FieldSpec? {
        fields.first { $0.name == name }
    }

    /// The feed as it reads one file: with several formats, `format` is the one the file's
    /// extension names, or the first listed when it names none of them (the format sniffer
    /// then quarantines a file whose bytes are not of that format).
    public func reading(fileName: String) -> FeedSpec {
        guard formats.count > 1 else { return self }
        var copy = self
        let dot = fileName.lastIndex(of: ".")
        let named = dot.flatMap { InputFormat(fileExtension: String(fileName[fileName.index(after: $0)...])) }
        copy.format = named.flatMap { formats.contains($0) ? $0 : nil } ?? formats[0]
        // `json: records` names the array of a JSON document; an NDJSON file has one record per line.
        if copy.format == .ndjson { copy.json.recordsPath = "" }
        return copy
    }
}

/// Where a record's vendor comes from.
public enum VendorSource: Sendable, Hashable {
    /// Every record of the feed belongs to this vendor.
    case constant(String)
    /// The vendor is the normalised value of this canonical field.
    case field(String)
}

/// The text encodings a feed may declare. A byte order mark in the file always wins.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case windows1252 = "windows-1252"
    case iso88591 = "iso-8859-1"
}

/// How a CSV file is laid out.
public struct CSVOptions: Sendable, Hashable {
    /// The field delimiter byte, or `nil` to detect it from the header line.
    public var delimiter: UInt8?
    /// The quote byte.
    public var quote: UInt8
    /// The declared encoding.
    public var encoding: TextEncoding
    /// Lines above the header to skip (title lines, export banners).
    public var skipLines: Int
    /// Trailing data rows to drop (a "Total" row), counted from the end.
    public var dropLastRows: Int
    /// Data rows whose first non-empty value matches this pattern are dropped (`^Total`).
    public var dropRowsMatching: String?

    /// Creates options; the defaults are RFC 4180 in UTF-8.
    public init(
        delimiter: UInt8? = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\""), encoding: TextEncoding = .utf8,
        skipLines: Int = 0, dropLastRows: Int = 0, dropRowsMatching: String? = nil
    ) {
        self.delimiter = delimiter
        self.quote = quote
        self.encoding = encoding
        self.skipLines = skipLines
        self.dropLastRows = dropLastRows
        self.dropRowsMatching = dropRowsMatching
    }
}

/// A comparison between two fields of one record (`period_end >= period_start`).
public struct ComparisonSpec: Sendable, Hashable {
    /// Left field.
    public var left: String
    /// The operator.
    public var op: ComparisonOperator
    /// Right field.
    public var right: String
    /// How serious a failed comparison is.
    public var severity: Severity
    /// Where it is declared.
    public var declaredAt: RulesLocation

    /// Creates a comparison.
    public init(left: String, op: ComparisonOperator, right: String, severity: Severity, declaredAt: RulesLocation) {
        self.left = left
        self.op = op
        self.right = right
        self.severity = severity
        self.declaredAt = declaredAt
    }
}

/// Comparison operators usable in a `compare` check.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case lessThan = "<"
    case lessOrEqual = "<="
    case greaterThan = ">"
    case greaterOrEqual = ">="
    case equal = "=="
    case notEqual = "!="
}

/// The fields whose combined values identify a record within a feed.
public struct UniqueKeySpec: Sendable, Hashable {
    /// Canonical field names.
    public var fields: [String]
    /// How serious a duplicate is.
    public var severity: Severity

    /// Creates a unique key.
    public init(fields: [String], severity: Severity = .error) {
        self.fields = fields
        self.severity = severity
    }
}
