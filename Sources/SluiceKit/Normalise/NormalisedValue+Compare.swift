extension NormalisedValue {
    /// Orders two values of comparable kinds (numbers with numbers, dates with dates, timestamps, text); nil otherwise.
    ///
    /// Integers and decimals compare with each other exactly; percentages only with percentages and
    /// durations only with durations (92.5 % is not the number 92.5 of a decimal field). Timestamps
    /// that both state an offset compare as instants; timestamps that both lack one compare as written;
    /// one with and one without an offset cannot be ordered without guessing a zone, so nil.
    /// Booleans and enum values have no order: nil.
    public func compare(to other: NormalisedValue) -> Int? {
        // Integers against integer bounds (most `range` checks) without building the pair below,
        // which copied both values through outlined value witnesses (callgrind).
        if case .integer(let left) = self, case .integer(let right) = other { return order(left, right) }
        switch (self, other) {
        case (.integer(let left), .integer(let right)): return order(left, right)
        case (.integer(let left), .decimal(let right)): return order(ExactDecimal(left), right)
        case (.decimal(let left), .integer(let right)): return order(left, ExactDecimal(right))
        case (.decimal(let left), .decimal(let right)): return order(left, right)
        case (.percent(let left), .percent(let right)): return order(left, right)
        case (.duration(let left), .duration(let right)): return order(left, right)
        case (.date(let left), .date(let right)): return order(left, right)
        case (.text(let left), .text(let right)): return order(left, right)
        case (.timestamp(let left), .timestamp(let right)):
            switch (left.utcOffsetSeconds, right.utcOffsetSeconds) {
            case (nil, nil): return order(left, right)
            case (.some, .some):
                return order(left.instant, right.instant)
            default: return nil
            }
        default: return nil
        }
    }
}

private func order<T: Comparable>(_ left: T, _ right: T) -> Int {
    left < right ? -1 : (left == right ? 0 : 1)
}

extension CivilDateTime {
    /// Seconds since 1970-01-01T00:00:00Z and nanoseconds, for timestamps with an offset.
    fileprivate var instant: Instant {
        let local = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
        return Instant(seconds: local - (utcOffsetSeconds ?? 0), nanosecond: nanosecond)
    }
}

private struct Instant: Comparable {
    var seconds: Int
    var nanosecond: Int

    static func < (lhs: Instant, rhs: Instant) -> Bool {
        (lhs.seconds, lhs.nanosecond) < (rhs.seconds, rhs.nanosecond)
    }
}
