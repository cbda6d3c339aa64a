import Foundation
import Testing

@testable import SluiceKit

extension ReadTests {
    @Suite struct CSVRecordReaderTests {
        @Test func bomCRLF() throws {
            let (reader, records) = try ReadFixtures.readAll("csv/bom-crlf.csv")
            #expect(reader.header == ["vendor", "queue", "calls"])
            #expect(reader.headerLine == 1)
            #expect(reader.encoding == ResolvedEncoding(form: .utf8, fromByteOrderMark: true))
            #expect(reader.detectedDelimiter == UInt8(ascii: ","))
            #expect(records.map(\.number) == [1, 2])
            #expect(records.map(\.line) == [2, 3])
            #expect(records.map(\.values) == [["Acme", "Billing", "120"], ["Acme", "Tech, L2", "45"]])
            #expect(records[1].fields.map(\.key) == ["vendor", "queue", "calls"])
            #expect(records[1].fields.map(\.column) == [1, 2, 3])
            #expect(records.allSatisfy { $0.problems.isEmpty })
        }

        @Test(arguments: [
            (CSVOptions(delimiter: nil, skipLines: 2, dropRowsMatching: "^Total"), [[2, 4], [3, 5]], [7]),
            (CSVOptions(delimiter: nil, skipLines: 2, dropLastRows: 1), [[2, 4], [3, 5]], [7]),
            (CSVOptions(delimiter: nil, skipLines: 2, dropLastRows: 2), [[2, 4]], [5, 7]),
            (CSVOptions(delimiter: nil, skipLines: 2), [[2, 4], [3, 5], [4, 7]], []),
        ])
        func titleAndTotalRows(options: CSVOptions, expectedLines: [[Int]], dropped: [Int]) throws {
            let (reader, records) = try ReadFixtures.readAll("csv/semicolon-title-total.csv", options: options)
            #expect(reader.detectedDelimiter == UInt8(ascii: ";"))
            #expect(reader.header == ["Vendor", "Queue", "Calls"])
            #expect(reader.headerLine == 3)
            #expect(records.map(\.number) == expectedLines.indices.map { $0 + 1 })
            #expect(records.map(\.line) == expectedLines.map { $0[1] })
            #expect(reader.droppedRows == dropped)
            #expect(records.first?.values == ["Acme", "Billing", "120"])
        }

        @Test func quotedNewlinesKeepTheirLines() throws {
            let (_, records) = try ReadFixtures.readAll("csv/quoted-newlines.csv")
            #expect(
                records.map(\.values) == [
                    ["1", "first line\nsecond line", "5"], ["2", "say \"hi\"", "6"],
                    ["3", "multi\r\nline\r\ncrlf", "7"],
                    ["4", "x", "8"],
                ])
            #expect(records.map(\.line) == [2, 4, 5, 8])
            #expect(records.map { $0.fields.map(\.line) } == [[2, 2, 3], [4, 4, 4], [5, 5, 7], [8, 8, 8]])
        }

        @Test func loneCarriageReturnEndsALine() throws {
            let (reader, records) = try ReadFixtures.readAll("csv/cr-only.csv")
            #expect(reader.header == ["a", "b"])
            #expect(records.map(\.values) == [["1", "2"], ["3", "4"]])
            #expect(records.map(\.line) == [2, 4])
            #expect(records.map(\.number) == [1, 2])
        }

