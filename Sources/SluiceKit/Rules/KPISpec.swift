/// A KPI of the catalogue: what it measures and which way is good.
public struct KPISpec: Sendable, Hashable {
    /// Stable id (`service_level`), used in contracts, feeds and outputs.
    public var id: String
    /// Display name (`Service Level`).
    public var name: String
    /// The unit values are normalised to.
    public var unit: KPIUnit
    /// Which way is good.
    public var direction: KPIDirection
    /// Decimals shown in outputs (status is decided on the exact value).
    public var decimals: Int
    /// Names vendors use for it in long layouts (`SL`, `TSF`), matched like headers.
    public var aliases: [String]
    /// Largest difference between a reported and a derived value that still agrees.
    public var tolerance: ExactDecimal?
    /// The target every contract uses unless it declares its own for this KPI.
    public var defaultTarget: SLATarget?
    /// History checks against the vendor's earlier periods (`history:`), if declared.
    public var history: HistorySpec?
    /// Where it is declared.
    public var declaredAt: RulesLocation

    /// Creates a KPI.
    public init(
        id: String, name: String, unit: KPIUnit, direction: KPIDirection, decimals: Int = 2, aliases: [String] = [],
        tolerance: ExactDecimal? = nil, declaredAt: RulesLocation = RulesLocation(file: "", line: 0, column: 0)
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.direction = direction
        self.decimals = decimals
        self.aliases = aliases
        self.tolerance = tolerance
        self.declaredAt = declaredAt
    }
}

/// The units a KPI can be in.
public enum KPIUnit: String, Sendable, Hashable, CaseIterable {
    /// Percent points (92.5).
    case percent
    /// Seconds.
    case seconds
    /// A count.
    case count
    /// A score (CSAT 1–5, quality 0–100).
    case score
}

/// Which way is good for a KPI.
public enum KPIDirection: String, Sendable, Hashable, CaseIterable {
    /// Higher is better (service level): breached below the target.
    case higher
    /// Lower is better (handle time): breached above the target.
    case lower
}

/// How long a reporting period is.
public enum PeriodLength: String, Sendable, Hashable, CaseIterable {
    case month
    case week
    case day
}
