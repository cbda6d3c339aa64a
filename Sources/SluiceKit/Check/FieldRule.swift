/// A check of one field's normalised value (range, pattern, max length).
protocol FieldRule: Sendable {
    /// Stable kebab-case rule id.
    var id: String { get }
    /// How serious a violation is.
    var severity: Severity { get }
    /// A message and hint when the value breaks the rule.
    func violation(of value: NormalisedValue, field: String) -> RuleViolation?
}

/// What a rule says about a bad value.
struct RuleViolation: Sendable, Hashable {
    var message: String
    var hint: String?
}
