import Foundation
import Testing

@testable import SluiceKit

/// Runs the built `sluice` executable for its exit codes and stderr.
@Suite struct ExecutableTests {
    /// The built executable, beside the test bundle.
    static var executable: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var folder = besideTests
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("sluice")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return TestPaths.repoRoot.appendingPathComponent(".build/debug/sluice")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in folder: URL) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A work folder with the shipped Rules and an Inbox holding the given files.
    static func workFolder(inbox files: [String: String], rules: [String: String]? = nil) throws -> URL {
        let work = try TestPaths.temporaryFolder()
        let inbox = work.appendingPathComponent("Inbox")
        let rulesFolder = work.appendingPathComponent("Rules")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        if let rules {
            try FileManager.default.createDirectory(at: rulesFolder, withIntermediateDirectories: true)
            for (name, text) in rules { try Data(text.utf8).write(to: rulesFolder.appendingPathComponent(name)) }
        } else {
            try FileManager.default.copyItem(at: TestPaths.repoRoot.appendingPathComponent("Rules"), to: rulesFolder)
        }
        for (name, text) in files { try Data(text.utf8).write(to: inbox.appendingPathComponent(name)) }
        return work
    }

    static let goodACME = "Vendor,Month,KPI,Value,Unit\nACME,2026-10,SL,82.4,%\n"

    /// A feed without contracts, so a run's findings do not depend on the day it runs.
    static let simpleRules = [
        "acme.yaml": """
        feeds:
          - name: acme-scorecard
            vendor: { field: vendor }
            files: ["acme_scorecard_*.csv"]
            fields:
              - { name: vendor, aliases: [Vendor], kind: text, required: true }
              - { name: period, aliases: [Month], kind: date, formats: [yyyy-MM], required: true }
              - { name: kpi, aliases: [KPI], kind: enum, required: true, values: { service_level: [SL, TSF] } }
              - { name: value, kind: decimal, required: true }
              - { name: unit, kind: text }
        """
    ]

    @Test func cleanRunExitsZeroAndPrintsTheSummaryLine() throws {
        let work = try Self.workFolder(inbox: ["acme_scorecard_2026-10.csv": Self.goodACME], rules: Self.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Self.run(["run"], in: work)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(
            result.stdout.contains(
                "1 file (0 quarantined), 1 record: 1 accepted, 0 rejected; 0 errors, 0 warnings → Outbox/runs/"))
        #expect(
            FileManager.default.fileExists(
                atPath: work.appendingPathComponent("Outbox/latest/clean/acme-scorecard.csv").path))
    }

    @Test func findingsGoToStderrWithTheirPlace() throws {
        let work = try Self.workFolder(
            inbox: [
                "acme_scorecard_2026-10.csv":
                    "Vendor,Month,KPI,Value,Unit\nACME,2026-10,SL,N/A,%\nACME,2026-13,SL,1,%\n"
            ], rules: Self.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Self.run(["run"], in: work)
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(
            lines.first
                == "Inbox/acme_scorecard_2026-10.csv:2:4: error: [required] field 'value' is 'N/A', which means no value; expected a value"
        )
        #expect(lines.last?.hasPrefix("Inbox/acme_scorecard_2026-10.csv:3:2: error: [type] field 'period': ") == true)
    }

    @Test func aQuarantinedFileExitsThree() throws {
        let work = try Self.workFolder(
            inbox: ["acme_scorecard_2026-10.csv": Self.goodACME, "notes.txt": "hello"], rules: Self.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Self.run(["run"], in: work)
        #expect(result.status == 3)
        #expect(
            result.stderr.hasPrefix(
                "Inbox/notes.txt: error: [unrouted-file] file quarantined: file name matches no feed's files pattern"))
        let reason = try String(
            contentsOf: work.appendingPathComponent("Outbox/latest/quarantine/notes.txt.reason.txt"), encoding: .utf8)
        #expect(reason.hasPrefix("file: Inbox/notes.txt\nreason: file name matches no feed's files pattern"))
    }

    @Test func aBrokenRulesFileExitsTwoAndProcessesNothing() throws {
        let rules =
            "feeds:\n  - name: a\n    vendor: A\n    files: [a.csv]\n    fields:\n      - {name: x, kind: text, requird: true}\n"
        let work = try Self.workFolder(inbox: ["a.csv": "x\n1\n"], rules: ["a.yaml": rules])
        defer { try? FileManager.default.removeItem(at: work) }
        for command in [["run"], ["rules", "check"]] {
            let result = try Self.run(command, in: work)
            #expect(result.status == 2, "\(command)")
            #expect(
                result.stderr.contains("Rules/a.yaml:6:31: unknown key 'requird' in a field; did you mean 'required'?"),
                "\(command)")
        }
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("Outbox").path))
    }

    @Test func rulesCheckPassesOnTheShippedRules() throws {
        let work = try Self.workFolder(inbox: [:])
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Self.run(["rules", "check"], in: work)
        #expect(result.status == 0)
        #expect(
            result.stdout
                == "rules ok: 7 feeds (acme-scorecard, brightline-scorecard, corvia-interactions, corvia-scorecard, "
                + "nimbus-kpis, nimbus-incidents, nimbus-scorecard)\n")
    }

    @Test func aUsageErrorExitsTwo() throws {
        let work = try Self.workFolder(inbox: [:])
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Self.run(["run", "--inbx", "x"], in: work)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--inbx'"))
    }

    @Test func previewShowsRawAndNormalisedValues() throws {
        let work = try Self.workFolder(
            inbox: [
                "acme_scorecard_2026-10.csv": "Vendor,Month,KPI,Value,Unit\nACME,2026-10,TSF,82.4,%\n"
            ], rules: Self.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Self.run(["preview", "Inbox/acme_scorecard_2026-10.csv"], in: work)
        #expect(result.status == 0)
        #expect(result.stdout.contains("record 1 (line 2): accepted, vendor 'ACME'"))
        #expect(result.stdout.contains("  kpi     'TSF' → service_level"))
    }
}

