import Testing

@testable import SluiceKit

private func channel(_ raw: String) -> ValueOutcome {
    normalise(raw, .enum) {
        $0.enumValues = [
            EnumValue(value: "voice", synonyms: ["phone call", "inbound call"]),
            EnumValue(value: "chat", synonyms: ["webchat", "live chat"]),
            EnumValue(value: "email", synonyms: ["e-mail", "mail"]),
        ]
    }
}

extension NormaliseTests {
    @Suite struct EnumParserTests {
        @Test(arguments: [
            ("voice", Expected.clean("voice")),
            ("VOICE", .clean("voice")),
            ("  Phone Call ", .clean("voice")),
            ("WebChat", .clean("chat")),
            ("E-Mail", .clean("email")),
            ("N/A", .null),
            ("phone", .problem("enum", "'phone' is not one of voice, chat, email")),
            ("sms", .problem("enum", "'sms' is not one of voice, chat, email")),
            (" vioce ", .problem("enum", "' vioce ' is not one of voice, chat, email")),
        ])
        func enumValues(raw: String, expected: Expected) {
            #expect(channel(raw).expected == expected)
        }

        @Test func enumHints() {
            #expect(channel("vioce").hint == "did you mean 'voice'?")
            #expect(channel("emial").hint == "did you mean 'email'?")
            #expect(channel("sms").hint == "if it means one of these, add it as a synonym of that value")
        }

        @Test func enumValueIsCanonical() {
            #expect(channel("webchat") == .value(.enumeration("chat")))
        }
    }
}
