import Foundation

/// `kpi.html`, the manager's page: per vendor and contract, the KPIs of each period against
/// their targets (status as a word and a symbol, not colour alone), credits and missing or
/// late submissions, and a trend chart per KPI over the last 12 periods with its target.
struct KPIReport {
    let input: KPIReportInput

    /// Writes the page to `url`.
    func write(to url: URL) throws(OutputError) {
        let file = try BufferedFileWriter(url: url)
        try file.write(html)
        try file.close()
    }

    /// One vendor and contract.
    private struct Contract: Hashable, Comparable {
        let vendor: String
        let contract: String

        static func < (lhs: Contract, rhs: Contract) -> Bool {
            (lhs.vendor, lhs.contract) < (rhs.vendor, rhs.contract)
        }
    }

    /// The whole page.
    var html: String {
        var body = "<header class=\"page\"><h1>KPI report</h1>"
        body += "<p>Run \(e(input.runID)) · evaluated as of \(e(input.asOf))"
        body += " · figures as in <code>kpi.csv</code>; breakdowns by dimension are there too</p></header>\n<main>\n"
        body += overview
        let contracts = Set((input.current + input.history).map { Contract(vendor: $0.vendor, contract: $0.contract) })
        if contracts.isEmpty { body += "<p id=\"no-kpis\">No KPI values in this run.</p>\n" }
        for contract in contracts.sorted() { body += section(contract) }
        body += "</main>\n"
        return ReportPage.html(title: "KPIs · run \(input.runID)", body: body)
    }

    private var overview: String {
        var counts: [SLAStatus?: Int] = [:]
        for row in input.current { counts[row.status, default: 0] += 1 }
        var html = "<div class=\"cards\" id=\"summary\">\n"
        let cards: [(String, SLAStatus?, String)] = [
            ("Breached", .breached, "missed the target"), ("Warning", .warning, "met, but at risk"),
            ("Met", .met, "at or better than the target"), ("No data", .noData, "missing or conflicting values"),
        ]
        for (label, status, detail) in cards {
            html += "<div class=\"card\"><div class=\"k\">\(label)</div>"
            html += "<div class=\"n\">\(Counting.grouped(counts[status] ?? 0))</div>"
            html += "<div class=\"d\">\(detail)</div></div>\n"
        }
        let owed = Dictionary(grouping: input.credits, by: \.currency).sorted { $0.key < $1.key }.map {
            currency, credits in
            var sum = DecimalSum()
            for credit in credits { sum.add(credit.total) }
            return "\(Self.amount(sum.ratio.rounded(decimals: 2))) \(currency)"
        }
        html += "<div class=\"card\"><div class=\"k\">Service credits</div>"
        html += "<div class=\"n\">\(e(owed.isEmpty ? "none" : owed.joined(separator: " + ")))</div>"
        html += "<div class=\"d\">owed by vendors for breaches</div></div>\n"
        return html + "</div>\n"
    }

    private func section(_ contract: Contract) -> String {
        let current = input.current.filter { $0.vendor == contract.vendor && $0.contract == contract.contract }
        let history = input.history.filter { $0.vendor == contract.vendor && $0.contract == contract.contract }
        var html = "<section class=\"block vendor\" data-vendor=\"\(e(contract.vendor))\">"
        html += "<h2>\(e(contract.vendor)) <span class=\"muted\">contract \(e(contract.contract))</span></h2>\n"
        html += submissions(contract)
        var periods: [(label: String, start: CivilDate)] = []
        for row in current where !periods.contains(where: { $0.label == row.period }) {
            periods.append((row.period, row.periodStart))
        }
        periods.sort { $0.start > $1.start }
        for (index, period) in periods.enumerated() {
            let rows = current.filter { $0.period == period.label }
            html += index == 0 ? "<div class=\"period\">" : "<details class=\"period\"><summary>"
            html += index == 0 ? "<h3>\(e(period.label))" : "<h3 class=\"inline\">\(e(period.label))"
            html += " <span class=\"muted\">\(e(statusLine(rows)))</span></h3>"
            html += index == 0 ? "\n" : "</summary>\n"
            html += credit(contract, period: period.label) + table(rows)
            html += index == 0 ? "</div>\n" : "</details>\n"
        }
        var kpis: [String] = []
        for row in history.sorted(by: { ($0.kpiName, $0.kpi) < ($1.kpiName, $1.kpi) }) where !kpis.contains(row.kpi) {
            kpis.append(row.kpi)
        }
        let charted = kpis.map { kpi in history.filter { $0.kpi == kpi } }.filter { rows in
            rows.contains { $0.actual != nil }
        }
        if !charted.isEmpty {
            html += "<h3>Trends <span class=\"muted\">(last \(KPITrendChart.periods) periods at most;"
            html += " \(Self.legend("actual")) actual, \(Self.legend("target")) target)</span></h3>\n"
            html += "<div class=\"charts\">\n"
            for rows in charted {
                let first = rows[0]
                html += "<figure class=\"chart\"><figcaption>\(e(first.kpiName))"
                html += " <span class=\"muted\">\(e(Self.unitLabel(first)))</span></figcaption>"
                html += KPITrendChart(rows: rows).svg + "</figure>\n"
            }
            html += "</div>\n"
        }
        return html + "</section>\n"
    }

