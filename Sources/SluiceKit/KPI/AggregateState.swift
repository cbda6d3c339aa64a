/// The running state of one derivation for one group (vendor × period × dimensions).
///
/// Memory does not grow with the number of records: counts, exact sums and extremes are fixed-size.
/// The one exception is a percentile, which keeps a count per distinct value: compact for the discrete
/// measures vendors report (whole seconds of waiting or handling, survey scores), where a month of a
/// million contacts has a few thousand distinct values; a measure with a distinct value per record would
/// cost one entry per record. States made by the same `DerivationPlan` merge, so workers can aggregate
/// parts of a feed in parallel and combine them.
public struct AggregateState: Sendable, Hashable {
    /// Records that passed the derivation's filter.
    public internal(set) var records = 0
    /// Records offered to the derivation, before its filter: tells "no record passed" (a count of 0) from
    /// "no record at all".
    var seen = 0
    var accumulator: Accumulator

    /// What is accumulated, one case per aggregation.
    enum Accumulator: Sendable, Hashable {
        case count
        /// The sum and how many values were not empty.
        case sum(DecimalSum, values: Int)
        case mean(DecimalSum, values: Int)
        case min(ExactDecimal?)
        case max(ExactDecimal?)
        /// Records (among those that passed the filter) where the share's condition holds.
        case share(matches: Int)
        case ratio(numerator: DecimalSum, denominator: DecimalSum)
        /// The percentile p and each distinct value with how often it occurred.
        case percentile(ExactDecimal, counts: [ExactDecimal: Int])
    }

    init(_ accumulator: Accumulator) {
        self.accumulator = accumulator
    }

    /// The KPI value: exact, or nil when no record contributed or a ratio's denominator is zero.
    ///
    /// A count is 0, not nil, when records were offered but none passed the filter: "no escalations this
    /// month" is a figure, not a gap.
    public var value: ExactRatio? {
        switch accumulator {
        case .count:
            return seen == 0 ? nil : ExactRatio(Int128(records), 1)
        case .sum(let sum, let values):
            return values == 0 ? nil : sum.ratio
        case .mean(let sum, let values):
            return values == 0 ? nil : sum.divided(by: values)
        case .min(let extreme), .max(let extreme):
            return extreme.map(ExactRatio.init)
        case .share(let matches):
            return records == 0 ? nil : ExactRatio(100 * Int128(matches), Int128(records))
        case .ratio(let numerator, let denominator):
            return numerator.divided(by: denominator)
        case .percentile(let p, let counts):
            return Self.nearestRank(p, counts).map(ExactRatio.init)
        }
    }

    /// Adds another state of the same plan, as if its records had been added to this one.
    public mutating func merge(_ other: AggregateState) {
        records += other.records
        seen += other.seen
        switch (accumulator, other.accumulator) {
        case (.count, .count): break
        case (.sum(var sum, let values), .sum(let otherSum, let otherValues)):
            sum.add(otherSum)
            accumulator = .sum(sum, values: values + otherValues)
        case (.mean(var sum, let values), .mean(let otherSum, let otherValues)):
            sum.add(otherSum)
            accumulator = .mean(sum, values: values + otherValues)
        case (.min(let extreme), .min(let otherExtreme)):
            accumulator = .min(Self.extreme(extreme, otherExtreme, by: <))
        case (.max(let extreme), .max(let otherExtreme)):
            accumulator = .max(Self.extreme(extreme, otherExtreme, by: >))
        case (.share(let matches), .share(let otherMatches)):
            accumulator = .share(matches: matches + otherMatches)
        case (.ratio(var numerator, var denominator), .ratio(let otherNumerator, let otherDenominator)):
            numerator.add(otherNumerator)
            denominator.add(otherDenominator)
            accumulator = .ratio(numerator: numerator, denominator: denominator)
        case (.percentile(let p, var counts), .percentile(let otherP, let otherCounts)) where p == otherP:
            accumulator = .count  // release the enum's reference so `counts` is mutated in place
            counts.merge(otherCounts, uniquingKeysWith: +)
            accumulator = .percentile(p, counts: counts)
        default:
            preconditionFailure("merging states of different derivations")
        }
    }

    /// Records one value of the measured field (nil: empty) for sum, mean, min, max and percentile.
    mutating func add(_ value: ExactDecimal?) {
        guard let value else { return }
        switch accumulator {
        case .sum(var sum, let values):
            sum.add(value)
            accumulator = .sum(sum, values: values + 1)
        case .mean(var sum, let values):
            sum.add(value)
            accumulator = .mean(sum, values: values + 1)
        case .min(let extreme): accumulator = .min(Self.extreme(extreme, value, by: <))
        case .max(let extreme): accumulator = .max(Self.extreme(extreme, value, by: >))
        case .percentile(let p, var counts):
            accumulator = .count  // release the enum's reference so `counts` is mutated in place
            counts[value, default: 0] += 1
            accumulator = .percentile(p, counts: counts)
        case .count, .share, .ratio:
            preconditionFailure("a single value added to a \(accumulator) state")
        }
    }

    /// Records whether a share's condition held for one record.
    mutating func add(match: Bool) {
        guard case .share(let matches) = accumulator else { preconditionFailure("a match added to \(accumulator)") }
        if match { accumulator = .share(matches: matches + 1) }
    }

    /// Records one numerator–denominator pair; a record with either empty is skipped so both sums cover
    /// the same records.
    mutating func add(numerator: ExactDecimal?, denominator: ExactDecimal?) {
        guard case .ratio(var numerators, var denominators) = accumulator else {
            preconditionFailure("a pair added to \(accumulator)")
        }
        guard let numerator, let denominator else { return }
        numerators.add(numerator)
        denominators.add(denominator)
        accumulator = .ratio(numerator: numerators, denominator: denominators)
    }

    private static func extreme(
        _ current: ExactDecimal?, _ candidate: ExactDecimal?, by isBetter: (ExactDecimal, ExactDecimal) -> Bool
    ) -> ExactDecimal? {
        guard let current else { return candidate }
        guard let candidate else { return current }
        return isBetter(candidate, current) ? candidate : current
    }

    /// The smallest value with at least ⌈p/100 × n⌉ values at or below it (rank 1 for p = 0).
    private static func nearestRank(_ p: ExactDecimal, _ counts: [ExactDecimal: Int]) -> ExactDecimal? {
        let total = Int128(counts.values.reduce(0, +))
        guard total > 0 else { return nil }
        // p = s / 10^k, so p/100 × n = s × n / (100 × 10^k); integer ceiling of a non-negative quotient.
        let divisor = 100 * ExactRatio.power(p.scale)
        let rank = max(1, (Int128(p.significand) * total + divisor - 1) / divisor)
        var cumulative: Int128 = 0
        for value in counts.keys.sorted() {
            cumulative += Int128(counts[value]!)
            if cumulative >= rank { return value }
        }
        return nil
    }
}
