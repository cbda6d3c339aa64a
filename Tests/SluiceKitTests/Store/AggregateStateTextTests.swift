import Testing

@testable import SluiceKit

@Suite struct AggregateStateTextTests {
    static func decimal(_ significand: Int64, _ scale: Int) -> ExactDecimal {
        ExactDecimal(significand: significand, scale: scale)
    }

    static let states: [(AggregateState.Accumulator, String)] = [
        (.count, "count"),
        (
            .sum(DecimalSum(significand: 123_456_789_012_345_678_901_234, scale: 3), values: 9),
            "sum:123456789012345678901234e3:9"
        ),
        (.mean(DecimalSum(significand: -15, scale: 1), values: 2), "mean:-15e1:2"),
        (.min(decimal(312, 0)), "min:312e0"),
        (.max(nil), "max:"),
        (.share(matches: 4), "share:4"),
        (
            .ratio(numerator: DecimalSum(significand: 5, scale: 0), denominator: DecimalSum(significand: 75, scale: 1)),
            "ratio:5e0:75e1"
        ),
        (.percentile(decimal(90, 0), counts: [decimal(20, 0): 3, decimal(5, 1): 1]), "percentile:90e0:5e1=1;20e0=3"),
    ]

    @Test(arguments: states.indices)
    func aStateRoundTripsExactly(_ index: Int) {
        let (accumulator, text) = Self.states[index]
        var state = AggregateState(accumulator)
        state.records = 7
        state.seen = 8
        #expect(AggregateStateText.encode(state) == "7,8," + text)
        #expect(AggregateStateText.decode("7,8," + text) == state)
    }

    @Test(arguments: ["", "7,8", "7,8,unknown", "x,8,count", "7,8,sum:12:3", "7,8,min:1e-1"])
    func malformedTextIsRefused(_ text: String) {
        #expect(AggregateStateText.decode(text) == nil)
    }

    @Test(arguments: [
        (ExactRatio(742, 10), "74.2"), (ExactRatio(7400, 100), "74.00"), (ExactRatio(-5, 1), "-5"),
        (ExactRatio(1, 3), "1/3"), (ExactRatio(-2, 1000), "-0.002"),
    ])
    func valuesAreKeptAsExactText(_ value: ExactRatio, _ text: String) {
        #expect(ExactValueText.encode(value) == text)
        #expect(ExactValueText.decode(text) == value)
    }

    /// A hand-edited or damaged store gives nil (reported as a store error), never a trap.
    @Test(arguments: [
        "1.-5", "1.+5", "+1.5", "1.5.5", ".5", "1.1234567890123456789012345678901",
        "99999999999999999999.123456789012345678901234567890", "١.٥", "1/0", "x/2",
    ])
    func damagedValuesAreRefused(_ text: String) {
        #expect(ExactValueText.decode(text) == nil)
    }
}
