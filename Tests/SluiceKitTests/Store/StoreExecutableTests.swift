import Foundation
import Testing

@testable import SluiceKit

/// What the operator sees from `sluice run` when the ledger already has files.
@Suite struct StoreExecutableTests {
    @Test func aRerunSaysNothingNewAndASkippedFileIsNamedOnStderr() throws {
        let (work, _) = try StoreProcess.multiFileWork(contactFiles: 1, perFile: 3)
        defer { try? FileManager.default.removeItem(at: work) }
        let first = try ExecutableTests.run(["run", "--as-of", "2026-11-20"], in: work)
        #expect(first.status == 0)
        let runID = try #require(first.stdout.split(separator: " ").dropFirst().first).dropLast()
        let again = try ExecutableTests.run(["run", "--as-of", "2026-11-20"], in: work)
        #expect(again.status == 0)
        #expect(again.stdout == "nothing new: 3 files already processed\n")
        #expect(again.stderr == "")
        try Data("month,sl\n2026-11,90\n".utf8).write(to: work.appendingPathComponent("Inbox/scorecard_2026-11.csv"))
        let third = try ExecutableTests.run(["run", "--as-of", "2026-11-20"], in: work)
        #expect(third.status == 0)
        let skipped = third.stderr.split(separator: "\n").filter { $0.contains(": skipped: ") }
        #expect(
            skipped == [
                "Inbox/contacts_2026-10-1.csv: skipped: already processed by run \(runID)",
                "Inbox/scorecard_2026-09.csv: skipped: already processed by run \(runID)",
                "Inbox/scorecard_2026-10.csv: skipped: already processed by run \(runID)",
            ])
        #expect(third.stdout.contains(": 4 files (0 quarantined, 3 skipped), 1 record: 1 accepted, 0 rejected;"))
    }
}
