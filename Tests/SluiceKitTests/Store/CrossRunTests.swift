import Foundation
import Testing

@testable import SluiceKit

/// The top-level datasets as the truth across runs: resubmissions, records arriving over
/// several runs, and submissions judged against every receipt.
@Suite struct CrossRunTests {
    /// The published row of a KPI for 2026-10, as `period|actual|status|source|evidence`.
    static func row(_ lines: [String], kpi: String, period: String = "2026-10") -> String? {
        let header = CSVCells.split(lines[0])
        guard let kpiColumn = header.firstIndex(of: "kpi"), let periodColumn = header.firstIndex(of: "period"),
            let cells = lines.dropFirst().map(CSVCells.split).first(where: {
                $0[kpiColumn] == kpi && $0[periodColumn] == period
            })
        else { return nil }
        let pick = ["period", "actual", "status", "source", "evidence"].compactMap { header.firstIndex(of: $0) }
        return pick.map { cells[$0] }.joined(separator: "|")
    }

    @Test func aCorrectedFileSupersedesTheEarlierValueInTheTopLevelDataset() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-10.csv", "month,sl\n2026-10,78\n")
        let first = try work.run()
        #expect(
            Self.row(try work.lines("kpi.csv"), kpi: "service_level")
                == "2026-10|78.0|breached|reported|Inbox/scorecard_2026-10.csv:2")
        try work.drop("scorecard_2026-10-corrected.csv", "month,sl\n2026-10,82.5\n")
        let second = try work.run()
        #expect(
            Self.row(try work.lines("kpi.csv"), kpi: "service_level")
                == "2026-10|82.5|met|reported|Inbox/scorecard_2026-10-corrected.csv:2")
        #expect(
            Self.row(try work.lines("runs/\(first.summary.runID)/kpi.csv"), kpi: "service_level")
                == "2026-10|78.0|breached|reported|Inbox/scorecard_2026-10.csv:2", "the run folder keeps what it did")
        let lineage = try work.store().database.prepare(
            """
            SELECT o.value, o.state, f.display_path, o.superseded_by_run FROM observations o
            LEFT JOIN files f ON f.id = o.superseded_by_file ORDER BY o.id
            """
        ).rows([]) { "\($0.text(0)) \($0.text(1)) \($0.optionalText(2) ?? "-") \($0.optionalText(3) ?? "-")" }
        #expect(
            lineage == [
                "78 superseded Inbox/scorecard_2026-10-corrected.csv \(second.summary.runID)", "82.5 current - -",
            ])
    }

    @Test func aResubmissionUnderTheSameNameReplacesTheWholeFile() throws {
        let work = try StoreWorkFolder()
        try work.drop("contacts_2026-10.csv", "id,day,wait\nc1,2026-10-01,5\nc2,2026-10-01,50\n")
        _ = try work.run()
        #expect(
            Self.row(try work.lines("kpi.csv"), kpi: "contacts")
                == "2026-10|2||derived|2 of 2 records in Inbox/contacts_2026-10.csv")
        try work.drop("contacts_2026-10.csv", "id,day,wait\nc1,2026-10-01,5\nc2,2026-10-01,50\nc3,2026-10-02,7\n")
        _ = try work.run()
        #expect(
            Self.row(try work.lines("kpi.csv"), kpi: "contacts")
                == "2026-10|3||derived|3 of 3 records in Inbox/contacts_2026-10.csv")
    }

    @Test func recordsOfOnePeriodArrivingOverSeveralRunsAreAggregatedTogether() throws {
        let work = try StoreWorkFolder()
        try work.drop("contacts_2026-10-a.csv", "id,day,wait\nc1,2026-10-01,5\nc2,2026-10-01,50\nc3,2026-10-02,7\n")
        let first = try work.run()
        try work.drop("contacts_2026-10-b.csv", "id,day,wait\nc4,2026-10-03,30\nc5,2026-10-03,10\n")
        let second = try work.run()
        let top = try work.lines("kpi.csv")
        #expect(
            Self.row(top, kpi: "contacts")
                == "2026-10|5||derived|5 of 5 records in Inbox/contacts_2026-10-a.csv, Inbox/contacts_2026-10-b.csv")
        #expect(
            Self.row(top, kpi: "fast_answers")
                == "2026-10|60.0||derived|5 of 5 records in Inbox/contacts_2026-10-a.csv, Inbox/contacts_2026-10-b.csv")
        #expect(
            Self.row(try work.lines("runs/\(second.summary.runID)/kpi.csv"), kpi: "contacts")
                == "2026-10|2||derived|2 of 2 records in Inbox/contacts_2026-10-b.csv", "the run's own files only")
        #expect(
            Self.row(try work.lines("runs/\(first.summary.runID)/kpi.csv"), kpi: "contacts")?.hasPrefix("2026-10|3|")
                == true)
    }

    @Test func expectedSubmissionsAreJudgedAgainstEveryReceiptInTheLedger() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-09.csv", "month,sl\n2026-09,82.5\n", receivedOn: "2026-10-04")
        _ = try work.run()
        try work.remove("scorecard_2026-09.csv")  // archived by hand: the ledger remembers it
        try work.drop("scorecard_2026-10.csv", "month,sl\n2026-10,81\n", receivedOn: "2026-11-04")
        let second = try work.run()
        let submissions = try work.lines("runs/\(second.summary.runID)/submissions.csv")
        #expect(
            submissions.dropFirst().map { CSVCells.split($0) }.map { "\($0[3]) \($0[7]) \($0[8])" } == [
                "2026-09 received Inbox/scorecard_2026-09.csv", "2026-10 received Inbox/scorecard_2026-10.csv",
                "2026-11 pending ",
            ])
        #expect(!second.leadingFindings.contains { $0.ruleID == "missing-submission" })
        #expect(try work.lines("submissions.csv") == submissions)
    }
}

/// Splits one CSV line as Sluice writes it (quotes only when needed).
enum CSVCells {
    static func split(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var previous: Character?
        for character in line {
            if character == "\"" {
                if quoted, previous == "\"" { cell.append("\"") }
                quoted.toggle()
            } else if character == ",", !quoted {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(character)
            }
            previous = character
        }
        cells.append(cell)
        return cells
    }
}
