import Foundation
import Testing

@testable import SluiceKit

extension ReadTests {
    /// Members of a flat record read at once (`JSONTokenizer.nextPlainMember`) give the same
    /// fields, lines, columns and errors as token by token: chunks of one byte never hold a
    /// whole member, so they take the token-by-token way throughout.
    @Suite struct JSONPlainMemberTests {
        static let document =
            "[\n  {\"a\": \"x\",  \"b\" :\ttrue,\r\n   \"c\":null, \"d\": \"y\\u00e9\", \"e\": 12, \"f\": \"caf\u{e9}\"},\n"
            + "  {\"a\":\"z\",\"b\":false, \"n\": {\"m\": \"v\"}}\n]\n"

        @Test func sameRecordsAsTokenByToken() throws {
            let url = try temporaryFile(Array(Self.document.utf8), name: "plain.json")
            defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
            let whole = try JSONFixtures.read(url: url, displayPath: "plain.json")
            let byByte = try JSONFixtures.read(url: url, displayPath: "plain.json", chunkSize: 1)
            #expect(whole.map(\.fields) == byByte.map(\.fields))
            #expect(whole.map(\.line) == [2, 4])
            #expect(whole[0].keys == ["a", "b", "c", "d", "e", "f"])
            #expect(whole[0].fields.map(\.value) == ["x", "true", nil, "y\u{e9}", "12", "caf\u{e9}"])
            #expect(whole[0].fields.map(\.line) == [2, 2, 3, 3, 3, 3])
            #expect(whole[1].fields.map(\.value) == ["z", "false", "v"])
            #expect(whole[1].fields.map(\.path) == ["/1/a", "/1/b", "/1/n/m"])
        }

        /// An error after plain members is reported at the same line and column either way.
        @Test(arguments: [
            (
                "[{\"a\": \"x\",\r\n \"b\": \"y\" \"c\": 1}]",
                "invalid JSON at line 2, column 11: expected ',' or '}' after an object member"
            ),
            ("{\"a\":\"x\",\"b\":nul}\n", "invalid JSON at line 1, column 17: unexpected '}'; expected 'null'"),
        ])
        func sameErrorAsTokenByToken(text: String, message: String) throws {
            let lines = text.hasPrefix("{")
            let url = try temporaryFile(Array(text.utf8), name: "bad.json")
            defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
            for chunkSize in [1, 1 << 20] {
                let error = readErrorMessage(displayPath: "bad.json") {
                    _ = try JSONFixtures.read(url: url, displayPath: "bad.json", lines: lines, chunkSize: chunkSize)
                }
                #expect(error == message, "chunk size \(chunkSize)")
            }
        }
    }
}
