import Foundation

@testable import SluiceKit

/// A work folder (Inbox, Rules, Outbox) for running the real pipeline several times, as cron would.
final class StoreWorkFolder {
    let root: URL
    var inbox: URL { root.appendingPathComponent("Inbox") }
    var outbox: URL { root.appendingPathComponent("Outbox") }
    private var clock = Date(timeIntervalSince1970: 1_795_000_000)

    /// A monthly ACME contract; `scorecard` reports service level (wide layout), `contacts`
    /// has one record per contact, from which the count and the share answered fast are derived.
    static let rules = """
        kpis:
          - { id: service_level, name: Service Level, unit: percent, direction: higher, decimals: 1 }
          - { id: fast_answers, name: Answered in 20 s, unit: percent, direction: higher, decimals: 1 }
          - { id: contacts, name: Contacts, unit: count, direction: higher, decimals: 0 }
        contracts:
          - id: AC-1
            vendor: ACME
            start: 2026-06-01
            end: 2026-12-31
            targets:
              - { kpi: service_level, target: 80 }
            submissions:
              - { feed: scorecard, due-day: 5, grace-days: 2, from: 2026-09-01 }
        feeds:
          - name: scorecard
            vendor: ACME
            files: ["scorecard_*.csv"]
            fields:
              - { name: month, kind: date, formats: [yyyy-MM], required: true }
              - { name: sl, kind: percent, required: true }
            kpi: { layout: wide, period: month, columns: { sl: service_level } }
          - name: contacts
            vendor: ACME
            files: ["contacts_*.csv"]
            fields:
              - { name: id, kind: text, required: true }
              - { name: day, kind: date, required: true }
              - { name: wait, kind: integer, required: true }
            kpi:
              layout: records
              time: day
              derive:
                - { kpi: contacts, count: true }
                - { kpi: fast_answers, share: "wait <= 20" }
        """

    init() throws {
        root = try TestPaths.temporaryFolder()
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let rules = root.appendingPathComponent("Rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try Data(Self.rules.utf8).write(to: rules.appendingPathComponent("rules.yaml"))
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// Puts a file in the inbox, received on 2026-11-03 unless told.
    func drop(_ name: String, _ text: String, receivedOn day: String = "2026-11-03") throws {
        let url = inbox.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        let date = CivilDate.iso(day)!
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch * 86_400 + 43_200))],
            ofItemAtPath: url.path)
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(at: inbox.appendingPathComponent(name))
    }

    /// One run, an hour after the last; as of 2026-11-20 unless told.
    func run(dryRun: Bool = false, asOf: CivilDate = CivilDate(year: 2026, month: 11, day: 20)) throws -> RunReport {
        clock += 3600
        let now = clock
        var options = RunOptions(
            inbox: inbox, rules: root.appendingPathComponent("Rules"), outbox: outbox, displayBase: root,
            now: { now }, asOf: asOf)
        options.dryRun = dryRun
        return try Pipeline.run(options)
    }

    /// A published file's lines.
    func lines(_ path: String) throws -> [String] {
        try String(contentsOf: outbox.appendingPathComponent(path), encoding: .utf8).split(separator: "\n").map(
            String.init)
    }

    /// Published run folders.
    func runFolders() throws -> [String] {
        let runs = outbox.appendingPathComponent("runs")
        guard FileManager.default.fileExists(atPath: runs.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: runs.path).sorted()
    }

    /// The store, opened afresh.
    func store() throws -> Store { try Store(outbox: outbox) }
}