    private func table(_ rows: [KPIReportInput.Row]) -> String {
        var html = "<table class=\"kpis\"><thead><tr><th>KPI</th><th class=\"num\">Actual</th>"
        html += "<th class=\"num\">Target</th><th class=\"num\">Warning at</th><th>Status</th><th>Source</th>"
        html += "</tr></thead><tbody>\n"
        let order: [SLAStatus?] = [.breached, .noData, .warning, .met, .notApplicable, nil]
        let sorted = rows.sorted {
            (order.firstIndex(of: $0.status) ?? 9, $0.kpiName) < (order.firstIndex(of: $1.status) ?? 9, $1.kpiName)
        }
        for row in sorted {
            let actual = row.actual.map { KPIDisplay.text($0, unit: row.unit, decimals: row.decimals) }
            let target = row.target.map { KPIDisplay.text($0, unit: row.unit, decimals: row.decimals) }
            let warning = row.warning.map { KPIDisplay.text($0, unit: row.unit, decimals: row.decimals) }
            let direction = row.direction == .higher ? "≥ " : "≤ "
            html += "<tr data-status=\"\(row.status?.rawValue ?? "none")\"><td>\(e(row.kpiName))"
            if row.critical {
                html += " <span class=\"critical\" title=\"breaches earn service credits\">critical</span>"
            }
            html += "</td><td class=\"num\">\(actual.map(e) ?? "<span class=\"empty\">no value</span>")</td>"
            html +=
                "<td class=\"num\">\(target.map { e(direction + $0) } ?? "<span class=\"muted\">no target</span>")</td>"
            html += "<td class=\"num\">\(warning.map(e) ?? "")</td>"
            html +=
                "<td>\(row.status.map { ReportPage.badge($0.rawValue, Self.statusLabel($0)) } ?? ReportPage.badge("none", "no target"))</td>"
            html += "<td>\(e(row.source))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private func credit(_ contract: Contract, period: String) -> String {
        let credits = input.credits.filter {
            $0.vendor == contract.vendor && $0.contract == contract.contract && $0.period == period
        }
        return credits.map { credit in
            "<p class=\"credit\">Service credits owed for \(e(period)): <strong>\(e("\(Self.amount(credit.total)) \(credit.currency)"))"
                + "</strong>\(credit.capped ? " (capped at the amount at risk)" : "")</p>\n"
        }.joined()
    }

    private func submissions(_ contract: Contract) -> String {
        let rows = input.submissions.filter { $0.vendor == contract.vendor && $0.contract == contract.contract }
        guard !rows.isEmpty else { return "" }
        var html = "<ul class=\"submissions\">\n"
        for row in rows {
            html += "<li>\(ReportPage.badge(row.status == .missing ? "error" : "warning", row.status.rawValue)) "
            switch row.status {
            case .missing:
                html += e(
                    "\(row.feed) for \(row.period) has not arrived (due \(row.due), grace until \(row.graceUntil))")
            case .late:
                html += e(
                    "\(row.feed) for \(row.period) arrived late on \(row.receivedOn.map { "\($0)" } ?? "?") (due \(row.due))"
                )
            case .early:
                html += e(
                    "\(row.feed) for \(row.period) arrived on \(row.receivedOn.map { "\($0)" } ?? "?"), before the period ended: figures may be partial"
                )
            case .received, .pending:
                html += e("\(row.feed) for \(row.period): \(row.status.rawValue)")
            }
            html += "</li>\n"
        }
        return html + "</ul>\n"
    }

    private func statusLine(_ rows: [KPIReportInput.Row]) -> String {
        let counts = [SLAStatus.breached, .warning, .met, .noData, .notApplicable].compactMap { status -> String? in
            let count = rows.filter { $0.status == status }.count
            return count == 0 ? nil : "\(count) \(Self.statusLabel(status))"
        }
        return counts.joined(separator: " · ")
    }

    /// A money amount with thousands separators: `11,300.00`.
    static func amount(_ value: ExactDecimal) -> String {
        KPIDisplay.text(ExactRatio(value), unit: .count, decimals: 2)
    }

    /// A short line in the chart's style, for the legend.
    static func legend(_ className: String) -> String {
        "<svg class=\"key trend\" width=\"26\" height=\"10\" aria-hidden=\"true\">"
            + "<polyline class=\"\(className)\" points=\"1,5 25,5\"/></svg>"
    }

    static func statusLabel(_ status: SLAStatus) -> String {
        status == .noData ? "no data" : status.rawValue
    }

    static func unitLabel(_ row: KPIReportInput.Row) -> String {
        let better = row.direction == .higher ? "higher is better" : "lower is better"
        switch row.unit {
        case .seconds: return "minutes:seconds, \(better)"
        case .percent: return "%, \(better)"
        case .count, .score: return better
        }
    }

    private func e(_ text: String) -> String { HTMLText.escape(text) }
}