        @Test func raggedRowsAreReportedNotDropped() throws {
            let (_, records) = try ReadFixtures.readAll("csv/ragged.csv")
            #expect(records.map(\.values) == [["1", "2", nil], ["1", "2", "3"], ["x", "y", "z"]])
            #expect(
                records[0].problems == [
                    ReadProblem(
                        ruleID: "ragged-row", line: 2, column: 3, message: "row has 2 values; the header has 3 columns",
                        hint: "check for a missing delimiter or a line break inside an unquoted value")
                ])
            #expect(
                records[1].problems == [
                    ReadProblem(
                        ruleID: "ragged-row", line: 3, column: 4, rawValue: "4,5",
                        message: "row has 5 values; the header has 3 columns",
                        hint: "quote values that contain the delimiter, or add the missing header cells")
                ])
            #expect(records[2].problems.isEmpty)
            #expect(records[0].fields[2] == RawField(key: "c", value: nil, column: 3, line: 2))
        }

        @Test func windows1252Declared() throws {
            let options = CSVOptions(encoding: .windows1252)
            let (reader, records) = try ReadFixtures.readAll("csv/windows-1252.csv", options: options)
            #expect(reader.encoding.description == "windows-1252 (declared)")
            #expect(records.map(\.values) == [["Café", "€10"], ["Bad\u{FFFD}", "1"]])
            #expect(records[0].problems.isEmpty)
            #expect(
                records[1].problems == [
                    ReadProblem(
                        ruleID: "invalid-encoding", line: 3, column: 1, rawValue: "Bad\\xFF",
                        message: "value has bytes that are not valid windows-1252",
                        hint: "check the encoding declared in the feed or ask the vendor for UTF-8")
                ])
        }

        @Test func windows1252ReadAsUTF8ShowsEveryBadByte() throws {
            let (_, records) = try ReadFixtures.readAll("csv/windows-1252.csv")
            #expect(records[0].values == ["Caf\u{FFFD}", "\u{FFFD}10"])
            #expect(records[0].problems.map(\.rawValue) == ["Caf\\xE9", "\\x8010"])
            #expect(records[0].problems.map(\.column) == [1, 2])
        }

        @Test func utf16ByteOrderMarkWinsOverTheDeclaredEncoding() throws {
            let (reader, records) = try ReadFixtures.readAll("csv/utf16le-bom.csv", options: CSVOptions(delimiter: nil))
            #expect(reader.encoding == ResolvedEncoding(form: .utf16LittleEndian, fromByteOrderMark: true))
            #expect(reader.detectedDelimiter == UInt8(ascii: ";"))
            #expect(reader.header == ["name", "city"])
            #expect(records.map(\.values) == [["Zoë", "Zürich"], ["😀", "x"]])
            #expect(records.map(\.line) == [2, 3])
        }

        @Test func invalidUTF8() throws {
            let (_, records) = try ReadFixtures.readAll("csv/invalid-utf8.csv")
            #expect(records.map(\.values) == [["1", "Jos\u{FFFD}"], ["2", "ok"]])
            #expect(
                records[0].problems == [
                    ReadProblem(
                        ruleID: "invalid-encoding", line: 2, column: 2, rawValue: "Jos\\xE9",
                        message: "value has bytes that are not valid utf-8",
                        hint:
                            "declare the file's encoding in the feed (encoding: windows-1252) or ask the vendor for UTF-8"
                    )
                ])
        }

        @Test func blankAndEmptyRowsAreNotRecords() throws {
            let (reader, records) = try ReadFixtures.readAll(
                "csv/blank-trailing-rows.csv", options: CSVOptions(delimiter: nil))
            #expect(reader.detectedDelimiter == UInt8(ascii: ";"))
            #expect(records.map(\.values) == [["1", "2", "3"]])
            #expect(reader.droppedRows.isEmpty)
        }

        @Test func headerCellsAreTrimmedAndNamed() throws {
            let (reader, records) = try ReadFixtures.readAll("csv/header-gaps.csv")
            #expect(reader.header == ["Vendor", "column 2", "queue"])
            #expect(reader.headerLine == 3)
            #expect(records.map(\.line) == [4])
            #expect(records[0].fields.map(\.key) == ["Vendor", "column 2", "queue"])
        }

        @Test(arguments: [
            ("csv/empty.csv", CSVOptions(), "file is empty"),
            ("csv/binary.csv", CSVOptions(), "file looks binary: NUL byte at offset 4"),
            ("csv/blank-only.csv", CSVOptions(), "no header row: the file has only blank lines"),
            (
                "csv/blank-only.csv", CSVOptions(skipLines: 1),
                "no header row after the 1 skipped lines: the file has only blank lines"
            ),
            (
                "csv/unterminated-quote.csv", CSVOptions(),
                "quoted field opened at line 3, column 2 is never closed; the file may be truncated"
            ),
            ("csv/no-such-file.csv", CSVOptions(), "cannot open file: no such file or directory"),
            ("csv", CSVOptions(), "cannot read file: is a directory"),
            (
                "csv/bom-crlf.csv", CSVOptions(dropRowsMatching: "(unclosed"),
                "drop-rows pattern '(unclosed' is not a valid regular expression"
            ),
        ])
        func fatalErrors(fixture: String, options: CSVOptions, message: String) {
            let error = ReadFixtures.readError(fixture, options: options)
            #expect(error == ReadError(path: fixture, message: message))
        }

        @Test func dropPatternLooksAtTheFirstNonEmptyValue() throws {
            let url = try temporaryFile(Array("a,b,c\n1,2,3\n, Total ,9\nTotals,x,y\n".utf8))
            let options = CSVOptions(dropRowsMatching: "^Total$")
            let (reader, records) = try ReadFixtures.readAll(url: url, displayPath: "x.csv", options: options)
            #expect(records.map(\.values) == [["1", "2", "3"], ["Totals", "x", "y"]])
            #expect(records.map(\.number) == [1, 2])
            #expect(reader.droppedRows == [3])
        }

        @Test func iso88591Declared() throws {
            let url = try temporaryFile([0x6E, 0x0A, 0xE9, 0x80, 0x0A])
            let (reader, records) = try ReadFixtures.readAll(
                url: url, displayPath: "x.csv", options: CSVOptions(encoding: .iso88591))
            #expect(reader.encoding.description == "iso-8859-1 (declared)")
            #expect(records.map(\.values) == [["é\u{80}"]])
            #expect(records[0].problems.isEmpty)
        }

        @Test func loneSurrogateInUTF16IsReportedWhereItIs() throws {
            // "a,b\n1,<lone high surrogate>x\n" in UTF-16 little-endian with a byte order mark.
            let units: [UInt16] = [0x61, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0xD800, 0x78, 0x0A]
            let url = try temporaryFile([0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            let (_, records) = try ReadFixtures.readAll(url: url, displayPath: "x.csv")
            #expect(records.map(\.values) == [["1", "\u{FFFD}x"]])
            #expect(
                records[0].problems == [
                    ReadProblem(
                        ruleID: "invalid-encoding", line: 2, column: 2, rawValue: "\\xFFx",
                        message: "value has bytes that are not valid utf-16le",
                        hint: "check the encoding declared in the feed or ask the vendor for UTF-8")
                ])
        }

        @Test func errorDescriptionNamesThePath() {
            #expect(
                ReadError(path: "Inbox/a.csv", message: "file is empty").description == "Inbox/a.csv: file is empty")
        }

        @Test func nulBytesAreFineInUTF16() throws {
            let url = try temporaryFile(Array("a,b\r\n1,2\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
            let (reader, records) = try ReadFixtures.readAll(
                url: url, displayPath: "x.csv", options: CSVOptions(encoding: .utf16))
            #expect(reader.encoding == ResolvedEncoding(form: .utf16LittleEndian, fromByteOrderMark: false))
            #expect(records.map(\.values) == [["1", "2"]])
        }
    }
}
