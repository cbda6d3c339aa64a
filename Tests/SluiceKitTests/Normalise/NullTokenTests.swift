import Testing

@testable import SluiceKit

extension NormaliseTests {
    @Suite struct NullTokenTests {
        @Test(arguments: [
            ("", Expected.null),
            ("   ", .null),
            ("\t \r\n", .null),
            ("\u{00A0}", .null),
            ("N/A", .null),
            (" n/a ", .null),
            ("na", .null),
            ("-", .null),
            ("NULL", .null),
            ("#n/a", .null),
            ("none", .clean("none")),
            ("  hello world  ", .clean("hello world")),
            ("a  b", .clean("a  b")),
            ("Zoë ", .clean("Zoë")),
        ])
        func defaultNullTokensAndText(raw: String, expected: Expected) {
            #expect(normalise(raw, .text).expected == expected)
        }

        @Test(arguments: [
            ("", Expected.null),
            ("  ", .null),
            ("none", .null),
            ("NONE", .null),
            ("Ø", .null),
            ("ø", .null),
            ("N/A", .clean("N/A")),
            ("-", .clean("-")),
        ])
        func customNullTokens(raw: String, expected: Expected) {
            #expect(normalise(raw, .text) { $0.nullTokens = ["none", "Ø"] }.expected == expected)
        }

        @Test func nullTokensApplyBeforeTheKindParser() {
            #expect(normalise(" N/A ", .integer) == .null)
            #expect(normalise("-", .decimal) == .null)
            #expect(normalise("#N/A", .date) == .null)
        }
    }
}
