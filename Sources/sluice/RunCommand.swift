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

    func run() throws {
        let options = RunOptions(
            inbox: Folders.url(inbox), rules: Folders.url(rules), outbox: Folders.url(outbox),
            displayBase: Folders.current)
        let report: RunReport
        do {
            report = try Pipeline.run(options)
        } catch {
            throw Terminal.fail(error)
        }
        for finding in report.leadingFindings {
            Terminal.error(finding.diagnostic)
        }
        let more = report.totalFindings - report.leadingFindings.count
        if more > 0 {
            Terminal.error(
                "… and \(more) more findings in \(DisplayPath.of(report.runFolder, relativeTo: Folders.current))/exceptions.csv"
            )
        }
        let summary = report.summary
        let quarantined = summary.inputs.filter { $0.status == "quarantined" }.count
        print(
            "run \(summary.runID): \(summary.inputs.count) files (\(quarantined) quarantined), "
                + "\(summary.records.read) records: \(summary.records.accepted) accepted, \(summary.records.rejected) rejected; "
                + "\(summary.findings.errors) errors, \(summary.findings.warnings) warnings → "
                + DisplayPath.of(report.runFolder, relativeTo: Folders.current))
        if report.exitStatus != .success { throw ExitCode(report.exitStatus.rawValue) }
    }
}
