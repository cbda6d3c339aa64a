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

    static func < (lhs: KPIKey, rhs: KPIKey) -> Bool {
        (lhs.vendor, lhs.contract, lhs.period.start, lhs.kpi, lhs.dimension)
            < (rhs.vendor, rhs.contract, rhs.period.start, rhs.kpi, rhs.dimension)
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
