/// Parses percentages into points: `92.5%`, `92.5 %`, `92.5`, or `0.925` when the field's scale is `fraction`.
///
/// A `%` sign always means points, whatever the scale, because the vendor said so explicitly.
/// No range check here: a value over 100 is a range constraint's business.
struct PercentParser: Sendable {
    let number: DecimalParser
    let scale: PercentScale
    /// `92.5` written with the field's decimal separator, for hints.
    let example: String

    init(field: FieldSpec) {
        number = DecimalParser(field: field, allowsParentheses: false)
        scale = field.percentScale
        example = "92" + String(field.decimalSeparator) + "5"
    }

    func parse(_ bytes: Bytes, raw: String) -> ValueOutcome {
        switch read(bytes, raw: raw, scale: scale) {
        case .success(let value): return .value(.percent(value))
        case .failure(let problem): return .invalid(problem)
        }
    }

    /// Points, reduced (`92.50%` → 92.5).
    func read(_ bytes: Bytes, raw: String, scale: PercentScale) -> Result<ExactDecimal, ValueProblem> {
        var digits = bytes
        var signed = false
        if let last = bytes.last, last == ASCII.percent {
            signed = true
            digits = Bytes(rebasing: bytes[..<(bytes.count - 1)]).trimmed()
        }
        let value: ExactDecimal
        switch number.read(digits, raw: raw, noun: "a percentage") {
        case .success(let read): value = read
        case .failure(var problem):
            if problem.hint?.hasPrefix("write a number") == true {
                problem.hint = "write a percentage such as \(example)%"
            }
            return .failure(problem)
        }
        guard !signed && scale == .fraction else { return .success(value.reduced) }
        // ×100 is exact: move the decimal point two places, widening only when the scale is below 2.
        if value.scale >= 2 {
            return .success(ExactDecimal(significand: value.significand, scale: value.scale - 2).reduced)
        }
        let factor: Int64 = value.scale == 1 ? 10 : 100
        let (points, overflow) = value.significand.multipliedReportingOverflow(by: factor)
        guard !overflow, points.magnitude < 1_000_000_000_000_000_000 else {
            return .failure(
                .type(
                    "\(quoted(raw)) has more than 18 significant digits as a percentage",
                    hint: "round the value at the source; Sluice never rounds silently"))
        }
        return .success(ExactDecimal(points).reduced)
    }
}
