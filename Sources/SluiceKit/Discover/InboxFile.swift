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
    /// Last modification time: when the vendor's upload finished.
    public var modified: Date

    /// The day the file was received (its modification date, in UTC).
    public var receivedOn: CivilDate { Self.utcDate(of: modified) }

    /// The calendar day of an instant in UTC.
    public static func utcDate(of instant: Date) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
