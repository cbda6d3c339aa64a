import Foundation
import Testing

@testable import SluiceKit

/// `exceptions-columns` and `excel-safe-csv: false` in the exceptions writer.
@Suite struct ExceptionsColumnsTests {
    static let findings: [Finding] = [
        Finding(
            severity: .error, ruleID: "type", feed: "interactions", vendor: "V001",
            location: SourceLocation(file: "Inbox/bench.csv", line: 994, column: 7, record: 993),
            field: "handle_time_s", rawValue: "1,234", message: "field 'handle_time_s': '1,234' is not an integer",
            hint: "write a whole number such as 42"),
        Finding(
            severity: .error, ruleID: "type", feed: "interactions", vendor: "V001",
            location: SourceLocation(file: "Inbox/bench.csv", line: 1001, column: 8, record: 1000),
            field: "wait_time_s", rawValue: "+15", message: "field 'wait_time_s': '+15' is not an integer",
            hint: nil),
        Finding(
            severity: .error, ruleID: "type", feed: "interactions", vendor: "V001",
            location: SourceLocation(file: "Inbox/bench.csv", line: 1002, column: 10, record: 1001),
            field: "csat", rawValue: "--", message: "field 'csat': '--' is not an integer", hint: nil),
        Finding(
            severity: .error, ruleID: "required", feed: "interactions", vendor: "V001",
            location: SourceLocation(file: "Inbox/bench.csv", line: 1003, column: 4, record: 1002),
            field: "queue", rawValue: "", message: "field 'queue' is empty; expected a value", hint: nil),
    ]

    private func write(columns: [String]?, excelSafe: Bool) throws -> (csv: String, json: String) {
        try withTemporaryFolder { folder in
            let writer = try ExceptionsWriter(folder: folder, csvColumns: columns, excelSafe: excelSafe)
            for finding in Self.findings { try writer.write(finding) }
            try writer.close()
            return (
                try contents(folder.appendingPathComponent("exceptions.csv")),
                try contents(folder.appendingPathComponent("exceptions.json"))
            )
        }
    }

    @Test func chosenColumnsInTheirOrderWithRawValues() throws {
        let written = try write(columns: ["file", "record", "field", "rule", "value"], excelSafe: false)
        #expect(
            written.csv == """
                file,record,field,rule,value
                Inbox/bench.csv,993,handle_time_s,type,"1,234"
                Inbox/bench.csv,1000,wait_time_s,type,+15
                Inbox/bench.csv,1001,csat,type,--
                Inbox/bench.csv,1002,queue,required,

                """)
    }

    @Test func theGuardIsOnByDefault() throws {
        let written = try write(columns: ["rule", "value"], excelSafe: true)
        #expect(written.csv == "rule,value\ntype,\"1,234\"\ntype,+15\ntype,'--\nrequired,\n")
    }

    @Test func jsonKeepsEveryColumnWhateverTheCSVHas() throws {
        let chosen = try write(columns: ["value", "rule"], excelSafe: false)
        let full = try write(columns: nil, excelSafe: true)
        #expect(chosen.json == full.json)
        #expect(full.csv.hasPrefix(CSVLine.encode(ExceptionsWriter.columns)))
        #expect(chosen.csv.hasPrefix("value,rule\n\"1,234\",type\n"))
    }
}
