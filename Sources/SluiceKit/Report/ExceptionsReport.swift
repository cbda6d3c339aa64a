import Foundation

/// `exceptions.html`, the associate's page: the run's summary, quarantined files, then every
/// finding grouped vendor → file → rule with its place, raw value, message and what to do,
/// with filters, sorting and search in a small inline script.
///
/// A pure function of the run summary and the bounded digest: a run with millions of
/// findings shows the first examples of each group and says how many more are in
/// `exceptions.csv`.
struct ExceptionsReport {
    let summary: RunSummary
    let digest: ExceptionsDigest

    /// Writes the page to `url`.
    func write(to url: URL) throws(OutputError) {
        let file = try BufferedFileWriter(url: url)
        try file.write(html)
        try file.close()
    }

    /// The whole page.
    var html: String {
        var body = "<header class=\"page\"><h1>Exception report</h1>"
        body += "<p>Run \(e(summary.runID)) · evaluated as of \(e(summary.asOf))"
        body += " · every finding is also in <code>exceptions.csv</code></p></header>\n<main>\n"
        body += summaryCards + quarantinedFiles + rulesTable + filters + findings
        body += "</main>\n"
        return ReportPage.html(title: "Exceptions · run \(summary.runID)", body: body, script: Self.script)
    }

    private var summaryCards: String {
        let files = summary.inputs.count
        let quarantined = summary.inputs.filter { $0.status == "quarantined" }.count
        let records = summary.records
        let counts = summary.findings
        var html = "<div class=\"cards\" id=\"summary\">\n"
        html += card(
            "Files read", files,
            "\(Counting.grouped(files - quarantined)) accepted · \(Counting.grouped(quarantined)) quarantined")
        html += card(
            "Records read", records.read,
            "\(Counting.grouped(records.accepted)) accepted · \(Counting.grouped(records.rejected)) rejected")
        html += card("Errors", counts.errors, "reject the record, or the whole file")
        html += card("Warnings", counts.warnings, "reported; the record is kept")
        return html + "</div>\n"
    }

    private func card(_ label: String, _ value: Int, _ detail: String) -> String {
        "<div class=\"card\"><div class=\"k\">\(e(label))</div><div class=\"n\">\(Counting.grouped(value))</div>"
            + "<div class=\"d\">\(e(detail))</div></div>\n"
    }

    private var quarantinedFiles: String {
        let files = summary.inputs.filter { $0.status == "quarantined" }
        guard !files.isEmpty else { return "" }
        var html = "<section class=\"block\" id=\"quarantined\"><h2>Quarantined files (\(files.count))</h2>\n"
        html += "<p class=\"muted\">Nothing from these files was used. Ask the vendor for a corrected file;"
        html += " a copy of each is in the run folder.</p>\n"
        html += "<table class=\"findings\"><colgroup><col style=\"width:24%\"><col style=\"width:10%\">"
        html += "<col style=\"width:42%\"><col style=\"width:24%\"></colgroup>"
        html += "<thead><tr><th>File</th><th>Feed</th><th>Why</th><th>Copy in the run</th></tr></thead><tbody>\n"
        for file in files {
            html += "<tr><td><code>\(e(file.path))</code></td><td>\(e(file.feed ?? "—"))</td>"
            html += "<td>\(e(file.reason ?? ""))</td><td><code>\(e(file.quarantinedAs ?? ""))</code></td></tr>\n"
        }
        return html + "</tbody></table></section>\n"
    }

    private var rulesTable: String {
        let rules = summary.findings.byRule.keys.sorted()
        guard !rules.isEmpty else { return "" }
        var html = "<section class=\"block\" id=\"by-rule\"><h2>Findings by rule</h2>\n<ul class=\"rules\">\n"
        for rule in rules {
            let counts = summary.findings.byRule[rule] ?? [:]
            html += "<li><code>\(e(rule))</code> \(e(Self.counts(counts["error"] ?? 0, counts["warning"] ?? 0)))</li>\n"
        }
        return html + "</ul></section>\n"
    }

    private var filters: String {
        let groups = digest.sortedGroups
        guard !groups.isEmpty else { return "<h2>Findings</h2>\n<p id=\"no-findings\">No findings in this run.</p>\n" }
        var vendors: [String] = []
        for (key, _) in groups where !vendors.contains(key.vendor) { vendors.append(key.vendor) }
        let rules = Set(groups.map(\.key.rule)).sorted()
        func options(_ values: [String], all: String) -> String {
            "<option value=\"\">\(e(all))</option>"
                + values.map { "<option value=\"\(e($0))\">\(e($0.isEmpty ? "(no vendor)" : $0))</option>" }.joined()
        }
        var html = "<h2>Findings</h2>\n<div class=\"filters\">\n"
        html += "<label>Severity <select id=\"f-severity\">"
        html += "<option value=\"\">all</option><option value=\"error\">errors</option>"
        html += "<option value=\"warning\">warnings</option></select></label>\n"
        html += "<label>Vendor <select id=\"f-vendor\">\(options(vendors, all: "all vendors"))</select></label>\n"
        html += "<label>Rule <select id=\"f-rule\">\(options(rules, all: "all rules"))</select></label>\n"
        html += "<label>Search <input id=\"f-search\" type=\"search\" placeholder=\"value, field, message…\"></label>\n"
        html += "<span id=\"f-shown\" class=\"muted\"></span>\n</div>\n"
        html += "<p class=\"muted\">Click a column heading to sort a table.</p>\n"
        return html
    }

