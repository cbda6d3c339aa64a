import Testing

@testable import SluiceKit

/// The history evaluator over a series of (period, value): change against the previous
/// period, absolute and relative, and the band of the last N periods, exact at the limits.
extension KPITests {
    @Suite struct HistoryCheckTests {
        static let fcr = KPISpec(
            id: "first_contact_resolution", name: "FCR", unit: .percent, direction: .higher, decimals: 1)

        /// The messages for October's `value` against earlier months (`month number: value`).
        static func messages(_ value: String, earlier: [Int: String], _ spec: HistorySpec) -> [String] {
            let series = Dictionary(uniqueKeysWithValues: earlier.map { (month($0), ExactRatio(decimal($1))) })
            let point = HistoryPoint(period: month(10), value: ExactRatio(decimal(value)))
            return HistoryCheck.evaluate(point, earlier: series, spec: spec).map {
                HistoryFinding.make(
                    $0, vendor: "ACME", kpi: fcr, point: point, spec: spec, feed: "acme-scorecard",
                    location: SourceLocation(file: "Inbox/acme.csv", line: 5)
                ).message
            }
        }

        static let change10 = HistorySpec(maxChange: decimal("10"))
        static let changePercent20 = HistorySpec(maxChangePercent: decimal("20"))
        static let band3 = HistorySpec(bandPeriods: 3)
        static let band3Margin = HistorySpec(bandPeriods: 3, bandMargin: decimal("1.5"))

        @Test(arguments: [
            // Within the limit, exactly at it, just over it, and downwards.
            ("65", [9: "61.7"], change10, []),
            ("71.7", [9: "61.7"], change10, []),
            (
                "74.0", [9: "61.7"], change10,
                [
                    "ACME 2026-10 first_contact_resolution 74.0 moved +12.3 against 2026-09 (61.7); declared max-change 10"
                ]
            ),
            (
                "71.71", [9: "61.7"], change10,
                [
                    "ACME 2026-10 first_contact_resolution 71.7 moved +10.0 against 2026-09 (61.7); declared max-change 10"
                ]
            ),
            (
                "50", [9: "61.7"], change10,
                [
                    "ACME 2026-10 first_contact_resolution 50.0 moved -11.7 against 2026-09 (61.7); declared max-change 10"
                ]
            ),
            // No previous period (a gap in September): nothing to compare with.
            ("90", [8: "61.7"], change10, []),
            // Relative: 60 → 72 is exactly +20 %; 60 → 72.1 is over.
            ("72", [9: "60"], changePercent20, []),
            (
                "72.1", [9: "60"], changePercent20,
                [
                    "ACME 2026-10 first_contact_resolution 72.1 moved +12.1 (+20.2 %) against 2026-09 (60.0); declared max-change-percent 20"
                ]
            ),
            (
                "40", [9: "60"], changePercent20,
                [
                    "ACME 2026-10 first_contact_resolution 40.0 moved -20.0 (-33.3 %) against 2026-09 (60.0); declared max-change-percent 20"
                ]
            ),
            // A previous value of 0 has no relative change.
            ("5", [9: "0"], changePercent20, []),
            // Band of July–September: inside, at its edges, outside either side.
            ("70", [7: "65", 8: "72", 9: "68"], band3, []),
            ("72", [7: "65", 8: "72", 9: "68"], band3, []),
            (
                "72.5", [7: "65", 8: "72", 9: "68"], band3,
                [
                    "ACME 2026-10 first_contact_resolution 72.5 is above the band of the last 3 periods (65.0 to 72.0 from 3 values, 2026-07 to 2026-09); declared band-periods 3"
                ]
            ),
            (
                "60", [6: "10", 8: "72", 9: "68"], band3,
                [
                    "ACME 2026-10 first_contact_resolution 60.0 is below the band of the last 3 periods (68.0 to 72.0 from 2 values, 2026-07 to 2026-09); declared band-periods 3"
                ]
            ),
            // One earlier value is not a band.
            ("99", [9: "68"], band3, []),
            // The margin widens the band: 73.5 is at it, 73.6 beyond it.
            ("73.5", [7: "65", 8: "72", 9: "68"], band3Margin, []),
            (
                "63.4", [7: "65", 8: "72", 9: "68"], band3Margin,
                [
                    "ACME 2026-10 first_contact_resolution 63.4 is below the band of the last 3 periods (65.0 to 72.0 from 3 values, 2026-07 to 2026-09); declared band-periods 3, band-margin 1.5"
                ]
            ),
        ])
        func evaluates(value: String, earlier: [Int: String], spec: HistorySpec, expected: [String]) {
            #expect(Self.messages(value, earlier: earlier, spec) == expected)
        }

        @Test func bothChecksCanFireForOneValue() {
            let spec = HistorySpec(maxChange: decimal("5"), maxChangePercent: decimal("10"), bandPeriods: 2)
            #expect(
                Self.messages("80", earlier: [8: "60", 9: "62"], spec) == [
                    "ACME 2026-10 first_contact_resolution 80.0 moved +18.0 (+29.0 %) against 2026-09 (62.0); declared max-change 5, max-change-percent 10",
                    "ACME 2026-10 first_contact_resolution 80.0 is above the band of the last 2 periods (60.0 to 62.0 from 2 values, 2026-08 to 2026-09); declared band-periods 2",
                ])
        }

        @Test func previousPeriodsOfWeeksAndDays() {
            let week = PeriodKey.containing(day("2026-01-01"), length: .week)
            #expect(week.label == "2026-W01")
            #expect(week.previous().label == "2025-W52")
            #expect(PeriodKey.containing(day("2026-03-01"), length: .day).previous().label == "2026-02-28")
            #expect(month(1).previous().label == "2025-12")
        }

        @Test func findingCarriesRuleSeverityPlaceAndValue() {
            let spec = HistorySpec(maxChange: decimal("10"), severity: .error)
            let point = HistoryPoint(period: month(10), value: ExactRatio(decimal("74")))
            let breaches = HistoryCheck.evaluate(
                point, earlier: [month(9): ExactRatio(decimal("61.7"))], spec: spec)
            #expect(
                breaches == [
                    .change(
                        previous: HistoryPoint(period: month(9), value: ExactRatio(decimal("61.7"))),
                        delta: ExactRatio(decimal("12.3")), percent: ExactRatio(12300, 617))
                ])
            let finding = HistoryFinding.make(
                breaches[0], vendor: "ACME", kpi: Self.fcr, point: point, spec: spec, feed: "acme-scorecard",
                location: SourceLocation(file: "Inbox/acme.csv", line: 5))
            #expect(finding.ruleID == "history-change")
            #expect(finding.severity == .error)
            #expect(finding.field == "first_contact_resolution")
            #expect(finding.rawValue == "74.0")
            #expect(
                finding.diagnostic
                    == "Inbox/acme.csv:5: error: [history-change] ACME 2026-10 first_contact_resolution 74.0 moved +12.3 against 2026-09 (61.7); declared max-change 10"
            )
        }
    }
}
