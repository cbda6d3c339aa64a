/// An exact decimal number: `significand × 10^-scale`. No binary floating point, so
/// `92.5` stays `92.5` and sums and comparisons are exact.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The digits as an integer.
    public var significand: Int64
    /// How many of those digits are after the decimal point (0...18).
    public var scale: Int

    /// Creates `significand × 10^-scale`.
    public init(significand: Int64, scale: Int) {
        precondition((0...18).contains(scale), "scale out of range")
        self.significand = significand
        self.scale = scale
    }

    /// An integer value.
    public init(_ integer: Int64) {
        self.init(significand: integer, scale: 0)
    }

    /// The same value with trailing fractional zeros removed (`92.50` → `92.5`).
    public var reduced: ExactDecimal {
        var value = self
        while value.scale > 0 && value.significand % 10 == 0 {
            value.significand /= 10
            value.scale -= 1
        }
        return value
    }

    /// Plain decimal text with `.`: `-12.05`, `0.5`, `42`. Trailing zeros are kept as scaled.
    public var description: String {
        let negative = significand < 0
        let digits = String(significand.magnitude)
        guard scale > 0 else { return (negative ? "-" : "") + digits }
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + padded[..<split] + "." + padded[split...]
    }

    /// Compares exactly, aligning scales in 128-bit arithmetic.
    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let (left, right) = aligned(lhs, rhs)
        return left < right
    }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let (left, right) = aligned(lhs, rhs)
        return left == right
    }

    public func hash(into hasher: inout Hasher) {
        let value = reduced
        hasher.combine(value.significand)
        hasher.combine(value.scale)
    }

    private static func aligned(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> (Int128, Int128) {
        let scale = max(lhs.scale, rhs.scale)
        return (widen(lhs, to: scale), widen(rhs, to: scale))
    }

    private static func widen(_ value: ExactDecimal, to scale: Int) -> Int128 {
        var result = Int128(value.significand)
        for _ in value.scale..<scale { result *= 10 }
        return result
    }
}
