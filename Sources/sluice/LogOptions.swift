import ArgumentParser
import Logging

/// How log lines are written on stderr.
enum LogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Plain lines for people (the default).
    case text
    /// One JSON object per line (`timestamp`, `level`, `message`, `metadata`) for log collectors.
    case json
}

/// `--log-format`, `--quiet`, `--verbose`: shared by the commands that log.
struct LogOptions: ParsableArguments {
    @Option(
        name: .customLong("log-format"), help: "Log lines on stderr as text (default) or json, one object per line.")
    var format: LogFormat = .text
    @Flag(help: "Print errors only: nothing on stdout or stderr unless something needs a person.")
    var quiet = false
    @Flag(help: "Also print debug lines (run: how each file was routed, its counts and how long it took).")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    /// The lowest level written.
    var level: Logger.Level { quiet ? .error : verbose ? .debug : .info }

    /// The process's logger: bootstraps swift-log with the chosen handler (once per process).
    func makeLogger() -> Logger {
        let format = format
        let level = level
        LogBootstrap.once {
            LoggingSystem.bootstrap { _ in
                switch format {
                case .text: TextLogHandler(level: level)
                case .json: JSONLogHandler(level: level)
                }
            }
        }
        return Logger(label: "sluice")
    }
}

/// swift-log allows one bootstrap per process.
enum LogBootstrap {
    nonisolated(unsafe) private static var done = false

    static func once(_ body: () -> Void) {
        // The executable is single-threaded until a run starts; no lock needed.
        guard !done else { return }
        done = true
        body()
    }
}
