import Testing

@testable import SluiceKit

private func date(_ raw: String, _ formats: [String]) -> ValueOutcome {
    normalise(raw, .date) { $0.formats = formats }
}

private let dayFirstAndMonthFirst = ["dd/MM/yyyy", "MM/dd/yyyy"]

extension NormaliseTests {
    @Suite struct DateParserTests {
        @Test(arguments: [
            ("03/10/2026", "dd/MM/yyyy", Expected.clean("2026-10-03")),
            (" 03/10/2026 ", "dd/MM/yyyy", .clean("2026-10-03")),
            ("3/1/2026", "d/M/yyyy", .clean("2026-01-03")),
            ("03/10/2026", "d/M/yyyy", .clean("2026-10-03")),
            ("10/03/2026", "MM/dd/yyyy", .clean("2026-10-03")),
            ("2026-10-03", "yyyy-MM-dd", .clean("2026-10-03")),
            ("20261003", "yyyyMMdd", .clean("2026-10-03")),
            ("2026-10", "yyyy-MM", .clean("2026-10-01")),
            ("Oct 2026", "MMM yyyy", .clean("2026-10-01")),
            ("03.10.26", "dd.MM.yy", .clean("2026-10-03")),
            ("03-Oct-2026", "dd-MMM-yyyy", .clean("2026-10-03")),
            ("03-OCT-2026", "dd-MMM-yyyy", .clean("2026-10-03")),
            ("03-oct-2026", "dd-MMM-yyyy", .clean("2026-10-03")),
            ("3 October 2026", "d MMMM yyyy", .clean("2026-10-03")),
            ("Sep 1, 2026", "MMM d, yyyy", .clean("2026-09-01")),
            ("2026'10'03", "yyyy''MM''dd", .clean("2026-10-03")),
            ("day 03 of 10/2026", "'day' dd 'of' MM/yyyy", .clean("2026-10-03")),
            ("29/02/2024", "dd/MM/yyyy", .clean("2024-02-29")),
            ("29/02/2000", "dd/MM/yyyy", .clean("2000-02-29")),
            ("29/02/2026", "dd/MM/yyyy", .type("'29/02/2026' is not a real date")),
            ("29/02/1900", "dd/MM/yyyy", .type("'29/02/1900' is not a real date")),
            ("30/02/2026", "dd/MM/yyyy", .type("'30/02/2026' is not a real date")),
            ("31/04/2026", "dd/MM/yyyy", .type("'31/04/2026' is not a real date")),
            ("00/10/2026", "dd/MM/yyyy", .type("'00/10/2026' is not a real date")),
            ("03/13/2026", "dd/MM/yyyy", .type("'03/13/2026' is not a real date")),
            ("03/10/0000", "dd/MM/yyyy", .type("'03/10/0000' is not a real date")),
            ("3/10/2026", "dd/MM/yyyy", .type("'3/10/2026' does not match the declared format dd/MM/yyyy")),
            ("03/10/2026x", "dd/MM/yyyy", .type("'03/10/2026x' does not match the declared format dd/MM/yyyy")),
            ("03/10/26", "dd/MM/yyyy", .type("'03/10/26' does not match the declared format dd/MM/yyyy")),
            ("03-Okt-2026", "dd-MMM-yyyy", .type("'03-Okt-2026' does not match the declared format dd-MMM-yyyy")),
            ("2026-10-03", "iso-8601", .clean("2026-10-03")),
            (
                "2026-10-03T00:00:00", "iso-8601",
                .type("'2026-10-03T00:00:00' does not match the declared format iso-8601")
            ),
        ])
        func dateFormats(raw: String, format: String, expected: Expected) {
            #expect(date(raw, [format]).expected == expected)
        }

        @Test func dateFieldsDefaultToISO() {
            #expect(normalise("2026-10-03", .date).expected == .clean("2026-10-03"))
            #expect(
                normalise("03/10/2026", .date).expected
                    == .type("'03/10/2026' does not match the declared format iso-8601"))
        }

        @Test(arguments: [
            (
                "03/04/2026",
                Expected.problem(
                    "ambiguous-date",
                    "'03/04/2026' reads as 2026-04-03 under dd/MM/yyyy and as 2026-03-04 under MM/dd/yyyy")
            ),
            ("13/04/2026", .clean("2026-04-13")),
            ("04/13/2026", .clean("2026-04-13")),
            ("04/04/2026", .clean("2026-04-04")),
            ("30/02/2026", .type("'30/02/2026' is not a real date")),
            ("2026.10.03", .type("'2026.10.03' does not match any declared format (dd/MM/yyyy, MM/dd/yyyy)")),
        ])
        func dateAmbiguity(raw: String, expected: Expected) {
            #expect(date(raw, dayFirstAndMonthFirst).expected == expected)
        }

        @Test func ambiguityHint() {
            #expect(
                date("03/04/2026", dayFirstAndMonthFirst).hint
                    == "ask the vendor for ISO dates (yyyy-MM-dd) or declare only the format they use")
        }

        @Test func isoAndLocalFormatsTogether() {
            let formats = ["yyyy-MM-dd", "dd/MM/yyyy", "excel-serial"]
            #expect(date("2026-10-03", formats).expected == .clean("2026-10-03"))
            #expect(date("03/10/2026", formats).expected == .clean("2026-10-03"))
            #expect(date("46298", formats).expected == .clean("2026-10-03"))
        }

        @Test func dateValueIsCivilDate() {
            #expect(date("03/10/2026", ["dd/MM/yyyy"]) == .value(.date(CivilDate(year: 2026, month: 10, day: 3))))
        }
    }
}
