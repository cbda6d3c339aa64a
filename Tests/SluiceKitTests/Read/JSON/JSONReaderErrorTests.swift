import Foundation
import Testing

@testable import SluiceKit

/// One input that makes the whole file unusable, and the exact message.
struct JSONErrorCase: Sendable, CustomTestStringConvertible {
    /// A fixture under `Fixtures/json/`, or nil to use `content`.
    var fixture: String?
    var content: String = ""
    var path: String = ""
    var lines: Bool = false
    var message: String

    var testDescription: String { fixture ?? String(content.prefix(40)).debugDescription }
}

extension ReadTests {
    @Suite struct JSONReaderErrorTests {
        static let cases: [JSONErrorCase] = [
            JSONErrorCase(fixture: "empty.json", message: "file is empty"),
            JSONErrorCase(fixture: "binary-gzip.json", message: "file looks binary: NUL byte at offset 3"),
            JSONErrorCase(
                fixture: "truncated-upload.json", path: "records",
                message: "invalid JSON at line 3, column 18: the file ends inside a string; the file may be cut off"),
            JSONErrorCase(
                fixture: "missing-comma.json",
                message: "invalid JSON at line 3, column 17: expected ',' or '}' after an object member"),
            JSONErrorCase(
                fixture: "string-record.json", path: "records",
                message: "record 4 at line 9 is a string, not an object"),
            JSONErrorCase(
                fixture: "trailing-garbage.json",
                message: "invalid JSON at line 1, column 12: unexpected 'x' after the end of the JSON document"),
            JSONErrorCase(
                fixture: "duplicate-records-key.json", path: "records",
                message: "key 'records' appears more than once in the top level at line 2; "
                    + "only one records array is allowed"),
            JSONErrorCase(
                content: #"{"records": [{"a": 1}, {"b": "#, path: "records",
                message: "invalid JSON at line 1, column 30: the file ends inside the object opened at line 1, "
                    + "column 24; the file may be cut off"),
            JSONErrorCase(
                content: #"{"meta": {}, "result": [1]}"#, path: "data.items",
                message: "no array at 'data.items'; the top level has keys: 'meta', 'result'"),
            JSONErrorCase(
                content: #"{"data": {}}"#, path: "data.items",
                message: "no array at 'data.items'; 'data' has no keys"),
            JSONErrorCase(
                content: #"{"data": [1]}"#, path: "data.items",
                message: "no array at 'data.items'; 'data' is an array, not an object"),
            JSONErrorCase(
                content: #"["a"]"#, path: "records",
                message: "no array at 'records'; the top level is an array, not an object"),
            JSONErrorCase(
                content: #"{"data": {"items": {"a": 1}}}"#, path: "data.items",
                message: "'data.items' is an object, not an array of records"),
            JSONErrorCase(
                content: #"{"records": []}"#,
                message: "no array at the top level; the top level is an object with keys: 'records'; "
                    + "set the records path to the key of the array"),
            JSONErrorCase(content: "42", message: "no array at the top level; the top level is a number"),
            JSONErrorCase(
                content: " \n\t",
                message: "invalid JSON at line 2, column 2: the file holds only whitespace, no JSON value"),
            JSONErrorCase(
                content: #"[{"a": 012}]"#,
                message: "invalid JSON at line 1, column 9: leading zeros are not allowed in a number"),
            JSONErrorCase(
                content: #"[{"a": .5}]"#, message: "invalid JSON at line 1, column 8: unexpected '.'; expected a value"),
            JSONErrorCase(
                content: #"[{"a": 1,}]"#,
                message: "invalid JSON at line 1, column 10: unexpected '}' after ','; trailing commas are not allowed"),
            JSONErrorCase(
                content: "[" + String(repeating: #"{"a": ["#, count: 300),
                message: "invalid JSON at line 1, column 1793: nesting deeper than 512 levels"),
            JSONErrorCase(
                content: "[1, 2]", message: "record 1 at line 1 is a number, not an object"),
            JSONErrorCase(
                content: "{\"a\": 1}\n\n{\"a\": 2,}\n", lines: true,
                message: "invalid JSON at line 3, column 9: unexpected '}' after ','; trailing commas are not allowed"),
            JSONErrorCase(
                content: "{\"a\": 1}\n[2]\n", lines: true, message: "record 2 at line 2 is an array, not an object"),
            JSONErrorCase(
                content: "{\"a\":\n1}\n", lines: true,
                message: "invalid JSON at line 1, column 6: the line ends before its JSON value is complete; "
                    + "each line must hold one whole object"),
            JSONErrorCase(
                content: "{\"a\": 1} {\"b\": 2}\n", lines: true,
                message: "invalid JSON at line 1, column 10: unexpected '{' after the value; "
                    + "each line must hold one JSON object"),
            JSONErrorCase(
                content: "{\"a\": 1}\n", path: "records", lines: true,
                message: "records path 'records' does not apply to NDJSON: each line is a record"),
        ]

        @Test(arguments: cases)
        func fileIsUnusable(_ errorCase: JSONErrorCase) throws {
            let url =
                if let fixture = errorCase.fixture {
                    JSONFixtures.url("\(fixture)")
                } else {
                    try temporaryFile(Array(errorCase.content.utf8), name: "input.json")
                }
            let message = JSONFixtures.errorMessage(
                url: url, displayPath: "Inbox/x.json", path: errorCase.path, lines: errorCase.lines)
            #expect(message == errorCase.message)
        }

        @Test func invalidUTF8IsNamed() throws {
            let url = try temporaryFile(Array(#"[{"a": ""#.utf8) + [0xFF] + Array(#""}]"#.utf8), name: "input.json")
            #expect(
                JSONFixtures.errorMessage(url: url, displayPath: "Inbox/x.json")
                    == "invalid JSON at line 1, column 9: invalid UTF-8 byte 0xFF in a string")
        }
    }
}
