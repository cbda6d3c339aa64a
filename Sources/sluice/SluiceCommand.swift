import ArgumentParser
import Foundation
import Logging
import SluiceKit

/// The `sluice` command: parses arguments, calls SluiceKit, prints, exits.
@main
struct SluiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sluice",
        abstract: "Turns BPO vendors' performance exports into trusted data.",
        subcommands: [
            RunCommand.self, RulesCommand.self, PreviewCommand.self, HistoryCommand.self, PruneCommand.self,
            DescribeCommand.self,
        ])

    /// Parses, runs, and exits with the code `ExitStatus` decides; usage errors exit 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let status as ExitCode {
            Foundation.exit(status.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            Terminal.error(message)
            Foundation.exit(code == .validationFailure ? ExitStatus.usageOrRules.rawValue : code.rawValue)
        }
    }
}

/// Where the repo's default folders are: the current directory.
enum Folders {
    static var current: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: current).standardizedFileURL
    }
}

/// Output to the terminal: results on stdout, findings and errors on stderr.
enum Terminal {
    /// Plain text at the default level, for commands without logging options.
    static var plainLogger: Logger { Logger(label: "sluice", factory: { _ in TextLogHandler(level: .info) }) }

    /// Writes a line on stderr as it is (usage errors, before any logger exists).
    static func error(_ text: String) {
        StandardError.shared.line(text)
    }

    /// Logs an error (rules problems one per line, as `file:line:column: message`) and fails the
    /// command with the status's exit code. Another run holding the outbox (exit 4) is a warning:
    /// nothing is wrong, and `--quiet` keeps it out of cron mail.
    static func fail(_ error: Error, logger: Logger = plainLogger) -> ExitCode {
        let status = ExitStatus.of(error)
        let metadata: Logger.Metadata = ["exit_code": "\(status.rawValue)", "event": "failed"]
        if case .rules(let errors) = error as? SluiceError {
            for problem in errors.errors { logger.error("\(problem.description)", metadata: metadata) }
            logger.error(
                "\(errors.errors.count) problem(s) in the rules files; nothing is processed until they are fixed",
                metadata: metadata)
        } else {
            logger.log(level: status == .locked ? .warning : .error, "sluice: \(error)", metadata: metadata)
        }
        return ExitCode(status.rawValue)
    }
}
