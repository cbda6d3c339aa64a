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
    @OptionGroup var logging: LogOptions

    func validate() throws {
        if let asOf, CivilDate.iso(asOf) == nil {
            throw ValidationError("--as-of must be a date written yyyy-MM-dd, not '\(asOf)'")
        }
    }

    func run() throws {
        let logger = logging.makeLogger()
        var options = RunOptions(
            inbox: Folders.url(inbox), rules: Folders.url(rules), outbox: Folders.url(outbox),
            displayBase: Folders.current, asOf: asOf.flatMap(CivilDate.iso))
        options.dryRun = dryRun
        options.logger = logger
        if archive { options.archive = Folders.url(archiveDir) }
        let progress = ProgressLine.start(for: logging, options: &options)
        let report: RunReport
        do {
            report = try Pipeline.run(options)
            progress?.stop()
        } catch {
            progress?.stop()
            throw Terminal.fail(error, logger: logger)
        }
        RunLog(logger: logger, logging: logging, displayBase: Folders.current).report(report, dryRun: dryRun)
        if report.exitStatus != .success { throw ExitCode(report.exitStatus.rawValue) }
    }
}
