/// One value of a vendor's KPI in one period.
public struct HistoryPoint: Sendable, Hashable {
    /// The period.
    public let period: PeriodKey
    /// The exact value.
    public let value: ExactRatio

    /// Creates a point.
    public init(period: PeriodKey, value: ExactRatio) {
        self.period = period
        self.value = value
    }
}

/// What a history check found wrong with one value.
enum HistoryBreach: Sendable, Hashable {
    /// It moved more than declared against the previous period: `delta` = value − previous;
    /// `percent` is the move in percent of the previous value (nil when that is 0).
    case change(previous: HistoryPoint, delta: ExactRatio, percent: ExactRatio?)
    /// It lies outside the band (min…max, widened by the margin) of the `values` earlier
    /// values found in the `periods` periods before it, `first` to `last`.
    case band(minimum: ExactRatio, maximum: ExactRatio, values: Int, first: PeriodKey, last: PeriodKey)
}

/// The history checks of one value against the vendor's earlier values of the same KPI:
/// a pure function of the value, the earlier series and the declared limits, exact throughout.
///
/// Periods are calendar periods: the previous period is the one right before (a gap means
/// no change check), and the band is made of the values found in the `band-periods`
/// periods right before, when there are at least two.
enum HistoryCheck {
    static func evaluate(_ point: HistoryPoint, earlier: [PeriodKey: ExactRatio], spec: HistorySpec)
        -> [HistoryBreach]
    {
        var breaches: [HistoryBreach] = []
        let previousPeriod = point.period.previous()
        if spec.maxChange != nil || spec.maxChangePercent != nil, let previous = earlier[previousPeriod] {
            let delta = point.value.minus(previous)
            let percent = previous.isZero ? nil : delta.magnitude.times(100).dividedBy(previous.magnitude)
            let overAmount = spec.maxChange.map { ExactRatio($0) < delta.magnitude } ?? false
            var overPercent = false
            if let limit = spec.maxChangePercent, let percent { overPercent = ExactRatio(limit) < percent }
            if overAmount || overPercent {
                breaches.append(
                    .change(
                        previous: HistoryPoint(period: previousPeriod, value: previous), delta: delta,
                        percent: percent.map { delta.isNegative ? $0.negated : $0 }))
            }
        }
        if let count = spec.bandPeriods {
            var period = point.period
            var values: [ExactRatio] = []
            var first = period
            var last: PeriodKey?
            for _ in 0..<count {
                period = period.previous()
                first = period
                if last == nil { last = period }
                if let value = earlier[period] { values.append(value) }
            }
            if values.count >= HistorySpec.minimumBandValues, let minimum = values.min(), let maximum = values.max(),
                let last
            {
                let margin = ExactRatio(spec.bandMargin)
                let outside =
                    point.value < minimum.minus(margin) || margin.plus(maximum) < point.value
                if outside {
                    breaches.append(
                        .band(minimum: minimum, maximum: maximum, values: values.count, first: first, last: last))
                }
            }
        }
        return breaches
    }
}

extension PeriodKey {
    /// The period right before this one.
    func previous() -> PeriodKey {
        PeriodKey.containing(start.adding(days: -1), length: length)
    }
}

extension ExactRatio {
    /// Whether it is 0.
    var isZero: Bool { numerator == 0 }
    /// Whether it is below 0.
    var isNegative: Bool { numerator < 0 }
    /// −self.
    var negated: ExactRatio { ExactRatio(-numerator, denominator) }
    /// |self|.
    var magnitude: ExactRatio { isNegative ? negated : self }

    /// `self + other`, exact.
    func plus(_ other: ExactRatio) -> ExactRatio {
        ExactRatio(numerator * other.denominator + other.numerator * denominator, denominator * other.denominator)
    }

    /// `self × factor`, exact.
    func times(_ factor: Int128) -> ExactRatio {
        ExactRatio(numerator * factor, denominator)
    }

    /// `self ÷ other`; `other` must not be 0.
    func dividedBy(_ other: ExactRatio) -> ExactRatio {
        ExactRatio(numerator * other.denominator, denominator * other.numerator)
    }
}
