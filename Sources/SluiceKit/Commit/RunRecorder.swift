import Foundation

/// Gathers, file by file, what a run adds to the store: ledger entries, the KPI values each
/// file reported, each file's partial record-level aggregates, and what each file brought for
/// which vendor and period (receipts).
final class RunRecorder {
    private(set) var contributions = RunContributions()
    /// Derivation KPI ids per record-level feed, in declared order.
    private let derivations: [String: [String]]

    init(rules: RuleSet) {
        var derivations: [String: [String]] = [:]
        for feed in rules.feeds {
            if case .records(_, _, let list)? = feed.kpi?.layout { derivations[feed.name] = list.map(\.kpi) }
        }
        self.derivations = derivations
    }

    /// A file read and published, with what it contributed to the KPI stage.
    func processed(
        _ file: InboxFile, path: String, sha256: String, feed: String, reported: ArraySlice<KPIObservation>,
        groups: [String: [KPIKey: KPICollector.Group]]
    ) {
        contributions.files.append(
            NewLedgerFile(
                sha256: sha256, path: path, displayPath: file.displayPath, size: file.size,
                receivedOn: file.receivedOn, outcome: .processed, feed: feed, reason: nil, duplicateOf: nil))
        var receipts = Set<StoredReceipt>()
        for observation in reported {
            contributions.observations.append(
                StoredObservation(
                    feed: observation.feed, key: observation.key, value: observation.value, file: file.displayPath,
                    line: observation.location.line, record: observation.location.record,
                    column: observation.location.column, evidence: observation.evidence))
            receipts.insert(receipt(observation.feed, observation.key, file))
        }
        for (groupFeed, byKey) in groups.sorted(by: { $0.key < $1.key }) {
            for key in byKey.keys.sorted() {
                let group = byKey[key]!
                contributions.aggregates.append(
                    StoredAggregate(
                        feed: groupFeed, key: key, file: file.displayPath, records: group.records, days: group.days,
                        derivations: derivations[groupFeed] ?? [], states: group.states))
                if key.dimension.isEmpty { receipts.insert(receipt(groupFeed, key, file)) }
            }
        }
        contributions.receipts += receipts.sorted { ($0.feed, $0.vendor, $0.period) < ($1.feed, $1.vendor, $1.period) }
    }

    /// A file copied to quarantine.
    func quarantined(_ file: InboxFile, path: String, sha256: String, feed: String?, reason: String) {
        contributions.files.append(
            NewLedgerFile(
                sha256: sha256, path: path, displayPath: file.displayPath, size: file.size,
                receivedOn: file.receivedOn, outcome: .quarantined, feed: feed, reason: reason, duplicateOf: nil))
    }

    /// A file whose content arrived before under another name.
    func duplicate(_ file: InboxFile, path: String, sha256: String, of earlier: Int64?, reason: String) {
        contributions.files.append(
            NewLedgerFile(
                sha256: sha256, path: path, displayPath: file.displayPath, size: file.size,
                receivedOn: file.receivedOn, outcome: .duplicate, feed: nil, reason: reason, duplicateOf: earlier))
    }

    private func receipt(_ feed: String, _ key: KPIKey, _ file: InboxFile) -> StoredReceipt {
        StoredReceipt(
            feed: feed, vendor: key.vendor, contract: key.contract, period: key.period, file: file.displayPath,
            receivedOn: file.receivedOn)
    }
}
