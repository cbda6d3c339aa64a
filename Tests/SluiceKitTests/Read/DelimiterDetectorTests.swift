import Testing

@testable import SluiceKit

extension ReadTests {
    @Suite struct DelimiterDetectorTests {
        @Test(arguments: [
            ("a,b,c\n1;2;3;4;5\n", ","),
            ("a;b;c\n", ";"),
            ("a\tb\tc\n", "\t"),
            ("a|b|c\n", "|"),
            ("\n\r\na;b\n", ";"),
            ("\"x;y;z\",a,b\n", ","),
            ("a;b,c|d\n", ","),
            ("a;b\tc\td;e\n", ";"),
            ("single\n", ","),
            ("a;b", ";"),
        ])
        func detects(text: String, expected: String) {
            let detector = DelimiterDetector(quote: UInt8(ascii: "\""))
            #expect(
                detector.detect(in: Array(text.utf8), isComplete: true)
                    == .detected(UInt8(ascii: Unicode.Scalar(expected)!)))
        }

        @Test func waitsForTheEndOfTheHeaderLine() {
            let detector = DelimiterDetector(quote: UInt8(ascii: "\""))
            #expect(detector.detect(in: Array("a;b;\"c\nd\"".utf8), isComplete: false) == .needsMoreInput)
        }
    }
}
