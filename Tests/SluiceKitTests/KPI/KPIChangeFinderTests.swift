import Testing

@testable import SluiceKit

/// The differences a run's resubmissions make, against what earlier runs published.
extension KPITests {
    @Suite struct KPIChangeFinderTests {
        static let kpis = [
            KPISpec(id: "first_contact_resolution", name: "FCR", unit: .percent, direction: .higher, decimals: 1),
            KPISpec(id: "service_level", name: "SL", unit: .percent, direction: .higher, decimals: 1),
            KPISpec(id: "average_handle_time", name: "AHT", unit: .seconds, direction: .lower, decimals: 0),
        ]

        static func key(_ kpi: String) -> KPIKey {
            KPIKey(vendor: "ACME", contract: "ACME-CS-2026", period: month(10), kpi: kpi, dimension: "")
        }

        static func earlier(_ kpi: String, _ value: String, line: Int) -> KPIHistory.PublishedObservation {
            KPIHistory.PublishedObservation(
                observation: StoredObservation(
                    feed: "acme-scorecard", key: key(kpi), value: ExactRatio(decimal(value)),
                    file: "Inbox/acme_2026-10.csv", line: line, record: line - 1, column: 4,
                    evidence: "Inbox/acme_2026-10.csv:\(line)"),
                run: "20261105T020000Z")
        }

        static func now(_ kpi: String, _ value: String, file: String, line: Int) -> KPIObservation {
            KPIObservation(
                key: key(kpi), value: ExactRatio(decimal(value)), source: .reported, evidence: "\(file):\(line)",
                location: SourceLocation(file: file, line: line), feed: "acme-scorecard")
        }

        static let published = [
            earlier("first_contact_resolution", "71.2", line: 3), earlier("service_level", "82.4", line: 2),
            earlier("average_handle_time", "312", line: 4),
        ]

        @Test func aCorrectedFileUnderANewNameChangesOnlyTheValuesItCarries() {
            let run = [
                Self.now("first_contact_resolution", "74.0", file: "Inbox/acme_2026-10_v2.csv", line: 3),
                Self.now("service_level", "82.40", file: "Inbox/acme_2026-10_v2.csv", line: 2),
            ]
            let changes = KPIChangeFinder.changes(
                earlier: Self.published, run: run, replacedFiles: [:], kpis: Self.kpis)
            #expect(
                changes.map(\.line) == [
                    "ACME 2026-10 first_contact_resolution 71.2 → 74.0 (Inbox/acme_2026-10.csv:3 of run 20261105T020000Z, replaced by Inbox/acme_2026-10_v2.csv:3)"
                ])
        }

        @Test func aSameNamedResubmissionWithoutAValueDropsIt() {
            let run = [Self.now("first_contact_resolution", "74.0", file: "Inbox/acme_2026-10.csv", line: 3)]
            let changes = KPIChangeFinder.changes(
                earlier: Self.published, run: run,
                replacedFiles: ["Inbox/acme_2026-10.csv": "Inbox/acme_2026-10.csv"], kpis: Self.kpis)
            #expect(
                changes.map(\.line) == [
                    "ACME 2026-10 average_handle_time 312 → no value (Inbox/acme_2026-10.csv:4 of run 20261105T020000Z, replaced by Inbox/acme_2026-10.csv)",
                    "ACME 2026-10 first_contact_resolution 71.2 → 74.0 (Inbox/acme_2026-10.csv:3 of run 20261105T020000Z, replaced by Inbox/acme_2026-10.csv:3)",
                    "ACME 2026-10 service_level 82.4 → no value (Inbox/acme_2026-10.csv:2 of run 20261105T020000Z, replaced by Inbox/acme_2026-10.csv)",
                ])
        }

        @Test func otherPeriodsAndFeedsAreUntouched() {
            let september = KPIObservation(
                key: KPIKey(
                    vendor: "ACME", contract: "ACME-CS-2026", period: month(9), kpi: "service_level", dimension: ""),
                value: ExactRatio(decimal("70")), source: .reported, evidence: "Inbox/acme_2026-09.csv:2",
                location: SourceLocation(file: "Inbox/acme_2026-09.csv"), feed: "acme-scorecard")
            var otherFeed = Self.now("service_level", "90", file: "Inbox/x.csv", line: 2)
            otherFeed = KPIObservation(
                key: otherFeed.key, value: otherFeed.value, source: .reported, evidence: otherFeed.evidence,
                location: otherFeed.location, feed: "acme-other")
            #expect(
                KPIChangeFinder.changes(
                    earlier: Self.published, run: [september, otherFeed], replacedFiles: [:], kpis: Self.kpis
                ).isEmpty)
        }
    }
}
