/// `compare`: two fields of one record stand in a declared order (`period_end >= period_start`).
struct CompareRule: Sendable {
    let id = "compare"
    let spec: ComparisonSpec
    let leftIndex: Int
    let rightIndex: Int

    /// A violation when both values are present and the comparison fails.
    func violation(left: NormalisedValue?, right: NormalisedValue?) -> RuleViolation? {
        guard let left, let right, let order = left.compare(to: right) else { return nil }
        let holds: Bool
        switch spec.op {
        case .lessThan: holds = order < 0
        case .lessOrEqual: holds = order <= 0
        case .greaterThan: holds = order > 0
        case .greaterOrEqual: holds = order >= 0
        case .equal: holds = order == 0
        case .notEqual: holds = order != 0
        }
        guard !holds else { return nil }
        let expression = "\(spec.left) \(spec.op.rawValue) \(spec.right)"
        return RuleViolation(
            message:
                "'\(expression)' does not hold: \(spec.left) is '\(left.cleanText)', \(spec.right) is '\(right.cleanText)'",
            hint: "check both values; the rules require \(expression)")
    }
}
