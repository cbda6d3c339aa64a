import Testing

@testable import SluiceKit

extension ReadTests {
    @Suite struct CSVScannerTests {
        /// Scans `text` fed in chunks of `chunkSize` bytes; returns each row's line and fields.
        static func scan(_ text: String, chunkSize: Int = 1 << 20) -> [ScannedRow] {
            let bytes = Array(text.utf8)
            var scanner = CSVScanner(delimiter: UInt8(ascii: ","), quote: UInt8(ascii: "\""))
            var rows: [ScannedRow] = []
            func take() {
                let fields = (0..<scanner.fieldCount).map {
                    String(decoding: scanner.bytes[scanner.fieldRange($0)], as: UTF8.self)
                }
                rows.append(ScannedRow(line: scanner.rowLine, fields: fields, fieldLines: scanner.fieldLines))
            }
            var start = 0
            while start < bytes.count {
                let end = min(start + chunkSize, bytes.count)
                bytes[start..<end].withUnsafeBufferPointer { chunk in
                    var index = 0
                    while index < chunk.count {
                        if scanner.feed(chunk, at: &index) { take() }
                    }
                }
                start = end
            }
            if scanner.finish() { take() }
            return rows
        }

        struct ScannedRow: Equatable, CustomStringConvertible {
            var line: Int
            var fields: [String]
            var fieldLines: [Int]
            var description: String { "\(line): \(fields) \(fieldLines)" }
        }

        static let cases: [(String, [ScannedRow])] = [
            (
                "a,b\n1,2\n",
                [
                    .init(line: 1, fields: ["a", "b"], fieldLines: [1, 1]),
                    .init(line: 2, fields: ["1", "2"], fieldLines: [2, 2]),
                ]
            ),
            (
                "a,b\r\n1,2",
                [
                    .init(line: 1, fields: ["a", "b"], fieldLines: [1, 1]),
                    .init(line: 2, fields: ["1", "2"], fieldLines: [2, 2]),
                ]
            ),
            (
                "a\r\rb\r",
                [
                    .init(line: 1, fields: ["a"], fieldLines: [1]), .init(line: 2, fields: [""], fieldLines: [2]),
                    .init(line: 3, fields: ["b"], fieldLines: [3]),
                ]
            ),
            ("\"x,\"\"y\"\"\",z\n", [.init(line: 1, fields: ["x,\"y\"", "z"], fieldLines: [1, 1])]),
            (
                "\"a\r\nb\",c\nd,\"e\nf\"\n",
                [
                    .init(line: 1, fields: ["a\r\nb", "c"], fieldLines: [1, 2]),
                    .init(line: 3, fields: ["d", "e\nf"], fieldLines: [3, 3]),
                ]
            ),
            ("ab\"c,\"q\"tail\n", [.init(line: 1, fields: ["ab\"c", "qtail"], fieldLines: [1, 1])]),
            (",,\n", [.init(line: 1, fields: ["", "", ""], fieldLines: [1, 1, 1])]),
            // Plain fields, then a quoted one: the plain ones are kept and the row goes on from the quote.
            (
                "a,b,\"c\nd\",e\nf,g\n",
                [
                    .init(line: 1, fields: ["a", "b", "c\nd", "e"], fieldLines: [1, 1, 1, 2]),
                    .init(line: 3, fields: ["f", "g"], fieldLines: [3, 3]),
                ]
            ),
            (
                "x,yz\"w,v\r\n,\r\n",
                [
                    .init(line: 1, fields: ["x", "yz\"w", "v"], fieldLines: [1, 1, 1]),
                    .init(line: 2, fields: ["", ""], fieldLines: [2, 2]),
                ]
            ),
            ("\"\"", [.init(line: 1, fields: [""], fieldLines: [1])]),
            ("", []),
        ]

        @Test(arguments: cases)
        func rows(text: String, expected: [ScannedRow]) {
            #expect(Self.scan(text) == expected)
        }

        @Test(arguments: cases)
        func rowsOneByteAtATime(text: String, expected: [ScannedRow]) {
            #expect(Self.scan(text, chunkSize: 1) == expected)
        }

        /// Fields of every length from 0 to 20 bytes, so each stop byte falls at every place in
        /// the eight-byte words the scanner reads, quoted and not, fed in chunks of several sizes.
        @Test(arguments: [1, 3, 7, 8, 9, 64, 1 << 20])
        func everyFieldLengthAndChunkSize(chunkSize: Int) {
            var text = ""
            var expected: [ScannedRow] = []
            var line = 1
            for length in 0...20 {
                let plain = String((0..<length).map { Character(UnicodeScalar(UInt8(ascii: "a") + UInt8($0 % 26))) })
                let withQuote = String(plain.prefix(length / 2)) + "\"" + String(plain.dropFirst(length / 2))
                let withBreak = String(plain.prefix(length / 3)) + "\r\n" + String(plain.dropFirst(length / 3))
                let escaped = String(plain.prefix(length / 2)) + "\"\"" + String(plain.dropFirst(length / 2))
                text += plain + "," + "\"" + escaped + "\","
                text += "\"" + withBreak + "\"" + "," + plain + "x" + "\r\n"
                expected.append(
                    .init(
                        line: line, fields: [plain, withQuote, withBreak, plain + "x"],
                        fieldLines: [line, line, line, line + 1]))
                line += 2
            }
            #expect(Self.scan(text, chunkSize: chunkSize) == expected)
        }

        /// A row wider than the scanner's first buffers (4096 bytes, 64 fields) grows them and
        /// keeps what was scanned before.
        @Test func rowWiderThanTheFirstBuffers() {
            let fields = (0..<300).map {
                String(repeating: Character(UnicodeScalar(UInt8(ascii: "a") + UInt8($0 % 26))), count: $0)
            }
            let text = fields.joined(separator: ",") + "\nend\n"
            let expected: [ScannedRow] = [
                .init(line: 1, fields: fields, fieldLines: Array(repeating: 1, count: 300)),
                .init(line: 2, fields: ["end"], fieldLines: [2]),
            ]
            #expect(Self.scan(text) == expected)
            #expect(Self.scan(text, chunkSize: 5) == expected)
        }

        @Test func unclosedQuoteIsReportedWhereItOpened() {
            var scanner = CSVScanner(delimiter: UInt8(ascii: ","), quote: UInt8(ascii: "\""))
            let bytes = Array("a,b\nc,\"d\n".utf8)
            bytes.withUnsafeBufferPointer { chunk in
                var index = 0
                while index < chunk.count { _ = scanner.feed(chunk, at: &index) }
            }
            #expect(scanner.unclosedQuote?.line == 2)
            #expect(scanner.unclosedQuote?.column == 2)
        }
    }
}
