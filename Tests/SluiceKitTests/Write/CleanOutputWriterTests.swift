import Foundation
import Testing

@testable import SluiceKit

/// The cleaned dataset with the feed's `clean: { file, columns }`.
@Suite struct CleanOutputWriterTests {
    static func feed(_ clean: CleanOutputSpec) -> FeedSpec {
        var feed = FeedSpec(
            name: "acme", vendor: .field("vendor_id"), files: ["acme_*.csv"],
            fields: [
                FieldSpec(name: "record_id", kind: .text, required: .error),
                FieldSpec(name: "vendor_id", kind: .text, required: .error),
                FieldSpec(name: "handled", kind: .integer),
            ],
            declaredAt: RulesLocation(file: "Rules/acme.yaml", line: 2, column: 5))
        feed.clean = clean
        return feed
    }

    static func write(_ feed: FeedSpec, in folder: URL) throws -> DatasetWriter {
        let checker = try FeedChecker(feed: feed)
        let binding = HeaderBinding(feed: feed, header: ["record_id", "vendor_id", "handled"])
        func row(_ number: Int, _ values: [String]) -> RawRecord {
            RawRecord(
                number: number, line: number + 1,
                fields: zip(["record_id", "vendor_id", "handled"], values).enumerated().map { column, pair in
                    RawField(key: pair.0, value: pair.1, column: column + 1, line: number + 1)
                })
        }
        for sub in ["clean", "rejected"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let writer = try DatasetWriter(feed: feed, folder: folder)
        let rows = [["IR1", "V001", "007"], ["IR2", "V002", "x"], ["Queue, \"A\"", "V001", ""]]
        for (index, values) in rows.enumerated() {
            let record = checker.validate(row(index + 1, values), binding: binding, file: "acme_1.csv")
            try writer.write(record, file: "acme_1.csv")
        }
        try writer.close()
        return writer
    }

    @Test func writesTheChosenColumnsToTheChosenFile() throws {
        try withTemporaryFolder { folder in
            let spec = CleanOutputSpec(file: "out/cleaned.csv", columns: ["handled", "record_id", "source_record"])
            let writer = try Self.write(Self.feed(spec), in: folder)
            #expect(writer.acceptedCount == 2)
            #expect(
                try contents(folder.appendingPathComponent("out/cleaned.csv"))
                    == "handled,record_id,source_record\n7,IR1,1\n,\"Queue, \"\"A\"\"\",3\n")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("clean/acme.csv").path))
            #expect(
                try contents(folder.appendingPathComponent("rejected/acme.csv"))
                    == "source_file,source_line,source_record,rules,vendor,record_id,vendor_id,handled\nacme_1.csv,3,2,type,V002,IR2,V002,x\n"
            )
        }
    }

    @Test func theDefaultLayoutIsUnchanged() throws {
        try withTemporaryFolder { folder in
            _ = try Self.write(Self.feed(CleanOutputSpec()), in: folder)
            #expect(
                try contents(folder.appendingPathComponent("clean/acme.csv"))
                    == "vendor,record_id,vendor_id,handled,source_file,source_line,source_record\nV001,IR1,V001,7,acme_1.csv,2,1\nV001,\"Queue, \"\"A\"\"\",V001,,acme_1.csv,4,3\n"
            )
        }
    }
}
