/// One KPI value for a vendor, contract and period, with where it came from.
struct KPIObservation: Sendable {
    /// Reported by the vendor, or derived from record-level data.
    enum Source: String, Sendable {
        case reported
        case derived
    }

    let key: KPIKey
    let value: ExactRatio
    let source: Source
    /// Where it came from, for people: `Inbox/acme.csv:4`, or `412 records in Inbox/x.csv`.
    let evidence: String
    /// Where it came from, for findings.
    let location: SourceLocation
    /// The feed it came from.
    let feed: String
}

/// What a KPI value is about: vendor × contract × period × KPI (× dimension, for derived
/// breakdowns such as one queue).
struct KPIKey: Sendable, Hashable, Comparable {
    let vendor: String
    let contract: String
    let period: PeriodKey
    let kpi: String
    /// `queue=Billing`, or empty for the vendor's whole period.
    let dimension: String

    /// By vendor, contract, period start, KPI and dimension, each as `<` orders it (what the tuple
    /// comparison `(vendor, contract, …) < (…)` decides). Written out because the tuples were built
    /// by copying the four Strings of both keys per comparison: in callgrind (20k benchmark records)
    /// sorting the group keys in `KPIEvaluator.mergeDerived` (372 keys, three evaluations a run) took
    /// 28.6 M instructions that way, 2.7 M this way.
    static func < (lhs: KPIKey, rhs: KPIKey) -> Bool {
        if lhs.vendor != rhs.vendor { return lhs.vendor < rhs.vendor }
        if lhs.contract != rhs.contract { return lhs.contract < rhs.contract }
        if lhs.period.start != rhs.period.start { return lhs.period.start < rhs.period.start }
        if lhs.kpi != rhs.kpi { return lhs.kpi < rhs.kpi }
        return lhs.dimension < rhs.dimension
    }
}

extension NormalisedValue {
    /// The number a KPI can use: integers, decimals, percents (points) and durations (seconds).
    var kpiNumber: ExactDecimal? {
        switch self {
        case .integer(let value): return ExactDecimal(value)
        case .decimal(let value), .percent(let value), .duration(let value): return value
        default: return nil
        }
    }
}
