import Testing

@testable import SluiceKit

extension NormaliseTests {
    @Suite struct DurationParserTests {
        @Test(arguments: [
            ("312", Expected.clean("312")),
            ("312.5", .clean("312.5")),
            ("312.50", .clean("312.5")),
            ("0", .clean("0")),
            ("05:12", .clean("312")),
            ("5:12", .clean("312")),
            ("75:00", .clean("4500")),
            ("00:00", .clean("0")),
            ("05:12.5", .clean("312.5")),
            ("1:02:03", .clean("3723")),
            ("01:02:03", .clean("3723")),
            ("100:00:00", .clean("360000")),
            ("1:02:03.250", .clean("3723.25")),
            ("05:75", .type("'05:75' has 75 seconds; seconds must be below 60")),
            ("1:60:00", .type("'1:60:00' has 60 minutes; minutes must be below 60")),
            ("-5", .type("'-5' is a negative duration")),
            ("-05:12", .type("'-05:12' is a negative duration")),
            ("5:1", .type("'5:1' is not a duration")),
            (":12", .type("':12' is not a duration")),
            ("1:02:03:04", .type("'1:02:03:04' is not a duration")),
            ("05:12.", .type("'05:12.' is not a duration")),
            ("5m", .type("'5m' is not a duration")),
            ("05:12 ", .clean("312")),
        ])
        func durations(raw: String, expected: Expected) {
            #expect(normalise(raw, .duration).expected == expected)
        }

        @Test func durationValueIsSeconds() {
            #expect(normalise("05:12", .duration) == .value(.duration(ExactDecimal(312))))
        }
    }
}
