/// `range`: the value lies between declared bounds (inclusive unless declared exclusive).
struct RangeRule: FieldRule {
    let id = "range"
    let severity: Severity
    let min: NormalisedValue?
    let minExclusive: Bool
    let max: NormalisedValue?
    let maxExclusive: Bool
    /// The inclusive bounds as whole numbers, when every declared bound is an integer: an
    /// integer value inside them passes without the general comparison, which copied the
    /// optional bounds through outlined value witnesses (callgrind, 20k CSV records: ~200
    /// instructions a check, 2.6 checks a record).
    private let integerBounds: ClosedRange<Int64>?

    init(
        severity: Severity, min: NormalisedValue?, minExclusive: Bool, max: NormalisedValue?, maxExclusive: Bool
    ) {
        self.severity = severity
        self.min = min
        self.minExclusive = minExclusive
        self.max = max
        self.maxExclusive = maxExclusive
        integerBounds = Self.integerBounds(min: min, minExclusive: minExclusive, max: max, maxExclusive: maxExclusive)
    }

    /// `min…max` as inclusive whole-number bounds (an exclusive bound moved by one, a missing
    /// one open), or nil when a bound is not an integer or nothing lies between them.
    private static func integerBounds(
        min: NormalisedValue?, minExclusive: Bool, max: NormalisedValue?, maxExclusive: Bool
    ) -> ClosedRange<Int64>? {
        var low = Int64.min
        var high = Int64.max
        switch min {
        case .integer(let bound)?:
            guard !minExclusive || bound < Int64.max else { return nil }
            low = minExclusive ? bound + 1 : bound
        case nil: break
        default: return nil
        }
        switch max {
        case .integer(let bound)?:
            guard !maxExclusive || bound > Int64.min else { return nil }
            high = maxExclusive ? bound - 1 : bound
        case nil: break
        default: return nil
        }
        return low <= high ? low...high : nil
    }

    func violation(of value: NormalisedValue, field: String) -> RuleViolation? {
        if let integerBounds, case .integer(let number) = value, integerBounds.contains(number) { return nil }
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
