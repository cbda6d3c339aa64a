import ArgumentParser
import Foundation
import SluiceKit

/// `sluice describe FILE`: a draft feed for a sample file, as rules YAML.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract:
            "Infer a draft feed from a sample file (format, dialect, encoding, headers, kinds and formats) and print it as rules YAML."
    )

    @Argument(help: "The sample file (CSV, XML, JSON, NDJSON or XLSX).") var file: String
    @Option(help: "The vendor's name (default: a vendor column if there is one, else left for you to fill in).")
    var vendor: String?
    @Option(help: "The feed's name (default: from the file name).") var feed: String?

    func run() throws {
        do {
            let draft = try FeedDescriber.describe(
                file: Folders.url(file), displayBase: Folders.current, vendor: vendor, feedName: feed)
            print(draft.yaml, terminator: "")
        } catch {
            throw Terminal.fail(error)
        }
    }
}
