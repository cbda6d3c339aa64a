/// The file formats a feed can declare.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    case csv
    case xml
    case json
    case ndjson
    case xlsx
}

/// How records are found in an XML file.
public struct XMLOptions: Sendable, Hashable {
    /// The record element: an absolute path (`/unload/u_vendor_kpi`) or any-depth (`//record`),
    /// matched on local names (namespace prefixes ignored).
    public var recordPath: String
    /// Largest text of one value, in bytes; a longer one makes the file unusable.
    public var maxValueBytes: Int

    /// Creates options.
    public init(recordPath: String = "//record", maxValueBytes: Int = 1 << 20) {
        self.recordPath = recordPath
        self.maxValueBytes = maxValueBytes
    }
}

/// How records are found in a JSON or NDJSON file.
public struct JSONOptions: Sendable, Hashable {
    /// Dotted path to the array of records (`records`, `data.items`); empty: the top-level
    /// array (JSON) or every line (NDJSON).
    public var recordsPath: String

    /// Creates options.
    public init(recordsPath: String = "") {
        self.recordsPath = recordsPath
    }
}

/// Which worksheet of an XLSX workbook holds the records, and its title and footer rows.
public struct XLSXOptions: Sendable, Hashable {
    /// The worksheet's name; `nil`: by `sheetIndex`.
    public var sheet: String?
    /// 1-based worksheet position, used when `sheet` is nil.
    public var sheetIndex: Int
    /// Rows above the header to skip.
    public var skipRows: Int
    /// Trailing data rows to drop.
    public var dropLastRows: Int
    /// Data rows whose first non-empty value matches this pattern are dropped.
    public var dropRowsMatching: String?

    /// Creates options.
    public init(
        sheet: String? = nil, sheetIndex: Int = 1, skipRows: Int = 0, dropLastRows: Int = 0,
        dropRowsMatching: String? = nil
    ) {
        self.sheet = sheet
        self.sheetIndex = sheetIndex
        self.skipRows = skipRows
        self.dropLastRows = dropLastRows
        self.dropRowsMatching = dropRowsMatching
    }
}
