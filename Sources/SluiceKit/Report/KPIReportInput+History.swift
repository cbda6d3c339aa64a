extension KPIReportInput {
    /// The run's results for the tables, and for the charts the store's published rows of the
    /// contracts the run has rows for, with the run's own rows in place of those for the same
    /// vendor, contract, KPI and period (the run's transaction is not yet made when the page is
    /// written), keeping the last `KPITrendChart.periods` periods of each vendor, contract and KPI.
    init(results: KPIResults, published: [KPIResults.Row], runID: String, asOf: String) {
        self.init(results: results, runID: runID, asOf: asOf)
        struct Point: Hashable {
            var vendor: String
            var contract: String
            var kpi: String
            var period: String
        }
        struct Series: Hashable {
            var vendor: String
            var contract: String
            var kpi: String
        }
        func point(_ row: Row) -> Point {
            Point(vendor: row.vendor, contract: row.contract, kpi: row.kpi, period: row.period)
        }
        let own = Set(current.map(point))
        let contracts = Set(current.map { [$0.vendor, $0.contract] })
        let merged =
            published.filter { $0.key.dimension.isEmpty }.map(Row.init).filter {
                contracts.contains([$0.vendor, $0.contract]) && !own.contains(point($0))
            } + current
        var bySeries: [Series: [Row]] = [:]
        for row in merged {
            bySeries[Series(vendor: row.vendor, contract: row.contract, kpi: row.kpi), default: []].append(row)
        }
        history = merged.filter { row in
            let series = bySeries[Series(vendor: row.vendor, contract: row.contract, kpi: row.kpi)] ?? []
            let starts = Set(series.map(\.periodStart)).sorted().suffix(KPITrendChart.periods)
            return starts.contains(row.periodStart)
        }
    }
}
