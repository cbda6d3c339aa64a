import Testing

@testable import SluiceKit

@Suite struct HeaderBindingTests {
    static func feed(_ fields: [FieldSpec]) -> FeedSpec {
        FeedSpec(
            name: "f", vendor: .constant("V"), files: ["*.csv"], fields: fields,
            declaredAt: RulesLocation(file: "Rules/f.yaml", line: 2, column: 5))
    }

    static let serviceLevel = feed([FieldSpec(name: "service_level", kind: .percent, aliases: ["SL %"])])

    @Test(arguments: [
        "service_level", "Service Level %", "SERVICE-LEVEL", "  service  level  ", "Service.Level", "ServiceLevel",
        "service_level\u{A0}%", "SL %", "sl", "S/L",
    ])
    func aliasesMatchIgnoringCaseSpacesAndPunctuation(header: String) {
        let binding = HeaderBinding(feed: Self.serviceLevel, header: ["queue", header])
        #expect(binding.columns == [1])
        #expect(binding.unclaimed.map(\.header) == ["queue"])
    }

    @Test(arguments: ["Service Level 2", "Level Service", "Service", "Servicelevels", "SLA %", ""])
    func otherHeadersDoNotMatch(header: String) {
        let binding = HeaderBinding(feed: Self.serviceLevel, header: [header])
        #expect(binding.columns == [nil])
        #expect(binding.unclaimed.map(\.index) == [0])
    }

    @Test(arguments: [
        ("Service Level %", "servicelevel"),
        ("service_level", "servicelevel"),
        ("SERVICE-LEVEL", "servicelevel"),
        ("AHT (s)", "ahts"),
        ("Straße Nr.", "straßenr"),
        ("Ø Wait", "øwait"),
        ("Q1 2026", "q12026"),
        ("%", ""),
    ])
    func headerKeyKeepsOnlyLettersAndDigitsInLowerCase(header: String, key: String) {
        #expect(HeaderKey.of(header) == key)
    }

    @Test func firstMatchWinsAndLaterMatchesAreRecordedAsDuplicates() {
        let feed = Self.feed([
            FieldSpec(name: "queue", kind: .text, aliases: ["Queue Name"]),
            FieldSpec(name: "service_level", kind: .percent, aliases: ["SL %"]),
        ])
        let header = ["SL %", "Notes", "Queue Name", "SERVICE-LEVEL", "queue", "Service Level %", "Agent"]
        let binding = HeaderBinding(feed: feed, header: header)
        #expect(binding.columns == [2, 0])
        #expect(binding.duplicates.map(\.field) == [0, 1])
        #expect(binding.duplicates.map(\.ignored) == [[4], [3, 5]])
        #expect(binding.unclaimed.map(\.index) == [1, 6])
        #expect(binding.unclaimed.map(\.header) == ["Notes", "Agent"])
    }

    @Test func aColumnIsClaimedByTheFirstFieldThatWantsIt() {
        // Both fields accept `Value`; the earlier field takes it, the later is left without a column.
        let feed = Self.feed([
            FieldSpec(name: "amount", kind: .decimal, aliases: ["Value"]),
            FieldSpec(name: "score", kind: .decimal, aliases: ["value"]),
        ])
        let binding = HeaderBinding(feed: feed, header: ["VALUE"])
        #expect(binding.columns == [0, nil])
        #expect(binding.duplicates.isEmpty)
        #expect(binding.unclaimed.isEmpty)
    }

    @Test func fieldsWithoutAColumnAreNilAndEveryOtherColumnIsUnclaimed() {
        let feed = Self.feed([
            FieldSpec(name: "queue", kind: .text),
            FieldSpec(name: "handled", kind: .integer),
            FieldSpec(name: "aht", kind: .duration, aliases: ["AHT (s)"]),
        ])
        let binding = HeaderBinding(feed: feed, header: ["Date", "aht s", "Queue", "Comment", ""])
        #expect(binding.columns == [2, nil, 1])
        #expect(binding.duplicates.isEmpty)
        #expect(binding.unclaimed.map(\.index) == [0, 3, 4])
        #expect(binding.unclaimed.map(\.header) == ["Date", "Comment", ""])
    }

    @Test func anEmptyHeaderBindsNothing() {
        let binding = HeaderBinding(feed: Self.serviceLevel, header: [])
        #expect(binding.columns == [nil])
        #expect(binding.unclaimed.isEmpty)
        #expect(binding.duplicates.isEmpty)
    }
}
