import Foundation

/// Writes the KPI stage's outputs: `kpi.csv` (long), `kpi-wide.csv` when the rules ask for
/// it, `credits.csv`, `submissions.csv` and `quality.csv`. They are small (one row per
/// vendor × period × KPI), so each is built whole and written once.
enum KPIWriter {
    static func write(
        _ results: KPIResults, layout: KPIOutputLayout, wide spec: KPIWideSpec = KPIWideSpec(), kpis: [KPISpec],
        to folder: URL, excelSafe: Bool = true
    ) throws(OutputError) {
        func write(_ lines: [[String]], _ name: String) throws(OutputError) {
            try Self.write(lines, to: folder.appendingPathComponent(name), excelSafe: excelSafe)
        }
        if layout != .wide { try write(long(results), "kpi.csv") }
        if layout != .long { try write(wide(results, kpis: kpis, spec: spec), spec.file) }
        try write(credits(results), "credits.csv")
        try write(submissions(results), "submissions.csv")
        try write(quality(results), "quality.csv")
    }

    static func long(_ results: KPIResults) -> [[String]] {
        let header = [
            "vendor", "contract", "period", "period_start", "period_end", "kpi", "kpi_name", "dimension", "actual",
            "unit",
            "target", "warning", "direction", "critical", "status", "source", "evidence",
        ]
        return [header]
            + results.rows.map { row in
                [
                    row.key.vendor, row.key.contract, row.key.period.label, "\(row.key.period.start)",
                    "\(row.key.period.end)",
                    row.kpi.id, row.kpi.name, row.key.dimension, number(row.actual, row.kpi.decimals),
                    row.kpi.unit.rawValue,
                    row.target.map { "\($0.target)" } ?? "", row.target?.warning.map { "\($0)" } ?? "",
                    row.kpi.direction.rawValue, row.target.map { $0.critical ? "true" : "false" } ?? "",
                    row.status?.rawValue ?? "", row.source, row.evidence,
                ]
            }
    }

    /// One row per vendor × contract × period (in the rows' order), with the columns `spec`
    /// chooses, or `vendor, contract, period` and a value and a status column per KPI observed.
    static func wide(_ results: KPIResults, kpis: [KPISpec], spec: KPIWideSpec = KPIWideSpec()) -> [[String]] {
        let totals = results.rows.filter { $0.key.dimension.isEmpty }
        let columns =
            spec.columns
            ?? (["vendor", "contract", "period"]
            + kpis.map(\.id).filter { id in totals.contains { $0.kpi.id == id } }.flatMap { [$0, "\($0)_status"] })
            .map { KPIWideSpec.Column(column: $0, declaredAt: RulesLocation(file: "", line: 0, column: 0)) }
        let catalogue = Dictionary(kpis.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var order: [KPIKey] = []
        var byPeriod: [KPIKey: [String: KPIResults.Row]] = [:]
        for row in totals {
            let period = KPIKey(
                vendor: row.key.vendor, contract: row.key.contract, period: row.key.period, kpi: "", dimension: "")
            if byPeriod[period] == nil { order.append(period) }
            byPeriod[period, default: [:]][row.kpi.id] = row
        }
        var lines = [columns.map(\.header)]
        for period in order {
            let rows = byPeriod[period]!
            lines.append(columns.map { cell($0.column, period: period, rows: rows, catalogue: catalogue) })
        }
        return lines
    }

    /// One cell of the wide table: a key column, a KPI's rounded value, or its status.
    private static func cell(
        _ column: String, period: KPIKey, rows: [String: KPIResults.Row], catalogue: [String: KPISpec]
    ) -> String {
        switch column {
        case "vendor": return period.vendor
        case "contract": return period.contract
        case "period": return period.period.label
        case "period_start": return "\(period.period.start)"
        case "period_end": return "\(period.period.end)"
        default:
            if let kpi = catalogue[column] { return number(rows[column]?.actual, kpi.decimals) }
            guard column.hasSuffix("_status") else { return "" }
            return rows[String(column.dropLast("_status".count))]?.status?.rawValue ?? ""
        }
    }

    static func credits(_ results: KPIResults) -> [[String]] {
        let header = [
            "vendor", "contract", "period", "currency", "at_risk", "breached_critical", "credits", "uncapped_total",
            "total",
            "capped",
        ]
        return [header]
            + results.credits.map { credit in
                let terms = credit.contract.credits!
                let perKPI = credit.result.perKPI.map { "\($0.kpi)=\($0.amount)" }.joined(separator: ";")
                return [
                    credit.contract.vendor, credit.contract.id, credit.period.label, terms.currency,
                    "\(ExactRatio(terms.atRiskAmount).rounded(decimals: 2))",
                    credit.breached.joined(separator: ";"), perKPI, "\(credit.result.uncapped)",
                    "\(credit.result.total)",
                    credit.result.capped ? "true" : "false",
                ]
            }
    }

    static func submissions(_ results: KPIResults) -> [[String]] {
        let header = ["vendor", "contract", "feed", "period", "due", "grace_until", "received_on", "status", "files"]
        return [header]
            + results.submissions.map { row in
                [
                    row.contract.vendor, row.contract.id, row.feed, row.period.label, "\(row.due)", "\(row.graceUntil)",
                    row.receivedOn.map { "\($0)" } ?? "", row.status.rawValue, row.files.joined(separator: ";"),
                ]
            }
    }

    static func quality(_ results: KPIResults) -> [[String]] {
        let header = ["vendor", "feed", "records", "data_points", "errors", "errors_per_100", "target", "status"]
        return [header]
            + results.quality.map { row in
                [
                    row.vendor, row.feed, "\(row.records)", "\(row.dataPoints)", "\(row.errors)",
                    number(row.errorsPer100, 2),
                    "< \(KPIResults.Quality.target)", row.status.rawValue,
                ]
            }
    }

    private static func number(_ value: ExactRatio?, _ decimals: Int) -> String {
        value.map { $0.rounded(decimals: decimals).description } ?? ""
    }

    private static func write(_ lines: [[String]], to url: URL, excelSafe: Bool) throws(OutputError) {
        let file = try BufferedFileWriter(url: url)
        for line in lines { try file.write(CSVLine.encode(line, excelSafe: excelSafe)) }
        try file.close()
    }
}

/// Which KPI dataset layouts a run writes (`settings: kpi-layout:`).
public enum KPIOutputLayout: String, Sendable, Hashable, CaseIterable {
    case long
    case wide
    case both
}
