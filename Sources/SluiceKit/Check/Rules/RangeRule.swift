/// `range`: the value lies between declared bounds (inclusive unless declared exclusive).
struct RangeRule: FieldRule {
    let id = "range"
    let severity: Severity
    let min: NormalisedValue?
    let minExclusive: Bool
    let max: NormalisedValue?
    let maxExclusive: Bool

    func violation(of value: NormalisedValue, field: String) -> RuleViolation? {
        if let min, let order = value.compare(to: min), order < 0 || (minExclusive && order == 0) {
            let relation = minExclusive ? "must be greater than" : "is below the minimum"
            return RuleViolation(message: message(value, field, relation, min), hint: hint)
        }
        if let max, let order = value.compare(to: max), order > 0 || (maxExclusive && order == 0) {
            let relation = maxExclusive ? "must be less than" : "is above the maximum"
            return RuleViolation(message: message(value, field, relation, max), hint: hint)
        }
        return nil
    }

    private func message(_ value: NormalisedValue, _ field: String, _ relation: String, _ bound: NormalisedValue)
        -> String
    {
        "field '\(field)' value '\(value.cleanText)' \(relation) \(bound.cleanText)"
    }

    private var hint: String {
        let low = min.map { (minExclusive ? "more than " : "at least ") + $0.cleanText }
        let high = max.map { (maxExclusive ? "less than " : "at most ") + $0.cleanText }
        return "expected " + [low, high].compactMap { $0 }.joined(separator: " and ")
    }
}
