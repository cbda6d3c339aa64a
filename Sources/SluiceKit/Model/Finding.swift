/// One problem found in the data: what rule, how serious, where, and what would fix it.
public struct Finding: Sendable, Hashable {
    /// How serious it is.
    public var severity: Severity
    /// The stable kebab-case id of the rule that produced it (`required`, `range`…).
    public var ruleID: String
    /// The feed the file was routed to, when it was.
    public var feed: String?
    /// The vendor the record belongs to, when known.
    public var vendor: String?
    /// Where it is.
    public var location: SourceLocation
    /// The canonical field it concerns, when it concerns one.
    public var field: String?
    /// The raw value exactly as read.
    public var rawValue: String?
    /// What is wrong, in lower case, values quoted.
    public var message: String
    /// What would fix it.
    public var hint: String?

    /// Creates a finding.
    public init(
        severity: Severity, ruleID: String, feed: String? = nil, vendor: String? = nil,
        location: SourceLocation, field: String? = nil, rawValue: String? = nil,
        message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.ruleID = ruleID
        self.feed = feed
        self.vendor = vendor
        self.location = location
        self.field = field
        self.rawValue = rawValue
        self.message = message
        self.hint = hint
    }

    /// The one-line form used on stderr: `file:line:col: severity: [rule] message`.
    public var diagnostic: String {
        "\(location.description): \(severity.rawValue): [\(ruleID)] \(message)"
    }
}
