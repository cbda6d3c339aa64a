import Foundation
import Testing

@testable import SluiceKit

extension ReadTests {
    /// Every token can straddle reads: 1..16-byte chunks give exactly the records of 1 MiB reads.
    @Suite struct JSONChunkBoundaryTests {
        static let fixtures: [(String, String, Bool)] = [
            ("servicenow-records.json", "records", false),
            ("data-items-with-siblings.json", "data.items", false),
            ("metric-arrays-top-level.json", "", false),
            ("unicode-escapes.json", "", false),
            ("lone-surrogate.json", "", false),
            ("bom-utf8.json", "", false),
            ("crlf-blank-lines.ndjson", "", true),
        ]

        @Test(arguments: fixtures)
        func tinyChunksGiveTheSameRecords(name: String, path: String, lines: Bool) throws {
            let expected = try JSONFixtures.read(name, path: path, lines: lines)
            #expect(!expected.isEmpty)
            for chunkSize in 1...16 {
                let records = try JSONFixtures.read(name, path: path, lines: lines, chunkSize: chunkSize)
                #expect(records.map(\.number) == expected.map(\.number), "chunk size \(chunkSize)")
                #expect(records.map(\.line) == expected.map(\.line), "chunk size \(chunkSize)")
                #expect(records.map(\.fields) == expected.map(\.fields), "chunk size \(chunkSize)")
                #expect(records.map(\.problems) == expected.map(\.problems), "chunk size \(chunkSize)")
            }
        }

        @Test(arguments: 1...16)
        func errorsAreTheSameInTinyChunks(chunkSize: Int) {
            let url = JSONFixtures.url("missing-comma.json")
            #expect(
                throws: ReadError(
                    path: "m.json",
                    message: "invalid JSON at line 3, column 17: expected ',' or '}' after an object member")
            ) {
                _ = try JSONFixtures.read(url: url, displayPath: "m.json", chunkSize: chunkSize)
            }
        }
    }
}
