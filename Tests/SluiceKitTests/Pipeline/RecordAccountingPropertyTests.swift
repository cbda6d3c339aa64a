import Foundation
import Testing

@testable import SluiceKit

/// Seeded property test: whatever the defects, every input record lands exactly once, either
/// in cleaned data or in the rejected records, and the counts agree.
@Suite struct RecordAccountingPropertyTests {
    static let rules = """
        feeds:
          - name: contacts
            vendor: V
            files: ["contacts_*.csv"]
            fields:
              - { name: id, kind: text, required: true }
              - { name: wait, kind: integer, required: true, range: { min: 0, max: 600 } }
              - { name: day, kind: date, formats: [yyyy-MM-dd, dd/MM/yyyy, MM/dd/yyyy] }
              - { name: note, kind: text, max-length: 12 }
            unique-key: [id]
        """

    static func row(_ random: inout SeededRandom, index: Int) -> String {
        let ids = ["C\(index)", "C\(Int.random(in: 0..<max(1, index), using: &random))", ""]
        let id = ids[Int.random(in: 0..<10, using: &random) < 8 ? 0 : Int.random(in: 1...2, using: &random)]
        let waits = ["\(Int.random(in: 0...600, using: &random))", "-3", "9999", "x1", "N/A", ""]
        let days = ["2026-10-\(Int.random(in: 10...28, using: &random))", "03/04/2026", "31/02/2026", "", "soon"]
        let notes = ["ok", "\"a, b\"", "\"two\nlines\"", "\"say \"\"hi\"\"\"", "far too long a note", "=1+1"]
        var fields = [
            id, waits.randomElement(using: &random)!, days.randomElement(using: &random)!,
            notes.randomElement(using: &random)!,
        ]
        if Int.random(in: 0..<25, using: &random) == 0 { fields.removeLast() }
        if Int.random(in: 0..<25, using: &random) == 0 { fields.append("extra") }
        return fields.joined(separator: ",")
    }

    @Test(arguments: [1, 7, 42, 2026, 31337])
    func everyRecordLandsExactlyOnce(seed: UInt64) throws {
        var random = SeededRandom(state: seed)
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let inbox = work.appendingPathComponent("Inbox")
        let rulesFolder = work.appendingPathComponent("Rules")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: rulesFolder, withIntermediateDirectories: true)
        try Data(Self.rules.utf8).write(to: rulesFolder.appendingPathComponent("rules.yaml"))
        var written = 0
        for file in 0..<3 {
            let count = Int.random(in: 0...120, using: &random)
            let lines = ["id,wait,day,note"] + (0..<count).map { Self.row(&random, index: written + $0) }
            written += count
            try Data((lines.joined(separator: "\r\n") + "\r\n").utf8).write(
                to: inbox.appendingPathComponent("contacts_\(file).csv"))
        }
        let report = try Pipeline.run(
            RunOptions(
                inbox: inbox, rules: rulesFolder, outbox: work.appendingPathComponent("Outbox"), displayBase: work))
        let summary = report.summary
        #expect(summary.records.read == written, "seed \(seed)")
        #expect(summary.records.read == summary.records.accepted + summary.records.rejected, "seed \(seed)")
        let clean = try CSVTestReader.rows(report.runFolder.appendingPathComponent("clean/contacts.csv"))
        let rejected = try CSVTestReader.rows(report.runFolder.appendingPathComponent("rejected/contacts.csv"))
        #expect(clean.count - 1 == summary.records.accepted, "seed \(seed)")
        #expect(rejected.count - 1 == summary.records.rejected, "seed \(seed)")
        let cleanPlaces = clean.dropFirst().map { "\($0[5]):\($0[7])" }
        let rejectedPlaces = rejected.dropFirst().map { "\($0[0]):\($0[2])" }
        let places = cleanPlaces + rejectedPlaces
        #expect(Set(places).count == written, "each (file, record) appears once; seed \(seed)")
    }
}

/// Reads a small CSV output back with the product's own reader.
enum CSVTestReader {
    static func rows(_ url: URL) throws -> [[String]] {
        var reader = try CSVRecordReader(url: url, displayPath: url.lastPathComponent, options: CSVOptions())
        var rows = [reader.header]
        while let record = try reader.next() {
            rows.append(record.fields.map { $0.value ?? "" })
        }
        return rows
    }
}
