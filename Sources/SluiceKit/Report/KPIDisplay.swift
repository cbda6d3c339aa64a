/// KPI values as a manager reads them: `82.4 %`, `5:12` (minutes:seconds), `1,204`, `4.2`.
enum KPIDisplay {
    /// An exact actual value, rounded half away from zero to the KPI's decimals.
    static func text(_ value: ExactRatio, unit: KPIUnit, decimals: Int) -> String {
        switch unit {
        case .seconds: return duration(value.rounded(decimals: 0))
        case .percent: return "\(value.rounded(decimals: decimals)) %"
        case .count: return grouped(value.rounded(decimals: decimals))
        case .score: return "\(value.rounded(decimals: decimals))"
        }
    }

    /// A target or warning level as declared.
    static func text(_ value: ExactDecimal, unit: KPIUnit, decimals: Int) -> String {
        text(ExactRatio(value), unit: unit, decimals: max(decimals, value.reduced.scale))
    }

    /// The number a chart plots (seconds, percent points, counts).
    static func plotted(_ value: ExactRatio) -> Double {
        Double(value.numerator) / Double(value.denominator)
    }

    /// The number a chart plots.
    static func plotted(_ value: ExactDecimal) -> Double {
        plotted(ExactRatio(value))
    }

    /// An axis label for a plotted number.
    static func axis(_ value: Double, unit: KPIUnit) -> String {
        let rounded = (value * 10).rounded() / 10
        switch unit {
        case .seconds: return duration(ExactDecimal(significand: Int64(value.rounded()), scale: 0))
        case .percent: return trimmed(rounded) + " %"
        case .count, .score: return trimmed(rounded)
        }
    }

    /// Seconds as `m:ss`, or `h:mm:ss` from an hour on.
    private static func duration(_ seconds: ExactDecimal) -> String {
        let total = Int(seconds.significand)
        let sign = total < 0 ? "-" : ""
        let magnitude = abs(total)
        let (hours, minutes, rest) = (magnitude / 3600, magnitude / 60 % 60, magnitude % 60)
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(sign)\(hours):\(two(minutes)):\(two(rest))" : "\(sign)\(minutes):\(two(rest))"
    }

    private static func grouped(_ value: ExactDecimal) -> String {
        let text = value.description
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        let negative = parts[0].hasPrefix("-")
        let whole = Counting.grouped(Int(parts[0].dropFirst(negative ? 1 : 0)) ?? 0)
        return (negative ? "-" : "") + whole + (parts.count > 1 ? "." + parts[1] : "")
    }

    private static func trimmed(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
