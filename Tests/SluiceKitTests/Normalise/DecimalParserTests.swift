import Testing

@testable import SluiceKit

extension NormaliseTests {
    @Suite struct DecimalParserTests {
        @Test(arguments: [
            ("12.50", Expected.clean("12.50")),
            ("12.5", .clean("12.5")),
            ("12", .clean("12")),
            ("-0.05", .clean("-0.05")),
            ("+3.000", .clean("3.000")),
            (".5", .clean("0.5")),
            ("(12.50)", .clean("-12.50")),
            (" (0.5) ", .clean("-0.5")),
            ("123456789012345678", .clean("123456789012345678")),
            ("0.000000000000000001", .clean("0.000000000000000001")),
            ("0000000000000000000001.5", .clean("1.5")),
            ("1234567890123456789", .type("'1234567890123456789' has more than 18 significant digits")),
            ("0.0000000000000000001", .type("'0.0000000000000000001' has more than 18 significant digits")),
            ("12.", .type("'12.' is not a decimal number")),
            ("1e3", .type("'1e3' is not a decimal number")),
            ("1.5E2", .type("'1.5E2' is not a decimal number")),
            ("(-12)", .type("'(-12)' is not a decimal number")),
            ("(12", .type("'(12' is not a decimal number")),
            ("12,50", .type("'12,50' is not a decimal number")),
            ("1,234.5", .type("'1,234.5' is not a decimal number")),
            ("abc", .type("'abc' is not a decimal number")),
        ])
        func decimalWithPoint(raw: String, expected: Expected) {
            #expect(normalise(raw, .decimal).expected == expected)
        }

        @Test(arguments: [
            ("1,234.5", Expected.clean("1234.5")),
            ("1,234,567.125", .clean("1234567.125")),
            ("(1,234.50)", .clean("-1234.50")),
            ("12,34.5", .type("'12,34.5' has misplaced thousands separators")),
            ("1.234,5", .type("'1.234,5' has misplaced thousands separators")),
        ])
        func decimalWithThousands(raw: String, expected: Expected) {
            #expect(normalise(raw, .decimal) { $0.thousandsSeparator = "," }.expected == expected)
        }

        @Test(arguments: [
            ("1.234,5", Expected.clean("1234.5")),
            ("92,50", .clean("92.50")),
            ("-0,05", .clean("-0.05")),
            ("1.234.567", .clean("1234567")),
            ("1,234.5", .type("'1,234.5' has misplaced thousands separators")),
            ("1.23,5", .type("'1.23,5' has misplaced thousands separators")),
        ])
        func decimalComma(raw: String, expected: Expected) {
            #expect(
                normalise(raw, .decimal) {
                    $0.decimalSeparator = ","
                    $0.thousandsSeparator = "."
                }.expected == expected)
        }

        @Test func decimalHints() {
            #expect(
                normalise("1,234.5", .decimal).hint
                    == "if ',' separates thousands, declare thousands-separator: ',' for this field")
            #expect(normalise("12,50", .decimal).hint == "write a number such as 1234.5")
            #expect(
                normalise("1.234", .decimal) { $0.decimalSeparator = "," }.hint
                    == "if '.' separates thousands, declare thousands-separator: '.' for this field")
            #expect(normalise("x", .decimal) { $0.decimalSeparator = "," }.hint == "write a number such as 1234,5")
        }

        @Test func decimalValueKeepsSourceScale() throws {
            let outcome = normalise("12.50", .decimal)
            #expect(outcome == .value(.decimal(ExactDecimal(significand: 1250, scale: 2))))
        }

        @Test func thousandsSeparatorEqualToDecimalSeparatorIsAFormatError() {
            var field = FieldSpec(name: "f", kind: .decimal)
            field.thousandsSeparator = "."
            #expect(throws: FormatError.self) { try ValueNormaliser(field: field) }
        }
    }
}
