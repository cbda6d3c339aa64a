import Testing

@testable import SluiceKit

/// `sluice history`'s listing and its usage errors, from stored values.
@Suite struct HistoryQueryTests {
    static let rules = RuleSet(
        feeds: [],
        kpis: [
            KPISpec(
                id: "first_contact_resolution", name: "First Contact Resolution", unit: .percent, direction: .higher,
                decimals: 1, aliases: ["FCR"]),
            KPISpec(id: "average_handle_time", name: "AHT", unit: .seconds, direction: .lower, decimals: 0),
        ],
        contracts: [
            ContractSpec(
                id: "ACME-CS-2026", vendor: "ACME", start: CivilDate(year: 2026, month: 1, day: 1),
                end: CivilDate(year: 2026, month: 12, day: 31),
                targets: [
                    SLATarget(kpi: "first_contact_resolution", target: ExactDecimal(70), warning: ExactDecimal(72))
                ])
        ])

    static func month(_ number: Int) -> PeriodKey {
        PeriodKey.containing(CivilDate(year: 2026, month: number, day: 1), length: .month)
    }

    static let items = [
        HistoryQuery.Item(
            vendor: "ACME", kpi: "first_contact_resolution",
            entry: HistoryEntry(
                period: month(10), contract: "ACME-CS-2026", value: ExactRatio(712, 10),
                source: "Inbox/acme_scorecard_2026-10.csv:4", run: "20261105T020000Z",
                replacedBy: .init(
                    value: ExactRatio(74, 1), source: "Inbox/acme_scorecard_2026-10_v2.csv:4", run: "20261112T020000Z"))
        ),
        HistoryQuery.Item(
            vendor: "ACME", kpi: "first_contact_resolution",
            entry: HistoryEntry(
                period: month(10), contract: "ACME-CS-2026", value: ExactRatio(74, 1),
                source: "Inbox/acme_scorecard_2026-10_v2.csv:4", run: "20261112T020000Z")),
        HistoryQuery.Item(
            vendor: "ACME", kpi: "first_contact_resolution",
            entry: HistoryEntry(
                period: month(9), contract: "ACME-CS-2026", value: ExactRatio(617, 10),
                source: "Inbox/acme_scorecard_2026-09.csv:4", run: "20261005T020000Z")),
        HistoryQuery.Item(
            vendor: "ACME", kpi: "average_handle_time",
            entry: HistoryEntry(
                period: month(9), contract: "ACME-CS-2026", value: ExactRatio(312, 1),
                source: "Inbox/acme_scorecard_2026-09.csv:5", run: "20261005T020000Z")),
    ]

    static func render(vendor: String, kpi: String? = nil, contract: String? = nil) -> String {
        do {
            return try HistoryQuery.render(vendor: vendor, kpi: kpi, contract: contract, rules: rules, items: items)
        } catch {
            return "error: \(error)"
        }
    }

    @Test func listsValuesOverTimeWithSupersededOnesMarked() {
        #expect(
            Self.render(vendor: "acme", kpi: "FCR") == """
                ACME first_contact_resolution (First Contact Resolution, percent, higher is better)
                  period   contract      value  target  status      source                                 run               replaced by
                  2026-09  ACME-CS-2026  61.7   70      breached    Inbox/acme_scorecard_2026-09.csv:4     20261005T020000Z
                  2026-10  ACME-CS-2026  71.2   70      superseded  Inbox/acme_scorecard_2026-10.csv:4     20261105T020000Z  74.0 from Inbox/acme_scorecard_2026-10_v2.csv:4 (run 20261112T020000Z)
                  2026-10  ACME-CS-2026  74.0   70      met         Inbox/acme_scorecard_2026-10_v2.csv:4  20261112T020000Z
                """)
    }

    @Test func withoutKPIEveryKPIWithValuesInCatalogueOrder() {
        let text = Self.render(vendor: "ACME")
        #expect(text.hasPrefix("ACME first_contact_resolution ("))
        #expect(
            text.hasSuffix(
                """

                ACME average_handle_time (AHT, seconds, lower is better)
                  period   contract      value  target  status  source                              run               replaced by
                  2026-09  ACME-CS-2026  312                    Inbox/acme_scorecard_2026-09.csv:5  20261005T020000Z
                """))
    }

    @Test(arguments: [
        ("ACEM", nil, nil, "error: --vendor: unknown vendor 'ACEM'; did you mean 'ACME'? (known: ACME)"),
        (
            "ACME", "fcrr", nil,
            "error: --kpi: unknown KPI 'fcrr' (known: first_contact_resolution, average_handle_time)"
        ),
        (
            "ACME", "first_contact_resolutoin", nil,
            "error: --kpi: unknown KPI 'first_contact_resolutoin'; did you mean 'first_contact_resolution'? (known: first_contact_resolution, average_handle_time)"
        ),
        (
            "ACME", nil, "ACME-CS-2025",
            "error: --contract: unknown contract of ACME 'ACME-CS-2025'; did you mean 'ACME-CS-2026'? (known: ACME-CS-2026)"
        ),
    ])
    func unknownNamesAreUsageErrorsWithDidYouMean(vendor: String, kpi: String?, contract: String?, expected: String) {
        #expect(Self.render(vendor: vendor, kpi: kpi, contract: contract) == expected)
    }

    @Test func aKnownKPIWithoutValuesSaysSo() {
        let text = try? HistoryQuery.render(
            vendor: "ACME", kpi: "average_handle_time", contract: nil, rules: Self.rules,
            items: Array(Self.items.prefix(3)))
        #expect(text == "ACME average_handle_time (AHT, seconds, lower is better)\n  no values")
    }
}
