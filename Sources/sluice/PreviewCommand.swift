import ArgumentParser
import Foundation
import SluiceKit

/// `sluice preview FILE`: shows how Sluice reads, maps and normalises a file.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Show a file's records exactly as Sluice reads, maps and normalises them, with each value's finding.")

    @Argument(help: "The vendor file to preview.") var file: String
    @Option(help: "The feed to read it with (default: the feed whose files pattern matches).") var feed: String?
    @Option(help: "Folder of rules files (*.yaml).") var rules = "Rules"
    @Option(help: "How many records to show.") var limit = 20

    func run() throws {
        let options = RunOptions(
            inbox: Folders.current, rules: Folders.url(rules), outbox: Folders.current, displayBase: Folders.current)
        do {
            let ruleSet = try Pipeline.checkRules(options)
            let preview = try Preview.make(
                file: Folders.url(file), rules: ruleSet, feedName: feed, displayBase: Folders.current, limit: limit)
            print(preview.text)
        } catch {
            throw Terminal.fail(error)
        }
    }
}
