import Testing

@testable import SluiceKit

@Suite struct MaxLengthRuleTests {
    @Test(arguments: [
        ("", 0, nil),
        ("abc", 3, nil),
        ("abcd", 3, "field 'f' is 4 characters long; at most 3 allowed"),
        // 10 characters, 11 UTF-8 bytes.
        ("Österreich", 10, nil),
        ("Österreich", 9, "field 'f' is 10 characters long; at most 9 allowed"),
        // O followed by a combining diaeresis is one character.
        ("O\u{308}sterreich", 10, nil),
        ("😀😀", 2, nil),
        ("🇦🇹", 1, nil),
    ])
    func countsCharactersNotBytes(text: String, limit: Int, message: String?) {
        let rule = MaxLengthRule(severity: .error, limit: limit)
        #expect(rule.violation(of: .text(text), field: "f")?.message == message)
    }

    @Test func measuresTheNormalisedText() {
        let rule = MaxLengthRule(severity: .error, limit: 4)
        #expect(rule.violation(of: value("  abcd  ", .text), field: "f") == nil)
        #expect(rule.violation(of: value("1,234.50", .decimal) { $0.thousandsSeparator = "," }, field: "f") != nil)
        #expect(rule.violation(of: value("2026-10-03", .date), field: "f") != nil)
    }

    @Test func violationNamesTheLimitAndHowToFixIt() {
        let rule = MaxLengthRule(severity: .warning, limit: 5)
        #expect(rule.id == "max-length")
        #expect(rule.severity == .warning)
        #expect(
            rule.violation(of: .text("Brightline"), field: "vendor")
                == RuleViolation(
                    message: "field 'vendor' is 10 characters long; at most 5 allowed",
                    hint: "shorten the value to 5 characters"))
    }
}
