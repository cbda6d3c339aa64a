/// An exact running sum of decimals: `significand × 10^-scale` in 128 bits.
///
/// The scale only grows (to the largest scale added), so adding `1.5` then `0.25` keeps every digit.
/// 128 bits hold about 10^20 values of 18 significant digits before overflow, far beyond any feed;
/// overflow traps rather than publish a wrong KPI.
struct DecimalSum: Sendable, Hashable {
    /// The digits of the sum.
    private(set) var significand: Int128 = 0
    /// Digits after the decimal point.
    private(set) var scale = 0

    /// A zero sum.
    init() {}

    /// A sum from its parts (the store reads states back with it).
    init(significand: Int128, scale: Int) {
        self.significand = significand
        self.scale = scale
    }

    /// Adds one value.
    mutating func add(_ value: ExactDecimal) {
        add(significand: Int128(value.significand), scale: value.scale)
    }

    /// Adds another sum (merging workers' states).
    mutating func add(_ other: DecimalSum) {
        add(significand: other.significand, scale: other.scale)
    }

    /// The exact value of the sum.
    var ratio: ExactRatio {
        ExactRatio(significand, ExactRatio.power(scale))
    }

    /// `self / other`, or nil when `other` is zero.
    func divided(by other: DecimalSum) -> ExactRatio? {
        guard other.significand != 0 else { return nil }
        // (a / 10^s) / (b / 10^t) = a × 10^t / (b × 10^s)
        return ExactRatio(significand * ExactRatio.power(other.scale), other.significand * ExactRatio.power(scale))
    }

    /// `self / count`; the count must be positive.
    func divided(by count: Int) -> ExactRatio {
        ExactRatio(significand, Int128(count) * ExactRatio.power(scale))
    }

    private mutating func add(significand addend: Int128, scale addendScale: Int) {
        // The usual case (whole numbers into a whole sum) without `ExactRatio.power`'s loop.
        if addendScale == scale {
            significand += addend
            return
        }
        if addendScale > scale {
            significand *= ExactRatio.power(addendScale - scale)
            scale = addendScale
        }
        significand += addend * ExactRatio.power(scale - addendScale)
    }
}
