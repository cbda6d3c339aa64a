/// The differences a run makes to the published values derived from record-level feeds.
///
/// A derived value is merged from the current partial aggregate states of every file that
/// brought records for its vendor × contract × period (× dimension). For each such group this
/// run touched — its files brought records for it, or it replaces a file that did — the value
/// is evaluated twice, by the same `KPIEvaluator` that publishes it: from the stored states
/// (what is published now), and from the stored states without those of the replaced files
/// plus this run's. A difference is a change; so is a value that disappears. A group that had
/// no published value (a brand-new period or dimension) is not a change.
enum DerivedChangeFinder {
    /// `stored`: the store's current aggregates; `runs`: the run that stored each file's
    /// aggregates, by display path; `run`: this run's record-level groups, by feed;
    /// `replacedFiles`: an earlier file's display path → this run's file that replaces it.
    static func changes(
        rules: RuleSet, asOf: CivilDate, stored: [StoredAggregate], runs: [String: String],
        run: [String: [KPIKey: KPICollector.Group]], replacedFiles: [String: String]
    ) throws(RulesErrors) -> [KPIChange] {
        var derivations: [String: [String]] = [:]
        for feed in rules.feeds {
            if case .records(_, _, let list)? = feed.kpi?.layout { derivations[feed.name] = list.map(\.kpi) }
        }
        // States stored under another derive list are not published (see `StoreSeed`).
        let usable = stored.filter { derivations[$0.feed] == $0.derivations }
        var touched = Set<GroupRef>()
        for (feed, byKey) in run { for key in byKey.keys { touched.insert(GroupRef(feed: feed, key: key)) } }
        for aggregate in usable where replacedFiles[aggregate.file] != nil {
            touched.insert(GroupRef(feed: aggregate.feed, key: aggregate.key))
        }
        guard !touched.isEmpty else { return [] }

        let before = try KPICollector(rules: rules, asOf: asOf)
        let after = try KPICollector(rules: rules, asOf: asOf)
        var previousRun: [KPIKey: String] = [:]
        var currentFiles: [KPIKey: [String]] = [:]
        for (feed, byKey) in run {
            for (key, group) in byKey {
                after.merge(group, feed: feed, key: key)
                currentFiles[key, default: []].appendUnique(group.files)
            }
        }
        for aggregate in usable where touched.contains(GroupRef(feed: aggregate.feed, key: aggregate.key)) {
            let group = KPICollector.Group(
                states: aggregate.states, records: aggregate.records, days: aggregate.days, files: [aggregate.file])
            before.merge(group, feed: aggregate.feed, key: aggregate.key)
            // Run ids are UTC timestamps: the greatest is the run that last moved the value.
            if let stored = runs[aggregate.file] {
                previousRun[aggregate.key] = max(previousRun[aggregate.key] ?? "", stored)
            }
            if let replacing = replacedFiles[aggregate.file] {
                currentFiles[aggregate.key, default: []].appendUnique([replacing])
            } else {
                after.merge(group, feed: aggregate.feed, key: aggregate.key)
            }
        }

        let published = derived(before)
        let recomputed = derived(after)
        var changes: [KPIChange] = []
        for (key, old) in published {
            let new = recomputed[key]
            if new?.value == old.value { continue }
            let places = old.decimals
            let group = KPIKey(
                vendor: key.vendor, contract: key.contract, period: key.period, kpi: "", dimension: key.dimension)
            changes.append(
                KPIChange(
                    vendor: key.vendor, contract: key.contract, period: key.period.label, kpi: key.kpi,
                    dimension: key.dimension, previous: old.value.rounded(decimals: places).description,
                    current: new.map { $0.value.rounded(decimals: places).description } ?? "",
                    previousSource: old.evidence, previousRun: previousRun[group] ?? "",
                    currentSource: (currentFiles[group] ?? []).joined(separator: ", ")))
        }
        return changes.sorted()
    }

    /// The derived values a collector publishes, exact, with their evidence.
    private static func derived(_ collector: KPICollector) -> [KPIKey: (
        value: ExactRatio, evidence: String, decimals: Int
    )] {
        var values: [KPIKey: (value: ExactRatio, evidence: String, decimals: Int)] = [:]
        for row in KPIEvaluator(collector: collector).evaluate().rows where row.source == "derived" {
            guard let actual = row.actual else { continue }
            values[row.key] = (actual, row.evidence, row.kpi.decimals)
        }
        return values
    }

    private struct GroupRef: Hashable {
        let feed: String
        let key: KPIKey
    }
}

extension Array where Element == String {
    fileprivate mutating func appendUnique(_ items: [String]) {
        for item in items where !contains(item) { append(item) }
    }
}
