/// Feeds what the store holds back into a KPI collector: receipts for a run (so expected
/// submissions are judged against every file ever received), and everything current for the
/// top-level datasets (so they show the truth across all runs).
enum StoreSeed {
    /// Adds every receipt in the store.
    static func receipts(from history: KPIHistory, into collector: KPICollector) throws(StoreError) {
        for receipt in try history.receipts() {
            collector.seed(
                receipt: KPICollector.SubmissionKey(
                    feed: receipt.feed, vendor: receipt.vendor, contract: receipt.contract, period: receipt.period),
                on: receipt.receivedOn, file: receipt.file)
        }
    }

    /// Adds every current reported value, every current partial aggregate and every receipt.
    ///
    /// Aggregates written under another list of derivations than the feed now declares (the
    /// rules changed) cannot be merged with today's states and are left out.
    static func current(from history: KPIHistory, into collector: KPICollector) throws(StoreError) {
        for observation in try history.currentObservations() {
            var location = SourceLocation(file: observation.file, line: observation.line, record: observation.record)
            location.column = observation.column
            collector.seed(
                reported: KPIObservation(
                    key: observation.key, value: observation.value, source: .reported, evidence: observation.evidence,
                    location: location, feed: observation.feed))
        }
        var derivations: [String: [String]] = [:]
        for feed in collector.rules.feeds {
            if case .records(_, _, let list)? = feed.kpi?.layout { derivations[feed.name] = list.map(\.kpi) }
        }
        for aggregate in try history.currentAggregates() where derivations[aggregate.feed] == aggregate.derivations {
            collector.merge(
                KPICollector.Group(
                    states: aggregate.states, records: aggregate.records, days: aggregate.days,
                    files: [aggregate.file]),
                feed: aggregate.feed, key: aggregate.key)
        }
        try receipts(from: history, into: collector)
    }
}
