import Logging

/// Log lines for people: the message as it is (findings already read
/// `Inbox/acme.csv:17:4: error: [required] …`), debug lines prefixed `debug: `. Metadata is
/// left out: the message says everything a person needs; `--log-format json` carries it.
struct TextLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    let sink: StandardError

    init(level: Logger.Level, sink: StandardError = .shared) {
        logLevel = level
        self.sink = sink
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        sink.line(Self.format(level: event.level, message: event.message.description))
    }

    /// The line for a message.
    static func format(level: Logger.Level, message: String) -> String {
        switch level {
        case .trace, .debug: "\(level.rawValue): \(message)"
        default: message
        }
    }
}
