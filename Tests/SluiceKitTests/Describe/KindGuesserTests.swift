import Testing

@testable import SluiceKit

/// Kinds, formats and separators guessed from values with the real parsers.
@Suite struct KindGuesserTests {
    static func kind(_ header: String, _ values: [String], numbers: NumberStyle = NumberStyle()) -> FeedDraft.Field.Kind
    {
        var profile = ColumnProfile(header: header)
        for value in values { profile.add(value) }
        return KindGuesser(numbers: numbers).guess(profile)
    }

    @Test(arguments: [
        (["12", "7", "-3"], FeedDraft.Field.Kind.integer),
        (["12.5", "7", "0.25"], .decimal),
        (["82.4%", "71 %"], .percent(scale: .points)),
        (["05:12", "1:02:03"], .duration),
        (["2026-10-03", "2026-11-30"], .date(format: "iso-8601", alternatives: [])),
        (["05.10.2026", "12.10.2026"], .date(format: "dd.MM.yyyy", alternatives: [])),
        (["13/10/2026", "03/10/2026"], .date(format: "dd/MM/yyyy", alternatives: [])),
        (["03/04/2026", "04/05/2026"], .date(format: "dd/MM/yyyy", alternatives: ["MM/dd/yyyy"])),
        (["2026-10", "2026-11"], .date(format: "yyyy-MM", alternatives: [])),
        (["2026-10-28 08:02:11", "2026-10-28T09:00:00Z"], .timestamp(format: "iso-8601", alternatives: [])),
        (["Y", "N", "y"], .boolean),
        (["0", "1", "1"], .integer),
        (["00123", "00456"], .text),
        (["Phone", "Chat", "Phone", "Chat", "Phone"], .enumeration(["Phone", "Chat"])),
        (["INT-1", "INT-2", "INT-3"], .text),
        (["N/A", "-", ""], .text),
    ])
    func valuesGiveTheirKind(_ values: [String], _ expected: FeedDraft.Field.Kind) {
        #expect(Self.kind("x", values) == expected)
    }

    @Test func aFewStrayValuesInATextColumnAreNamed() {
        var profile = ColumnProfile(header: "Wait (s)")
        for value in ["14", "3", "41", "0", "1O", "22"] { profile.add(value) }
        let guesser = KindGuesser(numbers: NumberStyle())
        #expect(guesser.guess(profile) == .text)
        #expect(guesser.nearMiss(profile)?.kind == "integer")
        #expect(guesser.nearMiss(profile)?.strays == ["1O"])
        var mixed = ColumnProfile(header: "Note")
        for value in ["a", "b", "1", "2", "c"] { mixed.add(value) }
        #expect(guesser.nearMiss(mixed) == nil)
    }

    @Test func aPercentHeaderWithFractionsIsAFractionPercent() {
        #expect(Self.kind("Payroll Accuracy %", ["0.995", "0.97"]) == .percent(scale: .fraction))
        #expect(Self.kind("SL %", ["82.4", "91"]) == .percent(scale: .points))
    }

    @Test func decimalCommasAndThousandsPointsAreFoundFromAllColumns() {
        let style = NumberStyle.guess([["82,4", "78,5"], ["1.234", "1.187"], ["05.10.2026"]])
        #expect(style == NumberStyle(decimalSeparator: ",", thousandsSeparator: "."))
        #expect(Self.kind("Contacts", ["1.234", "987"], numbers: style) == .integer)
        #expect(Self.kind("SL", ["82,4", "78,5"], numbers: style) == .decimal)
        #expect(
            NumberStyle.guess([["1,234", "12"], ["4.5"]]) == NumberStyle(decimalSeparator: ".", thousandsSeparator: ",")
        )
        #expect(NumberStyle.guess([["12", "4.5"]]) == NumberStyle())
    }

    @Test(arguments: [
        ("Service Level %", "service_level"), ("AHT (mm:ss)", "aht_mm_ss"),
        ("u_vendor@display_value", "u_vendor_display_value"),
        ("Wait (s)", "wait_s"), ("2nd Reply", "c_2nd_reply"), ("%", "column"), ("metrics.0.value", "metrics_0_value"),
    ])
    func headersBecomeFieldNames(_ header: String, _ name: String) {
        #expect(FieldNamer.name(header) == name)
    }

    @Test(arguments: [
        ("acme_scorecard_2026-10.csv", "acme-scorecard", "acme_scorecard_*.csv"),
        ("corvia_interactions_20261028.csv", "corvia-interactions", "corvia_interactions_*.csv"),
        ("export.xlsx", "export", "export.xlsx"),
        ("Nimbus KPI 2026-10.xml", "nimbus-kpi", "Nimbus KPI *.xml"),
    ])
    func fileNamesGiveTheFeedNameAndPattern(_ file: String, _ feed: String, _ pattern: String) {
        #expect(FieldNamer.feedName(fileName: file) == feed)
        #expect(FieldNamer.filesPattern(fileName: file) == pattern)
    }
}
