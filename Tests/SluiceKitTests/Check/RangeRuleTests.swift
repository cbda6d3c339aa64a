import Testing

@testable import SluiceKit

@Suite struct RangeRuleTests {
    /// One row of the table: a field kind, its bounds, a raw value and the message expected (nil: no violation).
    struct Case: Sendable, CustomStringConvertible {
        var kind: ValueKind
        var min: String?
        var minExclusive = false
        var max: String?
        var maxExclusive = false
        var raw: String
        var message: String?

        var description: String {
            "\(kind.rawValue) \(raw) in \(min ?? "-")\(minExclusive ? "(excl)" : "")...\(max ?? "-")\(maxExclusive ? "(excl)" : "")"
        }

        var rule: RangeRule {
            RangeRule(
                severity: .error, min: bound(min, kind), minExclusive: minExclusive, max: bound(max, kind),
                maxExclusive: maxExclusive)
        }
    }

    @Test(arguments: [
        // Inclusive bounds: the bounds themselves are inside.
        Case(kind: .integer, min: "0", max: "100", raw: "0", message: nil),
        Case(kind: .integer, min: "0", max: "100", raw: "100", message: nil),
        Case(kind: .integer, min: "0", max: "100", raw: "-1", message: "field 'f' value '-1' is below the minimum 0"),
        Case(
            kind: .integer, min: "0", max: "100", raw: "101", message: "field 'f' value '101' is above the maximum 100"),
        // Exclusive bounds: the bounds themselves are outside.
        Case(
            kind: .integer, min: "0", minExclusive: true, max: "100", raw: "0",
            message: "field 'f' value '0' must be greater than 0"),
        Case(kind: .integer, min: "0", minExclusive: true, max: "100", raw: "1", message: nil),
        Case(
            kind: .integer, min: "0", max: "100", maxExclusive: true, raw: "100",
            message: "field 'f' value '100' must be less than 100"),
        Case(kind: .integer, min: "0", max: "100", maxExclusive: true, raw: "99", message: nil),
        Case(
            kind: .integer, min: "0", minExclusive: true, max: "100", maxExclusive: true, raw: "-3",
            message: "field 'f' value '-3' must be greater than 0"),
        // Only one bound.
        Case(kind: .integer, min: "1", raw: "9999999", message: nil),
        Case(kind: .integer, min: "1", raw: "0", message: "field 'f' value '0' is below the minimum 1"),
        Case(kind: .integer, max: "5", raw: "-9999999", message: nil),
        Case(kind: .integer, max: "5", raw: "6", message: "field 'f' value '6' is above the maximum 5"),
        // Exclusive bounds with no whole number between them: every value is outside.
        Case(
            kind: .integer, min: "5", minExclusive: true, max: "6", maxExclusive: true, raw: "5",
            message: "field 'f' value '5' must be greater than 5"),
        Case(
            kind: .integer, min: "5", minExclusive: true, max: "6", maxExclusive: true, raw: "6",
            message: "field 'f' value '6' must be less than 6"),
        // Decimals compare exactly and keep their written scale in the message.
        Case(kind: .decimal, min: "0", max: "12.5", raw: "12.50", message: nil),
        Case(
            kind: .decimal, min: "0", max: "12.5", raw: "12.51",
            message: "field 'f' value '12.51' is above the maximum 12.5"),
        Case(
            kind: .decimal, min: "0.01", max: "12.5", raw: "0.009",
            message: "field 'f' value '0.009' is below the minimum 0.01"),
        Case(kind: .decimal, min: "-1.5", max: "1.5", raw: "(1.50)", message: nil),
        Case(
            kind: .decimal, min: "-1.5", max: "1.5", raw: "(1.51)",
            message: "field 'f' value '-1.51' is below the minimum -1.5"),
        // Percent points, whatever the written form.
        Case(kind: .percent, min: "0", max: "100", raw: "100%", message: nil),
        Case(
            kind: .percent, min: "0", max: "100", raw: "104.5 %",
            message: "field 'f' value '104.5' is above the maximum 100"),
        Case(
            kind: .percent, min: "80", max: "100", raw: "79.99",
            message: "field 'f' value '79.99' is below the minimum 80"),
        // Dates.
        Case(kind: .date, min: "2026-01-01", max: "2026-12-31", raw: "2026-01-01", message: nil),
        Case(
            kind: .date, min: "2026-01-01", max: "2026-12-31", raw: "2025-12-31",
            message: "field 'f' value '2025-12-31' is below the minimum 2026-01-01"),
        Case(
            kind: .date, min: "2026-01-01", max: "2027-01-01", maxExclusive: true, raw: "2027-01-01",
            message: "field 'f' value '2027-01-01' must be less than 2027-01-01"),
        // Durations: bounds written as mm:ss compare as seconds.
        Case(kind: .duration, max: "05:00", raw: "05:00", message: nil),
        Case(kind: .duration, max: "05:00", raw: "299", message: nil),
        Case(kind: .duration, max: "05:00", raw: "05:12", message: "field 'f' value '312' is above the maximum 300"),
        Case(kind: .duration, min: "0:30", raw: "29", message: "field 'f' value '29' is below the minimum 30"),
    ])
    func checksTheValueAgainstItsBounds(_ test: Case) {
        #expect(test.rule.violation(of: value(test.raw, test.kind), field: "f")?.message == test.message)
    }

    @Test(arguments: [
        (Case(kind: .integer, min: "0", max: "100", raw: "101"), "expected at least 0 and at most 100"),
        (
            Case(kind: .integer, min: "0", minExclusive: true, max: "100", raw: "0"),
            "expected more than 0 and at most 100"
        ),
        (
            Case(kind: .integer, min: "0", max: "100", maxExclusive: true, raw: "100"),
            "expected at least 0 and less than 100"
        ),
        (
            Case(kind: .integer, min: "0", minExclusive: true, max: "100", maxExclusive: true, raw: "100"),
            "expected more than 0 and less than 100"
        ),
        (Case(kind: .integer, min: "1", raw: "0"), "expected at least 1"),
        (Case(kind: .decimal, max: "12.5", raw: "13"), "expected at most 12.5"),
        (Case(kind: .duration, max: "05:00", raw: "06:00"), "expected at most 300"),
        (Case(kind: .date, min: "2026-01-01", raw: "2025-01-01"), "expected at least 2026-01-01"),
    ])
    func hintStatesTheWholeRange(_ test: Case, hint: String) {
        #expect(test.rule.violation(of: value(test.raw, test.kind), field: "f")?.hint == hint)
    }

    @Test func messageNamesTheField() {
        let rule = Case(kind: .integer, min: "1", raw: "0").rule
        #expect(
            rule.violation(of: .integer(0), field: "handled_calls")
                == RuleViolation(
                    message: "field 'handled_calls' value '0' is below the minimum 1", hint: "expected at least 1"))
    }

    @Test func keepsTheDeclaredSeverityAndId() {
        let rule = RangeRule(severity: .warning, min: .integer(0), minExclusive: false, max: nil, maxExclusive: false)
        #expect(rule.id == "range")
        #expect(rule.severity == .warning)
    }

    @Test func valuesThatCannotBeOrderedAgainstTheBoundPass() {
        // A percent is not compared with a plain number; booleans have no order at all.
        let numeric = RangeRule(
            severity: .error, min: .integer(0), minExclusive: false, max: .integer(1), maxExclusive: false)
        #expect(numeric.violation(of: value("250%", .percent), field: "f") == nil)
        #expect(numeric.violation(of: .boolean(true), field: "f") == nil)
    }
}
