import Foundation
import Testing

@testable import SluiceKit

/// The built `sluice` for resubmissions: the `changed:` stderr line of a run, and
/// `sluice history`'s output and exit codes.
@Suite struct HistoryExecutableTests {
    @Test func aResubmissionIsReportedAndHistoryShowsIt() throws {
        let work = try ExecutableTests.workFolder(
            inbox: [
                "acme_scorecard_2026-09.csv": ResubmissionTests.september,
                "acme_scorecard_2026-10.csv": ResubmissionTests.october,
            ], rules: ["acme.yaml": ResubmissionTests.rules])
        defer { try? FileManager.default.removeItem(at: work) }
        let first = try ExecutableTests.run(["run", "--as-of", "2026-11-20"], in: work)
        #expect(first.status == 0)
        #expect(first.stderr == "")
        let firstRun = try FileManager.default.destinationOfSymbolicLink(
            atPath: work.appendingPathComponent("Outbox/latest").path
        ).replacingOccurrences(of: "runs/", with: "")
        // Run ids are start times to the second: the second run must not share the first's.
        Thread.sleep(forTimeInterval: 1.1)
        try Data(ResubmissionTests.corrected.utf8).write(
            to: work.appendingPathComponent("Inbox/acme_scorecard_2026-10_corrected.csv"))
        let second = try ExecutableTests.run(["run", "--as-of", "2026-11-20"], in: work)
        #expect(second.status == 0)
        #expect(
            second.stderr.split(separator: "\n").map(String.init) == [
                "Inbox/acme_scorecard_2026-09.csv: skipped: already processed by run \(firstRun)",
                "Inbox/acme_scorecard_2026-10.csv: skipped: already processed by run \(firstRun)",
                "Inbox/acme_scorecard_2026-10_corrected.csv:2:4: warning: [history-change] ACME 2026-10 first_contact_resolution 74.0 moved +12.3 against 2026-09 (61.7); declared max-change 10",
                "changed: ACME 2026-10 first_contact_resolution 71.2 → 74.0 (Inbox/acme_scorecard_2026-10.csv:3 of run \(firstRun), replaced by Inbox/acme_scorecard_2026-10_corrected.csv:2)",
            ])

        let history = try ExecutableTests.run(["history", "--vendor", "ACME", "--kpi", "FCR"], in: work)
        #expect(history.status == 0)
        #expect(history.stderr == "")
        let lines = history.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines.first == "ACME first_contact_resolution (FCR, percent, higher is better)")
        #expect(lines[3].contains("71.2   70      superseded  Inbox/acme_scorecard_2026-10.csv:3"))
        #expect(lines[3].contains("74.0 from Inbox/acme_scorecard_2026-10_corrected.csv:2 (run "))
        #expect(lines[4].contains("74.0   70      met         Inbox/acme_scorecard_2026-10_corrected.csv:2"))

        let everything = try ExecutableTests.run(["history", "--vendor", "acme"], in: work)
        #expect(everything.status == 0)
        #expect(everything.stdout.contains("\n\nACME service_level (SL, percent, higher is better)\n"))
    }

    @Test(arguments: [
        (
            ["history", "--vendor", "ACEM"],
            "sluice: --vendor: unknown vendor 'ACEM'; did you mean 'ACME'? (known: ACME)\n"
        ),
        (
            ["history", "--vendor", "ACME", "--kpi", "first_contact_resolutoin"],
            "sluice: --kpi: unknown KPI 'first_contact_resolutoin'; did you mean 'first_contact_resolution'? (known: first_contact_resolution, service_level)\n"
        ),
        (
            ["history", "--vendor", "ACME", "--outbox", "Elsewhere"],
            "sluice: Elsewhere/sluice.sqlite: no store here: 'sluice run' creates it with its first published run (or name the outbox with --outbox)\n"
        ),
    ])
    func unknownNamesAndAMissingStoreExitTwo(arguments: [String], stderr: String) throws {
        let work = try ExecutableTests.workFolder(
            inbox: ["acme_scorecard_2026-09.csv": ResubmissionTests.september],
            rules: ["acme.yaml": ResubmissionTests.rules])
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(try ExecutableTests.run(["run", "--as-of", "2026-11-20"], in: work).status == 0)
        let result = try ExecutableTests.run(arguments, in: work)
        #expect(result.status == 2)
        #expect(result.stderr == stderr)
        #expect(result.stdout == "")
    }
}
