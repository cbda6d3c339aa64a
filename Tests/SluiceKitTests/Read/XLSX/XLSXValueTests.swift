import Foundation
import Testing

@testable import SluiceKit

extension ReadTests {
    /// The pieces the XLSX reader builds values and places from.
    @Suite struct XLSXValueTests {
        @Test(arguments: [
            ("yyyy-mm-dd", XLSXNumberFormat.date),
            ("d/m/yyyy;@", .date),
            ("[$-409]mmmm d, yyyy", .date),
            ("mmm", .date),
            ("yyyy\\-mm\\-dd\\ hh:mm:ss", .dateTime),
            ("m/d/yy h:mm AM/PM", .dateTime),
            ("h:mm:ss", .time),
            ("mm:ss.0", .time),
            ("[h]:mm:ss", .elapsed),
            ("[mm]:ss", .elapsed),
            ("0.0\" days\"", .number),
            ("#,##0.00 \\h", .number),
            ("[Red]0.00;[Blue]-0.00", .number),
            ("General", .number),
            ("0%", .number),
            ("_-* #,##0_-;-* #,##0_-", .number),
        ])
        func customFormatKinds(code: String, kind: XLSXNumberFormat) {
            #expect(XLSXNumberFormat.custom(code) == kind)
        }

        @Test(arguments: [
            (0, XLSXNumberFormat.number), (2, .number), (10, .number), (14, .date), (17, .date), (18, .time),
            (21, .time), (22, .dateTime), (45, .time), (46, .elapsed), (47, .time), (49, .number),
        ])
        func builtInFormatKinds(id: Int, kind: XLSXNumberFormat) {
            #expect(XLSXNumberFormat.builtIn(id) == kind)
        }

        @Test(arguments: [
            ("45931", XLSXNumberFormat.date, false, String?.some("2025-10-01")),
            ("45931.75", .date, false, "2025-10-01"),
            ("45931.75", .dateTime, false, "2025-10-01T18:00:00"),
            ("45931", .dateTime, false, "2025-10-01T00:00:00"),
            ("45931.99999999", .dateTime, false, "2025-10-02T00:00:00"),
            ("4.5931E4", .date, false, "2025-10-01"),
            ("44469", .date, true, "2025-10-01"),
            ("0", .date, true, "1904-01-01"),
            ("61", .date, false, "1900-03-01"),
            ("59", .date, false, "1900-02-28"),
            ("1", .date, false, "1900-01-01"),
            ("60", .date, false, nil),
            ("0.5", .time, false, "12:00:00"),
            ("45931.5", .time, false, "2025-10-01T12:00:00"),
            ("0.003819444", .time, false, "00:05:30"),
            ("1.5", .elapsed, false, "36:00:00"),
            ("-1", .date, false, nil),
            ("3000000", .date, false, nil),
            ("1234", .number, false, nil),
            ("n/a", .date, false, nil),
        ])
        func serialDates(serial: String, format: XLSXNumberFormat, date1904: Bool, expected: String?) {
            #expect(XLSXSerialDate.text(serial: serial, format: format, date1904: date1904) == expected)
        }

        @Test(arguments: [
            ("A1", Int?.some(1), Int?.some(1)), ("B17", 2, 17), ("z9", 26, 9), ("AA10", 27, 10),
            ("XFD1048576", 16_384, 1_048_576),
            ("C", 3, nil), ("XFE1", nil, nil), ("A1048577", nil, nil), ("A0", nil, nil), ("1A", nil, nil),
            ("", nil, nil),
        ])
        func cellReferences(text: String, column: Int?, row: Int?) {
            let parsed = Array(text.utf8).withUnsafeBufferPointer { XLSXCellReference.parse($0) }
            #expect(parsed?.column == column)
            #expect(parsed?.row == row)
        }

        @Test func columnLettersAndSheetPrefixes() {
            #expect(
                [1, 26, 27, 52, 53, 702, 703, 16_384].map(XLSXCellReference.letters) == [
                    "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD",
                ])
            #expect(XLSXCellReference.sheetPrefix("Scorecard") == "Scorecard!")
            #expect(XLSXCellReference.sheetPrefix("Q3_2025.v2") == "Q3_2025.v2!")
            #expect(XLSXCellReference.sheetPrefix("Q3 Data") == "'Q3 Data'!")
            #expect(XLSXCellReference.sheetPrefix("Vendor's KPIs") == "'Vendor''s KPIs'!")
        }

        @Test(arguments: [
            ("xl/workbook.xml", true), ("[Content_Types].xml", true), ("xl/a..b.xml", true),
            ("../evil", false), ("xl/../../evil", false), ("/etc/passwd", false), ("\\evil", false),
            ("xl\\..\\evil", false), ("C:/evil", false), ("", false),
        ])
        func entryPathSafety(path: String, safe: Bool) {
            #expect(XLSXArchive.isSafe(path) == safe)
        }

        @Test(arguments: [
            ("worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"),
            ("/xl/worksheets/sheet2.xml", "xl/worksheets/sheet2.xml"),
            ("./worksheets/../worksheets/sheet3.xml", "xl/worksheets/sheet3.xml"),
            ("../../../../etc/passwd", "etc/passwd"),
        ])
        func relationshipTargets(target: String, resolved: String) {
            #expect(XLSXRelationshipsPart.resolve(target, base: "xl") == resolved)
        }
    }
}
