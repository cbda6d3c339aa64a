/// How serious a finding is: an error rejects the record, a warning keeps it.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int { self == .error ? 0 : 1 }
}
