import Testing

@testable import SluiceKit

extension NormaliseTests {
    @Suite struct BooleanParserTests {
        @Test(arguments: [
            ("true", Expected.clean("true")),
            ("TRUE", .clean("true")),
            (" Yes ", .clean("true")),
            ("y", .clean("true")),
            ("1", .clean("true")),
            ("False", .clean("false")),
            ("NO", .clean("false")),
            ("0", .clean("false")),
            ("", .null),
            ("maybe", .type("'maybe' is not a boolean; expected true, yes, y, 1 or false, no, n, 0")),
            ("yes!", .type("'yes!' is not a boolean; expected true, yes, y, 1 or false, no, n, 0")),
        ])
        func defaultBooleanTokens(raw: String, expected: Expected) {
            #expect(normalise(raw, .boolean).expected == expected)
        }

        @Test(arguments: [
            ("oui", Expected.clean("true")),
            ("OUI", .clean("true")),
            ("Sí", .clean("true")),
            ("SÍ", .clean("true")),
            ("non", .clean("false")),
            ("yes", .type("'yes' is not a boolean; expected oui, sí or non")),
        ])
        func customBooleanTokens(raw: String, expected: Expected) {
            #expect(
                normalise(raw, .boolean) {
                    $0.trueTokens = ["oui", "sí"]
                    $0.falseTokens = ["non"]
                }.expected == expected)
        }
    }
}
