import Foundation

/// `pattern`: the whole normalised text matches a regular expression.
struct PatternRule: FieldRule, @unchecked Sendable {
    let id = "pattern"
    let severity: Severity
    let pattern: String
    /// Compiled once per feed; NSRegularExpression is immutable and safe to share.
    private let regex: NSRegularExpression

    init?(pattern: String, severity: Severity) {
        guard let regex = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$") else { return nil }
        self.pattern = pattern
        self.severity = severity
        self.regex = regex
    }

    func violation(of value: NormalisedValue, field: String) -> RuleViolation? {
        let text = value.cleanText
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        guard regex.firstMatch(in: text, range: range) == nil else { return nil }
        return RuleViolation(
            message: "field '\(field)' value '\(text)' does not match the pattern '\(pattern)'",
            hint: "the whole value must match '\(pattern)'")
    }
}
