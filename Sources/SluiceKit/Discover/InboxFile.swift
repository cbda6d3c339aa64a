import Foundation

/// A file found in the inbox, with what the run needs to know about it before reading.
public struct InboxFile: Sendable, Hashable {
    /// Where it is.
    public var url: URL
    /// The path as shown in findings and the summary (`Inbox/acme-2026-10.csv`).
    public var displayPath: String
    /// The file name (what feed globs match).
    public var name: String
    /// Size in bytes.
    public var size: Int
}
