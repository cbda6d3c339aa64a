import Foundation
import Testing

@testable import SluiceKit

@Suite struct SummaryWriterTests {
    static let summary = RunSummary(
        runID: "20261129T131105Z", startedAt: "2026-11-29T13:11:05Z", finishedAt: "2026-11-29T13:11:06Z",
        inputs: [
            InputSummary(
                path: "Inbox/acme_notes_2026-10.txt", size: 312,
                sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", feed: nil,
                status: "quarantined", reason: "no feed's files pattern matches 'acme_notes_2026-10.txt'",
                quarantinedAs: "quarantine/acme_notes_2026-10.txt", records: RecordCounts(), droppedRows: 0, errors: 1,
                warnings: 0),
            InputSummary(
                path: "Inbox/brightline/Österreich_2026-10.csv", size: 1_024,
                sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                feed: "brightline-scorecard",
                status: "processed", reason: nil, quarantinedAs: nil,
                records: RecordCounts(read: 5, accepted: 3, rejected: 2), droppedRows: 1, errors: 3, warnings: 1),
        ],
        records: RecordCounts(read: 5, accepted: 3, rejected: 2),
        findings: FindingCounts(
            errors: 4, warnings: 1,
            byRule: ["unrouted-file": ["error": 1], "type": ["error": 2], "range": ["error": 1, "warning": 1]]),
        outputs: [
            OutputSummary(
                path: "clean/brightline-scorecard.csv", size: 210,
                sha256: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae")
        ],
        exitCode: 3, asOf: "2026-11-06", kpis: KPIStatusCounts(),
        quality: [
            QualitySummary(
                vendor: "Brightline", feed: "brightline-scorecard", records: 5, dataPoints: 35, errors: 3,
                errorsPer100: "8.57", status: "breached")
        ])

    @Test func summaryMatchesItsGoldenFile() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("summary.json")
            try SummaryWriter.write(Self.summary, to: url)
            try Golden.compare(try contents(url), with: goldenFile("summary/summary.json"))
        }
    }

    @Test func summaryReadsBackToTheSameValue() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("summary.json")
            try SummaryWriter.write(Self.summary, to: url)
            #expect(try JSONDecoder().decode(RunSummary.self, from: Data(contentsOf: url)) == Self.summary)
        }
    }

    @Test func writingTheSameSummaryTwiceGivesTheSameBytes() throws {
        try withTemporaryFolder { folder in
            let first = folder.appendingPathComponent("a.json")
            let second = folder.appendingPathComponent("b.json")
            try SummaryWriter.write(Self.summary, to: first)
            try SummaryWriter.write(Self.summary, to: second)
            #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        }
    }

    @Test func aFolderThatDoesNotExistIsAnOutputErrorNamingThePath() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("missing/summary.json")
            let error = #expect(throws: OutputError.self) { try SummaryWriter.write(Self.summary, to: url) }
            #expect(error?.path == url.path)
            #expect(error?.message.hasPrefix("cannot write summary: ") == true)
        }
    }
}
