import Foundation

/// The files a run writes into its staging folder once every record and finding is written:
/// `changes.csv`, the streamed outputs closed (synced), the KPI tables and workbook, the
/// worklist and the two HTML reports. `summary.json` comes after, as it lists them all.
///
/// They are independent of each other, so they are written in two ``TwoLanes``: the lane on the
/// calling thread writes `changes.csv`, closes the streamed outputs (mostly waiting for their
/// `fsync`s), then writes `kpi.xlsx` and the worklist; the other writes the KPI tables and the
/// two HTML reports. The workbooks are `loud` steps (libxlsxwriter prints to stderr when it
/// fails), so they run only once every step before them has succeeded, as on one thread; they
/// follow the syncs in their lane, by which time the KPI tables are usually written. The steps
/// are added in the order a one-thread run takes them, which decides the error reported when
/// several fail. Measured on 1M CSV rows (2 cores, release): BENCHMARKS.md, "The end of a run".
enum ClosingFiles {
    static func write(
        to folder: URL, outputs: RunOutputs, results: KPIResults, history: StoreSession.RunHistory,
        rules: RuleSet, inputs: [InputSummary], summary: RunSummary, created: Date, lanes: TwoLanes = .default
    ) throws(OutputError) {
        var lanes = lanes
        let settings = rules.settings
        let excelSafe = settings.excelSafeCSV
        // Read here, before the lanes start: the first lane closes `outputs` while the second runs.
        let collected = outputs.worklist.items
        let digest = outputs.digest
        lanes.add(.first) { () throws(OutputError) in
            try ChangesWriter.write(history.changes, to: folder, excelSafe: excelSafe)
        }
        lanes.add(.first) { () throws(OutputError) in try outputs.close() }
        lanes.add(.second) { () throws(OutputError) in
            try KPIWriter.write(
                results, layout: settings.kpiLayout, wide: settings.kpiWide, kpis: rules.kpis, to: folder,
                excelSafe: excelSafe)
        }
        lanes.add(.first, loud: true) { () throws(OutputError) in
            try KPIWorkbookWriter.write(results, to: folder, created: created)
        }
        lanes.add(.first, loud: true) { () throws(OutputError) in
            let worklist = Worklist(collected: collected, results: results, inputs: inputs, feeds: rules.feeds)
            try WorklistWriter.write(worklist, to: folder, created: created, excelSafe: excelSafe)
        }
        lanes.add(.second) { () throws(OutputError) in
            try ExceptionsReport(summary: summary, digest: digest).write(
                to: folder.appendingPathComponent("exceptions.html"))
        }
        lanes.add(.second) { () throws(OutputError) in
            try KPIReport(
                input: KPIReportInput(
                    results: results, published: history.published, runID: summary.runID, asOf: summary.asOf)
            ).write(to: folder.appendingPathComponent("kpi.html"))
        }
        try lanes.run()
    }
}
