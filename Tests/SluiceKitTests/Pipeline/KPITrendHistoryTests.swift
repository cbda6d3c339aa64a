import Foundation
import Testing

@testable import SluiceKit

/// `kpi.html`'s trend charts come from the store's history across runs: September in one run
/// and October in the next give the second run's chart both periods, and the first run's page
/// stays as it was written.
@Suite struct KPITrendHistoryTests {
    static func page(_ report: RunReport) throws -> String {
        try String(contentsOf: report.runFolder.appendingPathComponent("kpi.html"), encoding: .utf8)
    }

    /// The chart figure of one KPI, from `<figure` to `</figure>`.
    static func figure(_ name: String, in html: String) -> String? {
        guard let caption = html.range(of: "<figure class=\"chart\"><figcaption>\(name) "),
            let end = html.range(of: "</figure>", range: caption.upperBound..<html.endIndex)
        else { return nil }
        return String(html[caption.lowerBound..<end.upperBound])
    }

    @Test func theSecondRunChartsTheFirstRunsPeriodFromTheStore() throws {
        let work = try ResubmissionTests.workFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try ResubmissionTests.add("acme_scorecard_2026-09.csv", ResubmissionTests.september, to: work)
        let first = try ResubmissionTests.run(work, at: "2026-10-05T02:00:00Z")
        let firstPage = try Self.page(first)
        let firstFCR = [
            #"<figure class="chart"><figcaption>FCR <span class="muted">%, higher is better</span>"#,
            #"</figcaption>"#,
            #"<svg class="trend" role="img" viewBox="0 0 340 170" width="340" height="170" aria-label="FCR of ACME, 1 period">"#,
            #"<title>FCR of ACME, 1 period</title>"#,
            #"<line class="grid" x1="56" x2="326" y1="136" y2="136"/>"#,
            #"<text class="axis" x="50" y="140" text-anchor="end">60 %</text>"#,
            #"<line class="grid" x1="56" x2="326" y1="95.3" y2="95.3"/>"#,
            #"<text class="axis" x="50" y="99.3" text-anchor="end">65 %</text>"#,
            #"<line class="grid" x1="56" x2="326" y1="54.7" y2="54.7"/>"#,
            #"<text class="axis" x="50" y="58.7" text-anchor="end">70 %</text>"#,
            #"<line class="grid" x1="56" x2="326" y1="14" y2="14"/>"#,
            #"<text class="axis" x="50" y="18" text-anchor="end">75 %</text>"#,
            #"<text class="axis" x="191" y="158" text-anchor="middle">2026-09</text>"#,
            #"<polyline class="target" points="56,54.7 326,54.7"/>"#,
            #"<circle class="pt breached" cx="191" cy="122.2" r="4.5">"#,
            #"<title>2026-09: 61.7 % (breached)</title></circle>"#,
            #"<text class="value" x="199" y="114.2" text-anchor="start">61.7 %</text></svg></figure>"#,
        ].joined()
        #expect(Self.figure("FCR", in: firstPage) == firstFCR)

        try ResubmissionTests.add("acme_scorecard_2026-10.csv", ResubmissionTests.october, to: work)
        let second = try ResubmissionTests.run(work, at: "2026-11-05T02:00:00Z")
        let secondPage = try Self.page(second)
        let secondFCR = [
            #"<figure class="chart"><figcaption>FCR <span class="muted">%, higher is better</span>"#,
            #"</figcaption>"#,
            #"<svg class="trend" role="img" viewBox="0 0 340 170" width="340" height="170" aria-label="FCR of ACME, 2 periods">"#,
            #"<title>FCR of ACME, 2 periods</title>"#,
            #"<line class="grid" x1="56" x2="326" y1="136" y2="136"/>"#,
            #"<text class="axis" x="50" y="140" text-anchor="end">60 %</text>"#,
            #"<line class="grid" x1="56" x2="326" y1="95.3" y2="95.3"/>"#,
            #"<text class="axis" x="50" y="99.3" text-anchor="end">65 %</text>"#,
            #"<line class="grid" x1="56" x2="326" y1="54.7" y2="54.7"/>"#,
            #"<text class="axis" x="50" y="58.7" text-anchor="end">70 %</text>"#,
            #"<line class="grid" x1="56" x2="326" y1="14" y2="14"/>"#,
            #"<text class="axis" x="50" y="18" text-anchor="end">75 %</text>"#,
            #"<text class="axis" x="56" y="158" text-anchor="start">2026-09</text>"#,
            #"<text class="axis" x="326" y="158" text-anchor="end">2026-10</text>"#,
            #"<polyline class="target" points="56,54.7 326,54.7"/>"#,
            #"<polyline class="actual" points="56,122.2 326,44.9"/>"#,
            #"<circle class="pt breached" cx="56" cy="122.2" r="4.5">"#,
            #"<title>2026-09: 61.7 % (breached)</title></circle>"#,
            #"<circle class="pt warning" cx="326" cy="44.9" r="4.5">"#,
            #"<title>2026-10: 71.2 % (warning)</title></circle>"#,
            #"<text class="value" x="318" y="36.9" text-anchor="end">71.2 %</text></svg></figure>"#,
        ].joined()
        #expect(Self.figure("FCR", in: secondPage) == secondFCR)
        let secondSL = [
            #"<figure class="chart"><figcaption>SL <span class="muted">%, higher is better</span>"#,
            #"</figcaption>"#,
            #"<svg class="trend" role="img" viewBox="0 0 340 170" width="340" height="170" aria-label="SL of ACME, 2 periods">"#,
            #"<title>SL of ACME, 2 periods</title>"#,
            #"<line class="grid" x1="56" x2="326" y1="136" y2="136"/>"#,
            #"<text class="axis" x="50" y="140" text-anchor="end">79 %</text>"#,
            #"<line class="grid" x1="56" x2="326" y1="105.5" y2="105.5"/>"#,
            #"<text class="axis" x="50" y="109.5" text-anchor="end">80 %</text>"#,
            #"<line class="grid" x1="56" x2="326" y1="75" y2="75"/>"#,
            #"<text class="axis" x="50" y="79" text-anchor="end">81 %</text>"#,
            #"<line class="grid" x1="56" x2="326" y1="44.5" y2="44.5"/>"#,
            #"<text class="axis" x="50" y="48.5" text-anchor="end">82 %</text>"#,
            #"<line class="grid" x1="56" x2="326" y1="14" y2="14"/>"#,
            #"<text class="axis" x="50" y="18" text-anchor="end">83 %</text>"#,
            #"<text class="axis" x="56" y="158" text-anchor="start">2026-09</text>"#,
            #"<text class="axis" x="326" y="158" text-anchor="end">2026-10</text>"#,
            #"<polyline class="actual" points="56,105.5 326,32.3"/>"#,
            #"<circle class="pt none" cx="56" cy="105.5" r="4.5"><title>2026-09: 80.0 %</title>"#,
            #"</circle><circle class="pt none" cx="326" cy="32.3" r="4.5">"#,
            #"<title>2026-10: 82.4 %</title></circle>"#,
            #"<text class="value" x="318" y="24.3" text-anchor="end">82.4 %</text></svg></figure>"#,
        ].joined()
        #expect(Self.figure("SL", in: secondPage) == secondSL)
        // The tables stay this run's own: October only.
        #expect(secondPage.contains("<h3>2026-10 <span class=\"muted\">"))
        #expect(!secondPage.contains("<h3 class=\"inline\">2026-09"))
        #expect(try Self.page(first) == firstPage, "the first run's page is not rewritten")
    }
}
