import Testing

@testable import SluiceKit

extension NormaliseTests {
    @Suite struct ExactDecimalTests {
        @Test(arguments: [
            (Int64(-5), 2, "-0.05"),
            (-50, 3, "-0.050"),
            (5, 2, "0.05"),
            (0, 2, "0.00"),
            (-1250, 2, "-12.50"),
            (42, 0, "42"),
            (-42, 0, "-42"),
            (1, 18, "0.000000000000000001"),
            (Int64.max, 18, "9.223372036854775807"),
            (Int64.min, 0, "-9223372036854775808"),
            (Int64.min, 18, "-9.223372036854775808"),
        ])
        func exactDecimalDescription(significand: Int64, scale: Int, expected: String) {
            #expect(ExactDecimal(significand: significand, scale: scale).description == expected)
        }

        @Test(arguments: [
            (ExactDecimal(significand: -5, scale: 2), ExactDecimal(significand: -1, scale: 1), false),
            (ExactDecimal(significand: -1, scale: 1), ExactDecimal(significand: -5, scale: 2), true),
            (ExactDecimal(significand: 125, scale: 1), ExactDecimal(significand: 12_500, scale: 3), false),
            (ExactDecimal(Int64.max), ExactDecimal(significand: Int64.max, scale: 18), false),
            (ExactDecimal(significand: Int64.max, scale: 18), ExactDecimal(10), true),
            (ExactDecimal(significand: Int64.min, scale: 0), ExactDecimal(significand: 1, scale: 18), true),
        ])
        func exactDecimalOrder(left: ExactDecimal, right: ExactDecimal, less: Bool) {
            #expect((left < right) == less)
        }

        @Test func exactDecimalEqualityAlignsScales() {
            #expect(ExactDecimal(significand: 1250, scale: 2) == ExactDecimal(significand: 125, scale: 1))
            #expect(ExactDecimal(significand: 0, scale: 5) == ExactDecimal(0))
            #expect(
                ExactDecimal(significand: 1250, scale: 2).hashValue
                    == ExactDecimal(significand: 125, scale: 1).hashValue)
            #expect(ExactDecimal(significand: 1250, scale: 2).reduced == ExactDecimal(significand: 125, scale: 1))
            #expect(ExactDecimal(significand: 1250, scale: 2).reduced.scale == 1)
            #expect(ExactDecimal(significand: -100, scale: 2).reduced.description == "-1")
        }
    }
}
