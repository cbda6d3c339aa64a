/// Where a vendor's submission for one period stands.
public enum SubmissionStatus: String, Sendable, Hashable, CaseIterable {
    /// Received after the period ended and by the due date plus grace.
    case received
    /// Received on or before the period's last day: likely partial.
    case early
    /// Received after the due date plus grace.
    case late
    /// Not received, and the due date plus grace has passed.
    case missing
    /// Not received, and not yet overdue.
    case pending
}
