/// A record after mapping, normalising and checking: its values and its findings.
///
/// Stored lean: the record as read, one array of normalised values, and the binding's column
/// map (shared by every record of a file, so it costs a reference, not an allocation). Raw
/// values and source columns are read from `raw` through that map when asked for (a rejected
/// record's line, a finding); a value's problem is kept only when there is one. The earlier
/// layout held five arrays per record (raw values, columns, values, outcomes, findings):
/// making and freeing them was a third of validating a record (callgrind, 100k CSV records).
public struct ValidatedRecord: Sendable {
    /// The record as read.
    public var raw: RawRecord
    /// Normalised value per feed field; `nil` when empty or invalid.
    public var values: [NormalisedValue?]
    /// The record's vendor.
    public var vendor: String
    /// Everything found wrong with it.
    public var findings: [Finding]
    /// Where each field's raw value is.
    private var sources: FieldSources
    /// The problem of each field whose raw value did not normalise (usually none).
    private var problems: [FieldProblem]

    /// Where the raw values of a record's fields are.
    private enum FieldSources: Sendable {
        /// Per feed field, the index of its value in `raw.fields` (a binding's columns).
        case bound([Int?])
        /// Given directly (records made by hand).
        case given(rawValues: [String?], columns: [Int?])
    }

    /// A field whose raw value is not a valid value of its kind.
    struct FieldProblem: Sendable {
        let field: Int
        let problem: ValueProblem
    }

    /// A record checked against a binding: `fieldColumns` are the binding's 0-based index into
    /// `raw.fields` per feed field; `problems` the fields whose value did not normalise.
    init(
        raw: RawRecord, fieldColumns: [Int?], values: [NormalisedValue?], problems: [FieldProblem], vendor: String,
        findings: [Finding]
    ) {
        self.raw = raw
        self.values = values
        self.vendor = vendor
        self.findings = findings
        sources = .bound(fieldColumns)
        self.problems = problems
    }

    /// A record whose raw values, columns and outcomes are given per feed field.
    public init(
        raw: RawRecord, rawValues: [String?], columns: [Int?], values: [NormalisedValue?], outcomes: [ValueOutcome],
        vendor: String, findings: [Finding]
    ) {
        self.raw = raw
        self.values = values
        self.vendor = vendor
        self.findings = findings
        sources = .given(rawValues: rawValues, columns: columns)
        problems = outcomes.indices.compactMap { index in
            if case .invalid(let problem) = outcomes[index] { return FieldProblem(field: index, problem: problem) }
            return nil
        }
    }

    /// Whether an error finding keeps the record out of the cleaned data.
    public var isRejected: Bool {
        findings.contains { $0.severity == .error }
    }

    /// Per feed field, the index of its value in `raw.fields` (empty for records made by hand).
    var fieldColumns: [Int?] {
        if case .bound(let columns) = sources { return columns }
        return []
    }

    /// The raw text of a feed field (`nil` when the column is absent or the row is short).
    public func rawValue(at field: Int) -> String? {
        switch sources {
        case .bound(let columns):
            guard field < columns.count, let index = columns[field], index < raw.fields.count else { return nil }
            return raw.fields[index].value
        case .given(let rawValues, _):
            return field < rawValues.count ? rawValues[field] : nil
        }
    }

    /// The 1-based source column of a feed field, when the column exists.
    public func column(at field: Int) -> Int? {
        switch sources {
        case .bound(let columns):
            guard field < columns.count, let index = columns[field], index < raw.fields.count else { return nil }
            return raw.fields[index].column
        case .given(_, let columns):
            return field < columns.count ? columns[field] : nil
        }
    }

    /// The outcome of normalising a feed field.
    public func outcome(at field: Int) -> ValueOutcome {
        if let value = values[field] { return .value(value) }
        for entry in problems where entry.field == field { return .invalid(entry.problem) }
        return .null
    }

    /// Raw text per feed field; made on each call (use `rawValue(at:)` for one field).
    public var rawValues: [String?] {
        values.indices.map(rawValue(at:))
    }

    /// Source column per feed field; made on each call (use `column(at:)` for one field).
    public var columns: [Int?] {
        values.indices.map(column(at:))
    }

    /// The outcome of normalising each feed field; made on each call (use `outcome(at:)`).
    public var outcomes: [ValueOutcome] {
        values.indices.map(outcome(at:))
    }
}
