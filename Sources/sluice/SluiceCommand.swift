import ArgumentParser
import Foundation
import SluiceKit

/// The `sluice` command: parses arguments, calls SluiceKit, prints, exits.
@main
struct SluiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sluice",
        abstract: "Turns BPO vendors' performance exports into trusted data.",
        subcommands: [RunCommand.self, RulesCommand.self, PreviewCommand.self, HistoryCommand.self])

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
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints an error (rules problems one per line, as `file:line:column: message`) and
    /// fails the command with the status's exit code.
    static func fail(_ error: Error) -> ExitCode {
        if case .rules(let errors) = error as? SluiceError {
            for problem in errors.errors { self.error(problem.description) }
            self.error(
                "\(errors.errors.count) problem(s) in the rules files; nothing is processed until they are fixed")
        } else {
            self.error("sluice: \(error)")
        }
        return ExitCode(ExitStatus.of(error).rawValue)
    }
}
