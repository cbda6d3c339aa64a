import Testing

@testable import SluiceKit

private func dec(_ significand: Int64, _ scale: Int) -> ExactDecimal {
    ExactDecimal(significand: significand, scale: scale)
}

private func stamp(_ hour: Int, offset: Int?) -> NormalisedValue {
    .timestamp(
        CivilDateTime(
            date: CivilDate(year: 2026, month: 10, day: 3), hour: hour, minute: 0, second: 0,
            utcOffsetSeconds: offset))
}

extension NormaliseTests {
    @Suite struct CompareTests {
        @Test(arguments: [
            (NormalisedValue.integer(3), NormalisedValue.integer(5), Int?.some(-1)),
            (.integer(5), .integer(5), 0),
            (.integer(12), .decimal(dec(1250, 2)), -1),
            (.decimal(dec(1200, 2)), .integer(12), 0),
            (.decimal(dec(-5, 2)), .decimal(dec(-1, 1)), 1),
            (.decimal(dec(125, 1)), .decimal(dec(12_500, 3)), 0),
            (.percent(dec(925, 1)), .percent(dec(100, 0)), -1),
            (.duration(dec(312, 0)), .duration(dec(3125, 1)), -1),
            (.date(CivilDate(year: 2026, month: 2, day: 28)), .date(CivilDate(year: 2026, month: 3, day: 1)), -1),
            (.text("apple"), .text("banana"), -1),
            (.text("b"), .text("b"), 0),
            (stamp(10, offset: nil), stamp(9, offset: nil), 1),
            (stamp(10, offset: 7200), stamp(9, offset: 0), -1),
            (stamp(10, offset: 3600), stamp(9, offset: 0), 0),
            (stamp(10, offset: 3600), stamp(9, offset: nil), nil),
            (.percent(dec(925, 1)), .decimal(dec(925, 1)), nil),
            (.integer(1), .duration(dec(1, 0)), nil),
            (.date(CivilDate(year: 2026, month: 10, day: 3)), stamp(0, offset: nil), nil),
            (.boolean(true), .boolean(true), nil),
            (.enumeration("chat"), .enumeration("chat"), nil),
            (.text("12"), .integer(12), nil),
        ])
        func compareAcrossKinds(left: NormalisedValue, right: NormalisedValue, expected: Int?) {
            #expect(left.compare(to: right) == expected)
            #expect(right.compare(to: left) == expected.map { -$0 })
        }

        @Test(arguments: [
            (NormalisedValue.text("as is"), "as is"),
            (.integer(-42), "-42"),
            (.decimal(dec(1250, 2)), "12.50"),
            (.percent(dec(92_500, 3)), "92.5"),
            (.percent(dec(10_000, 2)), "100"),
            (.duration(dec(3120, 1)), "312"),
            (.date(CivilDate(year: 2026, month: 1, day: 5)), "2026-01-05"),
            (stamp(9, offset: -18_000), "2026-10-03T09:00:00-05:00"),
            (.boolean(false), "false"),
            (.enumeration("voice"), "voice"),
        ])
        func cleanText(value: NormalisedValue, expected: String) {
            #expect(value.cleanText == expected)
        }
    }
}