    private var findings: String {
        var html = ""
        var vendor: String?
        var file: String?
        for (key, group) in digest.sortedGroups {
            if key.vendor != vendor {
                if vendor != nil { html += "</div></section>\n" }
                let name = key.vendor.isEmpty ? "No vendor (files that could not be routed)" : key.vendor
                let totals = digest.groups.filter { $0.key.vendor == key.vendor }.values
                html += "<section class=\"block vendor\" data-vendor=\"\(e(key.vendor))\">"
                html += "<h2>\(e(name)) <span class=\"muted\">"
                html += "\(e(Self.counts(totals.map(\.errors).reduce(0, +), totals.map(\.warnings).reduce(0, +))))"
                html += "</span></h2>\n"
                vendor = key.vendor
                file = nil
            }
            if key.file != file {
                if file != nil { html += "</div>\n" }
                html += "<div class=\"file\"><h3>\(e(key.file.isEmpty ? "(no file)" : key.file))</h3>\n"
                file = key.file
            }
            html += self.group(key, group)
        }
        if vendor != nil { html += "</div></section>\n" }
        return html
    }

    private func group(_ key: ExceptionsDigest.GroupKey, _ group: ExceptionsDigest.Group) -> String {
        var html = "<details open class=\"rule\" data-rule=\"\(e(key.rule))\" data-errors=\"\(group.errors)\""
        html += " data-warnings=\"\(group.warnings)\"><summary><code>\(e(key.rule))</code> "
        html += "\(e(Self.counts(group.errors, group.warnings)))</summary>\n"
        if !group.examples.isEmpty {
            // Fixed column widths: every group's table lines up with the others.
            html += "<table class=\"findings\"><colgroup><col style=\"width:9%\"><col style=\"width:11%\">"
            html += "<col style=\"width:13%\"><col style=\"width:12%\"><col style=\"width:33%\">"
            html += "<col style=\"width:22%\"></colgroup>"
            html += "<thead><tr><th class=\"sortable\">Severity</th><th class=\"sortable\">Where</th>"
            html += "<th class=\"sortable\">Field</th><th class=\"sortable\">Value</th>"
            html += "<th class=\"sortable\">Message</th><th>What to do</th></tr></thead><tbody>\n"
            for finding in group.examples { html += row(finding) }
            html += "</tbody></table>\n"
        }
        if group.omitted > 0 {
            let shown = group.examples.isEmpty ? "" : "… and "
            html +=
                "<p class=\"more\">\(shown)\(Counting.grouped(group.omitted)) more in <code>exceptions.csv</code></p>\n"
        }
        return html + "</details>\n"
    }

    private func row(_ finding: Finding) -> String {
        let location = finding.location
        var place: [String] = []
        if let line = location.line { place.append("line \(line)") }
        if let column = location.column { place.append("column \(column)") }
        if location.line == nil, let record = location.record { place.append("record \(record)") }
        var whereText = e(place.joined(separator: ", "))
        if let path = location.path { whereText += (whereText.isEmpty ? "" : "<br>") + "<code>\(e(path))</code>" }
        // Dataset-level findings (a missing KPI) concern the file as a whole.
        if whereText.isEmpty { whereText = "<span class=\"muted\">whole file</span>" }
        // Sorts by line, then column, as numbers.
        let sortKey = (location.line ?? location.record ?? 0) * 100_000 + (location.column ?? 0)
        let value: String
        switch finding.rawValue {
        case nil: value = ""
        case let raw? where raw.trimmingCharacters(in: .whitespaces).isEmpty:
            value = "<span class=\"empty\">(empty)</span>"
        case let raw?: value = "<code>\(e(raw))</code>"
        }
        var html = "<tr data-severity=\"\(finding.severity.rawValue)\">"
        html += "<td>\(ReportPage.badge(finding.severity.rawValue, finding.severity.rawValue))</td>"
        html += "<td data-sort=\"\(sortKey)\">\(whereText)</td>"
        html += "<td>\(e(finding.field ?? location.field ?? ""))</td><td>\(value)</td>"
        html += "<td>\(e(finding.message))</td><td>\(e(finding.hint ?? ""))</td></tr>\n"
        return html
    }

    private func e(_ text: String) -> String { HTMLText.escape(text) }

    static func counts(_ errors: Int, _ warnings: Int) -> String {
        [
            errors > 0 ? Counting.noun(errors, "error", grouped: true) : nil,
            warnings > 0 ? Counting.noun(warnings, "warning", grouped: true) : nil,
        ].compactMap { $0 }.joined(separator: ", ")
    }
}
