import Foundation
import Testing

@testable import SluiceKit

@Suite struct ExceptionsWriterTests {
    /// One finding of each shape: a field value, a column, a whole file, hostile text.
    static let findings: [Finding] = [
        Finding(
            severity: .error, ruleID: "type", feed: "corvia-interactions", vendor: "Corvia",
            location: SourceLocation(
                file: "Inbox/corvia_interactions_20261028.csv", line: 6, column: 6, record: 5, field: "Wait (s)"),
            field: "wait_time_s", rawValue: "1O", message: "field 'wait_time_s': '1O' is not an integer",
            hint: "write a whole number such as 42"),
        Finding(
            severity: .warning, ruleID: "unknown-column", feed: "brightline-scorecard", vendor: "Brightline",
            location: SourceLocation(
                file: "Inbox/brightline_scorecard_2026-10.csv", line: 2, column: 7, field: "Notiz"),
            message: "column 'Notiz' is not claimed by any field; it is ignored",
            hint: "add 'Notiz' to a field's aliases if it is needed"),
        Finding(
            severity: .error, ruleID: "unrouted-file", location: SourceLocation(file: "Inbox/acme_notes_2026-10.txt"),
            message: "no feed's files pattern matches 'acme_notes_2026-10.txt'"),
        Finding(
            severity: .error, ruleID: "required", feed: "corvia-interactions", vendor: "Corvia",
            location: SourceLocation(file: "Inbox/c.csv", line: 9, column: 2, record: 8, field: "Queue"),
            field: "queue", rawValue: "=HYPERLINK(\"http://x.test\",\"click\")",
            message: "field 'queue' says \"hi\", then\na line break\tand a tab\u{1}", hint: "-5 or +3 or @x"),
        Finding(
            severity: .warning, ruleID: "max-length", feed: "acme-scorecard", vendor: "ACME, Inc.",
            location: SourceLocation(file: "Inbox/Österreich/acme.csv", line: 12, column: 3, record: 10),
            field: "country", rawValue: "'Österreich'",
            message: "field 'country' is 12 characters long; at most 10 allowed",
            hint: "shorten the value to 10 characters"),
    ]

    /// Writes findings to a fresh report in `folder` and closes it.
    static func write(_ findings: [Finding], to folder: URL) throws -> ExceptionsWriter {
        let writer = try ExceptionsWriter(folder: folder)
        for finding in findings { try writer.write(finding) }
        try writer.close()
        return writer
    }

    @Test func csvAndJSONMatchTheirGoldenFiles() throws {
        try withTemporaryFolder { folder in
            let writer = try Self.write(Self.findings, to: folder)
            #expect(writer.count == 5)
            try Golden.compare(
                try contents(folder.appendingPathComponent("exceptions.csv")),
                with: goldenFile("exceptions/exceptions.csv"))
            try Golden.compare(
                try contents(folder.appendingPathComponent("exceptions.json")),
                with: goldenFile("exceptions/exceptions.json"))
        }
    }

    @Test func jsonIsValidAndKeepsRawValuesUnprotected() throws {
        try withTemporaryFolder { folder in
            _ = try Self.write(Self.findings, to: folder)
            let data = try Data(contentsOf: folder.appendingPathComponent("exceptions.json"))
            let objects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
            #expect(objects.count == 5)
            #expect(objects.map { Set($0.keys) } == Array(repeating: Set(ExceptionsWriter.columns), count: 5))
            #expect(objects[3]["value"] as? String == "=HYPERLINK(\"http://x.test\",\"click\")")
            #expect(objects[3]["message"] as? String == Self.findings[3].message)
            #expect(objects[2]["line"] is NSNull)
            #expect(objects[0]["line"] as? Int == 6)
            // The field falls back to the source header when the finding names no canonical field.
            #expect(objects[1]["field"] as? String == "Notiz")
        }
    }

    @Test func anEmptyReportIsAHeaderAndAnEmptyArray() throws {
        try withTemporaryFolder { folder in
            let writer = try Self.write([], to: folder)
            #expect(writer.count == 0)
            #expect(
                try contents(folder.appendingPathComponent("exceptions.csv"))
                    == "severity,rule,feed,vendor,file,line,column,record,path,field,value,message,hint\n")
            #expect(try contents(folder.appendingPathComponent("exceptions.json")) == "[]\n")
        }
    }

    @Test func rollbackWithdrawsWhatWasWrittenAfterTheCheckpoint() throws {
        try withTemporaryFolder { folder in
            let rolledBack = folder.appendingPathComponent("rolled-back")
            let direct = folder.appendingPathComponent("direct")
            for sub in [rolledBack, direct] {
                try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            }

            let writer = try ExceptionsWriter(folder: rolledBack)
            try writer.write(Self.findings[0])
            try writer.write(Self.findings[1])
            let checkpoint = writer.checkpoint
            try writer.write(Self.findings[2])
            try writer.write(Self.findings[3])
            try writer.rollback(to: checkpoint)
            #expect(writer.count == 2)
            try writer.write(Self.findings[4])
            try writer.close()
            #expect(writer.count == 3)

            _ = try Self.write([Self.findings[0], Self.findings[1], Self.findings[4]], to: direct)
            for name in ["exceptions.csv", "exceptions.json"] {
                #expect(
                    try contents(rolledBack.appendingPathComponent(name))
                        == contents(direct.appendingPathComponent(name)))
            }
        }
    }

    @Test func rollbackToTheStartLeavesAnEmptyReport() throws {
        try withTemporaryFolder { folder in
            let writer = try ExceptionsWriter(folder: folder)
            let start = writer.checkpoint
            for finding in Self.findings { try writer.write(finding) }
            try writer.rollback(to: start)
            try writer.close()
            #expect(writer.count == 0)
            #expect(try contents(folder.appendingPathComponent("exceptions.json")) == "[]\n")
            #expect(
                try contents(folder.appendingPathComponent("exceptions.csv"))
                    == "severity,rule,feed,vendor,file,line,column,record,path,field,value,message,hint\n")
        }
    }

    @Test func rollbackReachesBackPastDataAlreadyFlushedToDisk() throws {
        try withTemporaryFolder { folder in
            let writer = try ExceptionsWriter(folder: folder)
            try writer.write(Self.findings[0])
            let checkpoint = writer.checkpoint
            // More than the 1 MiB buffer, so part of it is on disk before the rollback.
            var huge = Self.findings[1]
            huge.message = String(repeating: "x", count: 3 << 20)
            try writer.write(huge)
            try writer.rollback(to: checkpoint)
            try writer.write(Self.findings[2])
            try writer.close()

            let direct = folder.appendingPathComponent("direct")
            try FileManager.default.createDirectory(at: direct, withIntermediateDirectories: true)
            _ = try Self.write([Self.findings[0], Self.findings[2]], to: direct)
            for name in ["exceptions.csv", "exceptions.json"] {
                #expect(
                    try contents(folder.appendingPathComponent(name)) == contents(direct.appendingPathComponent(name)))
            }
        }
    }

    @Test func aFolderThatDoesNotExistIsAnOutputErrorNamingThePath() throws {
        try withTemporaryFolder { folder in
            let missing = folder.appendingPathComponent("missing")
            let error = #expect(throws: OutputError.self) { try ExceptionsWriter(folder: missing) }
            #expect(error?.path == missing.appendingPathComponent("exceptions.csv").path)
            #expect(error?.message == "cannot create file: No such file or directory")
        }
    }
}
