/// A draft feed inferred from one sample file by `sluice describe`: how to read it, and per
/// column a field with its kind, formats and whether it was always filled. Printed as rules
/// YAML (``yaml``) for a person to check and complete.
public struct FeedDraft: Sendable {
    /// The sample file, as shown to the user.
    public var source: String
    /// The feed's name.
    public var name: String
    /// Where records get their vendor.
    public var vendor: Vendor
    /// The files pattern: the sample's name with its date part as `*`.
    public var files: String
    /// The file format.
    public var format: InputFormat
    /// How the format is read.
    public var reading: Reading
    /// The feed-wide number format.
    var numbers: NumberStyle
    /// One field per column or key, in file order.
    public var fields: [Field]
    /// Records profiled, and whether the file had more.
    public var records: Int
    public var truncated: Bool

    /// Where the vendor comes from.
    public enum Vendor: Sendable, Hashable {
        /// Named with `--vendor`.
        case constant(String)
        /// A column that holds it (`Vendor`, `Supplier`…).
        case field(String)
        /// Not known: the user fills it in.
        case unknown
    }

    /// Format-specific reading options.
    public enum Reading: Sendable, Hashable {
        case csv(CSVReading)
        case xml(recordPath: String)
        case json(recordsPath: String)
        case ndjson
        case xlsx(XLSXReading)
    }

    /// How a CSV sample is laid out.
    public struct CSVReading: Sendable, Hashable {
        public var delimiter: UInt8
        public var encoding: TextEncoding
        public var byteOrderMark: Bool
        /// Physical lines above the header, and the text of the non-blank ones.
        public var skipLines: Int
        public var titleLines: [String]
        /// A footer row's first value (`Total`), when the last row looks like one.
        public var footer: String?
    }

    /// Which worksheet, and its title rows.
    public struct XLSXReading: Sendable, Hashable {
        public var sheet: String
        public var skipRows: Int
        public var titleRows: [String]
        public var footer: String?
    }

    /// One field of the draft.
    public struct Field: Sendable, Hashable {
        /// The canonical name (snake case of the header).
        public var name: String
        /// The header or key in the file.
        public var header: String
        public var kind: Kind
        /// No blank value was seen.
        public var required: Bool
        /// A number that varies per period: a likely KPI.
        public var likelyKPI: Bool
        /// Values seen, blank values seen, and examples for the comment.
        public var values: Int
        public var blanks: Int
        public var examples: String
        public var distinct: Int
        public var distinctOverflow: Bool
        /// For a text field: the kind most values read as, and values that do not.
        public var nearMiss: String?

        /// The kind, with what the YAML needs for it.
        public enum Kind: Sendable, Hashable {
            case text
            case integer
            case decimal
            case percent(scale: PercentScale)
            case duration
            case date(format: String, alternatives: [String])
            case timestamp(format: String, alternatives: [String])
            case boolean
            case enumeration([String])

            /// The rules kind.
            public var valueKind: ValueKind {
                switch self {
                case .text: .text
                case .integer: .integer
                case .decimal: .decimal
                case .percent: .percent
                case .duration: .duration
                case .date: .date
                case .timestamp: .timestamp
                case .boolean: .boolean
                case .enumeration: .enum
                }
            }

            var isNumber: Bool {
                switch self {
                case .integer, .decimal, .percent, .duration: true
                default: false
                }
            }
        }
    }
}
