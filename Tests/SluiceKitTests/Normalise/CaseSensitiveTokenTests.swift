import Testing

@testable import SluiceKit

extension NormaliseTests {
    /// `case-sensitive: true` for boolean tokens and enum values and synonyms.
    @Suite struct CaseSensitiveTokenTests {
        private func flag(_ raw: String, caseSensitive: Bool) -> ValueOutcome {
            normalise(raw, .boolean) {
                $0.trueTokens = ["Y"]
                $0.falseTokens = ["N"]
                $0.caseSensitive = caseSensitive
            }
        }

        private func channel(_ raw: String, caseSensitive: Bool) -> ValueOutcome {
            normalise(raw, .enum) {
                $0.enumValues = [
                    EnumValue(value: "voice", synonyms: ["Phone"]), EnumValue(value: "chat"), EnumValue(value: "email"),
                ]
                $0.caseSensitive = caseSensitive
            }
        }

        @Test(arguments: [
            ("Y", Expected.clean("true")),
            ("N", .clean("false")),
            ("y", .type("'y' is not a boolean; expected Y or N")),
            ("n", .type("'n' is not a boolean; expected Y or N")),
            ("yes", .type("'yes' is not a boolean; expected Y or N")),
        ])
        func caseSensitiveBoolean(raw: String, expected: Expected) {
            #expect(flag(raw, caseSensitive: true).expected == expected)
        }

        @Test func booleanIgnoresCaseByDefault() {
            #expect(flag("y", caseSensitive: false).expected == .clean("true"))
            #expect(flag("n", caseSensitive: false).expected == .clean("false"))
        }

        @Test(arguments: [
            ("voice", Expected.clean("voice")),
            ("chat", .clean("chat")),
            ("Phone", .clean("voice")),
            ("Voice", .problem("enum", "'Voice' is not one of voice, chat, email")),
            ("CHAT", .problem("enum", "'CHAT' is not one of voice, chat, email")),
            ("phone", .problem("enum", "'phone' is not one of voice, chat, email")),
            ("e-mail", .problem("enum", "'e-mail' is not one of voice, chat, email")),
        ])
        func caseSensitiveEnum(raw: String, expected: Expected) {
            #expect(channel(raw, caseSensitive: true).expected == expected)
        }

        @Test func caseSensitiveEnumStillSuggestsTheValue() {
            #expect(channel("Voice", caseSensitive: true).hint == "did you mean 'voice'?")
        }

        @Test func enumIgnoresCaseByDefault() {
            #expect(channel("CHAT", caseSensitive: false).expected == .clean("chat"))
            #expect(channel("PHONE", caseSensitive: false).expected == .clean("voice"))
        }

        @Test func nonASCIITokensMatchExactly() {
            let tokens = CaselessTokens([("sí", 1), ("non", 0)], caseSensitive: true)
            let meaning = { (text: String) -> Int? in
                var copy = text
                return copy.withUTF8 { tokens.meaning(of: $0) }
            }
            #expect(meaning("sí") == 1)
            #expect(meaning("SÍ") == nil)
            #expect(meaning("non") == 0)
            #expect(meaning("Non") == nil)
        }
    }
}
