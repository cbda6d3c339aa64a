/// How a KPI's actual value stands against its SLA target in one period.
public enum SLAStatus: String, Sendable, Hashable, CaseIterable {
    /// At or better than the target, and clear of any warning level.
    case met
    /// Within the target but past the warning level: at risk.
    case warning
    /// Worse than the target.
    case breached
    /// No value for the period.
    case noData = "no-data"
}
