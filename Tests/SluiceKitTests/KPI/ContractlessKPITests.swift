import Foundation
import Testing

@testable import SluiceKit

/// KPIs of record-level feeds without a contract (`contract: none`), the `n/a` status, and the
/// wide table's chosen file and columns, through the real pipeline and store.
@Suite struct ContractlessKPITests {
    static let catalogue = """
        kpis:
          - { id: n, name: Contacts, unit: count, direction: higher, decimals: 0 }
          - { id: sl, name: SL, unit: percent, direction: higher, decimals: 1, target: 80 }
          - { id: csat, name: CSAT, unit: score, direction: higher, decimals: 2, target: 4.0 }

        """

    static func feed(kpiHead: String) -> String {
        """
        feeds:
          - name: contacts
            vendor: { field: vendor }
            files: ["contacts_*.csv"]
            fields:
              - { name: vendor, kind: text, required: true, trim: false }
              - { name: channel, kind: enum, values: [voice, chat], required: true }
              - { name: started, kind: timestamp, formats: ["yyyy-MM-dd HH:mm:ss"], required: true }
              - { name: wait, kind: integer, required: true }
              - { name: csat, kind: integer }
            kpi:
        \(kpiHead)
              time: started
              derive:
                - { kpi: n, count: true }
                - { kpi: sl, share: "wait <= 60", where: "channel == voice" }
                - { kpi: csat, mean: csat }

        """
    }

    static let daily = "      layout: records\n      contract: none\n      period: day"

    /// Vendors `A`, `B` and `a` (byte order: `A` < `B` < `a`); B has no voice contacts and no
    /// survey answers; A has a day in 2028, after the as-of date.
    static let contacts = """
        vendor,channel,started,wait,csat
        B,chat,2026-10-04 09:00:00,10,
        a,voice,2026-10-03 11:00:00,10,3
        A,voice,2028-02-29 10:00:00,60,4
        A,voice,2026-10-03 10:00:00,61,5
        A,voice,2026-10-03 11:00:00,10,

        """

