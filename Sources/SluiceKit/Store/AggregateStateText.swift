/// Aggregate states as text for the store, exact and self-describing:
/// `records,seen,kind[:payload]`, decimals written `significand e scale` (`1234e2` is 12.34).
///
/// Hand-written rather than `Codable` JSON: the states hold `Int128` sums and a dictionary
/// keyed by decimals, neither of which JSON carries exactly.
enum AggregateStateText {
    /// One state as text.
    static func encode(_ state: AggregateState) -> String {
        let head = "\(state.records),\(state.seen),"
        switch state.accumulator {
        case .count: return head + "count"
        case .sum(let sum, let values): return head + "sum:\(text(sum)):\(values)"
        case .mean(let sum, let values): return head + "mean:\(text(sum)):\(values)"
        case .min(let value): return head + "min:" + (value.map(text) ?? "")
        case .max(let value): return head + "max:" + (value.map(text) ?? "")
        case .share(let matches): return head + "share:\(matches)"
        case .ratio(let numerator, let denominator): return head + "ratio:\(text(numerator)):\(text(denominator))"
        case .percentile(let p, let counts):
            let pairs = counts.keys.sorted().map { "\(text($0))=\(counts[$0]!)" }.joined(separator: ";")
            return head + "percentile:\(text(p)):" + pairs
        }
    }

    /// A state from its text, or nil when the text is not one `encode` writes.
    static func decode(_ text: String) -> AggregateState? {
        let parts = text.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let records = Int(parts[0]), let seen = Int(parts[1]) else { return nil }
        let fields = parts[2].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let accumulator: AggregateState.Accumulator
        switch (fields[0], fields.count) {
        case ("count", 1): accumulator = .count
        case ("sum", 3), ("mean", 3):
            guard let sum = decimalSum(fields[1]), let values = Int(fields[2]) else { return nil }
            accumulator = fields[0] == "sum" ? .sum(sum, values: values) : .mean(sum, values: values)
        case ("min", 2), ("max", 2):
            var value: ExactDecimal?
            if !fields[1].isEmpty {
                guard let parsed = decimal(fields[1]) else { return nil }
                value = parsed
            }
            accumulator = fields[0] == "min" ? .min(value) : .max(value)
        case ("share", 2):
            guard let matches = Int(fields[1]) else { return nil }
            accumulator = .share(matches: matches)
        case ("ratio", 3):
            guard let numerator = decimalSum(fields[1]), let denominator = decimalSum(fields[2]) else { return nil }
            accumulator = .ratio(numerator: numerator, denominator: denominator)
        case ("percentile", 3):
            guard let p = decimal(fields[1]) else { return nil }
            var counts: [ExactDecimal: Int] = [:]
            for pair in fields[2].split(separator: ";") {
                let sides = pair.split(separator: "=")
                guard sides.count == 2, let value = decimal(String(sides[0])), let count = Int(sides[1]) else {
                    return nil
                }
                counts[value] = count
            }
            accumulator = .percentile(p, counts: counts)
        default: return nil
        }
        var state = AggregateState(accumulator)
        state.records = records
        state.seen = seen
        return state
    }

    private static func text(_ value: ExactDecimal) -> String { "\(value.significand)e\(value.scale)" }
    private static func text(_ sum: DecimalSum) -> String { "\(sum.significand)e\(sum.scale)" }

    private static func split(_ text: String) -> (Substring, Int)? {
        let sides = text.split(separator: "e", omittingEmptySubsequences: false)
        guard sides.count == 2, let scale = Int(sides[1]), scale >= 0 else { return nil }
        return (sides[0], scale)
    }

    private static func decimal(_ text: String) -> ExactDecimal? {
        guard let (digits, scale) = split(text), let significand = Int64(digits) else { return nil }
        return ExactDecimal(significand: significand, scale: scale)
    }

    private static func decimalSum(_ text: String) -> DecimalSum? {
        guard let (digits, scale) = split(text), let significand = Int128(digits) else { return nil }
        return DecimalSum(significand: significand, scale: scale)
    }
}

/// Exact KPI values as text for the store: `num/den` reduced, or a plain decimal when the
/// denominator is a power of ten (`74.0` is `74` — reported values are always decimals).
enum ExactValueText {
    /// The value as exact text.
    static func encode(_ value: ExactRatio) -> String {
        var scale = 0
        var power: Int128 = 1
        while power < value.denominator && scale < 30 {
            power *= 10
            scale += 1
        }
        if power == value.denominator || (value.denominator != 0 && power % value.denominator == 0) {
            let significand = value.numerator * (power / value.denominator)
            if let small = Int64(exactly: significand) {
                return ExactDecimal(significand: small, scale: scale).description
            }
        }
        return "\(value.numerator)/\(value.denominator)"
    }

    /// The value from its text, or nil.
    static func decode(_ text: String) -> ExactRatio? {
        if let slash = text.firstIndex(of: "/") {
            guard let numerator = Int128(text[..<slash]), let denominator = Int128(text[text.index(after: slash)...]),
                denominator != 0
            else { return nil }
            return ExactRatio(numerator, denominator)
        }
        let negative = text.hasPrefix("-")
        let body = negative ? text.dropFirst() : Substring(text)
        let sides = body.split(separator: ".", omittingEmptySubsequences: false)
        // A damaged store must give nil (a store error), never a trap: digits only, and at most
        // 30 fraction digits so the scaling below cannot overflow Int128.
        let fraction = sides.count == 2 ? sides[1] : ""
        guard sides.count <= 2, !sides[0].isEmpty, sides[0].allSatisfy(\.isASCIIDigit), let whole = Int128(sides[0]),
            fraction.count <= 30, fraction.allSatisfy(\.isASCIIDigit)
        else { return nil }
        let denominator = ExactRatio.power(fraction.count)
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: denominator)
        guard !overflow else { return nil }
        let (numerator, carry) = scaled.addingReportingOverflow(Int128(fraction) ?? 0)
        guard !carry else { return nil }
        return ExactRatio(negative ? -numerator : numerator, denominator)
    }
}

extension Character {
    /// `0`…`9`.
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
