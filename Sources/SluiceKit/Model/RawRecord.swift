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
    /// The path in parts, joined only when asked for.
    var place: FieldPlace

    /// Where the value is in a structured file: an XPath-like path (`/unload/u_kpi[3]/u_value`),
    /// a JSON pointer (`/records/2/metrics/sl`) or a sheet cell (`Scorecard!B17`).
    public var path: String? {
        get { place.text }
        set { place = newValue.map(FieldPlace.text) ?? .none }
    }

    // Readers make a field with the memberwise initialiser `init(key:value:column:line:place:)`,
    // which the compiler keeps because every other initialiser is in an extension. It builds
    // the field in place; an explicit initialiser with the same body built a temporary, copied
    // it into the record's array and destroyed it (callgrind: about 310 instructions per value,
    // 9 % of the JSON and XML readers).

    public static func == (lhs: RawField, rhs: RawField) -> Bool {
        lhs.key == rhs.key && lhs.value == rhs.value && lhs.column == rhs.column && lhs.line == rhs.line
            && lhs.path == rhs.path
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(value)
        hasher.combine(column)
        hasher.combine(line)
        hasher.combine(path)
    }
}

extension RawField {
    /// Creates a raw field.
    public init(key: String, value: String?, column: Int, line: Int, path: String? = nil) {
        self.init(key: key, value: value, column: column, line: line, place: path.map(FieldPlace.text) ?? .none)
    }
}

/// A field's path kept in parts. Readers of structured files make one per value, but a path is
/// wanted only when a finding is made: joining it for every value cost an allocation per value
/// (XML and JSON readers, 1M records × 11 values).
enum FieldPlace: Sendable {
    /// No path (CSV).
    case none
    /// A path already made.
    case text(String)
    /// `base + "/" + tail.relative + tail.suffix`: a record's path and a value's path within
    /// it, each shared, not copied.
    case joined(base: RecordPath, tail: FieldPathTail)

    /// The path as text.
    var text: String? {
        switch self {
        case .none: nil
        case .text(let text): text
        case .joined(let base, let tail): base.text + "/" + tail.relative + tail.suffix
        }
    }
}

/// A value's path within its record: `metrics/sl` (often the field's key, the same String) and
/// what follows it (`/@id`, or nothing). Readers make one per key and share it with that key's
/// value in every record. Held as one reference, it keeps a ``RawField`` at 72 bytes, not 96
/// (the two Strings inline made ``FieldPlace`` 41 bytes): the check stage's first read of each
/// field is a cache miss on memory the read stage wrote on the other core (perf annotate), so
/// a record's 11 fields cover 12 cache lines instead of 17. 1M-row CSV runs, 14 alternating
/// pairs with other work paused: median 4.56 → 4.20 s wall (the pairs' differences are noisy,
/// −0.83 to +0.42 s, mean −0.17 s).
final class FieldPathTail: Sendable {
    let relative: String
    let suffix: String

    init(relative: String, suffix: String = "") {
        self.relative = relative
        self.suffix = suffix
    }
}

/// A record's own path in its file, shared by the record's fields and made into text only when
/// a finding needs it: building `/records/record[3]` as a String for every record cost 4 % of
/// an XML run's instructions (callgrind, 100k records), and `/data/items/2` one or two
/// allocations per JSON record.
final class RecordPath: Sendable {
    /// How the path is written.
    enum Form: Sendable {
        /// An element and its 1-based index among same-named siblings: `/records/record[3]`.
        case element(parent: String, name: String, index: Int)
        /// An item of an array and its 0-based index, as a JSON pointer: `/data/items/2`.
        case item(array: String, index: Int)
        /// The root: the empty path (an NDJSON line's object).
        case root
    }

    /// The path of an NDJSON line's object, shared by every record.
    static let root = RecordPath(.root)

    let form: Form
    /// Added to an element's index: records of a chunk of a file read in parallel share one,
    /// set once the records before the chunk are counted.
    let offset: RecordIndexOffset?

    init(_ form: Form, offset: RecordIndexOffset? = nil) {
        self.form = form
        self.offset = offset
    }

    /// The path as text.
    var text: String {
        switch form {
        case .element(let parent, let name, let index):
            parent + "/" + name + "[" + String(index + (offset?.value ?? 0)) + "]"
        case .item(let array, let index): array + "/" + String(index)
        case .root: ""
        }
    }
}

/// The number of same-named records before a chunk of a file parsed on its own (XML read on
/// several cores), shared by the paths of the chunk's records: set once, when the chunks before
/// are known, instead of giving every field of every record a new path (2,600 instructions a
/// record on the thread that hands the records on, callgrind).
///
/// `@unchecked Sendable`: the reader sets `value` after the worker that made the chunk's paths
/// has finished and before it hands any of the chunk's records on; the threads that read the
/// paths get the records (and so see the value) through the pipeline's locked hand-overs.
final class RecordIndexOffset: @unchecked Sendable {
    var value = 0
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
