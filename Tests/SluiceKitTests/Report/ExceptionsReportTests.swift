import Foundation
import Testing

@testable import SluiceKit

@Suite struct ExceptionsReportTests {
    static func finding(
        _ severity: Severity, _ rule: String, vendor: String?, file: String, line: Int, column: Int? = nil,
        field: String? = nil, raw: String? = nil, message: String = "m", hint: String? = nil
    ) -> Finding {
        Finding(
            severity: severity, ruleID: rule, feed: "f", vendor: vendor,
            location: SourceLocation(file: file, line: line, column: column, record: line - 1), field: field,
            rawValue: raw, message: message, hint: hint)
    }

    static func summary(_ findings: [Finding], quarantined: Bool = true) -> RunSummary {
        var counts = FindingCounts()
        for finding in findings { counts.count(finding) }
        var inputs = [
            InputSummary(
                path: "Inbox/acme.csv", size: 10, sha256: "x", feed: "f", status: "processed", reason: nil,
                quarantinedAs: nil, records: RecordCounts(read: 5, accepted: 3, rejected: 2), droppedRows: 0, errors: 2,
                warnings: 1)
        ]
        if quarantined {
            inputs.append(
                InputSummary(
                    path: "Inbox/<b>note</b>.txt", size: 3, sha256: "y", feed: nil, status: "quarantined",
                    reason: "file name matches no feed's files pattern ('acme*.csv')",
                    quarantinedAs: "quarantine/<b>note</b>.txt", records: RecordCounts(), droppedRows: 0, errors: 1,
                    warnings: 0))
        }
        return RunSummary(
            runID: "20261118T221320Z", startedAt: "s", finishedAt: "f", inputs: inputs,
            records: RecordCounts(read: 5, accepted: 3, rejected: 2), findings: counts, outputs: [], exitCode: 3,
            asOf: "2026-11-06", kpis: KPIStatusCounts(), quality: [])
    }

    static func report(_ findings: [Finding], digest: ExceptionsDigest = ExceptionsDigest()) -> String {
        var digest = digest
        for finding in findings { digest.add(finding) }
        return ExceptionsReport(summary: summary(findings), digest: digest).html
    }

    static let findings = [
        finding(
            .error, "required", vendor: "Zeta", file: "Inbox/zeta.csv", line: 4, column: 2, field: "queue", raw: ""),
        finding(
            .error, "range", vendor: "ACME", file: "Inbox/acme.csv", line: 3, column: 5, field: "score", raw: "101",
            message: "field 'score' is '101', above the maximum 100", hint: "expected at most 100"),
        finding(
            .warning, "pattern", vendor: "ACME", file: "Inbox/acme.csv", line: 2, column: 1, field: "agent", raw: "x"),
        finding(.error, "range", vendor: "ACME", file: "Inbox/acme.csv", line: 6, column: 5, field: "score", raw: "-1"),
        finding(
            .error, "unrouted-file", vendor: nil, file: "Inbox/<b>note</b>.txt", line: 1, message: "file quarantined"),
    ]

