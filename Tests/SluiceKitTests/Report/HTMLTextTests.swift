import Testing

@testable import SluiceKit

@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        ("' onmouseover='x", "&#39; onmouseover=&#39;x"),
        ("a & b", "a &amp; b"),
        ("&amp;", "&amp;amp;"),
        ("=HYPERLINK(\"http://x\",\"a\")", "=HYPERLINK(&quot;http://x&quot;,&quot;a&quot;)"),
        ("bell\u{07}nul\u{00}", "bell\u{FFFD}nul\u{FFFD}"),
        ("tab\there\nline", "tab\there\nline"),
        ("Zürich 😀", "Zürich 😀"),
    ])
    func escapesEverythingMarkupCouldUse(raw: String, escaped: String) {
        #expect(HTMLText.escape(raw) == escaped)
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (12_345, "12,345"), (-1_234_567, "-1,234,567")])
    func groupsThousands(value: Int, text: String) {
        #expect(Counting.grouped(value) == text)
    }
}

/// The byte-level escaper against the scalar-by-scalar one it replaced.
@Suite struct HTMLTextBytesTests {
    @Test(arguments: [
        "", "plain text", "°C and ± stay", "C1 \u{80} \u{85} \u{9F} go, \u{A0} stays", "del \u{7F}",
        "mix <a href='x'>&\"</a>\u{1B}", "tail &", "\u{C2}", "Zürich 😀 <b>",
    ])
    func bytesEscapeLikeScalars(raw: String) {
        #expect(HTMLText.escape(raw) == Self.scalarEscape(raw))
    }

    private static func scalarEscape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
