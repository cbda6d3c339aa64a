import Foundation
import Testing

@testable import SluiceKit

extension ReadTests {
    /// Tiny buffers put every chunk boundary inside quotes, CR LF pairs, multi-byte characters,
    /// UTF-16 code units and surrogate pairs; the records must not change.
    @Suite struct ChunkBoundaryTests {
        static let text =
            "Title line \"with a stray quote\r\n"
            + "vendor;note;amount\r\n"
            + "Zoë;\"multi\r\nline; with \"\"quotes\"\"\";1,5\r\n"
            + "😀 Ünïcödé;plain;€ 20\r"
            + "\r\n"
            + "Acme;\"\";\"x\"y\n"
            + "last;row;😀"

        /// The file's bytes in each encoding under test.
        static let encodings: [(String, CSVOptions, [UInt8])] = [
            ("utf-8", CSVOptions(delimiter: nil, skipLines: 1), Array(text.utf8)),
            ("utf-8 bom", CSVOptions(delimiter: nil, skipLines: 1), [0xEF, 0xBB, 0xBF] + Array(text.utf8)),
            (
                "utf-16le bom", CSVOptions(delimiter: nil, skipLines: 1),
                [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            ),
            (
                "utf-16be bom", CSVOptions(delimiter: nil, skipLines: 1),
                [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            ),
        ]

        static func snapshot(_ records: [RawRecord]) -> [String] {
            records.map { record in
                "\(record.number)@\(record.line): "
                    + record.fields.map { "\($0.key)=\($0.value ?? "nil")@\($0.line):\($0.column)" }.joined(
                        separator: " | ")
                    + " problems: \(record.problems.map(\.ruleID))"
            }
        }

        @Test(arguments: encodings.map(\.0))
        func sameRecordsWhateverTheBufferSize(encodingName: String) throws {
            let (_, options, bytes) = Self.encodings.first { $0.0 == encodingName }!
            let url = try temporaryFile(bytes)
            let (reference, expected) = try ReadFixtures.readAll(url: url, displayPath: "x.csv", options: options)
            #expect(reference.header == ["vendor", "note", "amount"])
            #expect(reference.headerLine == 2)
            #expect(
                Self.snapshot(expected) == [
                    "1@3: vendor=Zoë@3:1 | note=multi\r\nline; with \"quotes\"@3:2 | amount=1,5@4:3 problems: []",
                    "2@5: vendor=😀 Ünïcödé@5:1 | note=plain@5:2 | amount=€ 20@5:3 problems: []",
                    "3@7: vendor=Acme@7:1 | note=@7:2 | amount=xy@7:3 problems: []",
                    "4@8: vendor=last@8:1 | note=row@8:2 | amount=😀@8:3 problems: []",
                ])
            for size in [4, 5, 6, 7, 8, 11, 13, 64] {
                let (reader, records) = try ReadFixtures.readAll(
                    url: url, displayPath: "x.csv", options: options, bufferSize: size)
                #expect(Self.snapshot(records) == Self.snapshot(expected), "buffer size \(size)")
                #expect(reader.header == reference.header)
                #expect(reader.encoding == reference.encoding)
            }
        }

        /// A file several times the buffer, so the reader refills many times and stays correct.
        @Test func largerThanTheBuffer() throws {
            var text = "id,name,comment\n"
            for i in 1...500 {
                text += "\(i),\"Zoë \(i)\",\"line one\r\nline two, \"\"quoted\"\"\"\n"
            }
            let url = try temporaryFile(Array(text.utf8))
            let (_, records) = try ReadFixtures.readAll(url: url, displayPath: "x.csv", bufferSize: 1000)
            #expect(records.count == 500)
            #expect(records.last?.values == ["500", "Zoë 500", "line one\r\nline two, \"quoted\""])
            #expect(records.last?.line == 2 + 499 * 2)
        }
    }
}
