import Foundation
import Testing

@testable import SluiceKit

/// The operator's interface through the built executable: log formats, `--quiet`,
/// `--verbose`, `sluice prune`, `sluice describe`.
@Suite struct OperatorCommandTests {
    typealias Exe = ExecutableTests

    static let twoFindings = "Vendor,Month,KPI,Value,Unit\nACME,2026-10,SL,N/A,%\nACME,2026-10,SL,1,%\n"

    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    @Test func jsonLogLinesCarryTimestampLevelMessageAndMetadata() throws {
        let work = try Exe.workFolder(
            inbox: ["acme_scorecard_2026-10.csv": Self.twoFindings, "notes.txt": "hi"], rules: Exe.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Exe.run(["run", "--log-format", "json"], in: work)
        #expect(result.status == 3)
        let lines = try Self.jsonLines(result.stderr)
        for line in lines {
            #expect(Set(line.keys) == ["timestamp", "level", "message", "metadata"])
            let timestamp = try #require(line["timestamp"] as? String)
            #expect(timestamp.count == 24 && timestamp.hasSuffix("Z"), "\(timestamp)")
        }
        #expect(lines.map { $0["level"] as? String } == ["warning", "warning", "info", "error"])
        let finding = try #require(lines.first { ($0["metadata"] as? [String: Any])?["rule"] as? String == "required" })
        #expect(
            finding["message"] as? String
                == "Inbox/acme_scorecard_2026-10.csv:2:4: error: [required] field 'value' is 'N/A', which means no value; expected a value"
        )
        let metadata = try #require(finding["metadata"] as? [String: String])
        #expect(metadata["line"] == "2")
        #expect(metadata["column"] == "4")
        #expect(metadata["severity"] == "error")
        #expect(metadata["value"] == "N/A")
        #expect(metadata["file"] == "Inbox/acme_scorecard_2026-10.csv")
        let summary = try #require(
            lines.first { ($0["metadata"] as? [String: Any])?["event"] as? String == "run-finished" })
        let counts = try #require(summary["metadata"] as? [String: String])
        #expect(counts["records_read"] == "2")
        #expect(counts["records_rejected"] == "1")
        #expect(counts["quarantined"] == "1")
        #expect(counts["exit_code"] == "3")
        #expect(counts["run_folder"]?.hasPrefix("Outbox/runs/") == true)
        #expect((lines.last?["message"] as? String)?.contains("needs attention (exit 3): 1 file quarantined") == true)
        #expect(result.stdout.hasPrefix("run "))
    }

    @Test func quietPrintsNothingOnACleanRun() throws {
        let work = try Exe.workFolder(inbox: ["acme_scorecard_2026-10.csv": Exe.goodACME], rules: Exe.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Exe.run(["run", "--quiet"], in: work)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "")
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("Outbox/latest/summary.json").path))
    }

    @Test func quietPrintsOneLineWhenTheRunNeedsAPerson() throws {
        let work = try Exe.workFolder(
            inbox: ["acme_scorecard_2026-10.csv": Self.twoFindings, "notes.txt": "hi"], rules: Exe.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Exe.run(["run", "--quiet"], in: work)
        #expect(result.status == 3)
        #expect(result.stdout == "")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("sluice: run ") == true)
        #expect(lines.first?.contains(" needs attention (exit 3): 1 file quarantined; see Outbox/runs/") == true)
        #expect(lines.first?.hasSuffix("/exceptions.csv") == true)
    }

    @Test func quietStaysQuietWhenAnotherRunHoldsTheOutbox() throws {
        let work = try Exe.workFolder(inbox: ["acme_scorecard_2026-10.csv": Exe.goodACME], rules: Exe.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        let outbox = work.appendingPathComponent("Outbox")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        let descriptor = open(outbox.appendingPathComponent(".sluice.lock").path, O_RDWR | O_CREAT, 0o644)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let result = try Exe.run(["run", "--quiet"], in: work)
        #expect(result.status == 4)
        #expect(result.stdout + result.stderr == "")
    }

    @Test func verboseShowsHowEachFileWasRoutedAndHowLongItTook() throws {
        let work = try Exe.workFolder(
            inbox: ["acme_scorecard_2026-10.csv": Exe.goodACME, "notes.txt": "hi"], rules: Exe.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Exe.run(["run", "--verbose"], in: work)
        #expect(result.status == 3)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("debug: rules: 1 feed(s) from Rules; inbox: 2 file(s) to read, 0 deferred"))
        let acme = try #require(lines.first { $0.hasPrefix("debug: Inbox/acme_scorecard_2026-10.csv: ") })
        #expect(
            acme.hasPrefix(
                "debug: Inbox/acme_scorecard_2026-10.csv: feed 'acme-scorecard' (name matches 'acme_scorecard_*.csv'); 1 record (1 accepted, 0 rejected), 0 errors, 0 warnings ("
            ))
        #expect(acme.hasSuffix(" ms)"))
        let notes = try #require(lines.first { $0.hasPrefix("debug: Inbox/notes.txt: ") })
        #expect(
            notes.hasPrefix("debug: Inbox/notes.txt: no feed; quarantined: file name matches no feed's files pattern"))
    }

    @Test func quietAndVerboseTogetherAreAUsageError() throws {
        let work = try Exe.workFolder(inbox: [:], rules: Exe.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Exe.run(["run", "--quiet", "--verbose"], in: work)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--quiet and --verbose cannot be used together"))
    }

    @Test func rulesErrorsAreJSONLinesToo() throws {
        let rules =
            "feeds:\n  - name: a\n    vendor: A\n    files: [a.csv]\n    fields:\n      - {name: x, kind: txt}\n"
        let work = try Exe.workFolder(inbox: [:], rules: ["a.yaml": rules])
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Exe.run(["run", "--log-format", "json", "--quiet"], in: work)
        #expect(result.status == 2)
        let lines = try Self.jsonLines(result.stderr)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0["level"] as? String == "error" })
        #expect(
            (lines.first?["message"] as? String)?.hasPrefix(
                "Rules/a.yaml:6:25: unknown kind 'txt'; did you mean 'text'?") == true)
    }

    @Test func pruneRemovesOldRunsAndSaysWhich() throws {
        let work = try RunPrunerTests.outbox()
        defer { try? FileManager.default.removeItem(at: work) }
        let dry = try Exe.run(["prune", "--keep", "4", "--dry-run"], in: work)
        #expect(dry.status == 0)
        #expect(
            dry.stdout
                == "would remove Outbox/runs/20261101T020000Z\nwould remove Outbox/runs/20261103T020000Z\nprune: would remove 2 run folder(s), kept 5\n"
        )
        let result = try Exe.run(["prune", "--keep", "4"], in: work)
        #expect(result.status == 0)
        #expect(
            result.stdout
                == "removed Outbox/runs/20261101T020000Z\nremoved Outbox/runs/20261103T020000Z\nprune: removed 2 run folder(s), kept 5\n"
        )
        #expect(result.stderr == "")
        let missing = try Exe.run(["prune", "--keep", "1", "--outbox", "Nowhere"], in: work)
        #expect(missing.status == 2)
        #expect(missing.stderr == "sluice: Nowhere: no such outbox\n")
    }

    @Test func describePrintsRulesThatCheckPasses() throws {
        let work = try Exe.workFolder(inbox: [:], rules: [:])
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.copyItem(
            at: TestPaths.repoRoot.appendingPathComponent("Inbox/corvia_interactions_20261028.csv"),
            to: work.appendingPathComponent("sample.csv"))
        let result = try Exe.run(
            ["describe", "sample.csv", "--vendor", "Corvia", "--feed", "corvia-contacts"], in: work)
        #expect(result.status == 0)
        #expect(
            result.stdout.contains("  - name: corvia-contacts\n    vendor: \"Corvia\"\n    files: [\"sample.csv\"]\n"))
        try Data(result.stdout.utf8).write(to: work.appendingPathComponent("Rules/corvia.yaml"))
        let check = try Exe.run(["rules", "check"], in: work)
        #expect(check.stdout == "rules ok: 1 feeds (corvia-contacts)\n")
        let missing = try Exe.run(["describe", "nope.csv"], in: work)
        #expect(missing.status == 2)
        #expect(missing.stderr == "sluice: nope.csv: no such file, or it cannot be read\n")
    }
}

