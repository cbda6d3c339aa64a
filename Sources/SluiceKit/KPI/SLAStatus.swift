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
    /// Nothing to measure: a derived KPI whose records had no value for it (a share of voice
    /// contacts in a period without any, a mean of survey scores nobody gave). Not missing data.
    case notApplicable = "n/a"
}
