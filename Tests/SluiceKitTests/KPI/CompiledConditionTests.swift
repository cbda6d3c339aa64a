import Testing

@testable import SluiceKit

private func holds(_ text: String, _ record: [String: String]) throws -> Bool {
    try CompiledCondition(ConditionParser.parse(text), fields: contactFields).holds(contact(record))
}

extension KPITests {
    @Suite struct CompiledConditionTests {
        @Test(arguments: [
            // Enum literals and values both go through the field's synonyms.
            ("channel == voice", ["channel": "voice"], true),
            ("channel == voice", ["channel": "Phone"], true),
            ("channel == 'Inbound Call'", ["channel": "voice"], true),
            ("channel == VOICE", ["channel": "chat"], false),
            ("channel != voice", ["channel": "chat"], true),
            ("channel <> voice", ["channel": "phone"], false),
            // Booleans through the field's tokens.
            ("resolved == true", ["resolved": "yes"], true),
            ("resolved == true", ["resolved": "N"], false),
            ("resolved = no", ["resolved": "false"], true),
            ("resolved != 1", ["resolved": "0"], true),
            // Numbers by value, not text.
            ("wait_time_s <= 20", ["wait_time_s": "20"], true),
            ("wait_time_s < 20", ["wait_time_s": "20"], false),
            ("wait_time_s < 20", ["wait_time_s": "9"], true),
            ("wait_time_s > -5", ["wait_time_s": "-4"], true),
            ("wait_time_s >= 100", ["wait_time_s": "99"], false),
            // Every operator on integers, at and beside the literal.
            ("wait_time_s == 20", ["wait_time_s": "20"], true),
            ("wait_time_s == 20", ["wait_time_s": "21"], false),
            ("wait_time_s != 20", ["wait_time_s": "21"], true),
            ("wait_time_s > 20", ["wait_time_s": "20"], false),
            ("wait_time_s > 20", ["wait_time_s": "21"], true),
            ("wait_time_s >= 20", ["wait_time_s": "20"], true),
            ("wait_time_s <= 20", ["wait_time_s": "21"], false),
            ("resolved != true", ["resolved": "yes"], false),
            ("resolved == false", ["resolved": "yes"], false),
            ("channel != voice", ["channel": "voice"], false),
            ("csat == 4.50", ["csat": "4.5"], true),
            ("csat == 20", ["csat": "20.0"], true),
            ("csat != 20", ["csat": "20.00"], false),
            ("csat < 4.05", ["csat": "4.1"], false),
            ("handle_time > 300", ["handle_time": "05:01"], true),
            ("handle_time == 5:00", ["handle_time": "300"], true),
            ("sla_met >= 90", ["sla_met": "90%"], true),
            // Dates and text.
            ("opened >= 2026-10-01", ["opened": "2026-10-01"], true),
            ("opened < 2026-10-01", ["opened": "2026-09-30"], true),
            ("queue == 'Tier 2'", ["queue": "Tier 2"], true),
            ("queue < b", ["queue": "a"], true),
            // Every clause must hold.
            ("channel == voice and wait_time_s <= 20", ["channel": "voice", "wait_time_s": "20"], true),
            ("channel == voice and wait_time_s <= 20", ["channel": "voice", "wait_time_s": "21"], false),
            ("channel == voice and wait_time_s <= 20", ["channel": "chat", "wait_time_s": "5"], false),
        ])
        func holdsFor(text: String, record: [String: String], expected: Bool) throws {
            #expect(try holds(text, record) == expected)
        }

        /// An empty value never satisfies a clause, whatever the operator.
        @Test(arguments: [
            "channel == voice", "channel != voice", "resolved == true", "resolved != true", "wait_time_s < 20",
            "wait_time_s != 20", "queue != x", "opened > 2026-01-01",
            "channel == voice and wait_time_s < 20",
        ])
        func emptyNeverMatches(text: String) throws {
            #expect(try holds(text, [:]) == false)
            #expect(try holds(text, ["channel": "N/A", "wait_time_s": "-", "queue": "", "resolved": "null"]) == false)
        }

        @Test(arguments: [
            ("chanel == voice", "unknown field 'chanel' in condition 'chanel == voice'; did you mean 'channel'?"),
            ("colour == red", "unknown field 'colour' in condition 'colour == red'"),
            ("wait_time_s <= abc", "'abc' is not a valid integer for 'wait_time_s'"),
            ("wait_time_s <= 2.5", "'2.5' is not a valid integer for 'wait_time_s'"),
            ("opened > 01/10/2026", "'01/10/2026' is not a valid date for 'opened'"),
            ("resolved == maybe", "'maybe' is not a valid boolean for 'resolved'"),
            ("channel == fax", "'fax' is not a valid value for 'channel'; expected one of voice, chat, email"),
            (
                "wait_time_s == N/A",
                "'N/A' means no value for 'wait_time_s'; compare with a value (an empty value never matches)"
            ),
            ("queue == ''", "'' means no value for 'queue'; compare with a value (an empty value never matches)"),
            (
                "channel < voice",
                "'channel' holds enum values, which have no order; use == or != in 'channel < voice'"
            ),
            (
                "resolved >= true",
                "'resolved' holds boolean values, which have no order; use == or != in 'resolved >= true'"
            ),
        ])
        func errors(text: String, message: String) throws {
            let condition = try ConditionParser.parse(text)
            #expect(
                conditionError { _ = try CompiledCondition(condition, fields: contactFields) }
                    == ConditionError(message: message))
        }
    }
}
