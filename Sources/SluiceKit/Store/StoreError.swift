/// The store could not be opened, migrated, read or written: an operational error naming the
/// database file and SQLite's own message.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database file.
    public var path: String
    /// What failed, with SQLite's message.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`
    public var description: String { "\(path): \(message)" }
}
