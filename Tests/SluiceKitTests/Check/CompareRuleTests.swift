import Testing

@testable import SluiceKit

@Suite struct CompareRuleTests {
    private func rule(_ op: ComparisonOperator, severity: Severity = .error) -> CompareRule {
        CompareRule(
            spec: ComparisonSpec(
                left: "period_end", op: op, right: "period_start", severity: severity,
                declaredAt: RulesLocation(file: "Rules/a.yaml", line: 9, column: 18)),
            leftIndex: 1, rightIndex: 0)
    }

    /// Each operator against left < right, left == right and left > right.
    @Test(arguments: [
        (ComparisonOperator.lessThan, [true, false, false]),
        (.lessOrEqual, [true, true, false]),
        (.greaterThan, [false, false, true]),
        (.greaterOrEqual, [false, true, true]),
        (.equal, [false, true, false]),
        (.notEqual, [true, false, true]),
    ])
    func everyOperator(op: ComparisonOperator, holds: [Bool]) {
        let start = value("2026-10-05", .date)
        let ends = ["2026-10-04", "2026-10-05", "2026-10-06"].map { value($0, .date) }
        #expect(ends.map { rule(op).violation(left: $0, right: start) == nil } == holds)
    }

    @Test func messageQuotesTheExpressionAndBothValues() {
        let violation = rule(.greaterOrEqual).violation(
            left: value("2026-10-01", .date), right: value("2026-10-07", .date))
        #expect(
            violation
                == RuleViolation(
                    message:
                        "'period_end >= period_start' does not hold: period_end is '2026-10-01', period_start is '2026-10-07'",
                    hint: "check both values; the rules require period_end >= period_start"))
    }

    @Test(arguments: ComparisonOperator.allCases)
    func aMissingValueSkipsTheCheck(op: ComparisonOperator) {
        let date = value("2026-10-05", .date)
        #expect(rule(op).violation(left: nil, right: date) == nil)
        #expect(rule(op).violation(left: date, right: nil) == nil)
        #expect(rule(op).violation(left: nil, right: nil) == nil)
    }

    @Test func numbersCompareExactlyAcrossScales() {
        #expect(rule(.equal).violation(left: value("12.50", .decimal), right: value("12.5", .decimal)) == nil)
        #expect(rule(.equal).violation(left: value("12", .integer), right: value("12.0", .decimal)) == nil)
        #expect(
            rule(.lessThan).violation(left: value("12.50", .decimal), right: value("12.5", .decimal))?.message
                == "'period_end < period_start' does not hold: period_end is '12.50', period_start is '12.5'")
    }

    @Test func valuesThatCannotBeOrderedSkipTheCheck() {
        #expect(rule(.equal).violation(left: .boolean(true), right: .boolean(false)) == nil)
        #expect(rule(.equal).violation(left: value("50%", .percent), right: value("50", .decimal)) == nil)
    }

    @Test func keepsTheIdAndTheDeclaredSeverity() {
        #expect(rule(.equal).id == "compare")
        #expect(rule(.equal, severity: .warning).spec.severity == .warning)
    }
}