extension ExecutableTests {
    @Test func previewOfAMissingFileIsAUsageError() throws {
        let work = try Self.workFolder(inbox: [:])
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Self.run(["preview", "Inbox/nope.csv"], in: work)
        #expect(result.status == 2)
        #expect(result.stderr == "sluice: Inbox/nope.csv: no such file, or it cannot be read\n")
    }

    @Test func previewShowsEachValuesFindingUnderIt() throws {
        let work = try Self.workFolder(inbox: [
            "brightline_scorecard_x.csv":
                "\u{FEFF}Title;;\r\nQueue;Week Start;Week End;Service Level %;FCR %;AHT;CSAT;Contacts\r\nBilling;05.10.2026;11.10.2026;104,5;71,0 %;05:12;4,2;1.234\r\n"
        ])
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Self.run(["preview", "Inbox/brightline_scorecard_x.csv"], in: work)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines.first == "feed 'brightline-scorecard': csv, utf-8 (byte order mark), delimiter ';', header on line 2")
        let slIndex = try #require(lines.lastIndex { $0.hasPrefix("  service_level ") })
        #expect(lines[slIndex] == "  service_level             '104,5' → 104.5")
        #expect(
            lines[slIndex + 1] == "      error: [range] field 'service_level' value '104.5' is above the maximum 100")
    }

    @Test func theSampleRunIsReproducibleWithAsOf() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        for folder in ["Inbox", "Rules"] {
            try FileManager.default.copyItem(
                at: TestPaths.repoRoot.appendingPathComponent(folder), to: work.appendingPathComponent(folder))
        }
        let result = try Self.run(["run", "--as-of", "2026-11-06"], in: work)
        #expect(result.status == 3)
        #expect(
            result.stdout.contains(
                "8 files (1 quarantined), 39 records: 28 accepted, 11 rejected; 18 errors, 6 warnings"))
        let kpi = try String(contentsOf: work.appendingPathComponent("Outbox/latest/kpi.csv"), encoding: .utf8)
        #expect(
            kpi.contains(
                "Brightline,BRL-2026-W,2026-W42,2026-10-12,2026-10-18,service_level,Service Level,,78.5,percent,80,85,higher,true,breached,reported,Inbox/brightline_scorecard_2026-10.csv:4"
            ))
    }

    @Test func aBadAsOfDateIsAUsageError() throws {
        let work = try Self.workFolder(inbox: [:], rules: Self.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Self.run(["run", "--as-of", "2026-02-30"], in: work)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--as-of must be a date written yyyy-MM-dd, not '2026-02-30'"))
    }
}

extension ExecutableTests {
    @Test func previewOfAnXMLFileShowsTheKeysOfItsFirstRecord() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        for folder in ["Inbox", "Rules"] {
            try FileManager.default.copyItem(
                at: TestPaths.repoRoot.appendingPathComponent(folder), to: work.appendingPathComponent(folder))
        }
        let result = try Self.run(["preview", "Inbox/nimbus_kpi_2026-10.xml", "--limit", "1"], in: work)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "feed 'nimbus-kpis': xml")
        #expect(lines.contains("  vendor  ← key 'u_vendor@display_value' (text)"))
        #expect(lines.contains("  (key 'sys_id' is not read)"))
        #expect(lines.contains("  kpi     'Invoice Accuracy' → Invoice Accuracy"))
    }
}

