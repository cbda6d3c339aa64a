import Testing

@testable import SluiceKit

extension NormaliseTests {
    @Suite struct ExcelSerialTests {
        @Test(arguments: [
            ("61", Expected.clean("1900-03-01")),
            ("45931", .clean("2025-10-01")),
            ("46298", .clean("2026-10-03")),
            ("45931.0", .clean("2025-10-01")),
            ("2958465", .clean("9999-12-31")),
            (
                "60",
                .type("'60' is an excel serial before 1900-03-01, which excel dates wrongly (its 1900 leap-year bug)")
            ),
            (
                "1",
                .type("'1' is an excel serial before 1900-03-01, which excel dates wrongly (its 1900 leap-year bug)")
            ),
            ("0", .type("'0' is not an excel date serial between 61 (1900-03-01) and 2958465 (9999-12-31)")),
            ("-5", .type("'-5' is not an excel date serial between 61 (1900-03-01) and 2958465 (9999-12-31)")),
            (
                "2958466",
                .type("'2958466' is not an excel date serial between 61 (1900-03-01) and 2958465 (9999-12-31)")
            ),
            ("45931.5", .type("'45931.5' has a time of day, but the field is a date")),
            ("45,931", .type("'45,931' does not match the declared format excel-serial")),
            ("abc", .type("'abc' does not match the declared format excel-serial")),
        ])
        func excelSerialDates(raw: String, expected: Expected) {
            #expect(normalise(raw, .date) { $0.formats = ["excel-serial"] }.expected == expected)
        }

        @Test(arguments: [
            ("45931", Expected.clean("2025-10-01T00:00:00")),
            ("45931.5", .clean("2025-10-01T12:00:00")),
            ("45931.75", .clean("2025-10-01T18:00:00")),
            ("45931.000011574", .clean("2025-10-01T00:00:01")),
            ("45931.000005", .clean("2025-10-01T00:00:00")),
            ("45931.999999", .clean("2025-10-02T00:00:00")),
            ("46298.604224537", .clean("2026-10-03T14:30:05")),
            (
                "60.5",
                .type("'60.5' is an excel serial before 1900-03-01, which excel dates wrongly (its 1900 leap-year bug)")
            ),
            ("0.5", .type("'0.5' is not an excel date serial between 61 (1900-03-01) and 2958465 (9999-12-31)")),
        ])
        func excelSerialTimestamps(raw: String, expected: Expected) {
            #expect(normalise(raw, .timestamp) { $0.formats = ["excel-serial"] }.expected == expected)
        }

        @Test(arguments: [
            (0, "1970-01-01"),
            (-25_569, "1899-12-30"),
            (19_358, "2023-01-01"),
            (-719_468, "0000-03-01"),
            (2_932_896, "9999-12-31"),
        ])
        func civilDateFromDays(days: Int, expected: String) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.description == expected)
            #expect(date.daysSinceEpoch == days)
        }
    }
}
