/// What normalising one raw value produced: nothing, a typed value, or a problem.
public enum ValueOutcome: Sendable, Hashable {
    /// The value is empty or one of the field's null tokens.
    case null
    /// The typed, canonical value.
    case value(NormalisedValue)
    /// The raw text is not a valid value of the field's kind.
    case invalid(ValueProblem)
}

/// Why a raw value could not be normalised; the check stage turns it into a `Finding`.
public struct ValueProblem: Sendable, Hashable, Error {
    /// The stable kebab-case rule id (`type`, `enum`, `ambiguous-date`).
    public var ruleID: String
    /// What is wrong, lower case, the raw value quoted.
    public var message: String
    /// What would fix it.
    public var hint: String?

    /// Creates a problem.
    public init(ruleID: String, message: String, hint: String? = nil) {
        self.ruleID = ruleID
        self.message = message
        self.hint = hint
    }

    /// A `type` problem: the raw text is not a value of the kind.
    static func type(_ message: String, hint: String?) -> ValueProblem {
        ValueProblem(ruleID: "type", message: message, hint: hint)
    }
}

/// A declared format (or other field setting) that cannot be compiled; a rules-file error.
public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The format as declared.
    public var format: String
    /// What is wrong with it, with a did-you-mean where one is close.
    public var message: String

    /// Creates a format error.
    public init(format: String, message: String) {
        self.format = format
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// The raw value quoted for a message, exactly as read.
func quoted(_ raw: String) -> String {
    "'" + raw + "'"
}