extension ExecutableTests {
    @Test func aSecondRunOnTheSameOutboxExitsFourAndDoesNothing() throws {
        let work = try Self.workFolder(inbox: ["acme_scorecard_2026-10.csv": Self.goodACME], rules: Self.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        let outbox = work.appendingPathComponent("Outbox")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        let descriptor = open(outbox.appendingPathComponent(".sluice.lock").path, O_RDWR | O_CREAT, 0o644)
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let result = try Self.run(["run"], in: work)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        #expect(result.status == 4)
        #expect(result.stderr == "sluice: Outbox: another sluice run is working on this outbox; this run did nothing\n")
        #expect(!FileManager.default.fileExists(atPath: outbox.appendingPathComponent("runs").path))
        #expect(try Self.run(["run"], in: work).status == 0)
    }

    @Test func filesStillBeingUploadedWaitForTheNextRun() throws {
        let rules = Self.simpleRules.mapValues { $0 + "\nsettings:\n  settle-seconds: 3600\n" }
        let work = try Self.workFolder(
            inbox: ["acme_scorecard_2026-10.csv": Self.goodACME, "acme_scorecard_2026-11.csv.part": "Vendor,Mo"],
            rules: rules)
        defer { try? FileManager.default.removeItem(at: work) }
        let old = work.appendingPathComponent("Inbox/acme_scorecard_2026-10.csv").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: old)
        let fresh = work.appendingPathComponent("Inbox/acme_scorecard_2026-12.csv")
        try Data(Self.goodACME.utf8).write(to: fresh)
        let result = try Self.run(["run"], in: work)
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(
            lines[0]
                == "Inbox/acme_scorecard_2026-11.csv.part: deferred to the next run: still being uploaded (its name ends in '.part')"
        )
        #expect(lines[1].hasPrefix("Inbox/acme_scorecard_2026-12.csv: deferred to the next run: modified "))
        #expect(lines[1].hasSuffix(" s ago, within the 3600 s settle window; it may still be written"))
        #expect(result.stdout.contains("1 file (0 quarantined, 2 deferred), 1 record: 1 accepted"))
    }

    @Test func aDryRunPublishesNothing() throws {
        let work = try Self.workFolder(inbox: ["acme_scorecard_2026-10.csv": Self.goodACME], rules: Self.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Self.run(["run", "--dry-run"], in: work)
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("1 accepted, 0 rejected; 0 errors, 0 warnings → dry run, nothing published\n"))
        let outbox = work.appendingPathComponent("Outbox")
        #expect(!FileManager.default.fileExists(atPath: outbox.appendingPathComponent("runs").path))
        #expect(!FileManager.default.fileExists(atPath: outbox.appendingPathComponent("latest").path))
        #expect(
            (try? FileManager.default.contentsOfDirectory(atPath: outbox.appendingPathComponent(".staging").path)) ?? []
                == [])
    }
}

extension ExecutableTests {
    @Test func archiveMovesWhatTheRunReadAfterPublishing() throws {
        let work = try Self.workFolder(
            inbox: ["acme_scorecard_2026-10.csv": Self.goodACME, "notes.txt": "hello", "late.csv.part": "x"],
            rules: Self.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Self.run(["run", "--archive"], in: work)
        #expect(result.status == 3)
        let today = InboxFile.utcDate(of: Date())
        let archived = work.appendingPathComponent("Outbox/archive/\(today)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: archived.path).sorted() == [
                "acme_scorecard_2026-10.csv", "notes.txt",
            ])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("Inbox").path) == [
                "late.csv.part"
            ])
        let again = try Self.run(["run", "--archive"], in: work)
        #expect(again.status == 0)
        #expect(again.stdout == "nothing new: 0 files already processed, 1 deferred\n")
    }

    @Test func aDryRunNeverArchives() throws {
        let work = try Self.workFolder(inbox: ["acme_scorecard_2026-10.csv": Self.goodACME], rules: Self.simpleRules)
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(try Self.run(["run", "--dry-run", "--archive"], in: work).status == 0)
        #expect(
            FileManager.default.fileExists(atPath: work.appendingPathComponent("Inbox/acme_scorecard_2026-10.csv").path)
        )
    }
}
