/// Parses whole numbers: optional sign, digits, declared thousands separators in groups of three;
/// `plus-sign: false` refuses a leading `+` and `max-digits` caps the number of digits.
struct IntegerParser: Sendable {
    let syntax: NumberSyntax
    let allowsPlusSign: Bool
    let maxDigits: Int?

    init(field: FieldSpec) {
        syntax = NumberSyntax(
            decimalSeparator: nil, thousandsSeparator: field.thousandsSeparator, allowsParentheses: false)
        allowsPlusSign = field.allowsPlusSign
        maxDigits = field.maxDigits
    }

    func parse(_ bytes: Bytes, raw: String) -> ValueOutcome {
        if !allowsPlusSign, bytes.first == ASCII.plus {
            return .invalid(
                .type(
                    "\(quoted(raw)) is not an integer; expected digits with an optional leading '-' (no '+')",
                    hint: "write the number without its '+' sign"))
        }
        switch scanNumber(bytes, syntax) {
        case .success(let number):
            if let maxDigits, number.integerDigits > maxDigits {
                return .invalid(
                    .type(
                        "\(quoted(raw)) is not an integer of at most \(maxDigits) digits; it has \(number.integerDigits)",
                        hint: "integers of this field have 1 to \(maxDigits) digits"))
            }
            let limit = number.negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
            guard !number.overflowed, number.magnitude <= limit else {
                return .invalid(
                    .type(
                        "\(quoted(raw)) is too large for an integer",
                        hint: "integers lie between \(Int64.min) and \(Int64.max)"))
            }
            let value = number.negative ? Int64(truncatingIfNeeded: 0 &- number.magnitude) : Int64(number.magnitude)
            return .value(.integer(value))
        case .failure(.badGrouping):
            return .invalid(.type("\(quoted(raw)) has misplaced thousands separators", hint: groupingHint))
        case .failure(.unexpectedSeparator(let byte)):
            let hint = separatorHint(bytes, unexpected: byte, syntax: syntax, fallback: wholeNumberHint)
            return .invalid(.type("\(quoted(raw)) is not an integer", hint: hint))
        case .failure:
            return .invalid(.type("\(quoted(raw)) is not an integer", hint: wholeNumberHint))
        }
    }

    private var wholeNumberHint: String { "write a whole number such as 42" }

    private var groupingHint: String {
        let separator =
            syntax.thousandsSeparator.isEmpty ? "," : String(decoding: syntax.thousandsSeparator, as: UTF8.self)
        return "group digits in threes, such as 1\(separator)234\(separator)567"
    }
}
