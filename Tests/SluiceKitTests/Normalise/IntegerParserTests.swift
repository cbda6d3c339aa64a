import Testing

@testable import SluiceKit

extension NormaliseTests {
    @Suite struct IntegerParserTests {
        @Test(arguments: [
            ("42", Expected.clean("42")),
            (" 42 ", .clean("42")),
            ("+42", .clean("42")),
            ("-42", .clean("-42")),
            ("007", .clean("7")),
            ("-0", .clean("0")),
            ("9223372036854775807", .clean("9223372036854775807")),
            ("-9223372036854775808", .clean("-9223372036854775808")),
            ("9223372036854775808", .type("'9223372036854775808' is too large for an integer")),
            ("99999999999999999999999", .type("'99999999999999999999999' is too large for an integer")),
            ("12.0", .type("'12.0' is not an integer")),
            ("1e3", .type("'1e3' is not an integer")),
            ("12x", .type("'12x' is not an integer")),
            ("--1", .type("'--1' is not an integer")),
            ("+", .type("'+' is not an integer")),
            ("(12)", .type("'(12)' is not an integer")),
            ("1,234", .type("'1,234' is not an integer")),
            (" 12x ", .type("' 12x ' is not an integer")),
        ])
        func integerWithoutThousands(raw: String, expected: Expected) {
            #expect(normalise(raw, .integer).expected == expected)
        }

        @Test(arguments: [
            ("1,234,567", Expected.clean("1234567")),
            ("-1,234", .clean("-1234")),
            ("123", .clean("123")),
            ("1234", .clean("1234")),
            ("12,34", .type("'12,34' has misplaced thousands separators")),
            ("1,2345", .type("'1,2345' has misplaced thousands separators")),
            ("1234,567", .type("'1234,567' has misplaced thousands separators")),
            (",123", .type("',123' has misplaced thousands separators")),
            ("1,,234", .type("'1,,234' has misplaced thousands separators")),
            ("1,234,", .type("'1,234,' has misplaced thousands separators")),
        ])
        func integerWithThousands(raw: String, expected: Expected) {
            #expect(normalise(raw, .integer) { $0.thousandsSeparator = "," }.expected == expected)
        }

        @Test func integerHints() {
            #expect(normalise("12x", .integer).hint == "write a whole number such as 42")
            #expect(
                normalise("1,234", .integer).hint
                    == "if ',' separates thousands, declare thousands-separator: ',' for this field")
            #expect(normalise("12,34", .integer).hint == "write a whole number such as 42")
            #expect(
                normalise("12,34", .integer) { $0.thousandsSeparator = "," }.hint
                    == "group digits in threes, such as 1,234,567")
        }

        @Test func integerWithNoBreakSpaceThousands() {
            #expect(
                normalise("1\u{00A0}234\u{00A0}567", .integer) { $0.thousandsSeparator = "\u{00A0}" }.expected
                    == .clean("1234567"))
            #expect(normalise("1 234", .integer) { $0.thousandsSeparator = " " }.expected == .clean("1234"))
        }
    }
}
