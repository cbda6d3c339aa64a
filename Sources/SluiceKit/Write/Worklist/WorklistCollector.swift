import Foundation

/// Gathers, while records stream through a run, what the associate must chase per vendor: the
/// fields that are missing or invalid, grouped by feed, period and field, with a count and the
/// first few places. Its memory is bounded: counts and a few examples per group, and at most
/// `maxGroups` groups (later new groups are counted under `otherFields`).
///
/// A value type, so that a file withdrawn half-way is forgotten by restoring a copy taken
/// before it (the copy shares storage until the first change).
struct WorklistCollector {
    /// Places kept per group.
    static let examplesPerGroup = 3
    /// Groups kept in all by default; past this, new groups are merged per vendor, feed and period.
    static let defaultMaxGroups = 10_000
    /// The field name of the merged groups.
    static let otherFields = "(other fields)"
    /// Longest example value kept, in characters.
    static let maxValueLength = 80

    /// What a group is about.
    struct Key: Hashable {
        let vendor: String
        let feed: String
        let period: String
        let field: String
        let problem: WorklistItem.Problem
    }

    /// A group's count and first places, and when it was first seen (for a stable order).
    struct Group {
        var count = 0
        var examples: [WorklistExample] = []
        let order: Int
    }

    private let feeds: [String: WorklistFeedContext]
    private let contracts: ContractDirectory
    private let maxGroups: Int
    private(set) var groups: [Key: Group] = [:]

    init(feeds: [FeedSpec], contracts: [ContractSpec], maxGroups: Int = Self.defaultMaxGroups) {
        self.maxGroups = maxGroups
        var contexts: [String: WorklistFeedContext] = [:]
        for feed in feeds { contexts[feed.name] = WorklistFeedContext(feed) }
        self.feeds = contexts
        self.contracts = ContractDirectory(contracts)
    }

    /// Counts the record's error findings that a vendor can fix by resending data.
    mutating func add(_ record: ValidatedRecord, feed: String) {
        guard record.isRejected, let context = feeds[feed] else { return }
        let period = context.period(of: record, contracts: contracts)
        for finding in record.findings where finding.severity == .error {
            let problem = WorklistItem.Problem(ruleID: finding.ruleID, hasField: finding.field != nil)
            let label = context.label(of: finding, in: record)
            var key = Key(vendor: record.vendor, feed: feed, period: period, field: label, problem: problem)
            var index = groups.index(forKey: key)
            if index == nil && groups.count >= maxGroups {
                key = Key(vendor: record.vendor, feed: feed, period: period, field: Self.otherFields, problem: problem)
                index = groups.index(forKey: key)
            }
            // Updated in place through the dictionary's values, one hash per finding, and the
            // example made only when it is kept. (Measured in a debug build: updating through
            // `groups[key, default: …]` as an inout argument took 17 s for 10 000 distinct groups,
            // quadratic; the earlier take-out-and-put-back 0.2 s but three hashes per finding.)
            if let index {
                groups.values[index].count += 1
                if groups.values[index].examples.count < Self.examplesPerGroup {
                    groups.values[index].examples.append(WorklistExample(finding, maxValueLength: Self.maxValueLength))
                }
            } else {
                let example = WorklistExample(finding, maxValueLength: Self.maxValueLength)
                groups[key] = Group(count: 1, examples: [example], order: groups.count)
            }
        }
    }

    /// The groups as worklist items, by vendor, feed and period, then in the order first seen.
    var items: [WorklistItem] {
        groups.sorted { lhs, rhs in
            (lhs.key.vendor, lhs.key.feed, lhs.key.period, lhs.value.order)
                < (rhs.key.vendor, rhs.key.feed, rhs.key.period, rhs.value.order)
        }.map { key, group in
            WorklistItem(
                vendor: key.vendor, feed: key.feed, period: key.period, problem: key.problem, field: key.field,
                count: group.count, examples: group.examples)
        }
    }
}

/// What the worklist needs to know about a feed to place a record: which field gives its
/// period, and (long KPI layouts) which field names the KPI a value belongs to.
struct WorklistFeedContext {
    private let periodIndex: Int?
    private let contract: String?
    private let kpiNameIndex: Int?
    private let kpiValueField: String?

    init(_ feed: FeedSpec) {
        func index(_ name: String) -> Int? { feed.fields.firstIndex { $0.name == name } }
        contract = feed.kpi?.contract
        switch feed.kpi?.layout {
        case .long(let period, let kpi, let value, _)?:
            periodIndex = index(period)
            kpiNameIndex = index(kpi)
            kpiValueField = value
        case .wide(let period, _)?:
            periodIndex = index(period)
            kpiNameIndex = nil
            kpiValueField = nil
        case .records(let time, _, _)?:
            periodIndex = index(time)
            kpiNameIndex = nil
            kpiValueField = nil
        case nil:
            periodIndex = feed.fields.firstIndex { $0.kind == .date || $0.kind == .timestamp }
            kpiNameIndex = nil
            kpiValueField = nil
        }
    }

    /// The record's reporting period (`2026-10`, `2026-W43`) by its contract, the calendar month
    /// without one, or empty when its date is missing or invalid.
    func period(of record: ValidatedRecord, contracts: ContractDirectory) -> String {
        guard let periodIndex, periodIndex < record.values.count else { return "" }
        let written: CivilDate
        var stamp: CivilDateTime?
        switch record.values[periodIndex] {
        case .date(let date)?: written = date
        case .timestamp(let value)?:
            written = value.date
            stamp = value
        default: return ""
        }
        guard case .success(let contract) = contracts.contract(vendor: record.vendor, on: written, id: contract) else {
            return PeriodKey.containing(written, length: .month).label
        }
        let day = stamp.flatMap { LocalDate.of($0, timeZone: contract.timeZone) } ?? written
        return PeriodKey.containing(day, length: contract.period).label
    }

    /// What the vendor calls the value: the KPI named on the row for a long layout's value
    /// field, else the column header as the vendor wrote it, else the field name.
    func label(of finding: Finding, in record: ValidatedRecord) -> String {
        if let kpiValueField, finding.field == kpiValueField, let kpiNameIndex, kpiNameIndex < record.values.count,
            let name = record.rawValue(at: kpiNameIndex)?.trimmingCharacters(in: .whitespaces), !name.isEmpty
        {
            return name
        }
        if let header = finding.location.field { return header }
        // KPI findings carry the column but not its header: take it from the record.
        if let column = finding.location.column, column >= 1, column <= record.raw.fields.count {
            return record.raw.fields[column - 1].key
        }
        return finding.field ?? ""
    }
}
