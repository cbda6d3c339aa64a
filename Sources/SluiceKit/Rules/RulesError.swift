/// A problem in a rules file, at its own line and column.
public struct RulesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where it is.
    public var location: RulesLocation
    /// What is wrong, and a did-you-mean when there is a close match.
    public var message: String

    /// Creates an error.
    public init(location: RulesLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// `Rules/acme.yaml:12:7: unknown key 'treshold'; did you mean 'threshold'?`
    public var description: String {
        "\(location.file):\(location.line):\(location.column): \(message)"
    }
}

/// Every problem found in the rules files; any one of them means nothing is processed.
public struct RulesErrors: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in file, line and column order.
    public var errors: [RulesError]

    /// Creates the list, sorted by place.
    public init(_ errors: [RulesError]) {
        self.errors = errors.sorted {
            ($0.location.file, $0.location.line, $0.location.column) < (
                $1.location.file, $1.location.line, $1.location.column
            )
        }
    }

    /// One line per problem.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
