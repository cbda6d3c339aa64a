import Testing

@testable import SluiceKit

@Suite struct UniqueRuleTests {
    @Test func idIsStable() {
        #expect(UniqueRule.id == "unique")
    }

    @Test func theFirstOccurrenceIsRememberedAndTheNextNamesIt() {
        var rule = UniqueRule(severity: .error)
        #expect(rule.check(.text("E1"), field: "record_id", line: 2, record: 1) == nil)
        #expect(rule.check(.text("E2"), field: "record_id", line: 3, record: 2) == nil)
        let expected = RuleViolation(
            message: "record_id 'E1' repeats record 1 (line 2)",
            hint: "each record needs its own record_id; remove the repeat or ask the vendor which record is right")
        #expect(rule.check(.text("E1"), field: "record_id", line: 5, record: 3) == expected)
        // Still the first occurrence, not the latest repeat.
        #expect(rule.check(.text("E1"), field: "record_id", line: 9, record: 7) == expected)
    }

    @Test func comparisonIsExactOnTheNormalisedValue() {
        var rule = UniqueRule(severity: .error)
        #expect(rule.check(.text("E1"), field: "id", line: 2, record: 1) == nil)
        #expect(rule.check(.text("e1"), field: "id", line: 3, record: 2) == nil)
        #expect(rule.check(.text("E1 "), field: "id", line: 4, record: 3) == nil)
        #expect(rule.check(.integer(7), field: "n", line: 5, record: 4) == nil)
        #expect(rule.check(.integer(7), field: "n", line: 6, record: 5)?.message == "n '7' repeats record 4 (line 5)")
        let decimal = { (raw: String) in value(raw, .decimal) }
        #expect(rule.check(decimal("12.5"), field: "d", line: 7, record: 6) == nil)
        #expect(
            rule.check(decimal("12.50"), field: "d", line: 8, record: 7)?.message
                == "d '12.50' repeats record 6 (line 7)", "the repeat is quoted as written, compared reduced")
    }

    @Test func resetForgetsEveryValue() {
        var rule = UniqueRule(severity: .warning)
        #expect(rule.check(.text("E1"), field: "id", line: 2, record: 1) == nil)
        rule.reset()
        #expect(rule.check(.text("E1"), field: "id", line: 2, record: 1) == nil)
        #expect(rule.severity == .warning)
    }
}
