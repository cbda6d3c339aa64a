import Foundation

/// Writes `kpi.xlsx`, the manager's workbook: the KPI dataset (the rows and columns of
/// `kpi.csv`) and sheets for credits, submissions and data quality, with typed cells (numbers,
/// dates, percentages in percent format), statuses coloured by conditional formatting, a
/// frozen header row, an autofilter and column widths.
enum KPIWorkbookWriter {
    static let fileName = "kpi.xlsx"

    /// Writes the workbook into `folder`; `created` is the run's start (its document date).
    static func write(_ results: KPIResults, to folder: URL, created: Date) throws(OutputError) {
        let workbook = try XLSXWorkbookWriter(url: folder.appendingPathComponent(fileName), created: created)
        try kpis(results, in: workbook)
        try credits(results, in: workbook)
        try submissions(results, in: workbook)
        try quality(results, in: workbook)
        try workbook.close()
    }

    static let statusHighlights: [(String, XLSXHighlight)] = [
        (SLAStatus.breached.rawValue, .bad), (SLAStatus.warning.rawValue, .caution), (SLAStatus.met.rawValue, .good),
    ]

    private static func kpis(_ results: KPIResults, in workbook: XLSXWorkbookWriter) throws(OutputError) {
        let widths: [Double] = [14, 16, 10, 12, 12, 26, 28, 16, 10, 9, 10, 10, 10, 9, 10, 10, 44]
        let sheet = try workbook.addSheet(
            "KPIs", columns: zip(KPIWriter.long(KPIResults())[0], widths).map { XLSXColumn(title: $0, width: $1) })
        for (value, highlight) in statusHighlights { sheet.highlight(column: 14, value: value, as: highlight) }
        for row in results.rows {
            let kpi = row.kpi
            func measure(_ value: ExactDecimal?) -> XLSXCell {
                kpi.unit == .percent
                    ? .percent(points: value, decimals: kpi.decimals) : .decimal(value, .decimals(kpi.decimals))
            }
            try sheet.append([
                .text(row.key.vendor), .text(row.key.contract), .text(row.key.period.label),
                .date(row.key.period.start), .date(row.key.period.end), .text(kpi.id), .text(kpi.name),
                .text(row.key.dimension), measure(row.actual?.rounded(decimals: kpi.decimals)),
                .text(kpi.unit.rawValue), measure(row.target?.target), measure(row.target?.warning),
                .text(kpi.direction.rawValue), .text(row.target.map { $0.critical ? "true" : "false" } ?? ""),
                .text(row.status?.rawValue ?? ""), .text(row.source), .text(row.evidence),
            ])
        }
    }

    private static func credits(_ results: KPIResults, in workbook: XLSXWorkbookWriter) throws(OutputError) {
        let widths: [Double] = [14, 16, 10, 9, 12, 30, 40, 14, 12, 9]
        let sheet = try workbook.addSheet(
            "Credits", columns: zip(KPIWriter.credits(KPIResults())[0], widths).map { XLSXColumn(title: $0, width: $1) }
        )
        sheet.highlight(column: 9, value: "true", as: .caution)
        for credit in results.credits {
            guard let terms = credit.contract.credits else { continue }
            try sheet.append([
                .text(credit.contract.vendor), .text(credit.contract.id), .text(credit.period.label),
                .text(terms.currency), .decimal(ExactRatio(terms.atRiskAmount).rounded(decimals: 2), .money),
                .text(credit.breached.joined(separator: ";")),
                .text(credit.result.perKPI.map { "\($0.kpi)=\($0.amount)" }.joined(separator: ";")),
                .decimal(credit.result.uncapped, .money), .decimal(credit.result.total, .money),
                .text(credit.result.capped ? "true" : "false"),
            ])
        }
    }

    private static func submissions(_ results: KPIResults, in workbook: XLSXWorkbookWriter) throws(OutputError) {
        let widths: [Double] = [14, 16, 24, 10, 12, 12, 12, 10, 44]
        let sheet = try workbook.addSheet(
            "Submissions",
            columns: zip(KPIWriter.submissions(KPIResults())[0], widths).map { XLSXColumn(title: $0, width: $1) })
        let highlights: [(SubmissionStatus, XLSXHighlight)] = [
            (.missing, .bad), (.late, .caution), (.early, .caution), (.received, .good),
        ]
        for (status, highlight) in highlights { sheet.highlight(column: 7, value: status.rawValue, as: highlight) }
        for row in results.submissions {
            try sheet.append([
                .text(row.contract.vendor), .text(row.contract.id), .text(row.feed), .text(row.period.label),
                .date(row.due), .date(row.graceUntil), row.receivedOn.map { .date($0) } ?? .blank,
                .text(row.status.rawValue), .text(row.files.joined(separator: ";")),
            ])
        }
    }

    private static func quality(_ results: KPIResults, in workbook: XLSXWorkbookWriter) throws(OutputError) {
        let widths: [Double] = [14, 24, 10, 12, 10, 14, 8, 10]
        let sheet = try workbook.addSheet(
            "Data quality",
            columns: zip(KPIWriter.quality(KPIResults())[0], widths).map { XLSXColumn(title: $0, width: $1) })
        for (value, highlight) in statusHighlights { sheet.highlight(column: 7, value: value, as: highlight) }
        for row in results.quality {
            try sheet.append([
                .text(row.vendor), .text(row.feed), .number(Double(row.records), .decimals(0)),
                .number(Double(row.dataPoints), .decimals(0)), .number(Double(row.errors), .decimals(0)),
                .decimal(row.errorsPer100?.rounded(decimals: 2), .decimals(2)),
                .text("< \(KPIResults.Quality.target)"), .text(row.status.rawValue),
            ])
        }
    }
}