    @Test func summaryCountsFilesRecordsAndFindingsBySeverity() {
        let html = Self.report(Self.findings)
        #expect(
            html.contains(
                "<div class=\"k\">Files read</div><div class=\"n\">2</div><div class=\"d\">1 accepted · 1 quarantined</div>"
            ))
        #expect(
            html.contains(
                "<div class=\"k\">Records read</div><div class=\"n\">5</div><div class=\"d\">3 accepted · 2 rejected</div>"
            ))
        #expect(html.contains("<div class=\"k\">Errors</div><div class=\"n\">4</div>"))
        #expect(html.contains("<div class=\"k\">Warnings</div><div class=\"n\">1</div>"))
        #expect(html.contains("<h2>Quarantined files (1)</h2>"))
        #expect(html.contains("<td>file name matches no feed&#39;s files pattern (&#39;acme*.csv&#39;)</td>"))
    }

    @Test func groupsVendorThenFileThenRuleWithFindingsWithoutAVendorLast() throws {
        let html = Self.report(Self.findings)
        let order = [
            "data-vendor=\"ACME\"", "<h3>Inbox/acme.csv</h3>", "data-rule=\"pattern\"", "data-rule=\"range\"",
            "data-vendor=\"Zeta\"", "data-rule=\"required\"", "data-vendor=\"\"", "data-rule=\"unrouted-file\"",
        ]
        let positions = try order.map { try #require(html.range(of: $0)?.lowerBound, "\($0) missing") }
        #expect(positions == positions.sorted())
        #expect(html.contains("<h2>ACME <span class=\"muted\">2 errors, 1 warning</span></h2>"))
        #expect(html.contains("<summary><code>range</code> 2 errors</summary>"))
        // Each finding's place, value, message and hint.
        #expect(
            html.contains(
                "<td data-sort=\"300005\">line 3, column 5</td><td>score</td><td><code>101</code></td>"
                    + "<td>field &#39;score&#39; is &#39;101&#39;, above the maximum 100</td><td>expected at most 100</td>"
            ))
        #expect(html.contains("<td><span class=\"empty\">(empty)</span></td>"))
    }

    @Test func hostileValuesComeOutAsInertText() {
        let hostile = [
            Self.finding(
                .error, "pattern", vendor: Hostile.script, file: "Inbox/\(Hostile.attribute).csv", line: 2, column: 1,
                field: Hostile.attribute, raw: Hostile.script, message: "field is '\(Hostile.attribute)'",
                hint: Hostile.formula),
            Self.finding(.error, Hostile.attribute, vendor: "ACME", file: "Inbox/a.csv", line: 3, raw: Hostile.formula),
        ]
        let html = Self.report(hostile)
        #expect(inertMarkupProblems(in: html, ownScripts: 1) == [])
        #expect(html.contains("<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"))
        #expect(html.contains("data-vendor=\"&lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(html.contains("<option value=\"&quot;&gt;&lt;img src=x onerror=alert(2)&gt;\">"))
        #expect(html.contains("<code>=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)</code>"))
        #expect(!html.contains(Hostile.script) && !html.contains(Hostile.attribute))
    }

    @Test func keepsOnlyTheFirstExamplesOfAGroupAndSaysHowManyMore() {
        var digest = ExceptionsDigest(examplesPerGroup: 3, examplesInTotal: 5)
        for line in 2..<12_350 {
            digest.add(Self.finding(.error, "type", vendor: "ACME", file: "Inbox/big.csv", line: line, raw: "\(line)"))
        }
        for line in 2..<6 {
            digest.add(Self.finding(.warning, "pattern", vendor: "ACME", file: "Inbox/big.csv", line: line))
        }
        #expect(digest.kept == 5)
        #expect(digest.groups.values.map(\.examples.count).sorted() == [2, 3])
        let html = ExceptionsReport(summary: Self.summary([]), digest: digest).html
        #expect(html.contains("<p class=\"more\">… and 12,345 more in <code>exceptions.csv</code></p>"))
        #expect(html.contains("<p class=\"more\">… and 2 more in <code>exceptions.csv</code></p>"))
        #expect(html.components(separatedBy: "<tr data-severity=").count - 1 == 5)
    }

    @Test func aGroupBeyondTheReportsLimitShowsItsCountOnly() {
        var digest = ExceptionsDigest(examplesPerGroup: 2, examplesInTotal: 2)
        for line in 2..<4 { digest.add(Self.finding(.error, "type", vendor: "A", file: "Inbox/a.csv", line: line)) }
        digest.add(Self.finding(.error, "range", vendor: "A", file: "Inbox/a.csv", line: 9))
        let html = ExceptionsReport(summary: Self.summary([]), digest: digest).html
        #expect(html.contains("<summary><code>range</code> 1 error</summary>\n<p class=\"more\">1 more in"))
    }

    @Test func aRunWithoutFindingsSaysSo() {
        let html = ExceptionsReport(summary: Self.summary([], quarantined: false), digest: ExceptionsDigest()).html
        #expect(html.contains("<p id=\"no-findings\">No findings in this run.</p>"))
        #expect(!html.contains("Quarantined files"))
    }

    @Test func theScriptIsAllowedByItsHashAndNothingElseLoads() throws {
        let html = Self.report(Self.findings)
        #expect(html.contains("default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-"))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }
}

@Suite struct ExceptionsDigestTests {
    @Test func rollingBackToTheMarkWithdrawsAFilesFindingsAndOnlyThem() {
        var digest = ExceptionsDigest(examplesPerGroup: 2, examplesInTotal: 3)
        let first = ExceptionsReportTests.finding(.error, "type", vendor: "A", file: "Inbox/a.csv", line: 2)
        digest.mark()
        digest.add(first)
        digest.mark()
        for line in 3..<9 {
            digest.add(ExceptionsReportTests.finding(.error, "type", vendor: "A", file: "Inbox/a.csv", line: line))
            digest.add(ExceptionsReportTests.finding(.warning, "pattern", vendor: "A", file: "Inbox/b.csv", line: line))
        }
        #expect(digest.kept == 3)
        digest.rollbackToMark()
        #expect(digest.kept == 1)
        #expect(digest.groups.count == 1)
        let group = digest.groups.first?.value
        #expect(group?.errors == 1 && group?.warnings == 0 && group?.examples == [first])
    }
}
