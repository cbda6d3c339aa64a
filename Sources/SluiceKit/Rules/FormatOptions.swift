/// The file formats a feed can declare.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    case csv
    case xml
    case json
    case ndjson
    case xlsx

    /// The format a file extension names (`csv`, `xml`, `json`, `ndjson` or `jsonl`, `xlsx`),
    /// ignoring case.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "csv": self = .csv
        case "xml": self = .xml
        case "json": self = .json
        case "ndjson", "jsonl": self = .ndjson
        case "xlsx": self = .xlsx
        default: return nil
        }
    }
}

/// How records are found in an XML file.
public struct XMLOptions: Sendable, Hashable {
    /// The record element: an absolute path (`/unload/u_vendor_kpi`) or any-depth (`//record`),
    /// matched on local names (namespace prefixes ignored).
    public var recordPath: String
    /// Largest text of one value, in bytes; a longer one makes the file unusable.
    public var maxValueBytes: Int
    /// Archer-style exports: record fields are numeric ids named in a metadata block.
    public var fieldIDs: XMLFieldIDs?

    /// Creates options.
    public init(recordPath: String = "//record", maxValueBytes: Int = 1 << 20, fieldIDs: XMLFieldIDs? = nil) {
        self.recordPath = recordPath
        self.maxValueBytes = maxValueBytes
        self.fieldIDs = fieldIDs
    }
}

/// How an Archer-style export names its fields: `<FieldDefinition id="16734" name="Vendor"/>`
/// elements before the records, and `<Field id="16734">ACME</Field>` inside each record. A
/// record's field is then keyed by its definition's name (`Vendor`).
public struct XMLFieldIDs: Sendable, Hashable {
    /// The definition element's local name.
    public var definition: String
    /// The definition's id attribute.
    public var definitionID: String
    /// The definition's name attribute.
    public var definitionName: String
    /// The field element's local name inside records.
    public var field: String
    /// The field element's id attribute.
    public var fieldID: String

    /// Creates the mapping; the attribute names default to Archer's.
    public init(
        definition: String = "FieldDefinition", definitionID: String = "id", definitionName: String = "name",
        field: String = "Field", fieldID: String = "id"
    ) {
        self.definition = definition
        self.definitionID = definitionID
        self.definitionName = definitionName
        self.field = field
        self.fieldID = fieldID
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
