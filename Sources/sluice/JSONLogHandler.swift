import Foundation
import Logging
import SluiceKit

/// One JSON object per line for log collectors:
/// `{"timestamp":"2026-11-29T02:30:00.123Z","level":"warning","message":"…","metadata":{…}}`.
///
/// Written by hand rather than with `JSONEncoder`: swift-log's metadata values are a recursive
/// enum that is not `Encodable`, and a wrapper type plus an encoder per line would be more code
/// than this escaper. Keys come out sorted, so lines are stable.
struct JSONLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    let sink: StandardError
    let now: @Sendable () -> Date

    init(level: Logger.Level, sink: StandardError = .shared, now: @escaping @Sendable () -> Date = Date.init) {
        logLevel = level
        self.sink = sink
        self.now = now
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        sink.line(Self.line(timestamp: now(), level: event.level, message: event.message.description, metadata: merged))
    }

    /// The JSON line for one event.
    static func line(timestamp: Date, level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        var out = "{\"timestamp\":"
        append(string: iso(timestamp), to: &out)
        out += ",\"level\":"
        append(string: level.rawValue, to: &out)
        out += ",\"message\":"
        append(string: message, to: &out)
        out += ",\"metadata\":"
        append(.dictionary(metadata), to: &out)
        out += "}"
        return out
    }

    /// UTC with milliseconds: `2026-11-29T02:30:00.123Z`.
    static func iso(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(milliseconds % 1000))
    }

    private static func append(_ value: Logger.Metadata.Value, to out: inout String) {
        switch value {
        case .string(let text): append(string: text, to: &out)
        case .stringConvertible(let value): append(string: value.description, to: &out)
        case .array(let values):
            out += "["
            for (index, element) in values.enumerated() {
                if index > 0 { out += "," }
                append(element, to: &out)
            }
            out += "]"
        case .dictionary(let entries):
            out += "{"
            for (index, key) in entries.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                append(string: key, to: &out)
                out += ":"
                append(entries[key]!, to: &out)
            }
            out += "}"
        }
    }

    /// A JSON string literal (RFC 8259: `"`, `\` and control characters escaped).
    static func append(string: String, to out: inout String) {
        out += JSONText.string(string)
    }
}