extension OperatorCommandTests {
    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    /// On a pseudo-terminal (util-linux `script`), a run longer than a second shows the
    /// progress line and erases it; the same run with stderr in a pipe shows none.
    @Test(.enabled(if: hasScript, "needs util-linux's script for a pseudo-terminal"))
    func aLongRunOnATerminalShowsTheProgressLineAndErasesIt() throws {
        var csv = "Vendor,Month,KPI,Value,Unit\n"
        // Enough records that the run outlasts the line's one-second delay on a fast, idle
        // machine too (30 000 records sometimes finished within it once files used two threads).
        for index in 0..<150_000 { csv += "ACME,2026-10,SL,\(index % 100).5,%\n" }
        let work = try Exe.workFolder(inbox: ["acme_scorecard_2026-10.csv": csv], rules: Exe.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(Exe.executable.path)' run --dry-run", "/dev/null"]
        process.currentDirectoryURL = work
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let screen = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(screen.contains("\rsluice: 0/1 files, "), "\(screen.debugDescription)")
        #expect(screen.contains(" records/s\u{1B}[K"))
        #expect(screen.contains("\u{1B}[K\r\u{1B}[Krun "), "the line is erased before the summary")
        let piped = try Exe.run(["run", "--dry-run"], in: work)
        #expect(piped.stderr == "")
    }
}
