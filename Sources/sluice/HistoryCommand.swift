import ArgumentParser
import Foundation
import SluiceKit

/// `sluice history --vendor V`: a vendor's KPI values over time, read-only from the store.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a vendor's KPI values over time with their sources, and what replaced superseded values.")

    @Option(help: "The vendor (as records and contracts name it; case and punctuation ignored).") var vendor: String
    @Option(help: "One KPI, by id, name or alias (default: every KPI the vendor has values of).") var kpi: String?
    @Option(help: "Only this contract's values.") var contract: String?
    @Option(help: "Folder holding the store (sluice.sqlite).") var outbox = "Outbox"
    @Option(help: "Folder of rules files (*.yaml), for KPI names, targets and statuses.") var rules = "Rules"

    func run() throws {
        let options = RunOptions(
            inbox: Folders.current, rules: Folders.url(rules), outbox: Folders.url(outbox),
            displayBase: Folders.current)
        do {
            print(try HistoryQuery.run(options, vendor: vendor, kpi: kpi, contract: contract))
        } catch {
            throw Terminal.fail(error)
        }
    }
}
