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

/// `trim: false`: the raw value is read as written.
@Suite struct UntrimmedValueTests {
    @Test(arguments: [
        ("", ValueKind.text, Expected.null),
        ("  ", .text, .clean("  ")),
        (" Gold ", .text, .clean(" Gold ")),
        ("12", .integer, .clean("12")),
        (" 12", .integer, .problem("type", "' 12' is not an integer")),
        ("  ", .integer, .problem("type", "'  ' is not an integer")),
    ])
    func untrimmedValues(raw: String, kind: ValueKind, expected: Expected) {
        #expect(normalise(raw, kind) { $0.trim = false }.expected == expected)
    }

    @Test func trimmedByDefault() {
        #expect(normalise(" Gold ", .text).expected == .clean("Gold"))
        #expect(normalise(" 12", .integer).expected == .clean("12"))
    }

    @Test func theRulesKeyIsRead() throws {
        let rules = try RulesLoader.parse(sources: [
            (
                "Rules/acme.yaml",
                """
                feeds:
                  - name: acme
                    vendor: ACME
                    files: ["acme_*.csv"]
                    fields:
                      - { name: queue, kind: text, trim: false }
                      - { name: handled, kind: integer }
                """
            )
        ])
        #expect(rules.feeds[0].fields.map(\.trim) == [false, true])
        let bad =
            "feeds:\n  - name: acme\n    vendor: ACME\n    files: [a.csv]\n    fields:\n      - { name: q, kind: text, trim: maybe }\n"
        do {
            _ = try RulesLoader.parse(sources: [("Rules/acme.yaml", bad)])
            Issue.record("trim: maybe was accepted")
        } catch {
            #expect(
                error.errors.map(\.description) == ["Rules/acme.yaml:6:38: trim must be true or false, not 'maybe'"])
        }
    }

    /// With only the empty token, emptiness alone decides (untrimmed spaces are a value);
    /// a text token beside it still counts.
    @Test(arguments: [
        ([""], "", Expected.null),
        ([""], " ", .clean(" ")),
        ([""], "n/a", .clean("n/a")),
        (["", "n/a"], "N/A", .null),
        (["", "n/a"], "", .null),
        ([String](), "", .null),
        ([String](), "x", .clean("x")),
    ])
    func onlyTheEmptyToken(tokens: [String], raw: String, expected: Expected) {
        let outcome = normalise(raw, .text) { field in
            field.nullTokens = tokens
            field.trim = false
        }
        #expect(outcome.expected == expected)
    }
}
