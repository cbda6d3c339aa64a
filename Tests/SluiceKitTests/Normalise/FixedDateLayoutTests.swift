import Testing

@testable import SluiceKit

@Suite struct FixedDateLayoutTests {
    static let fixedFormats = [
        "yyyy-MM-dd HH:mm:ss", "dd.MM.yyyy", "yyyyMMdd", "yy-MM-dd'T'HH:mm:ss.SSS", "dd/MM/yyyy HH:mm",
    ]

    static func tokens(_ pattern: String, timestamp: Bool) throws -> [DateToken] {
        guard case .tokens(let tokens) = try DateFormat(compiling: pattern, timestamp: timestamp).body else {
            Issue.record("\(pattern) has no tokens")
            return []
        }
        return tokens
    }

    @Test(arguments: ["d/M/yyyy", "MMM dd yyyy", "yyyy-MM-dd'T'HH:mm:ssXXX", "dd/MM/yyyy h:mm a"])
    func aFormatWithAVariableWidthPartHasNoLayout(pattern: String) throws {
        #expect(
            FixedDateLayout(try Self.tokens(pattern, timestamp: pattern.contains("H") || pattern.contains("h"))) == nil)
    }

    @Test func theLayoutOfATimestampFormatKnowsItsLength() throws {
        #expect(FixedDateLayout(try Self.tokens("yyyy-MM-dd HH:mm:ss", timestamp: true))?.length == 19)
        #expect(FixedDateLayout(try Self.tokens("yy-MM-dd'T'HH:mm:ss.SSS", timestamp: true))?.length == 21)
    }

    /// Every value, good or bad, matches as the token loop matches it.
    @Test(arguments: fixedFormats)
    func aLayoutMatchesExactlyAsTheTokensDo(pattern: String) throws {
        let timestamp = pattern.contains("H") || pattern.contains("h")
        let tokens = try Self.tokens(pattern, timestamp: timestamp)
        let layout = try #require(FixedDateLayout(tokens))
        let values = [
            "2026-10-06 17:29:55", "2026-10-06 17:29:5", "2026-10-06 17:29:555", "2026-10-06T17:29:55",
            "2026-02-30 10:00:00", "2026-10-06 24:00:00", "2026-10-06 17:60:00", "2026-1O-06 17:29:55",
            "06.10.2026", "31.04.2026", "6.10.2026", "06.10.2026 ", "20261006", "2026106", "20261306",
            "26-10-06T17:29:55.123", "26-10-06T17:29:55.12", "26-10-06T17:29:55,123", "06/10/2026 12:30",
            "06/10/2026 13:30", "06/10/2026 00:30", "", "２０２６-10-06 17:29:55", "-026-10-06 17:29:55",
        ]
        for value in values {
            var text = value
            text.withUTF8 { bytes in
                let expected = DateFormat.match(.tokens(tokens), bytes, timestamp: timestamp, decimalSeparator: 0x2E)
                #expect(layout.match(bytes) == expected, "\(pattern) on '\(value)'")
            }
        }
    }
}
