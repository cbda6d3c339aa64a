/// One record as a reader produced it, before mapping: source keys and raw strings.
///
/// Readers for every format produce this, so mapping, normalising and checking never
/// depend on the format.
public struct RawRecord: Sendable {
    /// 1-based data record number within the file.
    public var number: Int
    /// 1-based line where the record starts.
    public var line: Int
    /// The values in source order.
    public var fields: [RawField]
    /// Problems the reader found in this record (ragged row, invalid bytes).
    public var problems: [ReadProblem]

    /// Creates a raw record.
    public init(number: Int, line: Int, fields: [RawField], problems: [ReadProblem] = []) {
        self.number = number
        self.line = line
        self.fields = fields
        self.problems = problems
    }
}

/// One raw value with the key it came under and its place.
public struct RawField: Sendable, Hashable {
    /// The source header (CSV), element path (XML) or key path (JSON).
    public var key: String
    /// The value exactly as decoded; `nil` when the source had no value at all (a short row).
    public var value: String?
    /// 1-based column in the source row.
    public var column: Int
    /// 1-based line where the value starts.
    public var line: Int
    /// Where the value is in a structured file: an XPath-like path (`/unload/u_kpi[3]/u_value`),
    /// a JSON pointer (`/records/2/metrics/sl`) or a sheet cell (`Scorecard!B17`).
    public var path: String?

    /// Creates a raw field.
    public init(key: String, value: String?, column: Int, line: Int, path: String? = nil) {
        self.key = key
        self.value = value
        self.column = column
        self.line = line
        self.path = path
    }
}

/// A problem a reader found inside a record: it becomes a finding of the record.
public struct ReadProblem: Sendable, Hashable {
    /// Rule id: `ragged-row` or `invalid-encoding`.
    public var ruleID: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, when the problem is in one value.
    public var column: Int?
    /// The raw text involved (bytes shown with escapes when they are not text).
    public var rawValue: String?
    /// What is wrong.
    public var message: String
    /// What would fix it.
    public var hint: String?

    /// Creates a read problem.
    public init(
        ruleID: String, line: Int, column: Int? = nil, rawValue: String? = nil, message: String, hint: String? = nil
    ) {
        self.ruleID = ruleID
        self.line = line
        self.column = column
        self.rawValue = rawValue
        self.message = message
        self.hint = hint
    }
}
