import Foundation
import Testing

@testable import SluiceKit

/// Two runs through the real pipeline and store: September and October, then a corrected
/// October file. The second run reports the change, writes `changes.csv`, warns that the
/// corrected value moved too far against September (published by the first run), and
/// `sluice history` shows the superseded value with what replaced it.
@Suite struct ResubmissionTests {
    static let rules = """
        kpis:
          - id: first_contact_resolution
            name: FCR
            unit: percent
            direction: higher
            decimals: 1
            aliases: [FCR]
            history: { max-change: 10 }
          - { id: service_level, name: SL, unit: percent, direction: higher, decimals: 1, aliases: [SL] }
        contracts:
          - id: ACME-CS-2026
            vendor: ACME
            start: 2026-01-01
            end: 2026-12-31
            targets:
              - { kpi: first_contact_resolution, target: 70, warning: 72 }
        feeds:
          - name: acme-scorecard
            vendor: { field: vendor }
            files: ["acme_scorecard_*.csv"]
            fields:
              - { name: vendor, aliases: [Vendor], kind: text, required: true }
              - { name: period, aliases: [Month], kind: date, formats: [yyyy-MM], required: true }
              - { name: kpi, aliases: [KPI], kind: text, required: true }
              - { name: value, aliases: [Value], kind: text, required: true }
            kpi: { layout: long, period: period, name: kpi, value: value }

        """

    static let september = "Vendor,Month,KPI,Value\nACME,2026-09,SL,80\nACME,2026-09,FCR,61.7\n"
    static let october = "Vendor,Month,KPI,Value\nACME,2026-10,SL,82.4\nACME,2026-10,FCR,71.2\n"
    static let corrected = "Vendor,Month,KPI,Value\nACME,2026-10,FCR,74.0\nACME,2026-10,SL,82.4\n"

    /// A work folder with the rules and an empty inbox.
    static func workFolder() throws -> URL {
        let work = try TestPaths.temporaryFolder()
        for folder in ["Inbox", "Rules"] {
            try FileManager.default.createDirectory(
                at: work.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data(rules.utf8).write(to: work.appendingPathComponent("Rules/acme.yaml"))
        return work
    }

    static func add(_ name: String, _ text: String, to work: URL) throws {
        try Data(text.utf8).write(to: work.appendingPathComponent("Inbox").appendingPathComponent(name))
    }

    static func run(_ work: URL, at clock: String) throws -> RunReport {
        let now = ISO8601DateFormatter().date(from: clock)!
        return try Pipeline.run(
            RunOptions(
                inbox: work.appendingPathComponent("Inbox"), rules: work.appendingPathComponent("Rules"),
                outbox: work.appendingPathComponent("Outbox"), displayBase: work, now: { now },
                asOf: CivilDate(year: 2026, month: 11, day: 20)))
    }

    @Test func aCorrectedFileSupersedesReportsTheChangeAndWarnsAgainstLastPeriod() throws {
        let work = try Self.workFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Self.add("acme_scorecard_2026-09.csv", Self.september, to: work)
        try Self.add("acme_scorecard_2026-10.csv", Self.october, to: work)
        let first = try Self.run(work, at: "2026-11-05T02:00:00Z")
        #expect(first.summary.runID == "20261105T020000Z")
        #expect(first.summary.changes.isEmpty)
        #expect(first.leadingFindings.isEmpty, "71.2 moved +9.5 against 61.7: within max-change 10")

        try Self.add("acme_scorecard_2026-10_corrected.csv", Self.corrected, to: work)
        let second = try Self.run(work, at: "2026-11-12T02:00:00Z")
        #expect(
            second.summary.changes.map(\.line) == [
                "ACME 2026-10 first_contact_resolution 71.2 → 74.0 (Inbox/acme_scorecard_2026-10.csv:3 of run 20261105T020000Z, replaced by Inbox/acme_scorecard_2026-10_corrected.csv:2)"
            ])
        #expect(
            try String(contentsOf: second.runFolder.appendingPathComponent("changes.csv"), encoding: .utf8) == """
                vendor,contract,period,kpi,dimension,previous,current,previous_source,previous_run,current_source
                ACME,ACME-CS-2026,2026-10,first_contact_resolution,,71.2,74.0,Inbox/acme_scorecard_2026-10.csv:3,20261105T020000Z,Inbox/acme_scorecard_2026-10_corrected.csv:2

                """)
        #expect(
            second.leadingFindings.map(\.diagnostic) == [
                "Inbox/acme_scorecard_2026-10_corrected.csv:2:4: warning: [history-change] ACME 2026-10 first_contact_resolution 74.0 moved +12.3 against 2026-09 (61.7); declared max-change 10"
            ])
        let summary = try String(contentsOf: second.runFolder.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains(#""previous_run" : "20261105T020000Z""#))

        let listing = try HistoryQuery.run(
            RunOptions(
                inbox: work.appendingPathComponent("Inbox"), rules: work.appendingPathComponent("Rules"),
                outbox: work.appendingPathComponent("Outbox"), displayBase: work),
            vendor: "acme", kpi: "fcr", contract: nil)
        #expect(
            listing == """
                ACME first_contact_resolution (FCR, percent, higher is better)
                  period   contract      value  target  status      source                                        run               replaced by
                  2026-09  ACME-CS-2026  61.7   70      breached    Inbox/acme_scorecard_2026-09.csv:3            20261105T020000Z
                  2026-10  ACME-CS-2026  71.2   70      superseded  Inbox/acme_scorecard_2026-10.csv:3            20261105T020000Z  74.0 from Inbox/acme_scorecard_2026-10_corrected.csv:2 (run 20261112T020000Z)
                  2026-10  ACME-CS-2026  74.0   70      met         Inbox/acme_scorecard_2026-10_corrected.csv:2  20261112T020000Z
                """)
    }

    @Test func historyNeedsAStore() throws {
        let work = try Self.workFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(throws: SluiceError.self) {
            try HistoryQuery.run(
                RunOptions(
                    inbox: work.appendingPathComponent("Inbox"), rules: work.appendingPathComponent("Rules"),
                    outbox: work.appendingPathComponent("Outbox"), displayBase: work),
                vendor: "ACME", kpi: nil, contract: nil)
        }
    }
}
