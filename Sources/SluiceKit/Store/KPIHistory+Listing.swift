/// What `sluice history` and a run's change report read from the store.
extension KPIHistory {
    /// A stored observation with the run that published it.
    struct PublishedObservation: Sendable, Hashable {
        let observation: StoredObservation
        let run: String
    }

    /// Every current reported observation with its run, in insertion order: what a run's
    /// resubmissions may replace.
    func currentObservationsWithRuns() throws(StoreError) -> [PublishedObservation] {
        try database.prepare(
            """
            SELECT o.feed, o.vendor, o.contract, o.period, o.period_length, o.kpi, o.dimension, o.value,
                f.display_path, o.line, o.record, o.column_number, o.evidence, o.run_id
            FROM observations o JOIN files f ON f.id = o.file_id
            WHERE o.state = 'current' ORDER BY o.id
            """
        ).rows([]) { (row) throws(StoreError) in
            guard let length = PeriodLength(rawValue: row.text(4)),
                let period = PeriodKey.parse(label: row.text(3), length: length),
                let value = ExactValueText.decode(row.text(7))
            else { throw StoreError(path: database.path, message: "unreadable observation '\(row.text(7))'") }
            let key = KPIKey(
                vendor: row.text(1), contract: row.text(2), period: period, kpi: row.text(5), dimension: row.text(6))
            return PublishedObservation(
                observation: StoredObservation(
                    feed: row.text(0), key: key, value: value, file: row.text(8), line: row.optionalInt(9),
                    record: row.optionalInt(10), column: row.optionalInt(11), evidence: row.text(12)),
                run: row.text(13))
        }
    }

    /// Every reported value ever published — current and superseded, each superseded one with
    /// the value (of the same feed and key) and file that replaced it — and the current
    /// record-level values, merged from the current aggregates of each vendor-period.
    func historyItems() throws(StoreError) -> [HistoryQuery.Item] {
        let reported = try database.prepare(
            """
            SELECT o.vendor, o.contract, o.period, o.period_length, o.kpi, o.dimension, o.value, o.evidence, o.run_id,
                o.superseded_by_run, n.value, n.evidence, sf.display_path
            FROM observations o
            LEFT JOIN files sf ON sf.id = o.superseded_by_file
            LEFT JOIN observations n ON n.file_id = o.superseded_by_file AND n.feed = o.feed AND n.vendor = o.vendor
                AND n.contract = o.contract AND n.period = o.period AND n.period_length = o.period_length
                AND n.kpi = o.kpi AND n.dimension = o.dimension
            ORDER BY o.id
            """
        ).rows([]) { (row) throws(StoreError) -> HistoryQuery.Item in
            guard let length = PeriodLength(rawValue: row.text(3)),
                let period = PeriodKey.parse(label: row.text(2), length: length),
                let value = ExactValueText.decode(row.text(6))
            else { throw StoreError(path: database.path, message: "unreadable observation '\(row.text(6))'") }
            var replacement: HistoryEntry.Replacement?
            if let run = row.optionalText(9) {
                replacement = HistoryEntry.Replacement(
                    value: row.optionalText(10).flatMap(ExactValueText.decode),
                    source: row.optionalText(11) ?? row.text(12), run: run)
            }
            return HistoryQuery.Item(
                vendor: row.text(0), kpi: row.text(4),
                entry: HistoryEntry(
                    period: period, contract: row.text(1), dimension: row.text(5), value: value, source: row.text(7),
                    run: row.text(8), replacedBy: replacement))
        }
        return reported + (try derivedItems())
    }

    /// The current record-level values: each vendor × contract × period × dimension's current
    /// aggregates merged, one value per derivation; the run is the latest that contributed.
    private func derivedItems() throws(StoreError) -> [HistoryQuery.Item] {
        let rows = try database.prepare(
            "SELECT run_id FROM aggregates WHERE state = 'current' ORDER BY id"
        ).rows([]) { row in row.text(0) }
        let aggregates = try currentAggregates()
        var groups: [String: (aggregate: StoredAggregate, states: [AggregateState], files: [String], run: String)] =
            [:]
        var order: [String] = []
        for (aggregate, run) in zip(aggregates, rows) {
            let id = [
                aggregate.feed, aggregate.key.vendor, aggregate.key.contract, aggregate.key.period.label,
                aggregate.key.period.length.rawValue, aggregate.key.dimension,
                aggregate.derivations.joined(separator: ","),
            ].joined(separator: "\u{1F}")
            guard var group = groups[id] else {
                groups[id] = (aggregate, aggregate.states, [aggregate.file], run)
                order.append(id)
                continue
            }
            for index in group.states.indices where index < aggregate.states.count {
                group.states[index].merge(aggregate.states[index])
            }
            if !group.files.contains(aggregate.file) { group.files.append(aggregate.file) }
            group.run = max(group.run, run)
            groups[id] = group
        }
        var items: [HistoryQuery.Item] = []
        for id in order {
            guard let group = groups[id] else { continue }
            for (kpi, state) in zip(group.aggregate.derivations, group.states) {
                guard let value = state.value else { continue }
                let key = group.aggregate.key
                items.append(
                    HistoryQuery.Item(
                        vendor: key.vendor, kpi: kpi,
                        entry: HistoryEntry(
                            period: key.period, contract: key.contract, dimension: key.dimension, value: value,
                            source: "\(state.records) records in \(group.files.joined(separator: ", "))",
                            run: group.run)))
            }
        }
        return items
    }
}
