import Testing

@testable import SluiceKit

@Suite struct PatternRuleTests {
    private func rule(_ pattern: String, _ severity: Severity = .error) -> PatternRule {
        PatternRule(pattern: pattern, severity: severity)!
    }

    @Test(arguments: [
        ("INT-[0-9]{6}", "INT-000123", true),
        ("INT-[0-9]{6}", "INT-0001234", false),
        ("INT-[0-9]{6}", "XINT-000123", false),
        ("INT-[0-9]{6}", "int-000123", false),
        // Alternation is grouped, so each branch must match the whole value too.
        ("voice|chat", "voice", true),
        ("voice|chat", "voicemail", false),
        ("voice|chat", "webchat", false),
        // Authors who write their own anchors get the same meaning.
        ("^[A-Z]{3}$", "ABC", true),
        ("^[A-Z]{3}$", "ABCD", false),
        ("[A-Z]{3}", "ABC\nDEF", false),
        // Matching is over characters, not bytes.
        ("[A-Za-zÖ]{10}", "Österreich", true),
        (".", "😀", true),
        (".{2}", "😀", false),
        ("", "", true),
    ])
    func matchesTheWholeValue(pattern: String, text: String, matches: Bool) {
        #expect((rule(pattern).violation(of: .text(text), field: "f") == nil) == matches)
    }

    @Test func violationQuotesTheValueAndThePattern() {
        #expect(
            rule("INT-[0-9]{6}").violation(of: .text("INT-12"), field: "ticket")
                == RuleViolation(
                    message: "field 'ticket' value 'INT-12' does not match the pattern 'INT-[0-9]{6}'",
                    hint: "the whole value must match 'INT-[0-9]{6}'"))
    }

    @Test func matchesTheNormalisedValueNotTheRawText() {
        // An integer field's ` 0042 ` is normalised to `42` before the pattern sees it.
        let integer = value(" 0042 ", .integer)
        #expect(rule("[0-9]{2}").violation(of: integer, field: "f") == nil)
        #expect(
            rule("[0-9]{4}").violation(of: integer, field: "f")?.message
                == "field 'f' value '42' does not match the pattern '[0-9]{4}'")
    }

    @Test func keepsTheDeclaredSeverityAndId() {
        let warning = rule("[a-z]+", .warning)
        #expect(warning.id == "pattern")
        #expect(warning.severity == .warning)
        #expect(rule("[a-z]+").severity == .error)
    }

    @Test(arguments: ["[a-", "(", "a{2,1}"])
    func anInvalidExpressionDoesNotCompile(pattern: String) {
        #expect(PatternRule(pattern: pattern, severity: .error) == nil)
    }
}
