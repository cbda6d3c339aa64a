import Testing

@testable import SluiceKit

extension NormaliseTests {
    @Suite struct PercentParserTests {
        @Test(arguments: [
            ("92.5%", Expected.clean("92.5")),
            ("92.5 %", .clean("92.5")),
            ("92.50", .clean("92.5")),
            ("92.5", .clean("92.5")),
            ("100", .clean("100")),
            ("100.00%", .clean("100")),
            ("0.5", .clean("0.5")),
            ("150%", .clean("150")),
            ("-2.5%", .clean("-2.5")),
            ("%", .type("'%' is not a percentage")),
            ("abc%", .type("'abc%' is not a percentage")),
            ("92.5%%", .type("'92.5%%' is not a percentage")),
            ("92,5 %", .type("'92,5 %' is not a percentage")),
        ])
        func percentPoints(raw: String, expected: Expected) {
            #expect(normalise(raw, .percent).expected == expected)
        }

        @Test(arguments: [
            ("0.925", Expected.clean("92.5")),
            ("1", .clean("100")),
            ("0.5", .clean("50")),
            ("1.5", .clean("150")),
            ("0.00001", .clean("0.001")),
            ("92.5%", .clean("92.5")),
            ("0.925 %", .clean("0.925")),
            ("123456789012345678", .type("'123456789012345678' has more than 18 significant digits as a percentage")),
        ])
        func percentFractionScale(raw: String, expected: Expected) {
            #expect(normalise(raw, .percent) { $0.percentScale = .fraction }.expected == expected)
        }

        @Test(arguments: [
            ("92,5 %", Expected.clean("92.5")),
            ("92,5%", .clean("92.5")),
            ("92,5", .clean("92.5")),
            ("92.5", .type("'92.5' is not a percentage")),
        ])
        func percentDecimalComma(raw: String, expected: Expected) {
            #expect(normalise(raw, .percent) { $0.decimalSeparator = "," }.expected == expected)
        }

        @Test func percentHint() {
            #expect(normalise("abc", .percent).hint == "write a percentage such as 92.5%")
        }
    }
}
