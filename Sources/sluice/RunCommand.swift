import ArgumentParser
import Foundation
import SluiceKit

/// `sluice run`: one pass over the inbox, published to the outbox.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Read the inbox, check it against the rules, publish the run to the outbox.")

    @Option(help: "Folder of vendor exports.") var inbox = "Inbox"
    @Option(help: "Folder of rules files (*.yaml).") var rules = "Rules"
    @Option(help: "Folder the run is published to.") var outbox = "Outbox"
    @Option(
        name: .customLong("as-of"),
        help: "Evaluate periods and due dates as of this day (yyyy-MM-dd; default: today, UTC), for reproducible runs.")
    var asOf: String?
    @Flag(help: "Do everything but publish: read, check and report, then discard the run.") var dryRun = false
    @Flag(help: "After publishing, move the files this run read or quarantined to the archive folder.")
    var archive = false
    @Option(help: "Archive folder for --archive (files go under a folder per day).") var archiveDir = "Outbox/archive"

    func validate() throws {
        if let asOf, CivilDate.iso(asOf) == nil {
            throw ValidationError("--as-of must be a date written yyyy-MM-dd, not '\(asOf)'")
        }
    }

    func run() throws {
        var options = RunOptions(
            inbox: Folders.url(inbox), rules: Folders.url(rules), outbox: Folders.url(outbox),
            displayBase: Folders.current, asOf: asOf.flatMap(CivilDate.iso))
        options.dryRun = dryRun
        if archive { options.archive = Folders.url(archiveDir) }
        let report: RunReport
        do {
            report = try Pipeline.run(options)
        } catch {
            throw Terminal.fail(error)
        }
        if report.nothingNew {
            for file in report.summary.deferred {
                Terminal.error("\(file.path): deferred to the next run: \(file.reason)")
            }
            let deferred = report.summary.deferred.isEmpty ? "" : ", \(report.summary.deferred.count) deferred"
            print("nothing new: \(count(report.summary.inputs.count, "file")) already processed\(deferred)")
            return
        }
        for input in report.summary.inputs where input.status == "skipped" {
            Terminal.error("\(input.path): skipped: \(input.reason ?? "already processed")")
        }
        for finding in report.leadingFindings {
            Terminal.error(finding.diagnostic)
        }
        let more = report.totalFindings - report.leadingFindings.count
        if more > 0 && options.dryRun {
            Terminal.error(
                "… and \(more) more findings (dry run: run without --dry-run to publish the exception report)")
        } else if more > 0 {
            Terminal.error(
                "… and \(more) more findings in \(DisplayPath.of(report.runFolder, relativeTo: Folders.current))/exceptions.csv"
            )
        }
        let summary = report.summary
        let quarantined = summary.inputs.filter { $0.status == "quarantined" }.count
        Terminal.changes(summary.changes, limit: report.settings.stderrFindingLimit, runFolder: report.runFolder)
        for file in summary.deferred {
            Terminal.error("\(file.path): deferred to the next run: \(file.reason)")
        }
        let skipped = summary.inputs.filter { $0.status == "skipped" }.count
        let deferred =
            (skipped == 0 ? "" : ", \(skipped) skipped")
            + (summary.deferred.isEmpty ? "" : ", \(summary.deferred.count) deferred")
        let destination =
            options.dryRun
            ? "dry run, nothing published" : DisplayPath.of(report.runFolder, relativeTo: Folders.current)
        print(
            "run \(summary.runID): \(count(summary.inputs.count, "file")) (\(quarantined) quarantined\(deferred)), "
                + "\(count(summary.records.read, "record")): \(summary.records.accepted) accepted, \(summary.records.rejected) rejected; "
                + "\(count(summary.findings.errors, "error")), \(count(summary.findings.warnings, "warning")) → "
                + destination)
        if report.exitStatus != .success { throw ExitCode(report.exitStatus.rawValue) }
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
