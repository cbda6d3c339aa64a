import Foundation
import Testing

@testable import SluiceKit

/// The associate's worklist: grouping with bounded examples, the request texts, and both files.
@Suite struct WorklistTests {
    static func item(
        _ problem: WorklistItem.Problem, field: String, rows: [Int], count: Int? = nil, values: [String?] = [],
        file: String = "Inbox/acme_scorecard_2026-10.csv", period: String = "2026-10"
    ) -> WorklistItem {
        WorklistItem(
            vendor: "ACME", feed: "acme-scorecard", period: period, problem: problem, field: field,
            count: count ?? rows.count,
            examples: rows.enumerated().map { index, row in
                WorklistExample(file: file, line: row, value: index < values.count ? values[index] : nil)
            })
    }

    @Test(arguments: [
        (item(.missingValue, field: "Handle time", rows: [14]), "'Handle time' is missing on row 14"),
        (item(.missingValue, field: "Handle time", rows: [14, 22]), "'Handle time' is missing on rows 14 and 22"),
        (
            item(.missingValue, field: "Handle time", rows: [14, 22, 31]),
            "'Handle time' is missing on rows 14, 22 and 31"
        ),
        (
            item(.missingValue, field: "Handle time", rows: [14, 22, 31], count: 7),
            "'Handle time' is missing on rows 14, 22, 31 and 4 more"
        ),
        (item(.invalidValue, field: "CSAT", rows: [8], values: ["7"]), "'CSAT' is not valid on row 8 ('7')"),
        (
            item(.invalidValue, field: "CSAT", rows: [8, 9, 12], count: 5, values: ["7", "0", "9"]),
            "'CSAT' is not valid on rows 8, 9, 12 and 2 more ('7', '0', '9', …)"
        ),
        (
            item(.repeatedValue, field: "Interaction ID", rows: [10], values: ["INT-1"]),
            "'Interaction ID' is repeated on row 10 ('INT-1')"
        ),
        (
            item(.ambiguousValue, field: "Start Time", rows: [8], values: ["03/10/2026"]),
            "'Start Time' is ambiguous on row 8 ('03/10/2026') (please write dates as yyyy-MM-dd)"
        ),
        (item(.badRow, field: "", rows: [5, 7]), "rows have the wrong number of values (rows 5 and 7)"),
        (
            item(.invalidValue, field: "Queue", rows: [17], values: ["x", ""]),
            "'Queue' is not valid on row 17 ('x')"
        ),
    ])
    func clause(_ item: WorklistItem, _ expected: String) {
        #expect(WorklistRequest.clause(item) == expected)
    }

    @Test func xmlAndJSONPlacesAreRecords() {
        let finding = Finding(
            severity: .error, ruleID: "type", feed: "nimbus-kpis", vendor: "Nimbus",
            location: SourceLocation(file: "Inbox/nimbus_kpi_2026-10.xml", line: 17, column: 8, record: 3),
            field: "value", rawValue: "<n/a>", message: "not a duration")
        let example = WorklistExample(finding, maxValueLength: 80)
        let item = WorklistItem(
            vendor: "Nimbus", feed: "nimbus-kpis", period: "2026-10", problem: .invalidValue, field: "MTTR", count: 1,
            examples: [example])
        #expect(WorklistRequest.clause(item) == "'MTTR' is not valid on record 3 ('<n/a>')")
        #expect(example.place == "Inbox/nimbus_kpi_2026-10.xml:17")
    }

