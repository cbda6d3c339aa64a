import Foundation

/// Decides which inbox files are still being written and must wait for the next run, so a
/// file is never read half-way: an upload marker name, or a change within the settle window.
public struct UploadGate: Sendable {
    /// Names browsers, SFTP clients and copy tools give files while they are being written.
    public static let uploadSuffixes = [
        ".part", ".partial", ".tmp", ".crdownload", ".filepart", ".download", ".upload",
    ]

    /// A file modified more recently than this many seconds ago is deferred (0: never).
    public let settleSeconds: Int
    /// The run's clock.
    public let now: Date

    /// Creates a gate.
    public init(settleSeconds: Int, now: Date) {
        self.settleSeconds = settleSeconds
        self.now = now
    }

    /// Why the file must wait for the next run, or nil when it can be read now.
    public func deferral(of file: InboxFile) -> String? {
        let lowered = file.name.lowercased()
        if let suffix = Self.uploadSuffixes.first(where: { lowered.hasSuffix($0) }) {
            return "still being uploaded (its name ends in '\(suffix)')"
        }
        let age = now.timeIntervalSince(file.modified)
        if settleSeconds > 0 && age < Double(settleSeconds) {
            return
                "modified \(max(0, Int(age))) s ago, within the \(settleSeconds) s settle window; it may still be written"
        }
        return nil
    }
}
