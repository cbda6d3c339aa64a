/// A file that cannot be read at all: the pipeline quarantines it with this message.
///
/// Problems inside a record (a ragged row, invalid bytes) are not errors: they travel
/// with the record as ``ReadProblem``s so the rest of the file is still read.
public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the user names it.
    public var path: String
    /// What is wrong, in lower case.
    public var message: String

    /// Creates a read error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, the form printed on stderr and written beside a quarantined file.
    public var description: String { "\(path): \(message)" }
}
