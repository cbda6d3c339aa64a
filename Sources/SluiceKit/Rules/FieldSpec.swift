/// One canonical field of a feed: where it comes from, what kind of value it holds, what is valid.
public struct FieldSpec: Sendable, Hashable {
    /// Canonical name (column of the cleaned dataset).
    public var name: String
    /// Source headers that mean this field; matched ignoring case, spaces and punctuation.
    /// The canonical name always matches too.
    public var aliases: [String]
    /// The kind of value.
    public var kind: ValueKind
    /// Declared formats (dates, timestamps: patterns such as `dd/MM/yyyy`, or `excel-serial`).
    public var formats: [String]
    /// Raw values that mean "no value". Compared after trimming, ignoring case.
    public var nullTokens: [String]
    /// Severity of an empty value, or `nil` when the field is optional.
    public var required: Severity?
    /// Value constraints beyond the kind.
    public var constraints: [ConstraintSpec]
    /// Decimal separator for decimal and percent values (`.` or `,`).
    public var decimalSeparator: Character
    /// Thousands separator accepted in numbers, if any (`,`, `.`, space, `'`).
    public var thousandsSeparator: Character?
    /// Percent values without a `%` sign are fractions (0.925) rather than points (92.5).
    public var percentScale: PercentScale
    /// Boolean tokens meaning true, compared ignoring case.
    public var trueTokens: [String]
    /// Boolean tokens meaning false, compared ignoring case.
    public var falseTokens: [String]
    /// Allowed values of an enum field, each with its synonyms.
    public var enumValues: [EnumValue]
    /// Personal data: masked in every human and exception output, and pseudonymised in
    /// cleaned data when the rules say so (`pii:`); `nil` for ordinary fields.
    public var pii: PIIHandling?
    /// Whether leading and trailing white space is removed before the value is read (`trim:`,
    /// default true); with false, `' 12'` is not an integer and `' voice'` not `voice`.
    public var trim = true
    /// Whether an integer may start with `+` (`plus-sign:`, default true); with false, `+5` is a
    /// `type` error.
    public var allowsPlusSign = true
    /// The most digits an integer may have (`max-digits:`), leading zeros included; more is a
    /// `type` error rather than a `range` one. `nil`: as many as fit 64 bits.
    public var maxDigits: Int?
    /// Whether boolean tokens and enum values and synonyms are matched exactly
    /// (`case-sensitive:`, default false: ignoring case).
    public var caseSensitive = false
    /// Severity of a value that repeats an earlier record's value of this field in the same file
    /// (`unique:`), or `nil` when repeats are allowed.
    public var unique: Severity?
    /// Where the field is declared.
    public var declaredAt: RulesLocation

    /// The null tokens used when a field declares none.
    public static let defaultNullTokens = ["", "N/A", "NA", "-", "null", "#N/A"]
    /// The default boolean tokens.
    public static let defaultTrueTokens = ["true", "yes", "y", "1"]
    /// The default boolean tokens.
    public static let defaultFalseTokens = ["false", "no", "n", "0"]

    /// Creates a field with defaults for everything but name and kind.
    public init(
        name: String, kind: ValueKind, aliases: [String] = [], formats: [String] = [],
        nullTokens: [String] = FieldSpec.defaultNullTokens, required: Severity? = nil,
        constraints: [ConstraintSpec] = [], decimalSeparator: Character = ".",
        thousandsSeparator: Character? = nil, percentScale: PercentScale = .points,
        trueTokens: [String] = FieldSpec.defaultTrueTokens, falseTokens: [String] = FieldSpec.defaultFalseTokens,
        enumValues: [EnumValue] = [], declaredAt: RulesLocation = RulesLocation(file: "", line: 0, column: 0)
    ) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.formats = formats
        self.nullTokens = nullTokens
        self.required = required
        self.constraints = constraints
        self.decimalSeparator = decimalSeparator
        self.thousandsSeparator = thousandsSeparator
        self.percentScale = percentScale
        self.trueTokens = trueTokens
        self.falseTokens = falseTokens
        self.enumValues = enumValues
        self.declaredAt = declaredAt
    }
}

/// The kinds of value a field can hold; each has one parser in `Normalise/`.
public enum ValueKind: String, Sendable, Hashable, CaseIterable {
    case text
    case integer
    case decimal
    case percent
    case duration
    case date
    case timestamp
    case boolean
    case `enum`
}

/// What happens to a personal-data field's values (`pii: true` or `pii: pseudonymise`).
public enum PIIHandling: String, Sendable, Hashable, CaseIterable {
    /// Masked (`J*** D**`) in exceptions, rejected records, reports and messages; cleaned data
    /// keeps the value.
    case mask
    /// Masked like `mask`, and cleaned data holds a keyed hash instead of the value.
    case pseudonymise
}

/// How percent values without a `%` sign are written by the vendor.
public enum PercentScale: String, Sendable, Hashable, CaseIterable {
    /// `92.5` means 92.5 %.
    case points
    /// `0.925` means 92.5 %.
    case fraction
}

/// One allowed value of an enum field and the spellings that mean it.
public struct EnumValue: Sendable, Hashable {
    /// The canonical value written to cleaned data.
    public var value: String
    /// Other spellings, compared ignoring case and surrounding spaces.
    public var synonyms: [String]

    /// Creates an enum value.
    public init(value: String, synonyms: [String] = []) {
        self.value = value
        self.synonyms = synonyms
    }
}

/// A constraint on a field's normalised value.
public enum ConstraintSpec: Sendable, Hashable {
    /// The value lies between bounds; bounds are raw text parsed with the field's kind.
    case range(min: RangeBound?, max: RangeBound?, severity: Severity)
    /// The raw (trimmed) text matches a regular expression.
    case pattern(String, severity: Severity)
    /// The normalised text has at most this many characters.
    case maxLength(Int, severity: Severity)
}

/// One end of a range.
public struct RangeBound: Sendable, Hashable {
    /// The bound as written in the rules file.
    public var raw: String
    /// Whether the bound itself is excluded.
    public var exclusive: Bool

    /// Creates a bound.
    public init(raw: String, exclusive: Bool = false) {
        self.raw = raw
        self.exclusive = exclusive
    }
}
