import ArgumentParser
import Foundation
import SluiceKit

/// `sluice rules …`: work with the rules files.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Work with the rules files.", subcommands: [Check.self])

    /// `sluice rules check`: validates the rules files without touching any data.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the rules files; each problem is printed as file:line:column: message.")

        @Option(help: "Folder of rules files (*.yaml).") var rules = "Rules"

        func run() throws {
            let options = RunOptions(
                inbox: Folders.current, rules: Folders.url(rules), outbox: Folders.current, displayBase: Folders.current
            )
            do {
                let ruleSet = try Pipeline.checkRules(options)
                let names = ruleSet.feeds.map(\.name).joined(separator: ", ")
                print("rules ok: \(ruleSet.feeds.count) feeds (\(names))")
            } catch {
                throw Terminal.fail(error)
            }
        }
    }
}
