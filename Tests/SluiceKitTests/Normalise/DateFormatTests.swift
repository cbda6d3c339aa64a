import Testing

@testable import SluiceKit

extension NormaliseTests {
    @Suite struct DateFormatTests {
        @Test(arguments: [
            ("dd/MM/yyyy", ValueKind.date, String?.none),
            ("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", .timestamp, nil),
            ("excel-serial", .date, nil),
            ("Excel-Serial", .timestamp, nil),
            ("iso-8601", .date, nil),
            ("dd/MM/YYYY", .date, "unknown field 'YYYY' in format 'dd/MM/YYYY'; did you mean 'yyyy'?"),
            ("DD/MM/yyyy", .date, "unknown field 'DD' in format 'DD/MM/yyyy'; did you mean 'dd'?"),
            ("D/M/yyyy", .date, "unknown field 'D' in format 'D/M/yyyy'; did you mean 'd'?"),
            (
                "yyyy-MM-dd HH:mm:ss Z", .timestamp,
                "unknown field 'Z' in format 'yyyy-MM-dd HH:mm:ss Z'; did you mean 'XXX'?"
            ),
            ("dd/MM/yyy", .date, "'yyy' is not a known field in format 'dd/MM/yyy'; did you mean 'yyyy'?"),
            ("ddd/MM/yyyy", .date, "'ddd' is not a known field in format 'ddd/MM/yyyy'; did you mean 'dd'?"),
            (
                "yyyy-MM-dd'T'HH:mm:ssX", .timestamp,
                "'X' is not a known field in format 'yyyy-MM-dd'T'HH:mm:ssX'; did you mean 'XXX'?"
            ),
            (
                "EEE dd/MM/yyyy", .date,
                "unknown field 'EEE' in format 'EEE dd/MM/yyyy'; use yyyy, yy, MM, M, MMM, dd, d, HH, H, hh, h, a, mm, ss, S…, XXX or quote literal text"
            ),
            ("dd/mm/yyyy", .date, "date format 'dd/mm/yyyy' has minutes ('mm'); did you mean 'MM' (month)?"),
            (
                "dd/MM/yyyy HH:mm", .date,
                "date format 'dd/MM/yyyy HH:mm' has a time of day; declare the field as a timestamp or remove the time"
            ),
            (
                "dd/MM/yyyy", .timestamp,
                "timestamp format 'dd/MM/yyyy' has no hour; declare the field as a date if it has no time"
            ),
            ("dd/yyyy", .date, "format 'dd/yyyy' has no month"),
            ("dd/MM/yyyy/yy", .date, "format 'dd/MM/yyyy/yy' has the year twice"),
            ("dd/MMM/MM/yyyy", .date, "format 'dd/MMM/MM/yyyy' has the month twice"),
            (
                "dd/MM/yyyy hh:mm", .timestamp,
                "format 'dd/MM/yyyy hh:mm' uses the 12-hour clock ('hh') without AM/PM ('a'); did you mean 'HH'?"
            ),
            (
                "dd/MM/yyyy HH:mm a", .timestamp,
                "format 'dd/MM/yyyy HH:mm a' has AM/PM ('a') with a 24-hour clock; use 'hh' with 'a', or 'HH' alone"
            ),
            ("dd/MM/yyyy HH:ss", .timestamp, "format 'dd/MM/yyyy HH:ss' has seconds but no minutes"),
            (
                "dMyyyy", .date,
                "format 'dMyyyy' has a variable-width field directly before another number, so values could be split more than one way; use two-letter fields such as 'dd' and 'MM'"
            ),
            ("dd/MM/yyyy 'at", .date, "format 'dd/MM/yyyy 'at' has an unclosed quote; close it with '"),
            ("", .date, "the format is empty"),
            ("excel", .date, "unknown format 'excel'; did you mean 'excel-serial'?"),
            ("ISO8601", .timestamp, "unknown format 'ISO8601'; did you mean 'iso-8601'?"),
            ("dd/MM/yyyy", .integer, "kind 'integer' takes no formats; formats apply to date and timestamp fields"),
        ])
        func formatProblems(format: String, kind: ValueKind, expected: String?) {
            #expect(ValueNormaliser.formatProblem(format, kind: kind) == expected)
        }

        @Test func initThrowsTheFormatError() {
            let field = FieldSpec(name: "f", kind: .date, formats: ["dd/MM/yyyy", "DD/MM/YYYY"])
            #expect(
                throws: FormatError(
                    format: "DD/MM/YYYY", message: "unknown field 'DD' in format 'DD/MM/YYYY'; did you mean 'dd'?")
            ) {
                try ValueNormaliser(field: field)
            }
        }
    }
}
