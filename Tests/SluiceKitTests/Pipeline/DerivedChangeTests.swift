import Foundation
import Testing

@testable import SluiceKit

/// Changes of values derived from record-level feeds, through the real pipeline and store:
/// a corrected file under the same name replaces the first one's records, and a file adding
/// another day's records moves the period's aggregates; each run reports what moved, exactly,
/// and nothing that did not.
@Suite struct DerivedChangeTests {
    static let rules = """
        kpis:
          - { id: service_level, name: SL, unit: percent, direction: higher, decimals: 1 }
          - { id: aht, name: AHT, unit: seconds, direction: lower, decimals: 1 }
        contracts:
          - { id: ACME-CS-2026, vendor: ACME, start: 2026-01-01, end: 2026-12-31 }
        feeds:
          - name: interactions
            vendor: ACME
            files: ["interactions_*.csv"]
            fields:
              - { name: id, kind: text, required: true }
              - { name: started, kind: timestamp, formats: [iso-8601], required: true }
              - { name: wait, kind: integer, required: true }
              - { name: handle, kind: integer, required: true }
            kpi:
              layout: records
              time: started
              derive:
                - { kpi: service_level, share: "wait <= 20" }
                - { kpi: aht, mean: handle }

        """

    static let day1 = "id,started,wait,handle\nI1,2026-10-01T09:00:00,10,300\nI2,2026-10-01T10:00:00,30,200\n"
    /// I2 waited 15 s, not 30: the service level moves, the handle times (AHT) do not.
    static let day1Corrected = "id,started,wait,handle\nI1,2026-10-01T09:00:00,10,300\nI2,2026-10-01T10:00:00,15,200\n"
    static let day2 = "id,started,wait,handle\nI3,2026-10-02T09:00:00,40,400\n"

    static func run(_ work: URL, at clock: String) throws -> RunReport {
        let now = ISO8601DateFormatter().date(from: clock)!
        return try Pipeline.run(
            RunOptions(
                inbox: work.appendingPathComponent("Inbox"), rules: work.appendingPathComponent("Rules"),
                outbox: work.appendingPathComponent("Outbox"), displayBase: work, now: { now },
                asOf: CivilDate(year: 2026, month: 11, day: 20)))
    }

    @Test func aCorrectedFileAndAnAddedDayReportTheDerivedChanges() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        for folder in ["Inbox", "Rules"] {
            try FileManager.default.createDirectory(
                at: work.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data(Self.rules.utf8).write(to: work.appendingPathComponent("Rules/acme.yaml"))
        func add(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: work.appendingPathComponent("Inbox").appendingPathComponent(name))
        }

        try add("interactions_2026-10-01.csv", Self.day1)
        let first = try Self.run(work, at: "2026-11-05T02:00:00Z")
        #expect(first.summary.runID == "20261105T020000Z")
        #expect(first.summary.changes.isEmpty, "a brand-new period is not a change")

        try add("interactions_2026-10-01.csv", Self.day1Corrected)
        let second = try Self.run(work, at: "2026-11-12T02:00:00Z")
        #expect(second.summary.inputs.map(\.status) == ["processed"])
        #expect(
            second.summary.changes.map(\.line) == [
                "ACME 2026-10 service_level 50.0 → 100.0 (2 of 2 records in Inbox/interactions_2026-10-01.csv of run 20261105T020000Z, replaced by Inbox/interactions_2026-10-01.csv)"
            ])
        #expect(
            try String(contentsOf: second.runFolder.appendingPathComponent("changes.csv"), encoding: .utf8) == """
                vendor,contract,period,kpi,dimension,previous,current,previous_source,previous_run,current_source
                ACME,ACME-CS-2026,2026-10,service_level,,50.0,100.0,2 of 2 records in Inbox/interactions_2026-10-01.csv,20261105T020000Z,Inbox/interactions_2026-10-01.csv

                """)

        try add("interactions_2026-10-02.csv", Self.day2)
        let third = try Self.run(work, at: "2026-11-13T02:00:00Z")
        #expect(
            third.summary.changes.map(\.line) == [
                "ACME 2026-10 aht 250.0 → 300.0 (2 of 2 records in Inbox/interactions_2026-10-01.csv of run 20261112T020000Z, replaced by Inbox/interactions_2026-10-02.csv)",
                "ACME 2026-10 service_level 100.0 → 66.7 (2 of 2 records in Inbox/interactions_2026-10-01.csv of run 20261112T020000Z, replaced by Inbox/interactions_2026-10-02.csv)",
            ])
        // The top-level dataset (all runs' records) publishes the values the changes name.
        let kpi = try String(contentsOf: work.appendingPathComponent("Outbox/kpi.csv"), encoding: .utf8)
        #expect(kpi.contains(",service_level,SL,,66.7,"))
        #expect(kpi.contains(",aht,AHT,,300.0,"))

        // Nothing new: nothing changes.
        let fourth = try Self.run(work, at: "2026-11-14T02:00:00Z")
        #expect(fourth.summary.changes.isEmpty)
    }
}
