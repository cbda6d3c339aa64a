/// Decides which SLA target applies to a period and how an actual value stands against it.
public enum SLAEvaluator {
    /// The contract's target for `kpi` in `period`: the one with the latest effective date on
    /// or before the period's first day (no effective date counts as the beginning of time).
    ///
    /// A target never changes within a period: one effective mid-period applies from the next
    /// period. When two targets share a KPI and an effective date, the later declared wins.
    public static func target(for kpi: String, period: PeriodKey, in contract: ContractSpec) -> SLATarget? {
        var chosen: SLATarget?
        for candidate in contract.targets where candidate.kpi == kpi {
            if let from = candidate.effectiveFrom, from > period.start { continue }
            if let current = chosen, let currentFrom = current.effectiveFrom,
                candidate.effectiveFrom.map({ $0 < currentFrom }) ?? true
            {
                continue
            }
            chosen = candidate
        }
        return chosen
    }

    /// The status of `actual` against `target`, decided on the exact value.
    ///
    /// Higher-is-better: breached below the target, warning below the warning level, else
    /// met; lower-is-better mirrors it. A tie with the target is not a breach, and a tie with
    /// the warning level is not a warning.
    public static func status(actual: ExactRatio?, target: SLATarget, direction: KPIDirection) -> SLAStatus {
        guard let actual else { return .noData }
        let goal = ExactRatio(target.target)
        let warning = target.warning.map(ExactRatio.init)
        switch direction {
        case .higher:
            if actual < goal { return .breached }
            if let warning, actual < warning { return .warning }
        case .lower:
            if actual > goal { return .breached }
            if let warning, actual > warning { return .warning }
        }
        return .met
    }
}
