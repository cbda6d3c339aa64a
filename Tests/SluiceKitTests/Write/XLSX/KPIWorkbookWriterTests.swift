import Foundation
import Testing

@testable import SluiceKit

/// `kpi.xlsx` opened as a zip: the sheet XML, cell types, number formats, frozen pane,
/// autofilter and conditional formats, on the sample run and on hostile values.
@Suite struct KPIWorkbookWriterTests {
    @Test func sampleWorkbookHasTypedCellsAndSheetSettings() throws {
        try withTemporaryFolder { work in
            let run = try runSample(in: work)
            let book = run.appendingPathComponent("kpi.xlsx")
            let workbook = try xlsxPart("xl/workbook.xml", of: book)
            #expect(
                workbook.contains(
                    "<sheets><sheet name=\"KPIs\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Credits\" sheetId=\"2\" r:id=\"rId2\"/><sheet name=\"Submissions\" sheetId=\"3\" r:id=\"rId3\"/><sheet name=\"Data quality\" sheetId=\"4\" r:id=\"rId4\"/></sheets>"
                ))
            // Constant-memory mode: no shared-strings table, every text cell inline.
            #expect(try !xlsxHasPart("xl/sharedStrings.xml", of: book))
            let kpis = try xlsxPart("xl/worksheets/sheet1.xml", of: book)
            let csvRows = try contents(run.appendingPathComponent("kpi.csv")).split(separator: "\n").count
            #expect(kpis.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
            #expect(kpis.contains("<autoFilter ref=\"A1:Q\(csvRows)\"/>"))
            #expect(
                kpis.contains(
                    "<conditionalFormatting sqref=\"O2:O\(csvRows)\"><cfRule type=\"cellIs\" dxfId=\"0\" priority=\"1\" operator=\"equal\"><formula>\"breached\"</formula></cfRule><cfRule type=\"cellIs\" dxfId=\"1\" priority=\"2\" operator=\"equal\"><formula>\"warning\"</formula></cfRule><cfRule type=\"cellIs\" dxfId=\"2\" priority=\"3\" operator=\"equal\"><formula>\"met\"</formula></cfRule></conditionalFormatting>"
                ))
            #expect(kpis.contains("<col min=\"17\" max=\"17\" width=\"44.7109375\" customWidth=\"1\"/>"))
            // Row 10: ACME's FCR for 2026-10, 71.2 % against 70 % with a warning at 72 %.
            let fcr = try #require(xlsxRow(10, in: kpis))
            #expect(fcr.contains("<c r=\"A10\" t=\"inlineStr\"><is><t>ACME</t></is></c>"))
            #expect(fcr.contains("<c r=\"C10\" t=\"inlineStr\"><is><t>2026-10</t></is></c>"))
            #expect(fcr.contains("<c r=\"D10\" s=\"2\"><v>46296</v></c><c r=\"E10\" s=\"2\"><v>46326</v></c>"))
            #expect(fcr.contains("<c r=\"I10\" s=\"3\"><v>0.712</v></c>"))
            #expect(fcr.contains("<c r=\"K10\" s=\"3\"><v>0.7</v></c><c r=\"L10\" s=\"3\"><v>0.72</v></c>"))
            #expect(fcr.contains("<c r=\"O10\" t=\"inlineStr\"><is><t>warning</t></is></c>"))
            // Row 8: AHT in seconds, a plain number.
            let aht = try #require(xlsxRow(8, in: kpis))
            #expect(aht.contains("<c r=\"I8\" s=\"4\"><v>312</v></c>"))
            // Styles: 2 is the date format, 3 the one-decimal percent, 4 whole numbers.
            let styles = try xlsxPart("xl/styles.xml", of: book)
            #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>"))
            #expect(styles.contains("<numFmt numFmtId=\"165\" formatCode=\"0.0%\"/>"))
            #expect(styles.contains("<numFmt numFmtId=\"166\" formatCode=\"0\"/>"))
            #expect(styles.contains("<numFmt numFmtId=\"168\" formatCode=\"#,##0.00\"/>"))
            let formats = cellFormats(styles)
            #expect(formats.count > 4)
            #expect(formats[1].contains("applyFont=\"1\""))
            #expect(formats[2].contains("numFmtId=\"164\""))
            #expect(formats[3].contains("numFmtId=\"165\""))
            #expect(formats[4].contains("numFmtId=\"166\""))
            #expect(
                styles.contains(
                    "<dxf><font><color rgb=\"FF9C0006\"/></font><fill><patternFill><bgColor rgb=\"FFFFC7CE\"/></patternFill></fill></dxf>"
                ))
            // Credits: money as numbers; Brightline W42 capped at 2 500.
            let credits = try xlsxPart("xl/worksheets/sheet2.xml", of: book)
            let capped = try #require(xlsxRow(5, in: credits))
            #expect(capped.contains("<c r=\"C5\" t=\"inlineStr\"><is><t>2026-W42</t></is></c>"))
            #expect(capped.contains("<c r=\"E5\" s=\"6\"><v>2500</v></c>"))
            #expect(capped.contains("<c r=\"H5\" s=\"6\"><v>2750</v></c><c r=\"I5\" s=\"6\"><v>2500</v></c>"))
            // Submissions: dates as dates, an empty receipt date as no cell at all.
            let submissions = try xlsxPart("xl/worksheets/sheet3.xml", of: book)
            let missing = try #require(xlsxRow(2, in: submissions))
            #expect(missing.contains("<c r=\"E2\" s=\"2\"><v>46300</v></c>"))
            #expect(!missing.contains("r=\"G2\""))
            #expect(missing.contains("<c r=\"H2\" t=\"inlineStr\"><is><t>missing</t></is></c>"))
            #expect(submissions.contains("<formula>\"missing\"</formula>"))
            // Data quality: counts as numbers.
            let quality = try xlsxPart("xl/worksheets/sheet4.xml", of: book)
            let acme = try #require(xlsxRow(2, in: quality))
            #expect(acme.contains("<c r=\"C2\" s=\"4\"><v>8</v></c><c r=\"D2\" s=\"4\"><v>40</v></c>"))
            #expect(acme.contains("<c r=\"F2\" s=\"5\"><v>7.5</v></c>"))
        }
    }

    @Test func hostileTextStaysAStringCell() throws {
        try withTemporaryFolder { folder in
            let kpi = KPISpec(
                id: "service_level", name: "=HYPERLINK(\"http://evil.test\",\"Service\")", unit: .percent,
                direction: .higher, decimals: 1)
            let key = KPIKey(
                vendor: "=HYPERLINK(\"http://evil.test\",\"click\")", contract: "@SUM(A1)",
                period: PeriodKey.containing(CivilDate(year: 2026, month: 10, day: 1), length: .month),
                kpi: "service_level", dimension: "+1+2")
            var results = KPIResults()
            results.rows = [
                KPIResults.Row(
                    key: key, kpi: kpi, actual: ExactRatio(ExactDecimal(significand: 795, scale: 1)),
                    target: SLATarget(kpi: "service_level", target: ExactDecimal(80)), status: .breached,
                    source: "reported", evidence: "-2+3\t<script>alert(1)</script>")
            ]
            try KPIWorkbookWriter.write(results, to: folder, created: ScenarioTests.clock)
            let sheet = try xlsxPart("xl/worksheets/sheet1.xml", of: folder.appendingPathComponent("kpi.xlsx"))
            let row = try #require(xlsxRow(2, in: sheet))
            #expect(
                row.contains(
                    "<c r=\"A2\" t=\"inlineStr\"><is><t>=HYPERLINK(\"http://evil.test\",\"click\")</t></is></c>"))
            #expect(row.contains("<c r=\"B2\" t=\"inlineStr\"><is><t>@SUM(A1)</t></is></c>"))
            #expect(row.contains("<c r=\"H2\" t=\"inlineStr\"><is><t>+1+2</t></is></c>"))
            #expect(
                row.contains(
                    "<c r=\"Q2\" t=\"inlineStr\"><is><t>-2+3\t&lt;script&gt;alert(1)&lt;/script&gt;</t></is></c>"))
            #expect(row.contains("<c r=\"I2\" s=\"3\"><v>0.795</v></c>"))
            #expect(!sheet.contains("<f>"), "no cell is a formula")
        }
    }

    @Test func sameResultsGiveTheSameBytes() throws {
        try withTemporaryFolder { folder in
            let first = folder.appendingPathComponent("a")
            let second = folder.appendingPathComponent("b")
            for url in [first, second] {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                try KPIWorkbookWriter.write(KPIResults(), to: url, created: ScenarioTests.clock)
            }
            let bytes = try Data(contentsOf: first.appendingPathComponent("kpi.xlsx"))
            #expect(bytes == (try Data(contentsOf: second.appendingPathComponent("kpi.xlsx"))))
            let core = try xlsxPart("docProps/core.xml", of: first.appendingPathComponent("kpi.xlsx"))
            #expect(
                core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-18T11:06:40Z</dcterms:created>"))
            // An empty dataset: the header row only, filter over it, no conditional format range.
            let sheet = try xlsxPart("xl/worksheets/sheet1.xml", of: first.appendingPathComponent("kpi.xlsx"))
            #expect(sheet.contains("<autoFilter ref=\"A1:Q1\"/>"))
            #expect(!sheet.contains("conditionalFormatting"))
        }
    }

    @Test func aFolderThatIsNotThereIsAnErrorNamingThePath() throws {
        try withTemporaryFolder { folder in
            let missing = folder.appendingPathComponent("gone")
            let error = #expect(throws: OutputError.self) {
                try KPIWorkbookWriter.write(KPIResults(), to: missing, created: ScenarioTests.clock)
            }
            #expect(error?.path == missing.appendingPathComponent("kpi.xlsx").path)
            #expect(error?.message == "cannot create workbook: No such file or directory")
        }
    }

    @Test(arguments: [
        ("short", "short"),
        (String(repeating: "x", count: 32_767), String(repeating: "x", count: 32_767)),
        (String(repeating: "x", count: 32_768), String(repeating: "x", count: 32_766) + "…"),
        ("a\u{0}b", "a\u{FFFD}b"),
    ])
    func textIsFittedToExcelsCellLimit(_ text: String, _ expected: String) {
        #expect(XLSXSheetWriter.fitted(text) == expected)
    }

    /// The `<xf …>` elements of `cellXfs`, in index order.
    private func cellFormats(_ styles: String) -> [String] {
        guard let start = styles.range(of: "<cellXfs"), let end = styles.range(of: "</cellXfs>") else { return [] }
        return styles[start.upperBound..<end.lowerBound].components(separatedBy: "<xf ").dropFirst().map { "<xf " + $0 }
    }
}
