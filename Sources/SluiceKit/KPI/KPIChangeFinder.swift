/// The differences a run's resubmissions make to the published KPI values, found the way the
/// store supersedes: an earlier run's current value is replaced by this run's value of the
/// same feed and key, or — when its file is replaced by a same-named resubmission — by nothing
/// if the new file no longer has it. Equal values are not changes.
enum KPIChangeFinder {
    /// `replacedFiles`: an earlier file's display path → the display path of this run's file
    /// that replaces it (same inbox path and feed).
    static func changes(
        earlier: [KPIHistory.PublishedObservation], run: [KPIObservation], replacedFiles: [String: String],
        kpis: [KPISpec]
    ) -> [KPIChange] {
        var latest: [ChangeKey: KPIObservation] = [:]
        for observation in run where latest[ChangeKey(feed: observation.feed, key: observation.key)] == nil {
            latest[ChangeKey(feed: observation.feed, key: observation.key)] = observation
        }
        let decimals = Dictionary(kpis.map { ($0.id, $0.decimals) }, uniquingKeysWith: { first, _ in first })
        var changes: [KPIChange] = []
        for published in earlier {
            let old = published.observation
            let replacing = latest[ChangeKey(feed: old.feed, key: old.key)]
            guard replacing != nil || replacedFiles[old.file] != nil else { continue }
            if let replacing, replacing.value == old.value { continue }
            let places = decimals[old.key.kpi] ?? 2
            changes.append(
                KPIChange(
                    vendor: old.key.vendor, contract: old.key.contract, period: old.key.period.label, kpi: old.key.kpi,
                    dimension: old.key.dimension, previous: old.value.rounded(decimals: places).description,
                    current: replacing.map { $0.value.rounded(decimals: places).description } ?? "",
                    previousSource: old.evidence, previousRun: published.run,
                    currentSource: replacing?.evidence ?? replacedFiles[old.file] ?? ""))
        }
        return changes.sorted()
    }

    private struct ChangeKey: Hashable {
        let feed: String
        let key: KPIKey
    }
}
