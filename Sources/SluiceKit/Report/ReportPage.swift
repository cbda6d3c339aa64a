import Crypto
import Foundation

/// The frame both HTML reports share: one self-contained page (inline CSS, no external
/// assets, no web fonts) that opens offline from a shared drive and prints cleanly.
enum ReportPage {
    /// A whole page around `body`; `title` and every other argument are escaped here.
    static func html(title: String, body: String, script: String = "") -> String {
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // No network, and no script but this page's own (allowed by its hash): even a value
        // that slipped past escaping could not load or run anything.
        let inline = "\n" + script
        let digest = Data(SHA256.hash(data: Data(inline.utf8))).base64EncodedString()
        let scriptSource = script.isEmpty ? "'none'" : "'sha256-\(digest)'"
        page += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        page += "style-src 'unsafe-inline'; script-src \(scriptSource)\">\n"
        page += "<title>\(HTMLText.escape(title))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
        page += body
        if !script.isEmpty { page += "<script>\(inline)</script>\n" }
        page += "</body>\n</html>\n"
        return page
    }

    /// A status or severity badge: a symbol and a word, never colour alone.
    static func badge(_ kind: String, _ label: String) -> String {
        let symbol: String
        switch kind {
        case "error", "breached": symbol = "✖"
        case "warning": symbol = "▲"
        case "met": symbol = "✔"
        default: symbol = "–"
        }
        return "<span class=\"badge \(kind)\">\(symbol) \(HTMLText.escape(label))</span>"
    }

    static let style = """
        :root { --ink: #1d2430; --muted: #5b6472; --line: #d7dce3; --bg: #f6f7f9;
          --err: #a3161a; --err-bg: #fde8e8; --warn: #7a4d00; --warn-bg: #fff1d6;
          --ok: #1d6b34; --ok-bg: #e2f4e7; --none: #4b5563; --none-bg: #eceef1; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
          color: var(--ink); background: var(--bg); }
        header.page { background: #24344d; color: #fff; padding: 16px 28px; }
        header.page h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; }
        header.page p { margin: 0; color: #d5dcea; }
        header.page code { background: #3a4d6b; color: #fff; }
        main { padding: 16px 28px 40px; max-width: 1400px; }
        h2 { font-size: 18px; margin: 24px 0 8px; }
        h3 { font-size: 15px; margin: 16px 0 6px; font-weight: 600; word-break: break-all; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 4px 0 8px; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px;
          min-width: 190px; }
        .card .n { font-size: 26px; font-weight: 650; }
        .card .k { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .card .d { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
        th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
        th { background: #eef1f5; font-weight: 600; font-size: 13px; white-space: nowrap; }
        th.sortable { cursor: pointer; }
        th.sortable::after { content: " ↕"; color: var(--muted); font-weight: 400; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        code { font: 13px/1.3 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: #f1f3f6;
          padding: 1px 4px; border-radius: 3px; white-space: pre-wrap; overflow-wrap: anywhere; }
        table.findings { table-layout: fixed; }
        table.findings td { overflow-wrap: anywhere; }
        ul.rules { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 8px 10px; }
        ul.rules li { border: 1px solid var(--line); border-radius: 4px; padding: 3px 8px; background: #fafbfc; }
        .empty { color: var(--muted); font-style: italic; }
        .muted { color: var(--muted); }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
          white-space: nowrap; }
        .badge.error, .badge.breached { color: var(--err); background: var(--err-bg); }
        .badge.warning { color: var(--warn); background: var(--warn-bg); }
        .badge.met { color: var(--ok); background: var(--ok-bg); }
        .badge.no-data, .badge.none { color: var(--none); background: var(--none-bg); }
        section.block { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px 14px;
          margin: 16px 0; }
        .filters { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 10px 18px;
          align-items: center; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
        .filters select, .filters input { font: inherit; padding: 3px 6px; margin-left: 4px; }
        .filters input { width: 240px; }
        details.rule { margin: 6px 0 12px; }
        details > summary { cursor: pointer; padding: 4px 0; font-weight: 600; }
        p.more { margin: 6px 2px; color: var(--muted); font-style: italic; }
        h3.inline { display: inline; }
        .credit { margin: 6px 0; }
        .critical { font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 3px;
          padding: 0 4px; }
        ul.submissions { padding-left: 0; list-style: none; }
        ul.submissions li { margin: 4px 0; }
        .charts { display: flex; flex-wrap: wrap; gap: 12px; }
        figure.chart { margin: 0; width: 358px; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
        figcaption { font-weight: 600; margin: 0 0 4px 4px; }
        svg.trend { display: block; font: 11px system-ui, Arial, sans-serif; }
        svg.trend .grid { stroke: #e3e7ec; stroke-width: 1; }
        svg.trend .axis { fill: var(--muted); }
        svg.trend .actual { fill: none; stroke: #1f5fbf; stroke-width: 2.5; }
        svg.trend .target { fill: none; stroke: #a3161a; stroke-width: 1.5; stroke-dasharray: 6 4; }
        svg.trend .pt { stroke: #fff; stroke-width: 1.5; }
        svg.trend .pt.met { fill: var(--ok); } svg.trend .pt.warning { fill: #c27c00; }
        svg.trend .pt.breached { fill: var(--err); } svg.trend .pt.none, svg.trend .pt.no-data { fill: #1f5fbf; }
        svg.key { display: inline-block; vertical-align: middle; }
        svg.trend .value { fill: var(--ink); font-weight: 600; }
        @media print { .filters { display: none; } body { background: #fff; } }

        """
}