    /// A work folder with the rules and the inbox files.
    static func work(rules: String, files: [String: String]) throws -> URL {
        let work = try TestPaths.temporaryFolder()
        for folder in ["Inbox", "Rules"] {
            try FileManager.default.createDirectory(
                at: work.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data(rules.utf8).write(to: work.appendingPathComponent("Rules/rules.yaml"))
        for (name, text) in files { try Data(text.utf8).write(to: work.appendingPathComponent("Inbox/\(name)")) }
        return work
    }

    static func run(_ work: URL, hour: Int = 1) throws -> RunReport {
        let now = Date(timeIntervalSince1970: 1_795_000_000 + TimeInterval(hour * 3600))
        return try Pipeline.run(
            RunOptions(
                inbox: work.appendingPathComponent("Inbox"), rules: work.appendingPathComponent("Rules"),
                outbox: work.appendingPathComponent("Outbox"), displayBase: work, now: { now },
                asOf: CivilDate(year: 2026, month: 11, day: 6)))
    }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func aFeedWithoutAContractIsEvaluatedPerVendorAndDayAgainstTheCatalogueTargets() throws {
        let work = try Self.work(
            rules: Self.catalogue + Self.feed(kpiHead: Self.daily),
            files: [
                "contacts_1.csv": Self.contacts
            ])
        defer { try? FileManager.default.removeItem(at: work) }
        let report = try Self.run(work)
        let kpi = try Self.text(report.runFolder.appendingPathComponent("kpi.csv"))
        #expect(
            kpi == """
                vendor,contract,period,period_start,period_end,kpi,kpi_name,dimension,actual,unit,target,warning,direction,critical,status,source,evidence
                A,,2026-10-03,2026-10-03,2026-10-03,csat,CSAT,,5.00,score,4.0,,higher,false,met,derived,2 of 2 records in Inbox/contacts_1.csv
                A,,2026-10-03,2026-10-03,2026-10-03,n,Contacts,,2,count,,,higher,,,derived,2 of 2 records in Inbox/contacts_1.csv
                A,,2026-10-03,2026-10-03,2026-10-03,sl,SL,,50.0,percent,80,,higher,false,breached,derived,2 of 2 records in Inbox/contacts_1.csv
                A,,2028-02-29,2028-02-29,2028-02-29,csat,CSAT,,4.00,score,4.0,,higher,false,met,derived,1 of 1 records in Inbox/contacts_1.csv
                A,,2028-02-29,2028-02-29,2028-02-29,n,Contacts,,1,count,,,higher,,,derived,1 of 1 records in Inbox/contacts_1.csv
                A,,2028-02-29,2028-02-29,2028-02-29,sl,SL,,100.0,percent,80,,higher,false,met,derived,1 of 1 records in Inbox/contacts_1.csv
                B,,2026-10-04,2026-10-04,2026-10-04,csat,CSAT,,,score,4.0,,higher,false,n/a,derived,1 of 1 records in Inbox/contacts_1.csv
                B,,2026-10-04,2026-10-04,2026-10-04,n,Contacts,,1,count,,,higher,,,derived,1 of 1 records in Inbox/contacts_1.csv
                B,,2026-10-04,2026-10-04,2026-10-04,sl,SL,,,percent,80,,higher,false,n/a,derived,0 of 1 records in Inbox/contacts_1.csv
                a,,2026-10-03,2026-10-03,2026-10-03,csat,CSAT,,3.00,score,4.0,,higher,false,breached,derived,1 of 1 records in Inbox/contacts_1.csv
                a,,2026-10-03,2026-10-03,2026-10-03,n,Contacts,,1,count,,,higher,,,derived,1 of 1 records in Inbox/contacts_1.csv
                a,,2026-10-03,2026-10-03,2026-10-03,sl,SL,,100.0,percent,80,,higher,false,met,derived,1 of 1 records in Inbox/contacts_1.csv

                """)
        // No contract, no contract checks: no no-contract, future-period, missing-kpi or submission findings.
        #expect(report.summary.findings.errors == 0 && report.summary.findings.warnings == 0)
        #expect(report.summary.records.accepted == 5)
        #expect(report.summary.kpis.notApplicable == 2)
        #expect(report.summary.kpis.met == 4 && report.summary.kpis.breached == 2 && report.summary.kpis.noData == 0)
        #expect(
            try Self.text(report.runFolder.appendingPathComponent("submissions.csv")).split(separator: "\n").count == 1)
        #expect(try Self.text(report.runFolder.appendingPathComponent("credits.csv")).split(separator: "\n").count == 1)
        // The top-level dataset, rebuilt from the store, is the same.
        #expect(try Self.text(work.appendingPathComponent("Outbox/kpi.csv")) == kpi)
    }

