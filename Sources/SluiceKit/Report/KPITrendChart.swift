import Foundation

/// One KPI's trend as an inline SVG: the actual value per period (points marked by status),
/// the target as a dashed line (it can change between periods), up to the last 12 periods.
struct KPITrendChart {
    /// The rows of one vendor, contract and KPI, any order.
    let rows: [KPIReportInput.Row]
    /// Periods shown at most.
    static let periods = 12

    private static let width = 340.0
    private static let height = 170.0
    private static let left = 56.0
    private static let right = 14.0
    private static let top = 14.0
    private static let bottom = 34.0

    var svg: String {
        var byPeriod: [String: KPIReportInput.Row] = [:]
        for row in rows { byPeriod[row.period] = row }
        let series = byPeriod.values.sorted { $0.periodStart < $1.periodStart }.suffix(Self.periods)
        guard let first = series.first else { return "" }
        let unit = first.unit
        let actuals = series.map { $0.actual.map(KPIDisplay.plotted) }
        let targets = series.map { $0.target.map(KPIDisplay.plotted) }
        let everything = (actuals + targets).compactMap { $0 }
        let (low, high, step) = Self.scale(everything, unit: unit)
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        func x(_ index: Int) -> Double {
            series.count == 1
                ? Self.left + plotWidth / 2 : Self.left + plotWidth * Double(index) / Double(series.count - 1)
        }
        func y(_ value: Double) -> Double { Self.top + plotHeight * (1 - (value - low) / (high - low)) }
        let label = "\(first.kpiName) of \(first.vendor), \(series.count) period\(series.count == 1 ? "" : "s")"
        var svg = "<svg class=\"trend\" role=\"img\" viewBox=\"0 0 \(n(Self.width)) \(n(Self.height))\""
        svg += " width=\"\(n(Self.width))\" height=\"\(n(Self.height))\" aria-label=\"\(e(label))\">"
        svg += "<title>\(e(label))</title>"
        for value in stride(from: low, through: high + step / 2, by: step) {
            svg += "<line class=\"grid\" x1=\"\(n(Self.left))\" x2=\"\(n(Self.width - Self.right))\""
            svg += " y1=\"\(n(y(value)))\" y2=\"\(n(y(value)))\"/>"
            svg += "<text class=\"axis\" x=\"\(n(Self.left - 6))\" y=\"\(n(y(value) + 4))\" text-anchor=\"end\">"
            svg += "\(e(KPIDisplay.axis(value, unit: unit)))</text>"
        }
        let labelled = series.count <= 4 ? Array(series.indices) : [series.startIndex, series.endIndex - 1]
        for index in labelled {
            let position = index - series.startIndex
            let anchor =
                series.count == 1 ? "middle" : position == 0 ? "start" : position == series.count - 1 ? "end" : "middle"
            svg +=
                "<text class=\"axis\" x=\"\(n(x(position)))\" y=\"\(n(Self.height - 12))\" text-anchor=\"\(anchor)\">"
            svg += "\(e(series[index].period))</text>"
        }
        svg += line(targets, x: x, y: y, single: series.count == 1, className: "target")
        svg += line(actuals, x: x, y: y, single: false, className: "actual")
        for (position, row) in series.enumerated() {
            guard let value = actuals[position] else { continue }
            let status = row.status?.rawValue ?? "none"
            let tip =
                "\(row.period): \(row.actual.map { KPIDisplay.text($0, unit: unit, decimals: row.decimals) } ?? "")"
                + (row.status.map { " (\($0.rawValue))" } ?? "")
            svg += "<circle class=\"pt \(status)\" cx=\"\(n(x(position)))\" cy=\"\(n(y(value)))\" r=\"4.5\">"
            svg += "<title>\(e(tip))</title></circle>"
        }
        // The latest value in words beside its point: the number the manager looks for.
        if let last = series.indices.last, let value = actuals[last - series.startIndex],
            let actual = series[last].actual
        {
            let position = last - series.startIndex
            let text = KPIDisplay.text(actual, unit: unit, decimals: series[last].decimals)
            let anchor = series.count == 1 ? "start" : "end"
            let dx = series.count == 1 ? 8.0 : -8.0
            let above = y(value) - Self.top > 16
            svg += "<text class=\"value\" x=\"\(n(x(position) + dx))\" y=\"\(n(y(value) + (above ? -8 : 16)))\""
            svg += " text-anchor=\"\(anchor)\">\(e(text))</text>"
        }
        return svg + "</svg>"
    }

    /// The axis: from a round number below the lowest value to one above the highest, in
    /// 3 to 5 round steps (1, 2, 2.5 or 5 × a power of ten; whole minutes for durations).
    static func scale(_ values: [Double], unit: KPIUnit) -> (low: Double, high: Double, step: Double) {
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if high - low < 1e-9 {
            let spread = max(1, abs(low) * 0.05)
            low -= spread
            high += spread
        }
        // Room around the points, so none sits on the frame.
        let margin = (high - low) * 0.08
        low -= margin
        high += margin
        let raw = (high - low) / 3
        var step: Double
        if unit == .seconds, raw >= 30 {
            step = [60.0, 120, 300, 600, 900, 1800, 3600].first { $0 >= raw } ?? (raw / 3600).rounded(.up) * 3600
        } else {
            let power = pow(10, (log10(raw)).rounded(.down))
            step = ([1.0, 2, 2.5, 5, 10].first { $0 * power >= raw } ?? 10) * power
        }
        if step <= 0 || !step.isFinite { step = 1 }
        var bottom = (low / step).rounded(.down) * step
        let top = (high / step).rounded(.up) * step
        if bottom < 0, values.allSatisfy({ $0 >= 0 }) { bottom = 0 }
        return (bottom, top, step)
    }

    /// A polyline per run of periods with a value; a target with one period spans the width.
    private func line(
        _ values: [Double?], x: (Int) -> Double, y: (Double) -> Double, single: Bool, className: String
    ) -> String {
        if single, let value = values.first ?? nil {
            return "<polyline class=\"\(className)\" points=\"\(n(Self.left)),\(n(y(value))) "
                + "\(n(Self.width - Self.right)),\(n(y(value)))\"/>"
        }
        var runs: [[String]] = [[]]
        for (index, value) in values.enumerated() {
            if let value { runs[runs.count - 1].append("\(n(x(index))),\(n(y(value)))") } else { runs.append([]) }
        }
        return runs.filter { $0.count > 1 }.map {
            "<polyline class=\"\(className)\" points=\"\($0.joined(separator: " "))\"/>"
        }
        .joined()
    }

    /// Coordinates with one decimal: stable text for golden files.
    private func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }

    private func e(_ text: String) -> String { HTMLText.escape(text) }
}
