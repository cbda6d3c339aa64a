/// Parses decimal numbers exactly, keeping the source's scale (`12.50` stays `12.50`).
///
/// Accepts a sign, the declared decimal separator, declared thousands separators in groups of
/// three and accounting negatives `(12.50)`. No exponents: vendors' `1E3` is usually a spreadsheet
/// accident, and at most 18 significant digits so the value fits an `ExactDecimal`.
struct DecimalParser: Sendable {
    let syntax: NumberSyntax
    /// `1234.5` written with the field's separators, for hints.
    let example: String

    init(field: FieldSpec, allowsParentheses: Bool = true) {
        syntax = NumberSyntax(
            decimalSeparator: field.decimalSeparator, thousandsSeparator: field.thousandsSeparator,
            allowsParentheses: allowsParentheses)
        example = "1234" + String(field.decimalSeparator) + "5"
    }

    func parse(_ bytes: Bytes, raw: String) -> ValueOutcome {
        switch read(bytes, raw: raw, noun: "a decimal number") {
        case .success(let value): return .value(.decimal(value))
        case .failure(let problem): return .invalid(problem)
        }
    }

    /// The exact value, or the problem in terms of `noun` ("a decimal number", "a percentage").
    func read(_ bytes: Bytes, raw: String, noun: String) -> Result<ExactDecimal, ValueProblem> {
        switch scanNumber(bytes, syntax) {
        case .success(let number):
            guard let value = number.exactDecimal else {
                return .failure(
                    .type(
                        "\(quoted(raw)) has more than 18 significant digits",
                        hint: "round the value at the source; Sluice never rounds silently"))
            }
            return .success(value)
        case .failure(.badGrouping):
            let separator = String(decoding: syntax.thousandsSeparator, as: UTF8.self)
            return .failure(
                .type(
                    "\(quoted(raw)) has misplaced thousands separators",
                    hint: "group digits in threes, such as 1\(separator)234\(separator)567"))
        case .failure(.unexpectedSeparator(let byte)):
            let hint = separatorHint(
                bytes, unexpected: byte, syntax: syntax, fallback: "write a number such as \(example)")
            return .failure(.type("\(quoted(raw)) is not \(noun)", hint: hint))
        case .failure(.malformed):
            return .failure(.type("\(quoted(raw)) is not \(noun)", hint: "write a number such as \(example)"))
        }
    }
}
