/// `max-length`: the normalised text has at most so many characters.
struct MaxLengthRule: FieldRule {
    let id = "max-length"
    let severity: Severity
    let limit: Int

    func violation(of value: NormalisedValue, field: String) -> RuleViolation? {
        let length = value.cleanText.count
        guard length > limit else { return nil }
        return RuleViolation(
            message: "field '\(field)' is \(length) characters long; at most \(limit) allowed",
            hint: "shorten the value to \(limit) characters")
    }
}
