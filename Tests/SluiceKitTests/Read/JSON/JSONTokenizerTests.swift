import Testing

@testable import SluiceKit

extension ReadTests {
    @Suite struct JSONTokenizerTests {
        /// Every token of `text` with its line, column and text, fed in `chunkSize`-byte chunks.
        static func tokens(_ text: String, chunkSize: Int = 1 << 20) throws -> [String] {
            var tokenizer = JSONTokenizer()
            var result: [String] = []
            func record(_ token: JSONToken) {
                let payload = String(decoding: tokenizer.text, as: UTF8.self)
                let shown = [.key, .string, .number].contains(token) ? "\(token)(\(payload))" : "\(token)"
                result.append("\(tokenizer.tokenLine):\(tokenizer.tokenColumn) \(shown)")
            }
            let bytes = Array(text.utf8)
            try bytes.withUnsafeBufferPointer { buffer in
                var start = 0
                while start < buffer.count {
                    let piece = UnsafeBufferPointer(rebasing: buffer[start..<min(buffer.count, start + chunkSize)])
                    var index = 0
                    while index < piece.count {
                        if let token = try tokenizer.next(in: piece, at: &index) { record(token) }
                    }
                    start += piece.count
                }
            }
            while let token = try tokenizer.finish() { record(token) }
            return result
        }

        @Test func tokensCarryLineAndColumn() throws {
            let expected = [
                "1:1 beginObject", "1:2 key(a)", "1:8 beginArray", "1:9 number(1.5e-3)", "2:2 literalTrue",
                "2:8 null", "2:14 string(é😀)", "2:29 endArray", "2:30 endObject",
            ]
            let text = "{\"a\" : [1.5e-3,\r\n true, null, \"é\\ud83d\\ude00\"]}"
            #expect(try Self.tokens(text) == expected)
            for chunkSize in 1...5 {
                #expect(try Self.tokens(text, chunkSize: chunkSize) == expected)
            }
        }

        @Test func topLevelNumberEndsAtEndOfInput() throws {
            #expect(try Self.tokens("-0") == ["1:1 number(-0)"])
        }

        @Test(arguments: [
            ("01", "invalid JSON at line 1, column 2: leading zeros are not allowed in a number"),
            ("+1", "invalid JSON at line 1, column 1: unexpected '+'; expected a value"),
            ("1.", "invalid JSON at line 1, column 3: the file ends inside a number; the file may be cut off"),
            ("1.e3", "invalid JSON at line 1, column 3: expected a digit after '.', found 'e'"),
            ("1e+", "invalid JSON at line 1, column 4: the file ends inside a number; the file may be cut off"),
            ("-", "invalid JSON at line 1, column 2: the file ends inside a number; the file may be cut off"),
            ("NaN", "invalid JSON at line 1, column 1: unexpected 'N'; expected a value"),
            ("tru", "invalid JSON at line 1, column 4: the file ends inside 'true'; the file may be cut off"),
            ("nul1", "invalid JSON at line 1, column 4: unexpected '1'; expected 'null'"),
            (#""a\x""#, #"invalid JSON at line 1, column 4: invalid escape '\' followed by 'x' in a string"#),
            (#""\u12G4""#, #"invalid JSON at line 1, column 6: invalid \u escape: expected 4 hex digits, found 'G'"#),
            (
                "\"a\tb\"",
                "invalid JSON at line 1, column 3: control character 0x09 inside a string; it must be escaped"
            ),
            ("[1 2]", "invalid JSON at line 1, column 4: expected ',' or ']' after an array element"),
            ("{\"a\" 1}", "invalid JSON at line 1, column 6: expected ':' after an object key"),
            ("{1: 2}", "invalid JSON at line 1, column 2: unexpected '1'; expected a key in double quotes or '}'"),
            ("[1,]", "invalid JSON at line 1, column 4: unexpected ']' after ','; trailing commas are not allowed"),
            (
                "{\"a\"",
                "invalid JSON at line 1, column 5: the file ends inside the object opened at line 1, column 1; "
                    + "the file may be cut off"
            ),
            ("\"abc", "invalid JSON at line 1, column 5: the file ends inside a string; the file may be cut off"),
        ])
        func rejectsWithPosition(text: String, message: String) {
            #expect(throws: (any Error).self) { try Self.tokens(text) }
            do {
                _ = try Self.tokens(text)
            } catch {
                #expect("\(error)" == message)
            }
        }

        @Test func nestingLimitIsIterative() {
            let deep = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
            #expect(throws: Never.self) { try JSONTokenizer.validate(Array(deep.utf8)) }
            let tooDeep = String(repeating: "[", count: 100_000)
            #expect(throws: JSONSyntaxError(line: 1, column: 513, message: "nesting deeper than 512 levels")) {
                try JSONTokenizer.validate(Array(tooDeep.utf8))
            }
        }

        /// The eight-bytes-at-a-time scan stops exactly where a byte-by-byte one does: every
        /// byte that ends a plain run, at every position of two words and a tail, after plain
        /// bytes that sit next to the special ones in value (0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F).
        @Test func plainRunEndMatchesByteByByte() {
            let special: [UInt8] = [0x00, 0x1F, 0x22, 0x5C, 0x80, 0xC3, 0xFF]
            let plain: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x61]
            for length in 0...19 {
                for filler in plain {
                    let bytes = [UInt8](repeating: filler, count: length)
                    bytes.withUnsafeBufferPointer { buffer in
                        #expect(JSONTokenizer.plainRunEnd(buffer, from: 0) == length)
                    }
                    for position in 0..<length {
                        for byte in special {
                            var marked = bytes
                            marked[position] = byte
                            // A second special byte later must not move the first.
                            if position + 3 < length { marked[position + 3] = 0x00 }
                            marked.withUnsafeBufferPointer { buffer in
                                #expect(JSONTokenizer.plainRunEnd(buffer, from: 0) == position)
                                if position > 0 {
                                    #expect(JSONTokenizer.plainRunEnd(buffer, from: 1) == position)
                                }
                            }
                        }
                    }
                }
            }
        }

        /// A string read whole from the chunk and one assembled across chunks, with escapes or
        /// UTF-8, give the same text, positions and tokens.
        @Test func stringsInAndAcrossChunksAgree() throws {
            let text = #"{"plain": "abcdefghijklmnopqrstuvwxyz", "esc": "a\"b\u0041", "é": "ü€😀", "n": null}"#
            let expected = [
                "1:1 beginObject", "1:2 key(plain)", "1:11 string(abcdefghijklmnopqrstuvwxyz)", "1:41 key(esc)",
                "1:48 string(a\"bA)", "1:62 key(é)", "1:67 string(ü€😀)", "1:74 key(n)", "1:79 null", "1:83 endObject",
            ]
            for chunkSize in [1, 2, 3, 7, 8, 9, 1 << 20] {
                #expect(try Self.tokens(text, chunkSize: chunkSize) == expected)
            }
        }
    }
}
