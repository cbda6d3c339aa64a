/// What `kpi.html` shows, as plain values: the KPI rows to tabulate, the series to chart
/// (rows across periods, the tabulated ones included), credits and submissions.
///
/// A run fills `current` from its own `KPIResults` and `history` from the store's published
/// rows across all runs (`init(results:published:runID:asOf:)`); the charts show up to the
/// last 12 periods of them.
struct KPIReportInput: Sendable {
    /// One KPI of one vendor, contract and period against its target.
    struct Row: Sendable, Hashable {
        var vendor: String
        var contract: String
        var period: String
        var periodStart: CivilDate
        var kpi: String
        var kpiName: String
        var unit: KPIUnit
        var direction: KPIDirection
        var decimals: Int
        var actual: ExactRatio?
        var target: ExactDecimal?
        var warning: ExactDecimal?
        var critical: Bool
        var status: SLAStatus?
        /// `reported`, `derived`, `conflict`, or empty.
        var source: String
    }

    /// Service credits a contract earned in a period.
    struct Credit: Sendable, Hashable {
        var vendor: String
        var contract: String
        var period: String
        var currency: String
        var total: ExactDecimal
        var capped: Bool
    }

    /// A submission that is not simply received on time.
    struct Submission: Sendable, Hashable {
        var vendor: String
        var contract: String
        var feed: String
        var period: String
        var due: CivilDate
        var graceUntil: CivilDate
        var receivedOn: CivilDate?
        var status: SubmissionStatus
    }

    var runID: String
    var asOf: String
    var current: [Row]
    var history: [Row]
    var credits: [Credit] = []
    var submissions: [Submission] = []
}

extension KPIReportInput {
    /// The run's own results: whole-period rows (breakdowns stay in `kpi.csv`) are both the
    /// tables and, until a history store supplies more, the charts.
    init(results: KPIResults, runID: String, asOf: String) {
        let rows = results.rows.filter { $0.key.dimension.isEmpty }.map(Row.init)
        self.init(runID: runID, asOf: asOf, current: rows, history: rows)
        credits = results.credits.filter { $0.result.total > ExactDecimal(0) }.map { credit in
            Credit(
                vendor: credit.contract.vendor, contract: credit.contract.id, period: credit.period.label,
                currency: credit.contract.credits?.currency ?? "", total: credit.result.total,
                capped: credit.result.capped)
        }
        submissions = results.submissions.filter { $0.status != .received && $0.status != .pending }.map { row in
            Submission(
                vendor: row.contract.vendor, contract: row.contract.id, feed: row.feed, period: row.period.label,
                due: row.due, graceUntil: row.graceUntil, receivedOn: row.receivedOn, status: row.status)
        }
    }
}

extension KPIReportInput.Row {
    init(_ row: KPIResults.Row) {
        self.init(
            vendor: row.key.vendor, contract: row.key.contract, period: row.key.period.label,
            periodStart: row.key.period.start, kpi: row.kpi.id, kpiName: row.kpi.name, unit: row.kpi.unit,
            direction: row.kpi.direction, decimals: row.kpi.decimals, actual: row.actual, target: row.target?.target,
            warning: row.target?.warning, critical: row.target?.critical ?? false, status: row.status,
            source: row.source)
    }
}