    @Test func aWhereThatSelectsNothingIsNotApplicableAlsoUnderAContract() throws {
        let contract = """
            contracts:
              - { id: C-1, vendor: B, start: 2026-01-01, end: 2026-12-31, period: day }

            """
        let work = try Self.work(
            rules: Self.catalogue + contract + Self.feed(kpiHead: "      layout: records"),
            files: ["contacts_1.csv": "vendor,channel,started,wait,csat\nB,chat,2026-10-04 09:00:00,10,\n"])
        defer { try? FileManager.default.removeItem(at: work) }
        let report = try Self.run(work)
        let kpi = try Self.text(report.runFolder.appendingPathComponent("kpi.csv"))
        #expect(
            kpi.split(separator: "\n").dropFirst().map { String($0) } == [
                "B,C-1,2026-10-04,2026-10-04,2026-10-04,csat,CSAT,,,score,4.0,,higher,false,n/a,derived,1 of 1 records in Inbox/contacts_1.csv",
                "B,C-1,2026-10-04,2026-10-04,2026-10-04,n,Contacts,,1,count,,,higher,,,derived,1 of 1 records in Inbox/contacts_1.csv",
                "B,C-1,2026-10-04,2026-10-04,2026-10-04,sl,SL,,,percent,80,,higher,false,n/a,derived,0 of 1 records in Inbox/contacts_1.csv",
            ])
        #expect(report.summary.findings.errors == 0, "no missing-kpi: nothing to measure is not missing data")
    }

    @Test func theWideTableHasItsChosenFileAndColumnsInTheRunAndAtTheTop() throws {
        let settings = """
            settings:
              kpi-layout: both
              kpi-wide:
                file: daily.csv
                columns: [{ column: vendor, as: vendor_id }, { column: period_start, as: day }, n, sl, csat, { column: sl_status, as: sl_state }, csat_status]

            """
        let work = try Self.work(
            rules: settings + Self.catalogue + Self.feed(kpiHead: Self.daily),
            files: ["contacts_1.csv": Self.contacts])
        defer { try? FileManager.default.removeItem(at: work) }
        let first = try Self.run(work)
        let expected = """
            vendor_id,day,n,sl,csat,sl_state,csat_status
            A,2026-10-03,2,50.0,5.00,breached,met
            A,2028-02-29,1,100.0,4.00,met,met
            B,2026-10-04,1,,,n/a,n/a
            a,2026-10-03,1,100.0,3.00,met,breached

            """
        #expect(try Self.text(first.runFolder.appendingPathComponent("daily.csv")) == expected)
        #expect(FileManager.default.fileExists(atPath: first.runFolder.appendingPathComponent("kpi.csv").path))
        #expect(!FileManager.default.fileExists(atPath: first.runFolder.appendingPathComponent("kpi-wide.csv").path))
        #expect(try Self.text(work.appendingPathComponent("Outbox/daily.csv")) == expected)
        // A later file adds a day of B's; the top-level table holds both runs' days, from the store.
        try Data("vendor,channel,started,wait,csat\nB,voice,2026-10-05 09:00:00,60,4\n".utf8).write(
            to: work.appendingPathComponent("Inbox/contacts_2.csv"))
        let second = try Self.run(work, hour: 2)
        #expect(
            try Self.text(second.runFolder.appendingPathComponent("daily.csv"))
                == "vendor_id,day,n,sl,csat,sl_state,csat_status\nB,2026-10-05,1,100.0,4.00,met,met\n")
        #expect(
            try Self.text(work.appendingPathComponent("Outbox/daily.csv")) == """
                vendor_id,day,n,sl,csat,sl_state,csat_status
                A,2026-10-03,2,50.0,5.00,breached,met
                A,2028-02-29,1,100.0,4.00,met,met
                B,2026-10-04,1,,,n/a,n/a
                B,2026-10-05,1,100.0,4.00,met,met
                a,2026-10-03,1,100.0,3.00,met,breached

                """)
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("Outbox/kpi-wide.csv").path))
    }

    /// SPEC §5's ties and thresholds: exact values rounded half up, statuses on the exact value.
    @Test func tiesRoundHalfUpAndThresholdsAreMetExactly() {
        #expect(ExactRatio(1, 4).rounded(decimals: 1).description == "0.3")
        #expect(ExactRatio(33, 8).rounded(decimals: 2).description == "4.13")
        #expect(ExactRatio(1, 20).rounded(decimals: 1).description == "0.1")
        let higher = { (actual: ExactRatio, target: String) in
            SLAEvaluator.status(
                actual: actual, target: SLATarget(kpi: "k", target: decimal(target)), direction: .higher)
        }
        #expect(higher(ExactRatio(400, 5), "80") == .met)
        #expect(higher(ExactRatio(700, 10), "70") == .met)
        #expect(higher(ExactRatio(32, 8), "4.0") == .met)
        #expect(higher(ExactRatio(7_999_999, 100_000), "80") == .breached)  // shows as 80.0
        #expect(higher(ExactRatio(3999, 1000), "4.0") == .breached)  // shows as 4.00
    }
}
