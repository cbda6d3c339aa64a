/// What a run compares with earlier runs, read from the store before its own transaction:
/// the vendors' earlier published values (for history checks) and the differences its
/// resubmissions and added records make (for `changes.csv`: reported and derived values), and
/// the whole-period rows the store publishes (the history `kpi.html` charts).
extension StoreSession {
    /// Earlier runs' published values and this run's changes to them.
    struct RunHistory {
        var earlier: [HistoryReview.SeriesKey: [PeriodKey: ExactRatio]] = [:]
        var changes: [KPIChange] = []
        /// The whole-period rows of the store's current evaluation: the rows the top-level
        /// `kpi.csv` holds, before this run's transaction.
        var published: [KPIResults.Row] = []
    }

    /// Reads what the store publishes now (everything current, evaluated as the top-level
    /// datasets are) and what this run's processed files replace.
    func history(
        rules: RuleSet, asOf: CivilDate, entries: [Entry], inputs: [InputSummary], run collector: KPICollector
    ) throws(SluiceError) -> RunHistory {
        var result = RunHistory()
        var replaced: [String: String] = [:]
        var stored: [StoredAggregate] = []
        var runs: [String: String] = [:]
        let published: KPICollector
        do {
            published = try KPICollector(rules: rules, asOf: asOf)
        } catch {
            throw .rules(error)
        }
        do {
            try StoreSeed.current(from: store.history, into: published)
            for row in KPIEvaluator(collector: published).evaluate().rows where row.key.dimension.isEmpty {
                result.published.append(row)
                guard let actual = row.actual else { continue }
                result.earlier[HistoryReview.SeriesKey(row.key), default: [:]][row.key.period] = actual
            }
            let paths = Dictionary(
                entries.map { ($0.file.displayPath, $0.path) }, uniquingKeysWith: { first, _ in first })
            for input in inputs where input.status == "processed" {
                guard let feed = input.feed, let path = paths[input.path] else { continue }
                for earlier in try store.ledger.replaceable(path: path, feed: feed) { replaced[earlier] = input.path }
            }
            result.changes = KPIChangeFinder.changes(
                earlier: try store.history.currentObservationsWithRuns(), run: collector.reported,
                replacedFiles: replaced, kpis: rules.kpis)
            stored = try store.history.currentAggregates()
            runs = try store.history.currentAggregateRuns()
        } catch {
            throw .store(error)
        }
        let derived: [KPIChange]
        do {
            derived = try DerivedChangeFinder.changes(
                rules: rules, asOf: asOf, stored: stored, runs: runs, run: collector.groups, replacedFiles: replaced)
        } catch {
            throw .rules(error)
        }
        result.changes = (result.changes + derived).sorted()
        return result
    }
}

extension KPIHistory {
    /// The run that stored each file's current aggregates, by the file's display path.
    func currentAggregateRuns() throws(StoreError) -> [String: String] {
        let pairs = try database.prepare(
            """
            SELECT DISTINCT f.display_path, a.run_id FROM aggregates a JOIN files f ON f.id = a.file_id
            WHERE a.state = 'current'
            """
        ).rows([]) { row in (row.text(0), row.text(1)) }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }
}

extension Ledger {
    /// The display paths of earlier processed files with this inbox path and feed that are
    /// still current: what a same-named resubmission replaces.
    func replaceable(path: String, feed: String) throws(StoreError) -> [String] {
        try database.prepare(
            """
            SELECT display_path FROM files WHERE path = ? AND feed = ? AND outcome = 'processed'
                AND superseded_by IS NULL ORDER BY id
            """
        ).rows([.text(path), .text(feed)]) { row in row.text(0) }
    }
}
