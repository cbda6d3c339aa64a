import Testing

@testable import SluiceKit

@Suite struct RequiredRuleTests {
    @Test(
        arguments: [
            (nil, "field 'queue' has no value in this row; expected a value"),
            ("", "field 'queue' is empty; expected a value"),
            ("   ", "field 'queue' is empty; expected a value"),
            ("\t", "field 'queue' is empty; expected a value"),
            ("\u{A0}", "field 'queue' is empty; expected a value"),
            ("\r\n", "field 'queue' is empty; expected a value"),
            (" \n ", "field 'queue' is empty; expected a value"),
            ("N/A", "field 'queue' is 'N/A', which means no value; expected a value"),
            (" n/a ", "field 'queue' is ' n/a ', which means no value; expected a value"),
            ("-", "field 'queue' is '-', which means no value; expected a value"),
            ("#N/A", "field 'queue' is '#N/A', which means no value; expected a value"),
        ] as [(String?, String)])
    func messageSaysWhyTheValueIsMissing(raw: String?, message: String) {
        #expect(
            RequiredRule.violation(field: "queue", raw: raw)
                == RuleViolation(message: message, hint: "ask the vendor to fill in 'queue'"))
    }

    @Test func idIsStable() {
        #expect(RequiredRule.id == "required")
    }
}
