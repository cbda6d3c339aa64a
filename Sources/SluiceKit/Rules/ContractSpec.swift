/// A contract with a vendor: its dates, reporting period, SLA targets, credits and the
/// submissions it expects.
public struct ContractSpec: Sendable, Hashable {
    /// Contract id (`ACME-CS-2026`).
    public var id: String
    /// The vendor, as records name it.
    public var vendor: String
    /// First and last day the contract covers.
    public var start: CivilDate
    public var end: CivilDate
    /// The reporting period.
    public var period: PeriodLength
    /// The time zone periods are counted in (an IANA name such as `Europe/London`).
    public var timeZone: String
    /// SLA targets; a KPI may have several, each from an effective date.
    public var targets: [SLATarget]
    /// Service credits, if the contract has them.
    public var credits: CreditTerms?
    /// Submissions the vendor owes.
    public var submissions: [ExpectedSubmission]
    /// Where it is declared.
    public var declaredAt: RulesLocation

    /// Creates a contract.
    public init(
        id: String, vendor: String, start: CivilDate, end: CivilDate, period: PeriodLength = .month,
        timeZone: String = "UTC", targets: [SLATarget] = [], credits: CreditTerms? = nil,
        submissions: [ExpectedSubmission] = [], declaredAt: RulesLocation = RulesLocation(file: "", line: 0, column: 0)
    ) {
        self.id = id
        self.vendor = vendor
        self.start = start
        self.end = end
        self.period = period
        self.timeZone = timeZone
        self.targets = targets
        self.credits = credits
        self.submissions = submissions
        self.declaredAt = declaredAt
    }
}

/// One SLA target of a contract for one KPI, effective from a date.
public struct SLATarget: Sendable, Hashable {
    /// The KPI.
    public var kpi: String
    /// The target, in the KPI's unit.
    public var target: ExactDecimal
    /// An earlier threshold that signals "at risk" (above the target for higher-is-better).
    public var warning: ExactDecimal?
    /// `critical` targets earn service credits when breached.
    public var critical: Bool
    /// First period this target applies to (`nil`: from the contract's start).
    public var effectiveFrom: CivilDate?
    /// Where it is declared.
    public var declaredAt = RulesLocation(file: "", line: 0, column: 0)

    /// Creates a target.
    public init(
        kpi: String, target: ExactDecimal, warning: ExactDecimal? = nil, critical: Bool = false,
        effectiveFrom: CivilDate? = nil
    ) {
        self.kpi = kpi
        self.target = target
        self.warning = warning
        self.critical = critical
        self.effectiveFrom = effectiveFrom
    }
}

/// Service-credit terms: what is at risk each period and how it is shared among critical KPIs.
public struct CreditTerms: Sendable, Hashable {
    /// The amount at risk per period (monthly charge × at-risk percent, or given directly).
    public var atRiskAmount: ExactDecimal
    /// Percent of the at-risk amount each critical KPI earns when breached.
    public var allocation: [String: ExactDecimal]
    /// Currency code for outputs.
    public var currency: String

    /// Creates terms.
    public init(atRiskAmount: ExactDecimal, allocation: [String: ExactDecimal], currency: String = "EUR") {
        self.atRiskAmount = atRiskAmount
        self.allocation = allocation
        self.currency = currency
    }
}

/// A feed the vendor must send for each period, by a due day.
public struct ExpectedSubmission: Sendable, Hashable {
    /// The feed.
    public var feed: String
    /// Day of the month after the period (for weekly and daily periods: days after the period ends).
    public var dueDay: Int
    /// Days of grace after the due day before it is late.
    public var graceDays: Int
    /// First period expected (`nil`: the contract's start).
    public var from: CivilDate?
    /// Where it is declared.
    public var declaredAt = RulesLocation(file: "", line: 0, column: 0)

    /// Creates an expectation.
    public init(feed: String, dueDay: Int, graceDays: Int = 0, from: CivilDate? = nil) {
        self.feed = feed
        self.dueDay = dueDay
        self.graceDays = graceDays
        self.from = from
    }
}
