import Foundation
import Testing

@testable import SluiceKit

extension ReadTests {
    /// Broken and hostile workbooks: each is refused with a `ReadError` naming what is wrong.
    @Suite struct XLSXHostileInputTests {
        static let legacy =
            "file is an encrypted workbook or a legacy Excel 97-2003 .xls file; "
            + "ask the vendor to save it as .xlsx without a password"

        static let refusals: [(fixture: String, message: String)] = [
            (
                "zip-bomb.xlsx",
                "zip entry 'xl/worksheets/sheet1.xml' declares 20971828 bytes from 20630 compressed "
                    + "(more than 100:1); refusing a possible zip bomb"
            ),
            (
                "zip-bomb-lying-size.xlsx",
                "zip entry 'xl/worksheets/sheet1.xml' inflates beyond its declared 65536 bytes; "
                    + "refusing a possible zip bomb"
            ),
            ("path-traversal.xlsx", "zip entry '../../evil.sh' has an unsafe path (absolute or with '..')"),
            ("absolute-path.xlsx", "zip entry '/etc/cron.d/evil' has an unsafe path (absolute or with '..')"),
            ("legacy.xls", legacy),
            ("not-a-zip.xlsx", "file is not an XLSX workbook (not a zip archive)"),
            (
                "truncated.xlsx",
                "zip archive is truncated or damaged (no readable central directory); "
                    + "ask the vendor to send the file again"
            ),
            ("no-workbook.xlsx", "zip archive is not an XLSX workbook"),
            (
                "doctype.xlsx",
                "part 'xl/worksheets/sheet1.xml' has a DOCTYPE declaration, which XLSX files never use; "
                    + "refusing the file as unsafe"
            ),
            (
                "doctype-shared-strings.xlsx",
                "part 'xl/sharedStrings.xml' has a DOCTYPE declaration, which XLSX files never use; "
                    + "refusing the file as unsafe"
            ),
        ]

        @Test(arguments: refusals)
        func refused(fixture: String, message: String) {
            #expect(XLSXFixtures.errorMessage(fixture) == message)
        }

        @Test func malformedSheetXMLNamesThePartAndPlace() {
            #expect(
                XLSXFixtures.errorMessage("malformed-sheet.xlsx")
                    == "part 'xl/worksheets/sheet1.xml' is not well-formed XML at line 2, column 217: expected '>'")
        }

        @Test func emptyFile() throws {
            let url = try temporaryFile([], name: "empty.xlsx")
            #expect(XLSXFixtures.errorMessage(url: url, displayPath: "Inbox/empty.xlsx") == "file is empty")
        }

        @Test func missingFile() {
            let url = URL(fileURLWithPath: "/nonexistent/sluice/missing.xlsx")
            #expect(
                XLSXFixtures.errorMessage(url: url, displayPath: "Inbox/missing.xlsx")
                    == "cannot open file: no such file or directory")
        }

        static let optionErrors: [(options: XLSXOptions, message: String)] = [
            (
                XLSXOptions(sheet: "Scorecard"),
                "no worksheet named 'Scorecard'; the workbook has: Sheet1, Data"
            ),
            (XLSXOptions(sheetIndex: 3), "no worksheet at position 3; the workbook has: Sheet1, Data"),
            (XLSXOptions(sheetIndex: 0), "no worksheet at position 0; the workbook has: Sheet1, Data"),
            (
                XLSXOptions(dropRowsMatching: "(unclosed"),
                "drop-rows pattern '(unclosed' is not a valid regular expression"
            ),
            (
                XLSXOptions(sheet: "Data", skipRows: 5),
                "no header row after the 5 skipped rows: worksheet 'Data' has only blank rows"
            ),
        ]

        @Test(arguments: optionErrors)
        func badOptions(options: XLSXOptions, message: String) {
            #expect(XLSXFixtures.errorMessage("two-sheets.xlsx", options: options) == message)
        }

        @Test func totalSizeLimitOnDeclaredSizes() {
            #expect(
                XLSXFixtures.errorMessage("scorecard-shared-strings.xlsx", limits: XLSXLimits(maxTotalBytes: 4096))
                    == "zip archive declares more than 4096 uncompressed bytes; refusing a possible zip bomb")
        }

        @Test func valueSizeLimit() {
            #expect(
                XLSXFixtures.errorMessage(
                    "scorecard-shared-strings.xlsx", options: XLSXOptions(skipRows: 2),
                    limits: XLSXLimits(maxValueBytes: 12))
                    == "shared string 0 is longer than 12 bytes")
            #expect(
                XLSXFixtures.errorMessage("many-rows.xlsx", limits: XLSXLimits(maxValueBytes: 8))
                    == "cell Big!B101 has more than 8 bytes of text")
        }
    }
}
