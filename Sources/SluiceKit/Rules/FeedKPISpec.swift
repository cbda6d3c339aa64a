/// How a feed's records become KPI observations.
public struct FeedKPISpec: Sendable, Hashable {
    /// The layout of the records.
    public var layout: KPILayout
    /// The contract the observations belong to; `nil`: the vendor's contract for the period.
    public var contract: String?
    /// `contract: none`: the feed's KPIs are evaluated per vendor × period against the
    /// catalogue's default targets, with no contract (no credits, submissions, contract dates
    /// or as-of checks). Only for record-level feeds.
    public var withoutContract = false
    /// The period length of a feed without a contract (`period: day`); a contract brings its own.
    public var period: PeriodLength = .month
    /// The zone timestamps with an offset are converted to, for a feed without a contract.
    public var timeZone = "UTC"
    /// Where it is declared.
    public var declaredAt: RulesLocation

    /// Creates a spec.
    public init(layout: KPILayout, contract: String? = nil, declaredAt: RulesLocation) {
        self.layout = layout
        self.contract = contract
        self.declaredAt = declaredAt
    }
}

/// The three ways vendors send KPIs.
public enum KPILayout: Sendable, Hashable {
    /// One row per KPI: the period, the KPI's name (matched through the catalogue's ids and
    /// aliases), its value, and optionally its unit.
    case long(period: String, kpi: String, value: String, unit: String?)
    /// One row per period, one column per KPI: canonical field → KPI id.
    case wide(period: String, columns: [WideColumn])
    /// One row per contact or ticket: KPIs derived per vendor (and dimensions) per period.
    case records(time: String, dimensions: [String], derivations: [Derivation])
}

/// One KPI column of a wide layout.
public struct WideColumn: Sendable, Hashable {
    /// The canonical field holding the value.
    public var field: String
    /// The KPI it reports.
    public var kpi: String
    /// Where it is declared.
    public var declaredAt = RulesLocation(file: "", line: 0, column: 0)

    /// Creates a column.
    public init(field: String, kpi: String) {
        self.field = field
        self.kpi = kpi
    }
}

/// A KPI derived from record-level data by an aggregation over the records that pass a filter.
public struct Derivation: Sendable, Hashable {
    /// The KPI it yields.
    public var kpi: String
    /// How records are aggregated.
    public var aggregation: Aggregation
    /// Only records where this holds are aggregated (`channel == voice`).
    public var filter: Condition?
    /// Where it is declared.
    public var declaredAt = RulesLocation(file: "", line: 0, column: 0)

    /// Creates a derivation.
    public init(kpi: String, aggregation: Aggregation, filter: Condition? = nil) {
        self.kpi = kpi
        self.aggregation = aggregation
        self.filter = filter
    }
}

/// The aggregations a derivation can use. Fields are canonical field names of the feed.
public enum Aggregation: Sendable, Hashable {
    /// Number of records.
    case count
    /// Sum of a numeric field.
    case sum(String)
    /// Mean of a numeric field (records where it is empty are not counted).
    case mean(String)
    /// Smallest value of a numeric field.
    case min(String)
    /// Largest value of a numeric field.
    case max(String)
    /// Percent of records (0–100) where the condition holds.
    case share(Condition)
    /// Sum of one numeric field divided by the sum of another.
    case ratio(numerator: String, denominator: String)
    /// The p-th percentile (nearest rank) of a numeric field, p in 0…100.
    case percentile(String, ExactDecimal)
}

/// `field OP value [and field OP value …]`, e.g. `channel == voice and wait_time_s <= 20`.
public struct Condition: Sendable, Hashable {
    /// The clauses, all of which must hold.
    public var clauses: [Clause]
    /// The text as written.
    public var text: String

    /// One comparison of a field with a literal written like a value of the field's kind.
    public struct Clause: Sendable, Hashable {
        public var field: String
        public var op: ComparisonOperator
        public var literal: String

        /// Creates a clause.
        public init(field: String, op: ComparisonOperator, literal: String) {
            self.field = field
            self.op = op
            self.literal = literal
        }
    }

    /// Creates a condition.
    public init(clauses: [Clause], text: String) {
        self.clauses = clauses
        self.text = text
    }
}
