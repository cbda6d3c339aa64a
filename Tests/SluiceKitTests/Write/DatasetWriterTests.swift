import Foundation
import Testing

@testable import SluiceKit

@Suite struct DatasetWriterTests {
    typealias Scorecard = FeedCheckerTests

    /// Rows of the scorecard: accepted, rejected for several rules, accepted with a warning, hostile text,
    /// a duplicate, a short row.
    static let rows: [[String?]] = [
        ["billing", "2026-10-05", "2026-10-11", "1204", "92.50 %", "ok"],
        ["=cmd|'/C calc'!A0", "N/A", "2026-10-11", "1O", "90", ""],
        ["sales", "2026-10-05", "2026-10-11", "7", "101", ""],
        ["Sales, \"EU\"", "2026-10-05", "2026-10-11", "-0", "+3.25", "line\nbreak"],
        ["billing", "2026-10-05", "2026-10-12", "8", "91", ""],
        ["support", nil, nil, nil, nil, nil],
    ]

    /// The scorecard's rows validated in order, as a run would.
    static func records() throws -> [ValidatedRecord] {
        let (checker, binding) = try Scorecard.checker()
        return rows.enumerated().map { index, values in
            checker.validate(
                Scorecard.row(index + 1, line: index + 3, values), binding: binding, file: Scorecard.file)
        }
    }

    static func writer(in folder: URL, feed: FeedSpec = Scorecard.feed()) throws -> DatasetWriter {
        for sub in ["clean", "rejected"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        return try DatasetWriter(feed: feed, folder: folder)
    }

    @Test func cleanAndRejectedFilesMatchTheirGoldenFiles() throws {
        let records = try Self.records()
        #expect(records.map(\.isRejected) == [false, true, false, false, true, true])
        try withTemporaryFolder { folder in
            let writer = try Self.writer(in: folder)
            for record in records { try writer.write(record, file: Scorecard.file) }
            try writer.close()
            #expect(writer.acceptedCount == 3)
            #expect(writer.rejectedCount == 3)
            try Golden.compare(
                try contents(folder.appendingPathComponent("clean/brightline-scorecard.csv")),
                with: goldenFile("dataset/clean/brightline-scorecard.csv"))
            try Golden.compare(
                try contents(folder.appendingPathComponent("rejected/brightline-scorecard.csv")),
                with: goldenFile("dataset/rejected/brightline-scorecard.csv"))
        }
    }

    @Test func aFeedWithNoRecordsHasHeadersOnly() throws {
        try withTemporaryFolder { folder in
            let writer = try Self.writer(in: folder)
            try writer.close()
            #expect(
                try contents(folder.appendingPathComponent("clean/brightline-scorecard.csv"))
                    == "vendor,queue,week_start,week_end,handled,service_level,source_file,source_line,source_record\n")
            #expect(
                try contents(folder.appendingPathComponent("rejected/brightline-scorecard.csv"))
                    == "source_file,source_line,source_record,rules,vendor,queue,week_start,week_end,handled,service_level\n"
            )
        }
    }

    @Test func aFieldNamedVendorIsNotWrittenTwice() throws {
        let feed = FeedSpec(
            name: "acme", vendor: .field("vendor"), files: ["acme_*.csv"],
            fields: [FieldSpec(name: "kpi", kind: .text), FieldSpec(name: "vendor", kind: .text, required: .error)],
            declaredAt: RulesLocation(file: "Rules/acme.yaml", line: 2, column: 5))
        let checker = try FeedChecker(feed: feed)
        let binding = HeaderBinding(feed: feed, header: ["Vendor", "KPI"])
        func row(_ number: Int, _ vendor: String, _ kpi: String) -> RawRecord {
            RawRecord(
                number: number, line: number + 1,
                fields: [
                    RawField(key: "Vendor", value: vendor, column: 1, line: number + 1),
                    RawField(key: "KPI", value: kpi, column: 2, line: number + 1),
                ])
        }
        try withTemporaryFolder { folder in
            let writer = try Self.writer(in: folder, feed: feed)
            try writer.write(checker.validate(row(1, " ACME ", "aht"), binding: binding, file: "a.csv"), file: "a.csv")
            try writer.write(checker.validate(row(2, "", "fcr"), binding: binding, file: "a.csv"), file: "a.csv")
            try writer.close()
            #expect(
                try contents(folder.appendingPathComponent("clean/acme.csv"))
                    == "vendor,kpi,source_file,source_line,source_record\nACME,aht,a.csv,2,1\n")
            #expect(
                try contents(folder.appendingPathComponent("rejected/acme.csv"))
                    == "source_file,source_line,source_record,rules,vendor,kpi\na.csv,3,2,required,,fcr\n")
        }
    }

    @Test func rollbackWithdrawsRowsAndCounts() throws {
        let records = try Self.records()
        try withTemporaryFolder { folder in
            let rolledBack = folder.appendingPathComponent("rolled-back")
            let direct = folder.appendingPathComponent("direct")

            let writer = try Self.writer(in: rolledBack)
            try writer.write(records[0], file: "Inbox/a.csv")
            let checkpoint = writer.checkpoint
            try writer.write(records[1], file: "Inbox/b.csv")
            try writer.write(records[2], file: "Inbox/b.csv")
            try writer.rollback(to: checkpoint)
            #expect(writer.acceptedCount == 1)
            #expect(writer.rejectedCount == 0)
            try writer.write(records[4], file: "Inbox/c.csv")
            try writer.close()
            #expect(writer.acceptedCount == 1)
            #expect(writer.rejectedCount == 1)

            let reference = try Self.writer(in: direct)
            try reference.write(records[0], file: "Inbox/a.csv")
            try reference.write(records[4], file: "Inbox/c.csv")
            try reference.close()
            for name in ["clean/brightline-scorecard.csv", "rejected/brightline-scorecard.csv"] {
                #expect(
                    try contents(rolledBack.appendingPathComponent(name))
                        == contents(direct.appendingPathComponent(name)))
            }
        }
    }
}
