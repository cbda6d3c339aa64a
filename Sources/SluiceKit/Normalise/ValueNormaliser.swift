/// Compiled once per field; normalises raw strings fast.
///
/// Everything that depends only on the field (separators, compiled date formats, token sets) is
/// prepared here, so `normalise` only walks the value's UTF-8 bytes: no Foundation formatters,
/// no regular expressions, no allocation beyond the result. A final class rather than a
/// struct: the pipeline calls it for every value, and copying a struct of this size out of an
/// array per call showed up as the top retain/release cost in a perf profile of 100k rows.
public final class ValueNormaliser: Sendable {
    /// The field this normaliser was compiled for.
    public let field: FieldSpec
    private let nullTokens: CaselessTokens
    /// Whether some null token is not empty: with only `""` (or none), the emptiness check
    /// alone decides, and the token look-up (a call per value, 4 % of validating a record) is skipped.
    private let hasTextNullTokens: Bool
    private let parser: Parser

    /// One compiled parser per kind, dispatched statically.
    private enum Parser: Sendable {
        case text
        case integer(IntegerParser)
        case decimal(DecimalParser)
        case percent(PercentParser)
        case duration(DurationParser)
        case temporal(TemporalParser)
        case boolean(BooleanParser)
        case enumeration(EnumParser)
    }

    /// Compiles the field; throws for a declared format that is not valid for the kind.
    public init(field: FieldSpec) throws(FormatError) {
        self.field = field
        nullTokens = CaselessTokens(field.nullTokens.map { ($0, 0) })
        hasTextNullTokens = field.nullTokens.contains { !$0.isEmpty }
        if let separator = field.thousandsSeparator, separator == field.decimalSeparator {
            throw FormatError(
                format: String(separator),
                message: "thousands-separator '\(separator)' is also the decimal separator; they must differ")
        }
        switch field.kind {
        case .date, .timestamp:
            parser = .temporal(try TemporalParser(field: field))
        default:
            if let format = field.formats.first, let problem = ValueNormaliser.formatProblem(format, kind: field.kind) {
                throw FormatError(format: format, message: problem)
            }
            switch field.kind {
            case .text: parser = .text
            case .integer: parser = .integer(IntegerParser(field: field))
            case .decimal: parser = .decimal(DecimalParser(field: field))
            case .percent: parser = .percent(PercentParser(field: field))
            case .duration: parser = .duration(DurationParser(field: field))
            case .boolean: parser = .boolean(BooleanParser(field: field))
            case .enum: parser = .enumeration(EnumParser(field: field))
            case .date, .timestamp: preconditionFailure("handled above")
            }
        }
    }

    /// Normalises one raw value: null, the typed value, or a problem quoting `raw` as given.
    public func normalise(_ raw: String) -> ValueOutcome {
        var contiguous = raw
        // `withUTF8` copies only for bridged, non-contiguous strings; native strings are read in place.
        return contiguous.withUTF8 { normalise(bytes: $0, raw: raw, bound: false) }
    }

    /// Parses a rules-file bound (range min/max) with the field's own parser; nil if it does not parse.
    ///
    /// A bound that the field's parser rejects is also tried in the canonical form written to cleaned
    /// data (`.` decimals, ISO dates and timestamps), since rules authors write bounds that way.
    /// Percent bounds are always points (`100` is 100 %), whatever the vendor's scale.
    public func parseBound(_ raw: String) -> NormalisedValue? {
        var contiguous = raw
        if case .value(let value) = contiguous.withUTF8({ normalise(bytes: $0, raw: raw, bound: true) }) {
            return value
        }
        var canonical = field
        canonical.decimalSeparator = "."
        canonical.thousandsSeparator = nil
        if field.kind == .date || field.kind == .timestamp { canonical.formats = [DateFormat.iso8601Name] }
        canonical.percentScale = .points
        // The canonical boolean words, as cleaned data writes them.
        canonical.trueTokens = ["true"]
        canonical.falseTokens = ["false"]
        guard canonical != field, let fallback = try? ValueNormaliser(field: canonical) else { return nil }
        if case .value(let value) = fallback.normalise(raw) { return value }
        return nil
    }

    /// Checks a declared format for a kind; returns a message (with a did-you-mean where sensible) or nil.
    public static func formatProblem(_ format: String, kind: ValueKind) -> String? {
        switch kind {
        case .date, .timestamp:
            do {
                _ = try DateFormat(compiling: format, timestamp: kind == .timestamp)
                return nil
            } catch {
                return error.message
            }
        default:
            return "kind '\(kind.rawValue)' takes no formats; formats apply to date and timestamp fields"
        }
    }

    private func normalise(bytes all: Bytes, raw: String, bound: Bool) -> ValueOutcome {
        let bytes = field.trim ? all.trimmed() : all
        if bytes.isEmpty || (hasTextNullTokens && nullTokens.meaning(of: bytes) != nil) { return .null }
        switch parser {
        // Untrimmed text keeps the raw String (shared storage, no copy of its bytes).
        case .text: return .value(.text(bytes.count == all.count ? raw : bytes.string))
        case .integer(let parser): return parser.parse(bytes, raw: raw)
        case .decimal(let parser): return parser.parse(bytes, raw: raw)
        case .percent(let parser):
            guard bound else { return parser.parse(bytes, raw: raw) }
            switch parser.read(bytes, raw: raw, scale: .points) {
            case .success(let value): return .value(.percent(value))
            case .failure(let problem): return .invalid(problem)
            }
        case .duration(let parser): return parser.parse(bytes, raw: raw)
        case .temporal(let parser): return parser.parse(bytes, raw: raw)
        case .boolean(let parser): return parser.parse(bytes, raw: raw)
        case .enumeration(let parser): return parser.parse(bytes, raw: raw)
        }
    }
}
