/// An exact quotient of two integers: KPI values such as a mean (sum / count) or a share
/// (matches × 100 / count), kept exact so a status is decided on the true value, never on a
/// rounded one.
public struct ExactRatio: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The numerator.
    public let numerator: Int128
    /// The denominator, always positive.
    public let denominator: Int128

    /// `numerator / denominator`; the denominator must not be zero.
    public init(_ numerator: Int128, _ denominator: Int128) {
        precondition(denominator != 0, "zero denominator")
        self.numerator = denominator < 0 ? -numerator : numerator
        self.denominator = denominator < 0 ? -denominator : denominator
    }

    /// The exact value of a decimal.
    public init(_ decimal: ExactDecimal) {
        self.init(Int128(decimal.significand), Self.power(decimal.scale))
    }

    /// `lhs / rhs`, or nil when `rhs` is zero.
    public static func quotient(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> ExactRatio? {
        guard rhs.significand != 0 else { return nil }
        // (a / 10^s) / (b / 10^t) = a × 10^t / (b × 10^s)
        return ExactRatio(Int128(lhs.significand) * power(rhs.scale), Int128(rhs.significand) * power(lhs.scale))
    }

    /// The value rounded half away from zero to `decimals` places.
    public func rounded(decimals: Int) -> ExactDecimal {
        let scaled = numerator * Self.power(decimals)
        var quotient = scaled / denominator
        let remainder = scaled % denominator
        if remainder.magnitude * 2 >= denominator.magnitude {
            quotient += scaled < 0 ? -1 : 1
        }
        return ExactDecimal(significand: Int64(clamping: quotient), scale: decimals)
    }

    /// The value rounded to 6 decimals, reduced: for messages.
    public var description: String { rounded(decimals: 6).reduced.description }

    public static func < (lhs: ExactRatio, rhs: ExactRatio) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    public static func == (lhs: ExactRatio, rhs: ExactRatio) -> Bool {
        lhs.numerator * rhs.denominator == rhs.numerator * lhs.denominator
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rounded(decimals: 12))
    }

    /// 10^exponent.
    static func power(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}

extension ExactRatio {
    /// `self − other`, exact.
    public func minus(_ other: ExactRatio) -> ExactRatio {
        ExactRatio(numerator * other.denominator - other.numerator * denominator, denominator * other.denominator)
    }
}