    @Test func requestTextForOneVendor() {
        let items = [
            WorklistItem(
                vendor: "ACME", feed: "acme-scorecard", period: "2026-09", problem: .missingSubmission, field: "",
                count: 1, examples: [], detail: "due on 2026-10-05 (grace until 2026-10-07); not received"),
            Self.item(.missingValue, field: "Handle time", rows: [14, 22, 31], count: 12),
            Self.item(.invalidValue, field: "CSAT", rows: [9], values: ["4.l"]),
            WorklistItem(
                vendor: "ACME", feed: "", period: "2026-10", problem: .missingKPI, field: "Abandonment Rate", count: 1,
                examples: []),
        ]
        #expect(
            WorklistRequest.text(vendor: "ACME", items: items) == """
                Hello ACME,

                Please send the 2026-09 acme-scorecard, which was due on 2026-10-05 and has not arrived.
                Please resend the 2026-10 acme-scorecard (acme_scorecard_2026-10.csv): 'Handle time' is missing on rows 14, 22, 31 and 9 more; and 'CSAT' is not valid on row 9 ('4.l').
                Please send the 2026-10 value of Abandonment Rate, which is missing.

                Thank you.
                """)
        #expect(WorklistRequest.text(vendor: "ACME", items: []) == "")
    }

    @Test func quarantinedFileRequestLeavesOutHintsForTheRules() {
        let item = WorklistItem(
            vendor: "Helix", feed: "tickets", period: "", problem: .quarantinedFile, field: "", count: 1,
            examples: [WorklistExample(file: "Inbox/sub/binary.csv")],
            detail:
                "file is an XLSX workbook, not csv as the feed declares; the file may be cut off; declare the feed's format: xlsx"
        )
        #expect(
            WorklistRequest.text(vendor: "Helix", items: [item]) == """
                Hello Helix,

                We could not use binary.csv: file is an XLSX workbook, not csv as the feed declares; the file may be cut off. Please fix it and send it again.

                Thank you.
                """)
    }

    @Test func longListsOfProblemsAreShortened() {
        let items = (1...7).map { Self.item(.missingValue, field: "F\($0)", rows: [$0]) }
        let text = WorklistRequest.text(vendor: "ACME", items: items)
        #expect(
            text.contains(
                "(acme_scorecard_2026-10.csv): 'F1' is missing on row 1; 'F2' is missing on row 2; 'F3' is missing on row 3; 'F4' is missing on row 4; 'F5' is missing on row 5; and 2 more problems listed in the worklist."
            ))
        #expect(WorklistRequest.shortened(["a", "b", "c"], total: 10) == "a, b, c and 7 more")
        #expect(WorklistRequest.shortened(["a"], total: 1) == "a")
    }

    @Test func collectorKeepsCountsAndOnlyTheFirstExamples() throws {
        var collector = WorklistCollector(feeds: [Self.queueFeed], contracts: [])
        for line in 2...6 { collector.add(Self.rejected(line: line), feed: Self.queueFeed.name) }
        let items = collector.items
        #expect(items.count == 1)
        #expect(items.first?.count == 5)
        #expect(items.first?.examples.map(\.place) == ["Inbox/c.csv:2", "Inbox/c.csv:3", "Inbox/c.csv:4"])
        #expect(items.first?.field == "Queue")
        #expect(items.first?.period == "")
        #expect(WorklistWriter.places(try #require(items.first)) == "Inbox/c.csv:2; Inbox/c.csv:3; Inbox/c.csv:4; …")
    }

    static let queueFeed = FeedSpec(
        name: "corvia-interactions", vendor: .constant("Corvia"), files: ["c*.csv"],
        fields: [FieldSpec(name: "queue", kind: .text)], declaredAt: RulesLocation(file: "r.yaml", line: 1, column: 1))

    /// A rejected record of `queueFeed` whose queue is wrong, under the header `header`.
    static func rejected(line: Int, header: String = "Queue", rule: String = "required") -> ValidatedRecord {
        let finding = Finding(
            severity: .error, ruleID: rule, feed: queueFeed.name, vendor: "Corvia",
            location: SourceLocation(file: "Inbox/c.csv", line: line, column: 1, record: line - 1, field: header),
            field: "queue", rawValue: "", message: "field 'queue' is empty")
        return ValidatedRecord(
            raw: RawRecord(number: line - 1, line: line, fields: []), rawValues: [""], columns: [1], values: [nil],
            outcomes: [.null], vendor: "Corvia", findings: [finding])
    }

    @Test func groupsPastTheLimitAreMergedNotKept() {
        var collector = WorklistCollector(feeds: [Self.queueFeed], contracts: [], maxGroups: 3)
        for index in 0..<8 {
            collector.add(Self.rejected(line: index + 2, header: "Queue \(index)"), feed: Self.queueFeed.name)
        }
        let items = collector.items
        #expect(items.map(\.field) == ["Queue 0", "Queue 1", "Queue 2", WorklistCollector.otherFields])
        let other = items.first { $0.field == WorklistCollector.otherFields }
        #expect(other?.count == 5)
        #expect(other?.examples.count == WorklistCollector.examplesPerGroup)
    }

    @Test func aWithdrawnFileLeavesNothingInTheWorklist() throws {
        try withTemporaryFolder { folder in
            for sub in ["clean", "rejected"] {
                try FileManager.default.createDirectory(
                    at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
            }
            let outputs = try RunOutputs(folder: folder, feeds: [Self.queueFeed], leadingLimit: 0)
            try outputs.write(Self.rejected(line: 2), feed: Self.queueFeed.name, file: "Inbox/a.csv")
            let before = outputs.checkpoint(feed: Self.queueFeed.name)
            try outputs.write(Self.rejected(line: 3), feed: Self.queueFeed.name, file: "Inbox/b.csv")
            #expect(outputs.worklist.items.map(\.count) == [2])
            try outputs.rollback(to: before, feed: Self.queueFeed.name)
            #expect(outputs.worklist.items.map(\.count) == [1])
            try outputs.close()
        }
    }

    @Test func sampleWorklist() throws {
        try withTemporaryFolder { work in
            let run = try runSample(in: work)
            let csv = try contents(run.appendingPathComponent("worklist.csv"))
            #expect(
                csv.contains(
                    """
                    ACME,,,request,,,,,"Hello ACME,

                    Please send the 2026-09 acme-scorecard, which was due on 2026-10-05 and has not arrived.
                    Please resend the 2026-10 acme-scorecard (acme_scorecard_2026-10.csv): 'Abandon Rate' is missing on row 6; 'KPI' is not valid on row 8 ('Quality Score'); and 'Customer Satisfaction' is not valid on row 9 ('4.l').
                    Please send the 2026-10 value of Abandonment Rate, which is missing.

                    Thank you."
                    ACME,acme-scorecard,2026-09,missing-submission,,1,,,due on 2026-10-05 (grace until 2026-10-07); not received
                    ACME,acme-scorecard,2026-10,missing-value,Abandon Rate,1,Inbox/acme_scorecard_2026-10.csv:6,N/A,
                    """))
            #expect(
                csv.contains(
                    "Please resend the 2026-10 nimbus-kpis (nimbus_kpi_2026-10.xml): 'Mean Time to Resolve' is not valid on record 3 ('<n/a>')."
                ))
            let book = run.appendingPathComponent("worklist.xlsx")
            let workbook = try xlsxPart("xl/workbook.xml", of: book)
            #expect(
                workbook.contains(
                    "<sheet name=\"Requests\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Worklist\" sheetId=\"2\" r:id=\"rId2\"/>"
                ))
            let requests = try xlsxPart("xl/worksheets/sheet1.xml", of: book)
            #expect(
                requests.contains("<c r=\"B2\" s=\"2\" t=\"inlineStr\"><is><t>Hello ACME,\n\nPlease send the 2026-09"))
            #expect(requests.contains("<col min=\"2\" max=\"2\" width=\"100.7109375\" style=\"2\" customWidth=\"1\"/>"))
            let styles = try xlsxPart("xl/styles.xml", of: book)
            #expect(styles.contains("<alignment vertical=\"top\" wrapText=\"1\"/>"))
            let items = try xlsxPart("xl/worksheets/sheet2.xml", of: book)
            let first = try #require(xlsxRow(2, in: items))
            #expect(first.contains("<c r=\"D2\" t=\"inlineStr\"><is><t>missing-submission</t></is></c>"))
            #expect(first.contains("<c r=\"F2\" s=\"3\"><v>1</v></c>"))
            #expect(
                items.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
            #expect(items.contains("<autoFilter ref=\"A1:I"))
        }
    }

    @Test func hostileValuesStayInert() throws {
        try withTemporaryFolder { folder in
            let hostile = "=HYPERLINK(\"http://evil.test\",\"click\")"
            let item = WorklistItem(
                vendor: "@Vendor", feed: "f", period: "2026-10", problem: .invalidValue, field: "+Queue", count: 1,
                examples: [WorklistExample(file: "Inbox/f.csv", line: 3, value: hostile)])
            let worklist = Worklist(vendors: [
                Worklist.Vendor(
                    name: "@Vendor", items: [item], request: WorklistRequest.text(vendor: "@Vendor", items: [item]))
            ])
            try WorklistWriter.write(worklist, to: folder, created: ScenarioTests.clock)
            let csv = try contents(folder.appendingPathComponent("worklist.csv"))
            #expect(
                csv.contains(
                    "'@Vendor,f,2026-10,invalid-value,'+Queue,1,Inbox/f.csv:3,\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"click\"\")\","
                ))
            let sheet = try xlsxPart("xl/worksheets/sheet2.xml", of: folder.appendingPathComponent("worklist.xlsx"))
            #expect(sheet.contains("<c r=\"A2\" t=\"inlineStr\"><is><t>@Vendor</t></is></c>"))
            #expect(sheet.contains("<c r=\"E2\" t=\"inlineStr\"><is><t>+Queue</t></is></c>"))
            #expect(sheet.contains("<c r=\"H2\" t=\"inlineStr\"><is><t>\(hostile)</t></is></c>"))
            #expect(!sheet.contains("<f>"), "no cell is a formula")
        }
    }
}
