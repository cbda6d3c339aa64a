/// An output file could not be written: an operational error naming the path.
public struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path involved.
    public var path: String
    /// What failed, with the operating system's reason.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`
    public var description: String { "\(path): \(message)" }
}
