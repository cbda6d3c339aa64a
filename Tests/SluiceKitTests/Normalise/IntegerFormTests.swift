import Testing

@testable import SluiceKit

extension NormaliseTests {
    /// `plus-sign: false` and `max-digits` (the benchmark job's `-?[0-9]{1,9}`).
    @Suite struct IntegerFormTests {
        private func strict(_ raw: String) -> ValueOutcome {
            normalise(raw, .integer) {
                $0.allowsPlusSign = false
                $0.maxDigits = 9
                $0.trim = false
            }
        }

        @Test(arguments: [
            ("007", Expected.clean("7")),
            ("-0", .clean("0")),
            ("999999999", .clean("999999999")),
            ("-999999999", .clean("-999999999")),
            ("000000001", .clean("1")),
            ("+5", .type("'+5' is not an integer; expected digits with an optional leading '-' (no '+')")),
            ("+0", .type("'+0' is not an integer; expected digits with an optional leading '-' (no '+')")),
            ("+", .type("'+' is not an integer; expected digits with an optional leading '-' (no '+')")),
            ("9999999999", .type("'9999999999' is not an integer of at most 9 digits; it has 10")),
            ("-9999999999", .type("'-9999999999' is not an integer of at most 9 digits; it has 10")),
            ("0000000001", .type("'0000000001' is not an integer of at most 9 digits; it has 10")),
            (
                "99999999999999999999999",
                .type("'99999999999999999999999' is not an integer of at most 9 digits; it has 23")
            ),
            (" 12", .type("' 12' is not an integer")),
            ("١٢", .type("'١٢' is not an integer")),
            ("1,234", .type("'1,234' is not an integer")),
        ])
        func strictIntegers(raw: String, expected: Expected) {
            #expect(strict(raw).expected == expected)
        }

        @Test func hints() {
            #expect(strict("+5").hint == "write the number without its '+' sign")
            #expect(strict("9999999999").hint == "integers of this field have 1 to 9 digits")
        }

        @Test func defaultsAcceptPlusAndLongNumbers() {
            #expect(normalise("+5", .integer).expected == .clean("5"))
            #expect(normalise("9999999999", .integer).expected == .clean("9999999999"))
        }

        @Test func maxDigitsCountsDigitsNotSeparators() {
            let grouped = { (raw: String) in
                normalise(raw, .integer) {
                    $0.thousandsSeparator = ","
                    $0.maxDigits = 4
                }.expected
            }
            #expect(grouped("1,234") == .clean("1234"))
            #expect(grouped("12,345") == .type("'12,345' is not an integer of at most 4 digits; it has 5"))
        }

        @Test func aLeadingPlusIsRefusedAfterTrimming() {
            #expect(
                normalise(" +5 ", .integer) { $0.allowsPlusSign = false }.expected
                    == .type("' +5 ' is not an integer; expected digits with an optional leading '-' (no '+')"))
        }
    }
}
