/// The service credits a vendor owes for one period.
public struct CreditResult: Sendable, Equatable, CustomStringConvertible {
    /// What each breached critical KPI earns, sorted by KPI id; amounts have 2 decimals.
    public var perKPI: [(kpi: String, amount: ExactDecimal)]
    /// The sum of `perKPI`, before the cap.
    public var uncapped: ExactDecimal
    /// What is owed: `uncapped`, but never more than the at-risk amount.
    public var total: ExactDecimal
    /// Whether the cap cut the total (an exact hit of the cap is not capped).
    public var capped: Bool
    /// Breached critical KPIs without an allocation, which earn nothing: almost always a gap
    /// in the contract's terms, so callers should report them.
    public var unallocated: [String]

    /// Creates a result.
    public init(
        perKPI: [(kpi: String, amount: ExactDecimal)], uncapped: ExactDecimal, total: ExactDecimal, capped: Bool,
        unallocated: [String] = []
    ) {
        self.perKPI = perKPI
        self.uncapped = uncapped
        self.total = total
        self.capped = capped
        self.unallocated = unallocated
    }

    /// `service_level=100.00 aht=50.00 uncapped=150.00 total=150.00`, with ` capped` when it was.
    public var description: String {
        let parts = perKPI.map { "\($0.kpi)=\($0.amount)" } + ["uncapped=\(uncapped)", "total=\(total)"]
        return parts.joined(separator: " ") + (capped ? " capped" : "")
    }

    public static func == (lhs: CreditResult, rhs: CreditResult) -> Bool {
        lhs.perKPI.map(\.kpi) == rhs.perKPI.map(\.kpi) && lhs.perKPI.map(\.amount) == rhs.perKPI.map(\.amount)
            && lhs.uncapped == rhs.uncapped && lhs.total == rhs.total && lhs.capped == rhs.capped
            && lhs.unallocated == rhs.unallocated
    }
}
