/// Service credits for one period from the KPIs breached in it.
public enum CreditCalculator {
    /// The credits earned by `breached` KPIs under `terms`.
    ///
    /// Each breached critical KPI with an allocation earns at-risk amount × allocation / 100,
    /// computed exactly and rounded half away from zero to 2 decimals; the total is capped at
    /// the at-risk amount. Non-critical KPIs earn nothing; a KPI listed twice counts once.
    public static func credits(breached: [String], terms: CreditTerms, criticalKPIs: Set<String>) -> CreditResult {
        var perKPI: [(kpi: String, amount: ExactDecimal)] = []
        var unallocated: [String] = []
        var uncappedCents: Int64 = 0
        for kpi in Set(breached).sorted() where criticalKPIs.contains(kpi) {
            guard let percent = terms.allocation[kpi] else {
                unallocated.append(kpi)
                continue
            }
            let amount = share(of: terms.atRiskAmount, percent: percent)
            perKPI.append((kpi: kpi, amount: amount))
            uncappedCents += amount.significand
        }
        let uncapped = ExactDecimal(significand: uncappedCents, scale: 2)
        let capped = uncapped > terms.atRiskAmount
        let total = capped ? atLeastCents(terms.atRiskAmount) : uncapped
        return CreditResult(perKPI: perKPI, uncapped: uncapped, total: total, capped: capped, unallocated: unallocated)
    }

    /// `amount × percent / 100`, rounded half away from zero to 2 decimals.
    private static func share(of amount: ExactDecimal, percent: ExactDecimal) -> ExactDecimal {
        let amount = amount.reduced
        let percent = percent.reduced
        let numerator = Int128(amount.significand) * Int128(percent.significand)
        let denominator = ExactRatio.power(amount.scale + percent.scale) * 100
        return ExactRatio(numerator, denominator).rounded(decimals: 2)
    }

    /// The same value with at least 2 decimals, so a capped total reads like the amounts.
    private static func atLeastCents(_ value: ExactDecimal) -> ExactDecimal {
        var value = value
        while value.scale < 2 {
            value.significand *= 10
            value.scale += 1
        }
        return value
    }
}
