import Testing

@testable import SluiceKit

private func timestamp(_ raw: String, _ formats: [String]) -> ValueOutcome {
    normalise(raw, .timestamp) { $0.formats = formats }
}

extension NormaliseTests {
    @Suite struct TimestampParserTests {
        @Test(arguments: [
            ("2026-10-03T14:22:05", "yyyy-MM-dd'T'HH:mm:ss", Expected.clean("2026-10-03T14:22:05")),
            ("03/10/2026 14:22", "dd/MM/yyyy HH:mm", .clean("2026-10-03T14:22:00")),
            ("03/10/2026 9:05", "dd/MM/yyyy H:mm", .clean("2026-10-03T09:05:00")),
            ("03/10/2026 9:5:7", "dd/MM/yyyy H:m:s", .clean("2026-10-03T09:05:07")),
            ("03/10/2026 14", "dd/MM/yyyy HH", .clean("2026-10-03T14:00:00")),
            ("2026-10-03 14:22:05.123", "yyyy-MM-dd HH:mm:ss.SSS", .clean("2026-10-03T14:22:05.123")),
            ("2026-10-03 14:22:05.1", "yyyy-MM-dd HH:mm:ss.S", .clean("2026-10-03T14:22:05.1")),
            ("2026-10-03 14:22:05.123456789", "yyyy-MM-dd HH:mm:ss.SSSSSSSSS", .clean("2026-10-03T14:22:05.123456789")),
            (
                "2026-10-03 14:22:05.12", "yyyy-MM-dd HH:mm:ss.SSS",
                .type("'2026-10-03 14:22:05.12' does not match the declared format yyyy-MM-dd HH:mm:ss.SSS")
            ),
            ("03/10/2026 02:22 PM", "dd/MM/yyyy hh:mm a", .clean("2026-10-03T14:22:00")),
            ("03/10/2026 2:22 pm", "dd/MM/yyyy h:mm a", .clean("2026-10-03T14:22:00")),
            ("03/10/2026 12:00 AM", "dd/MM/yyyy hh:mm a", .clean("2026-10-03T00:00:00")),
            ("03/10/2026 12:30 PM", "dd/MM/yyyy hh:mm a", .clean("2026-10-03T12:30:00")),
            ("03/10/2026 00:30 AM", "dd/MM/yyyy hh:mm a", .type("'03/10/2026 00:30 AM' is not a real time of day")),
            ("03/10/2026 13:30 PM", "dd/MM/yyyy hh:mm a", .type("'03/10/2026 13:30 PM' is not a real time of day")),
            (
                "03/10/2026 02:22 XM", "dd/MM/yyyy hh:mm a",
                .type("'03/10/2026 02:22 XM' does not match the declared format dd/MM/yyyy hh:mm a")
            ),
            ("03/10/2026 24:00", "dd/MM/yyyy HH:mm", .type("'03/10/2026 24:00' is not a real time of day")),
            ("03/10/2026 23:60", "dd/MM/yyyy HH:mm", .type("'03/10/2026 23:60' is not a real time of day")),
            ("03/10/2026 23:59:60", "dd/MM/yyyy HH:mm:ss", .type("'03/10/2026 23:59:60' is not a real time of day")),
            ("29/02/2026 10:00", "dd/MM/yyyy HH:mm", .type("'29/02/2026 10:00' is not a real date")),
            ("29/02/2028 10:00", "dd/MM/yyyy HH:mm", .clean("2028-02-29T10:00:00")),
            ("2026-10-03T14:22:05Z", "yyyy-MM-dd'T'HH:mm:ssXXX", .clean("2026-10-03T14:22:05Z")),
            ("2026-10-03T14:22:05z", "yyyy-MM-dd'T'HH:mm:ssXXX", .clean("2026-10-03T14:22:05Z")),
            ("2026-10-03T14:22:05+02:00", "yyyy-MM-dd'T'HH:mm:ssXXX", .clean("2026-10-03T14:22:05+02:00")),
            ("2026-10-03T14:22:05+0200", "yyyy-MM-dd'T'HH:mm:ssXXX", .clean("2026-10-03T14:22:05+02:00")),
            ("2026-10-03T14:22:05-05:30", "yyyy-MM-dd'T'HH:mm:ssXXX", .clean("2026-10-03T14:22:05-05:30")),
            ("2026-10-03T14:22:05+00:00", "yyyy-MM-dd'T'HH:mm:ssXXX", .clean("2026-10-03T14:22:05Z")),
            (
                "2026-10-03T14:22:05+25:00", "yyyy-MM-dd'T'HH:mm:ssXXX",
                .type("'2026-10-03T14:22:05+25:00' is not a real time of day")
            ),
            (
                "2026-10-03T14:22:05+2", "yyyy-MM-dd'T'HH:mm:ssXXX",
                .type("'2026-10-03T14:22:05+2' does not match the declared format yyyy-MM-dd'T'HH:mm:ssXXX")
            ),
            ("03-Oct-26 14:22", "dd-MMM-yy HH:mm", .clean("2026-10-03T14:22:00")),
        ])
        func timestampFormats(raw: String, format: String, expected: Expected) {
            #expect(timestamp(raw, [format]).expected == expected)
        }

        @Test(arguments: [
            ("2026-10-03T14:22:05", Expected.clean("2026-10-03T14:22:05")),
            ("2026-10-03 14:22:05", .clean("2026-10-03T14:22:05")),
            ("2026-10-03T14:22", .clean("2026-10-03T14:22:00")),
            ("2026-10-03T14:22:05.5", .clean("2026-10-03T14:22:05.5")),
            ("2026-10-03T14:22:05,25", .clean("2026-10-03T14:22:05.25")),
            ("2026-10-03T14:22:05.123Z", .clean("2026-10-03T14:22:05.123Z")),
            ("2026-10-03T14:22:05+01:00", .clean("2026-10-03T14:22:05+01:00")),
            ("2026-10-03T14:22Z", .clean("2026-10-03T14:22:00Z")),
            ("2026-10-03", .type("'2026-10-03' does not match the declared format iso-8601")),
            ("2026-10-03T14", .type("'2026-10-03T14' does not match the declared format iso-8601")),
            ("2026-10-03T14:22:05.", .type("'2026-10-03T14:22:05.' does not match the declared format iso-8601")),
            ("2026-02-29T14:22:05", .type("'2026-02-29T14:22:05' is not a real date")),
        ])
        func isoTimestamps(raw: String, expected: Expected) {
            #expect(normalise(raw, .timestamp).expected == expected)
        }

        @Test func timestampAmbiguity() {
            let formats = ["dd/MM/yyyy HH:mm", "MM/dd/yyyy HH:mm"]
            #expect(
                timestamp("03/04/2026 10:00", formats).expected
                    == .problem(
                        "ambiguous-date",
                        "'03/04/2026 10:00' reads as 2026-04-03T10:00:00 under dd/MM/yyyy HH:mm "
                            + "and as 2026-03-04T10:00:00 under MM/dd/yyyy HH:mm"))
            #expect(timestamp("13/04/2026 10:00", formats).expected == .clean("2026-04-13T10:00:00"))
        }

        @Test func timestampValueKeepsFractionAndOffset() {
            let value = timestamp("2026-10-03T14:22:05.25+02:00", ["iso-8601"])
            let expected = CivilDateTime(
                date: CivilDate(year: 2026, month: 10, day: 3), hour: 14, minute: 22, second: 5,
                nanosecond: 250_000_000,
                utcOffsetSeconds: 7200)
            #expect(value == .value(.timestamp(expected)))
        }
    }
}
