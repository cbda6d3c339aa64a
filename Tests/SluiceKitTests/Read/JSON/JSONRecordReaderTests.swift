import Foundation
import Testing

@testable import SluiceKit

extension ReadTests {
    @Suite struct JSONRecordReaderTests {
        @Test func serviceNowRecordsAreFlattenedWithPointers() throws {
            let records = try JSONFixtures.read("servicenow-records.json", path: "records")
            #expect(records.map(\.number) == [1, 2])
            #expect(records.map(\.line) == [3, 9])
            let first = records[0]
            #expect(
                first.keys == ["u_vendor.display_value", "u_vendor.value", "u_period", "u_service_level", "u_calls"])
            #expect(first.values == ["ACME", "a1b2", "2026-10", "92.50", "1200"])
            #expect(first.fields.map(\.column) == [1, 2, 3, 4, 5])
            #expect(first.fields.map(\.line) == [4, 4, 5, 6, 7])
            #expect(
                first.fields.map(\.path) == [
                    "/records/0/u_vendor/display_value", "/records/0/u_vendor/value", "/records/0/u_period",
                    "/records/0/u_service_level", "/records/0/u_calls",
                ])
            #expect(records[1].values == ["Globex", "c3d4", "2026-10", nil, "0"])
            #expect(records[1].fields[3].path == "/records/1/u_service_level")
            #expect(records.allSatisfy { $0.problems.isEmpty })
        }

        @Test func nestedRecordsPathSkipsSiblingsBeforeAndAfter() throws {
            let records = try JSONFixtures.read("data-items-with-siblings.json", path: "data.items")
            #expect(records.map(\.number) == [1, 2])
            #expect(records.map(\.line) == [4, 5])
            #expect(records.map(\.values) == [["ACME", "10"], ["Initech", "20"]])
            #expect(records[1].keys == ["vendor", "calls"])
            #expect(records[1].fields.map(\.path) == ["/data/items/1/vendor", "/data/items/1/calls"])
        }

        @Test func topLevelArrayOfMetricObjects() throws {
            let records = try JSONFixtures.read("metric-arrays-top-level.json")
            #expect(records.count == 1)
            let record = records[0]
            #expect(record.line == 2)
            #expect(
                record.keys == [
                    "vendor", "period", "metrics.0.name", "metrics.0.value", "metrics.1.name", "metrics.1.value",
                    "tags.0", "tags.1", "ok", "late", "note", "numbers.0", "numbers.1", "numbers.2", "numbers.3",
                ])
            #expect(
                record.values == [
                    "ACME", "2026-10", "service_level", "92.50", "aht", "312", "gold", "24x7", "true", "false", nil,
                    "-0.0", "1e3", "2.5E-7", "10",
                ])
            #expect(record.fields.map(\.line) == [2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5])
            #expect(record.fields.map(\.column) == Array(1...15))
            #expect(record.fields[3].path == "/0/metrics/0/value")
            #expect(record.fields[7].path == "/0/tags/1")
        }

        @Test func unicodeEscapesAndPointerEscaping() throws {
            let records = try JSONFixtures.read("unicode-escapes.json")
            #expect(records.map(\.values) == [["Café 😀", "Zoë 😀", "q\"b\\s/n\nt\tuA", "1"]])
            #expect(records[0].keys == ["name", "plain", "escapes", "a/b~c"])
            #expect(records[0].fields.map(\.path) == ["/0/name", "/0/plain", "/0/escapes", "/0/a~1b~0c"])
        }

        @Test func loneSurrogatesBecomeReplacementCharactersWithAProblem() throws {
            let records = try JSONFixtures.read("lone-surrogate.json")
            #expect(records.map(\.values) == [["cut \u{FFFD}", "\u{FFFD} y"]])
            let problems = records[0].problems
            #expect(problems.map(\.ruleID) == ["invalid-encoding", "invalid-encoding"])
            #expect(problems.map(\.column) == [1, 2])
            #expect(problems.map(\.line) == [1, 1])
            #expect(problems[0].rawValue == "cut \u{FFFD}")
        }

        @Test func ndjsonSkipsBlankLinesAndHandlesCRLF() throws {
            let records = try JSONFixtures.read("crlf-blank-lines.ndjson", lines: true)
            #expect(records.map(\.number) == [1, 2])
            #expect(records.map(\.line) == [1, 4])
            #expect(records.map(\.values) == [["ACME", "10"], ["Globex", "92.50"]])
            #expect(records[1].keys == ["vendor", "m.sl"])
            #expect(records[1].fields.map(\.path) == ["/vendor", "/m/sl"])
            #expect(records[1].fields.map(\.line) == [4, 4])
        }

        @Test func byteOrderMarkIsSkipped() throws {
            let records = try JSONFixtures.read("bom-utf8.json")
            #expect(records.map(\.values) == [["1"]])
        }

        @Test func emptyArrayHasNoRecordsAndEmptyObjectNoFields() throws {
            let none = try JSONFixtures.read(
                url: temporaryFile(Array(#"{"records": []}"#.utf8)), displayPath: "a", path: "records")
            #expect(none.isEmpty)
            let empty = try JSONFixtures.read(url: temporaryFile(Array("[{}, {\"a\": {}}]".utf8)), displayPath: "b")
            #expect(empty.map(\.number) == [1, 2])
            #expect(empty.map(\.fields.count) == [0, 0])
        }

        @Test func readerConformsToRecordReader() throws {
            let url = JSONFixtures.url("servicenow-records.json")
            let reader: any RecordReader = try JSONRecordReader(
                url: url, displayPath: "x.json", options: JSONOptions(recordsPath: "records"), lines: false)
            #expect(reader.fixedHeader == nil)
            #expect(reader.headerLine == 0)
            #expect(reader.droppedRows == [])
        }
    }
}
