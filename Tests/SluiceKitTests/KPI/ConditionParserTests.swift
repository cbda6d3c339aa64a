import Testing

@testable import SluiceKit

private typealias Clause = Condition.Clause

extension KPITests {
    @Suite struct ConditionParserTests {
        @Test(arguments: [
            ("channel == voice", [Clause(field: "channel", op: .equal, literal: "voice")]),
            ("wait_time_s<=20", [Clause(field: "wait_time_s", op: .lessOrEqual, literal: "20")]),
            ("  resolved   !=   false  ", [Clause(field: "resolved", op: .notEqual, literal: "false")]),
            ("csat > -1.5", [Clause(field: "csat", op: .greaterThan, literal: "-1.5")]),
            ("opened >= 2026-10-01", [Clause(field: "opened", op: .greaterOrEqual, literal: "2026-10-01")]),
            ("wait_time_s < 20", [Clause(field: "wait_time_s", op: .lessThan, literal: "20")]),
            (
                "channel == voice and wait_time_s <= 20",
                [
                    Clause(field: "channel", op: .equal, literal: "voice"),
                    Clause(field: "wait_time_s", op: .lessOrEqual, literal: "20"),
                ]
            ),
            (
                "a > 1 AND b < 2 And c == 3",
                [
                    Clause(field: "a", op: .greaterThan, literal: "1"),
                    Clause(field: "b", op: .lessThan, literal: "2"),
                    Clause(field: "c", op: .equal, literal: "3"),
                ]
            ),
            // The value position takes any word, even `and`.
            ("queue == and", [Clause(field: "queue", op: .equal, literal: "and")]),
        ])
        func validForms(text: String, clauses: [Condition.Clause]) throws {
            let condition = try ConditionParser.parse(text)
            #expect(condition.clauses == clauses)
            #expect(condition.text == text)
        }

        @Test(arguments: [
            ("queue == 'Tier 2'", "Tier 2"),
            ("queue == \"Tier 2 and 3\"", "Tier 2 and 3"),
            ("queue == \"it's\"", "it's"),
            ("queue == 'say \"hi\"'", "say \"hi\""),
            ("queue == 'a <= b'", "a <= b"),
            ("queue == ''", ""),
            ("queue=='x'", "x"),
        ])
        func quotedValues(text: String, literal: String) throws {
            #expect(try ConditionParser.parse(text).clauses == [Clause(field: "queue", op: .equal, literal: literal)])
        }

        @Test(arguments: [
            ("channel = voice", ComparisonOperator.equal),
            ("channel <> voice", .notEqual),
            ("channel<>voice", .notEqual),
        ])
        func spreadsheetOperators(text: String, op: ComparisonOperator) throws {
            #expect(try ConditionParser.parse(text).clauses.map(\.op) == [op])
        }

        @Test(arguments: [
            ("", "condition is empty; write 'field OP value', OP one of < <= > >= == !="),
            ("   ", "condition is empty; write 'field OP value', OP one of < <= > >= == !="),
            ("x >", "cannot read condition 'x >'; write 'field OP value', OP one of < <= > >= == !="),
            ("x", "cannot read condition 'x'; write 'field OP value', OP one of < <= > >= == !="),
            ("x 5", "cannot read condition 'x 5'; write 'field OP value', OP one of < <= > >= == !="),
            ("== 5", "cannot read condition '== 5'; write 'field OP value', OP one of < <= > >= == !="),
            ("x == <", "cannot read condition 'x == <'; write 'field OP value', OP one of < <= > >= == !="),
            (
                "a == 1 and",
                "cannot read condition 'a == 1 and'; write 'field OP value', OP one of < <= > >= == !="
            ),
            ("x => 5", "cannot read condition 'x => 5': '=>' is not an operator; use one of < <= > >= == !="),
            ("x === 5", "cannot read condition 'x === 5': '===' is not an operator; use one of < <= > >= == !="),
            ("x ! 5", "cannot read condition 'x ! 5': '!' is not an operator; use one of < <= > >= == !="),
            (
                "queue == 'Tier 2",
                "cannot read condition 'queue == 'Tier 2': the quote ' is not closed; end the value with '"
            ),
            (
                "a == 1 or b == 2",
                "cannot read condition 'a == 1 or b == 2': 'or' is not supported; every clause must hold, "
                    + "joined with 'and'"
            ),
            ("a == 1 b == 2", "cannot read condition 'a == 1 b == 2': expected 'and' before 'b'"),
            ("a == 1 2", "cannot read condition 'a == 1 2': expected 'and' before '2'"),
        ])
        func errors(text: String, message: String) {
            #expect(conditionError { _ = try ConditionParser.parse(text) } == ConditionError(message: message))
        }
    }
}
