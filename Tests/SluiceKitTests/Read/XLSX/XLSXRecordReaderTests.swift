import Foundation
import Testing

@testable import SluiceKit

extension ReadTests {
    @Suite struct XLSXRecordReaderTests {
        static let scorecardHeader = [
            "Vendor", "Queue", "Calls", "Service Level", "Escalated", "Period Start", "column 7", "Notes",
        ]

        @Test func scorecardValuesOfEveryCellType() throws {
            let (reader, records) = try XLSXFixtures.readAll(
                "scorecard-shared-strings.xlsx", options: XLSXOptions(skipRows: 2, dropRowsMatching: "^Total"))
            #expect(reader.sheetName == "Scorecard")
            #expect(reader.header == Self.scorecardHeader)
            #expect(reader.fixedHeader == Self.scorecardHeader)
            #expect(reader.headerLine == 3)
            #expect(reader.droppedRows == [7])
            #expect(records.map(\.number) == [1, 2])
            #expect(records.map(\.line) == [4, 5])
            #expect(
                records.map(\.values) == [
                    ["Acme", "Billing", "1234", "92.5", "true", "2025-10-01", "", "P&L <check>"],
                    [
                        "Acme", "Tech, L2", "45", "0.30000000000000004", "false", "2025-10-02T12:00:00", "2025-10-03",
                        "#N/A",
                    ],
                ])
            #expect(records[0].fields.map(\.key) == Self.scorecardHeader)
            #expect(records[0].fields.map(\.column) == Array(1...8))
            #expect(records[0].fields.map(\.line) == Array(repeating: 4, count: 8))
            #expect(
                records[1].fields.map(\.path) == [
                    "Scorecard!A5", "Scorecard!B5", "Scorecard!C5", "Scorecard!D5", "Scorecard!E5", "Scorecard!F5",
                    "Scorecard!G5", "Scorecard!H5",
                ])
            #expect(records.allSatisfy { $0.problems.isEmpty })
        }

        @Test(arguments: [
            (XLSXOptions(skipRows: 2, dropLastRows: 1), [4, 5], [7]),
            (XLSXOptions(skipRows: 2, dropLastRows: 2), [4], [5, 7]),
            (XLSXOptions(skipRows: 1), [4, 5, 7], []),
            (XLSXOptions(skipRows: 2, dropLastRows: 1, dropRowsMatching: "^Acme"), [Int](), [4, 5, 7]),
        ])
        func titleAndTotalRows(options: XLSXOptions, lines: [Int], dropped: [Int]) throws {
            let (reader, records) = try XLSXFixtures.readAll("scorecard-shared-strings.xlsx", options: options)
            #expect(reader.header == Self.scorecardHeader)
            #expect(reader.headerLine == 3)
            #expect(records.map(\.line) == lines)
            #expect(records.map(\.number) == lines.indices.map { $0 + 1 })
            #expect(reader.droppedRows == dropped)
        }

        @Test func withoutSkipRowsTheTitleIsTheHeader() throws {
            let (reader, records) = try XLSXFixtures.readAll("scorecard-shared-strings.xlsx")
            #expect(reader.header == ["Acme BPO scorecard, October 2025"])
            #expect(reader.headerLine == 1)
            #expect(records.map(\.line) == [3, 4, 5, 7])
            #expect(records[1].problems.map(\.ruleID) == ["ragged-row"])
        }

        @Test(arguments: [XLSXOptions(sheet: "Data"), XLSXOptions(sheet: "data"), XLSXOptions(sheetIndex: 2)])
        func chooseSheetByNameOrPosition(options: XLSXOptions) throws {
            let (reader, records) = try XLSXFixtures.readAll("two-sheets.xlsx", options: options)
            #expect(reader.sheetName == "Data")
            #expect(reader.header == ["kpi", "value"])
            #expect(records.map(\.values) == [["aht", "312"]])
            #expect(records[0].fields.map(\.path) == ["Data!A2", "Data!B2"])
        }

        @Test func firstSheetByDefault() throws {
            let (reader, records) = try XLSXFixtures.readAll("two-sheets.xlsx")
            #expect(reader.sheetName == "Sheet1")
            #expect(reader.header == ["summary"])
            #expect(records.isEmpty)
        }

        @Test func sparseRowsHaveEmptyValuesNotMissingOnes() throws {
            let (reader, records) = try XLSXFixtures.readAll("sparse-row.xlsx")
            #expect(reader.header == ["a", "b", "c", "d"])
            #expect(records.map(\.values) == [["1", "", "", "4"], ["", "", "3", ""], ["5", "", "7", ""]])
            #expect(records.map(\.line) == [2, 3, 4])
            #expect(records[2].fields.map(\.path) == ["Sparse!A4", "Sparse!B4", "Sparse!C4", "Sparse!D4"])
            #expect(records[0].problems.isEmpty)
            #expect(records[2].problems.isEmpty)
            #expect(
                records[1].problems == [
                    ReadProblem(
                        ruleID: "ragged-row", line: 3, column: 6, rawValue: "extra",
                        message: "row has a value in cell F3, right of the header's last column (4 columns)",
                        hint: "add the missing header cells, or remove the stray values")
                ])
        }

        @Test func date1904System() throws {
            let (reader, records) = try XLSXFixtures.readAll("date1904.xlsx")
            #expect(reader.header == ["day", "at", "time", "handled"])
            #expect(records.map(\.values) == [["2025-10-01", "2025-10-01T18:00:00", "12:00:00", "36:00:00"]])
        }

        @Test(arguments: [64, 1000, 4096, 256 << 10])
        func chunkBoundariesDoNotChangeRecords(chunkSize: Int) throws {
            let (reader, records) = try XLSXFixtures.readAll("many-rows.xlsx", chunkSize: chunkSize)
            #expect(reader.header == ["n", "label"])
            #expect(records.count == 3000)
            #expect(records.map(\.number) == Array(1...3000))
            #expect(records.map(\.line) == Array(2...3001))
            #expect(records.allSatisfy { $0.values == [String($0.number), "row & \($0.number)"] })
            #expect(records.last?.fields.map(\.path) == ["Big!A3001", "Big!B3001"])
        }

        @Test func droppingAReaderEarlyStopsItsInflatingThread() throws {
            for _ in 0..<20 {
                var reader = try XLSXRecordReader(
                    url: XLSXFixtures.url("many-rows.xlsx"), displayPath: "many-rows.xlsx", options: XLSXOptions(),
                    limits: XLSXLimits(), chunkSize: 512)
                #expect(try reader.next()?.values == ["1", "row & 1"])
            }
        }

        @Test func readsThroughTheRecordReaderProtocol() throws {
            var reader: any RecordReader = try XLSXRecordReader(
                url: XLSXFixtures.url("two-sheets.xlsx"), displayPath: "two-sheets.xlsx",
                options: XLSXOptions(sheet: "Data"))
            #expect(reader.fixedHeader == ["kpi", "value"])
            #expect(reader.headerLine == 1)
            #expect(try reader.next()?.line == 2)
            #expect(try reader.next() == nil)
            #expect(reader.droppedRows.isEmpty)
        }
    }
}
