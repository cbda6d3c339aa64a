import Testing

@testable import SluiceKit

extension KPITests {
    @Suite struct SLAEvaluatorTests {
        static func exact(_ text: String) -> ExactRatio { ExactRatio(decimal(text)) }

        // Service level: higher is better, target 80, warning below 85.
        @Test(arguments: [
            (exact("90"), SLAStatus.met),
            (exact("85"), .met),  // tie at the warning level
            (exact("84.99"), .warning),
            (ExactRatio(2551, 30), .met),  // 85.0333…
            (ExactRatio(2549, 30), .warning),  // 84.9666…, rounds to 85.0
            (exact("80"), .warning),  // tie at the target: not a breach, but at risk
            (ExactRatio(2401, 30), .warning),  // 80.0333…
            (ExactRatio(2399, 30), .breached),  // 79.9666…, rounds to 80.0
            (exact("79.99"), .breached),
            (exact("0"), .breached),
        ])
        func higherWithWarning(actual: ExactRatio, expected: SLAStatus) {
            let target = SLATarget(kpi: "service_level", target: decimal("80"), warning: decimal("85"))
            #expect(SLAEvaluator.status(actual: actual, target: target, direction: .higher) == expected)
        }

        @Test(arguments: [
            (exact("100"), SLAStatus.met),
            (exact("80"), .met),  // tie at the target
            (exact("80.000"), .met),
            (ExactRatio(2399, 30), .breached),
            (exact("79.9999"), .breached),
        ])
        func higherWithoutWarning(actual: ExactRatio, expected: SLAStatus) {
            let target = SLATarget(kpi: "service_level", target: decimal("80"))
            #expect(SLAEvaluator.status(actual: actual, target: target, direction: .higher) == expected)
        }

        // Handle time: lower is better, target 300 s, warning above 280 s.
        @Test(arguments: [
            (exact("250"), SLAStatus.met),
            (exact("280"), .met),  // tie at the warning level
            (exact("280.5"), .warning),
            (ExactRatio(8999, 30), .warning),  // 299.9666…
            (exact("300"), .warning),  // tie at the target
            (ExactRatio(9001, 30), .breached),  // 300.0333…, rounds to 300.0
            (exact("300.01"), .breached),
        ])
        func lowerWithWarning(actual: ExactRatio, expected: SLAStatus) {
            let target = SLATarget(kpi: "aht", target: decimal("300"), warning: decimal("280"))
            #expect(SLAEvaluator.status(actual: actual, target: target, direction: .lower) == expected)
        }

        @Test(arguments: [
            (exact("0"), SLAStatus.met),
            (exact("300"), .met),  // tie at the target
            (exact("300.0001"), .breached),
            (ExactRatio(9001, 30), .breached),
        ])
        func lowerWithoutWarning(actual: ExactRatio, expected: SLAStatus) {
            let target = SLATarget(kpi: "aht", target: decimal("300"))
            #expect(SLAEvaluator.status(actual: actual, target: target, direction: .lower) == expected)
        }

        @Test(arguments: KPIDirection.allCases)
        func noValueIsNoData(direction: KPIDirection) {
            let target = SLATarget(kpi: "k", target: decimal("80"), warning: decimal("85"))
            #expect(SLAEvaluator.status(actual: nil, target: target, direction: direction) == .noData)
        }

        @Test func statusIsDecidedOnTheExactValueNotTheRoundedOne() {
            let actual = ExactRatio(2399, 30)
            #expect(actual.rounded(decimals: 1) == decimal("80.0"))
            let target = SLATarget(kpi: "service_level", target: decimal("80"))
            #expect(SLAEvaluator.status(actual: actual, target: target, direction: .higher) == .breached)
        }

        @Test func statusWordsAreTheOutputWords() {
            #expect(SLAStatus.allCases.map(\.rawValue) == ["met", "warning", "breached", "no-data", "n/a"])
        }

        static let targets = [
            SLATarget(kpi: "service_level", target: decimal("80")),
            SLATarget(kpi: "service_level", target: decimal("90"), effectiveFrom: day("2027-01-01")),
            SLATarget(kpi: "service_level", target: decimal("85"), effectiveFrom: day("2026-07-01")),
            SLATarget(kpi: "aht", target: decimal("300"), effectiveFrom: day("2026-04-01")),
            SLATarget(kpi: "quality", target: decimal("90"), effectiveFrom: day("2026-10-15")),
        ]

        @Test(
            arguments: [
                ("service_level", "2026-01", PeriodLength.month, "80"),
                ("service_level", "2026-06", .month, "80"),
                ("service_level", "2026-07", .month, "85"),
                ("service_level", "2026-12", .month, "85"),
                ("service_level", "2027-01", .month, "90"),
                ("service_level", "2027-06", .month, "90"),
                ("service_level", "2026-W27", .week, "80"),  // 29 June – 5 July starts before 1 July
                ("service_level", "2026-W28", .week, "85"),
                ("service_level", "2026-06-30", .day, "80"),
                ("service_level", "2026-07-01", .day, "85"),
                ("aht", "2026-03", .month, nil),  // not yet in force
                ("aht", "2026-04", .month, "300"),
                ("quality", "2026-10", .month, nil),  // effective mid-period: from the next period
                ("quality", "2026-11", .month, "90"),
                ("quality", "2026-10-15", .day, "90"),
                ("csat", "2026-10", .month, nil),
            ] as [(String, String, PeriodLength, String?)])
        func targetSelection(kpi: String, label: String, length: PeriodLength, expected: String?) throws {
            let period = try #require(PeriodKey.parse(label: label, length: length))
            for targets in [Self.targets, Self.targets.reversed()] {
                let contract = ContractSpec(
                    id: "C", vendor: "acme", start: day("2026-01-01"), end: day("2027-12-31"), period: length,
                    targets: targets)
                let chosen = SLAEvaluator.target(for: kpi, period: period, in: contract)
                #expect(chosen?.target == expected.map(decimal))
                #expect(chosen.map { $0.kpi == kpi } ?? true)
            }
        }

        @Test func laterDeclarationWinsATie() {
            let contract = ContractSpec(
                id: "C", vendor: "acme", start: day("2026-01-01"), end: day("2026-12-31"),
                targets: [
                    SLATarget(kpi: "sl", target: decimal("80"), effectiveFrom: day("2026-01-01")),
                    SLATarget(kpi: "sl", target: decimal("82"), effectiveFrom: day("2026-01-01")),
                ])
            #expect(SLAEvaluator.target(for: "sl", period: month(3), in: contract)?.target == decimal("82"))
        }
    }
}
