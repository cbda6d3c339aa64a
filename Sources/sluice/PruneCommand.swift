import ArgumentParser
import Foundation
import SluiceKit

/// `sluice prune --keep N`: removes old run folders from the outbox.
struct PruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract:
            "Remove old run folders from Outbox/runs/, keeping the newest N and the latest; the store, archive and quarantine outside runs/ are never touched."
    )

    @Option(help: "How many of the newest run folders to keep (the one 'latest' points to is always kept).")
    var keep: Int
    @Option(help: "The outbox to prune.") var outbox = "Outbox"
    @Flag(help: "Only print what would be removed.") var dryRun = false
    @OptionGroup var logging: LogOptions

    func validate() throws {
        if keep < 0 { throw ValidationError("--keep must be 0 or more, not \(keep)") }
    }

    func run() throws {
        let logger = logging.makeLogger()
        let outcome: RunPruner.Outcome
        do {
            outcome = try RunPruner(outbox: Folders.url(outbox), displayBase: Folders.current).prune(
                keep: keep, dryRun: dryRun)
        } catch {
            throw Terminal.fail(error, logger: logger)
        }
        for path in outcome.kept {
            logger.debug("kept \(path)", metadata: ["run_folder": "\(path)"])
        }
        for path in outcome.removed {
            if !logging.quiet { print("\(dryRun ? "would remove" : "removed") \(path)") }
        }
        let verb = dryRun ? "would remove" : "removed"
        let line = "prune: \(verb) \(outcome.removed.count) run folder(s), kept \(outcome.kept.count)"
        if !logging.quiet { print(line) }
        if logging.format == .json {
            logger.info(
                "\(line)",
                metadata: [
                    "event": "pruned", "removed": .array(outcome.removed.map { .string($0) }),
                    "kept": "\(outcome.kept.count)", "dry_run": "\(dryRun)",
                ])
        }
    }
}
