import Testing

@testable import SluiceKit

@Suite struct KPIReportTests {
    static func row(
        vendor: String = "ACME", month: Int, kpi: String = "service_level", name: String = "Service Level",
        unit: KPIUnit = .percent, actual: ExactRatio?, target: Int64? = 80, status: SLAStatus?
    ) -> KPIReportInput.Row {
        KPIReportInput.Row(
            vendor: vendor, contract: "C-1", period: "2026-\(month < 10 ? "0" : "")\(month)",
            periodStart: CivilDate(year: 2026, month: month, day: 1), kpi: kpi, kpiName: name, unit: unit,
            direction: unit == .seconds ? .lower : .higher, decimals: 1, actual: actual,
            target: target.map { ExactDecimal($0) }, warning: nil, critical: true, status: status, source: "reported")
    }

    @Test func tabulatesEachPeriodWithStatusInWordsAndCredits() {
        let rows = [
            Self.row(month: 10, actual: ExactRatio(7996, 100), status: .breached),
            Self.row(
                month: 10, kpi: "aht", name: "Handle Time", unit: .seconds, actual: ExactRatio(312, 1), target: 330,
                status: .met),
            Self.row(month: 9, actual: nil, status: .noData),
        ]
        var input = KPIReportInput(runID: "R", asOf: "2026-11-06", current: rows, history: rows)
        input.credits = [
            .init(
                vendor: "ACME", contract: "C-1", period: "2026-10", currency: "EUR",
                total: ExactDecimal(significand: 1_234_550, scale: 2), capped: true)
        ]
        let html = KPIReport(input: input).html
        // 79.96 shows as 80.0 % but is breached: the status is decided on the exact value.
        #expect(
            html.contains(
                "<tr data-status=\"breached\"><td>Service Level <span class=\"critical\" title=\"breaches earn service credits\">critical</span>"
                    + "</td><td class=\"num\">80.0 %</td><td class=\"num\">≥ 80.0 %</td><td class=\"num\"></td>"
                    + "<td><span class=\"badge breached\">✖ breached</span></td><td>reported</td></tr>"))
        #expect(html.contains("<td class=\"num\">5:12</td><td class=\"num\">≤ 5:30</td>"))
        #expect(html.contains("<span class=\"badge met\">✔ met</span>"))
        #expect(html.contains("<h3>2026-10 <span class=\"muted\">1 breached · 1 met</span></h3>"))
        #expect(
            html.contains(
                "<details class=\"period\"><summary><h3 class=\"inline\">2026-09 <span class=\"muted\">1 no data</span></h3></summary>"
            ))
        #expect(
            html.contains(
                "Service credits owed for 2026-10: <strong>12,345.50 EUR</strong> (capped at the amount at risk)"))
        #expect(html.contains("<div class=\"n\">12,345.50 EUR</div>"))
    }

    @Test func chartsTheLast12PeriodsWithTheTargetLine() throws {
        var history: [KPIReportInput.Row] = []
        for month in 1...12 {
            history.append(
                Self.row(
                    month: month, actual: ExactRatio(Int128(78 + month % 4), 1),
                    status: month % 4 < 2 ? .breached : .met))
        }
        // A thirteenth, earlier period (2025-12) falls outside the chart.
        var december = Self.row(month: 12, actual: ExactRatio(1, 1), status: .breached)
        december.period = "2025-12"
        december.periodStart = CivilDate(year: 2025, month: 12, day: 1)
        history.insert(december, at: 0)
        let input = KPIReportInput(runID: "R", asOf: "2026-12-31", current: [history.last!], history: history)
        let svg = KPITrendChart(rows: input.history).svg
        #expect(svg.components(separatedBy: "<circle").count - 1 == 12)
        #expect(!svg.contains("2025-12"))
        #expect(svg.contains(">2026-01</text>") && svg.contains(">2026-12</text>"))
        #expect(svg.contains("<polyline class=\"target\""))
        #expect(svg.contains("<title>2026-03: 81.0 % (met)</title>"))
        #expect(svg.contains("<text class=\"value\"") && svg.contains(">78.0 %</text>"))
        let html = KPIReport(input: input).html
        #expect(
            html.contains("<figcaption>Service Level <span class=\"muted\">%, higher is better</span></figcaption><svg")
        )
    }

    @Test(arguments: [
        ([79.0, 81.0], KPIUnit.percent, 78.0, 82.0, 1.0),
        ([312.0, 330.0], KPIUnit.seconds, 310.0, 340.0, 10.0),
        ([600.0, 1200.0], KPIUnit.seconds, 300.0, 1500.0, 300.0),  // whole minutes: 5:00 … 25:00
        ([4.3, 4.3], KPIUnit.score, 3.0, 6.0, 1.0),
        ([0.0, 2.0], KPIUnit.count, 0.0, 3.0, 1.0),
    ])
    func axesRunBetweenRoundNumbers(values: [Double], unit: KPIUnit, low: Double, high: Double, step: Double) {
        let scale = KPITrendChart.scale(values, unit: unit)
        #expect(
            abs(scale.low - low) < 1e-9 && abs(scale.high - high) < 1e-9 && abs(scale.step - step) < 1e-9, "\(scale)")
    }

    @Test func hostileVendorAndKPINamesComeOutAsInertText() {
        let rows = [
            Self.row(
                vendor: Hostile.script, month: 10, name: Hostile.attribute, actual: ExactRatio(9, 1), status: .breached)
        ]
        var input = KPIReportInput(runID: Hostile.formula, asOf: "2026-11-06", current: rows, history: rows)
        input.submissions = [
            .init(
                vendor: Hostile.script, contract: "C-1", feed: Hostile.attribute, period: "2026-09",
                due: CivilDate(year: 2026, month: 10, day: 5), graceUntil: CivilDate(year: 2026, month: 10, day: 7),
                receivedOn: nil, status: .missing)
        ]
        let html = KPIReport(input: input).html
        #expect(inertMarkupProblems(in: html, ownScripts: 0) == [])
        #expect(!html.contains(Hostile.script) && !html.contains(Hostile.attribute))
        #expect(
            html.contains("<h2>&lt;script&gt;alert(1)&lt;/script&gt; <span class=\"muted\">contract C-1</span></h2>"))
        #expect(html.contains("aria-label=\"&quot;&gt;&lt;img src=x onerror=alert(2)&gt; of &lt;script&gt;"))
        #expect(html.contains("Run =HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;) · "))
        #expect(html.contains("script-src 'none'"))
    }

    @Test func aRunWithoutKPIsSaysSo() {
        let html = KPIReport(input: KPIReportInput(runID: "R", asOf: "2026-11-06", current: [], history: [])).html
        #expect(html.contains("<p id=\"no-kpis\">No KPI values in this run.</p>"))
    }
}
