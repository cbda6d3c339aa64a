/// Runs the declared history checks (`history:` in the KPI catalogue) over a run's KPI
/// values: each vendor-period value is compared with the vendor's earlier periods of the same
/// KPI — those of earlier runs (from the store) and those of the same run.
///
/// Only whole-period values are checked (not dimension breakdowns); a value of this run
/// replaces an earlier run's value of the same period, as it does in the published dataset.
struct HistoryReview {
    /// A vendor's series of one KPI at one period length.
    struct SeriesKey: Hashable {
        let vendor: String
        let kpi: String
        let length: PeriodLength
    }

    let rules: RuleSet
    /// Earlier runs' published values, per vendor × KPI × period length.
    var earlier: [SeriesKey: [PeriodKey: ExactRatio]] = [:]

    /// The history findings of the run's KPI rows, in row order.
    func findings(_ results: KPIResults, collector: KPICollector) -> [Finding] {
        let checked = results.rows.filter { $0.key.dimension.isEmpty && $0.actual != nil && $0.kpi.history != nil }
        guard !checked.isEmpty else { return [] }
        var series = earlier
        for row in results.rows where row.key.dimension.isEmpty {
            guard let actual = row.actual else { continue }
            series[SeriesKey(row.key), default: [:]][row.key.period] = actual
        }
        var findings: [Finding] = []
        for row in checked {
            guard let spec = row.kpi.history, let actual = row.actual else { continue }
            let point = HistoryPoint(period: row.key.period, value: actual)
            let breaches = HistoryCheck.evaluate(point, earlier: series[SeriesKey(row.key)] ?? [:], spec: spec)
            guard !breaches.isEmpty else { continue }
            let (feed, location) = Self.origin(of: row, collector: collector)
            for breach in breaches {
                findings.append(
                    HistoryFinding.make(
                        breach, vendor: row.key.vendor, kpi: row.kpi, point: point, spec: spec, feed: feed,
                        location: location))
            }
        }
        return findings
    }

    /// The feed and place a published value came from: the reported row, or the first file of
    /// the records it was derived from.
    static func origin(of row: KPIResults.Row, collector: KPICollector) -> (String?, SourceLocation) {
        if row.source == "reported", let observation = collector.reported.first(where: { $0.key == row.key }) {
            return (observation.feed, observation.location)
        }
        let groupKey = KPIKey(
            vendor: row.key.vendor, contract: row.key.contract, period: row.key.period, kpi: "", dimension: "")
        for feed in collector.rules.feeds {
            guard case .records(_, _, let derivations)? = feed.kpi?.layout,
                derivations.contains(where: { $0.kpi == row.kpi.id }),
                let file = collector.groups[feed.name]?[groupKey]?.files.first
            else { continue }
            return (feed.name, SourceLocation(file: file))
        }
        return (nil, SourceLocation(file: row.evidence))
    }
}

extension HistoryReview.SeriesKey {
    init(_ key: KPIKey) {
        self.init(vendor: key.vendor, kpi: key.kpi, length: key.period.length)
    }
}

/// The finding a history breach becomes, with its message.
enum HistoryFinding {
    static func make(
        _ breach: HistoryBreach, vendor: String, kpi: KPISpec, point: HistoryPoint, spec: HistorySpec, feed: String?,
        location: SourceLocation
    ) -> Finding {
        let shown = show(point.value, kpi)
        let subject = "\(vendor) \(point.period.label) \(kpi.id) \(shown)"
        switch breach {
        case .change(let previous, let delta, let percent):
            var declared: [String] = []
            if let limit = spec.maxChange { declared.append("max-change \(limit)") }
            if let limit = spec.maxChangePercent { declared.append("max-change-percent \(limit)") }
            let relative = spec.maxChangePercent != nil ? percent.map { " (\(signed($0, decimals: 1)) %)" } ?? "" : ""
            return Finding(
                severity: spec.severity, ruleID: "history-change", feed: feed, vendor: vendor, location: location,
                field: kpi.id, rawValue: shown,
                message:
                    "\(subject) moved \(signed(delta, decimals: kpi.decimals))\(relative) against \(previous.period.label) (\(show(previous.value, kpi))); declared \(declared.joined(separator: ", "))",
                hint: "check the figure with the vendor; if it is right, the move is real and nothing needs fixing")
        case .band(let minimum, let maximum, let values, let first, let last):
            let side = point.value < minimum ? "below" : "above"
            let margin = spec.bandMargin == ExactDecimal(0) ? "" : ", band-margin \(spec.bandMargin)"
            let span = first == last ? first.label : "\(first.label) to \(last.label)"
            return Finding(
                severity: spec.severity, ruleID: "history-band", feed: feed, vendor: vendor, location: location,
                field: kpi.id, rawValue: shown,
                message:
                    "\(subject) is \(side) the band of the last \(spec.bandPeriods ?? 0) periods (\(show(minimum, kpi)) to \(show(maximum, kpi)) from \(values) values, \(span)); declared band-periods \(spec.bandPeriods ?? 0)\(margin)",
                hint: "check the figure with the vendor; if it is right, the move is real and nothing needs fixing")
        }
    }

    /// The value as outputs show it: rounded to the KPI's decimals.
    static func show(_ value: ExactRatio, _ kpi: KPISpec) -> String {
        value.rounded(decimals: kpi.decimals).description
    }

    /// `+12.3` or `-4.0`.
    static func signed(_ value: ExactRatio, decimals: Int) -> String {
        (value.isNegative ? "" : "+") + value.rounded(decimals: decimals).description
    }
}
