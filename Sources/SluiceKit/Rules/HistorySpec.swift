/// A KPI's history checks (`history:` in the KPI catalogue): how far a vendor's value may
/// move against the previous period, and the band of recent periods it should stay in.
public struct HistorySpec: Sendable, Hashable {
    /// Largest move against the previous period, in the KPI's unit (percent points, seconds,
    /// a count or a score); `nil`: not checked.
    public var maxChange: ExactDecimal?
    /// Largest move against the previous period, in percent of the previous value; `nil`:
    /// not checked.
    public var maxChangePercent: ExactDecimal?
    /// How many periods before the value make its band (min…max); `nil`: no band check.
    public var bandPeriods: Int?
    /// How far, in the KPI's unit, a value may lie beyond the band before it is reported.
    public var bandMargin: ExactDecimal
    /// `warning` (default) or `error`.
    public var severity: Severity
    /// Where it is declared.
    public var declaredAt: RulesLocation

    /// Creates history checks.
    public init(
        maxChange: ExactDecimal? = nil, maxChangePercent: ExactDecimal? = nil, bandPeriods: Int? = nil,
        bandMargin: ExactDecimal = ExactDecimal(0), severity: Severity = .warning,
        declaredAt: RulesLocation = RulesLocation(file: "", line: 0, column: 0)
    ) {
        self.maxChange = maxChange
        self.maxChangePercent = maxChangePercent
        self.bandPeriods = bandPeriods
        self.bandMargin = bandMargin
        self.severity = severity
        self.declaredAt = declaredAt
    }

    /// The fewest earlier values a band needs: a band of one value is a point, and every
    /// move would leave it (that is what `max-change` is for).
    public static let minimumBandValues = 2
}
