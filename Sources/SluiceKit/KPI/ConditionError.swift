/// A condition or derivation in a rules file that cannot be read or does not fit the feed's fields.
///
/// A rules-file error: the loader prefixes it with the file, line and column of the declaration.
public struct ConditionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and what would fix it, lower case, values quoted.
    public var message: String

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
