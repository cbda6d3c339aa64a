import Foundation

/// Gathers KPI observations while records stream through a run: reported values from long
/// and wide layouts, running aggregates for record-level feeds, what each vendor submitted,
/// and the data-quality counts. Its state is compact: aggregates and counters, never records.
final class KPICollector {
    /// Running state of one record-level group: vendor × contract × period (× dimension).
    struct Group {
        var states: [AggregateState]
        var records = 0
        /// Days of the period (1-based day of period) that had records.
        var days: Set<Int> = []
        var files: [String] = []

        /// Adds another group's records of the same derivations.
        mutating func add(_ other: Group) {
            for offset in states.indices { states[offset].merge(other.states[offset]) }
            records += other.records
            days.formUnion(other.days)
            for file in other.files where !files.contains(file) { files.append(file) }
        }
    }

    /// Data points and errors of one vendor in one feed.
    struct Quality {
        var records = 0
        var dataPoints = 0
        var errors = 0

        mutating func add(dataPoints points: Int, errors found: Int) {
            records += 1
            dataPoints += points
            errors += found
        }

        mutating func add(_ other: Quality) {
            records += other.records
            dataPoints += other.dataPoints
            errors += other.errors
        }
    }

    let rules: RuleSet
    let asOf: CivilDate
    let contracts: ContractDirectory
    /// Each feed's KPI spec and compiled layout, in a class shared by the feed's file collectors;
    /// for record-level feeds the time field, dimensions and derivation plans taken out of the
    /// layout once, so a record reads them without copying the layout.
    final class CompiledFeed {
        let spec: FeedKPISpec
        let layout: KPIFeedLayout
        /// A record-level layout (`records`): what most records of a run go through.
        let recordLevel: Bool
        let time: Int
        let dimensions: [(index: Int, name: String)]
        let plans: [DerivationPlan]
        /// The plans' steps, for the per-record loop, unretained: `plans` keeps them alive as long
        /// as this feed, and a step used through `_withUnsafeGuaranteedRef` is not retained and
        /// released per record (callgrind, 20k records: 40 instructions a step and record, a fifth
        /// of the loop; an `unowned(unsafe)` local still retained).
        let steps: [Unmanaged<DerivationPlan.Step>]

        init(spec: FeedKPISpec, layout: KPIFeedLayout) {
            self.spec = spec
            self.layout = layout
            if case .records(let time, let dimensions, let derivations) = layout {
                recordLevel = true
                self.time = time
                self.dimensions = dimensions
                plans = derivations.map(\.plan)
            } else {
                recordLevel = false
                time = 0
                dimensions = []
                plans = []
            }
            steps = plans.map { Unmanaged.passUnretained($0.step) }
        }
    }

    private var layouts: [String: CompiledFeed] = [:]
    /// The receipt date of the file being read: `InboxFile.receivedOn` goes through Foundation's
    /// calendar on every call (20 % of the per-record KPI work in a perf profile); a file's date does not change.
    private var receivedOnCache: (file: String, date: CivilDate)?
    /// The file being read (``beginFile(feed:file:)``).
    private var current: KPIFileCollector?
    private let kpiByName: [String: KPISpec]
    private(set) var reported: [KPIObservation] = []
    private(set) var groups: [String: [KPIKey: Group]] = [:]
    /// Feed → vendor → period label → the earliest file date and the files.
    private(set) var received: [SubmissionKey: (date: CivilDate, files: [String])] = [:]
    private(set) var quality: [QualityKey: Quality] = [:]

    struct SubmissionKey: Hashable {
        let feed: String
        let vendor: String
        let contract: String
        let period: PeriodKey
    }

    struct QualityKey: Hashable, Comparable {
        let vendor: String
        let feed: String

        static func < (lhs: QualityKey, rhs: QualityKey) -> Bool { (lhs.vendor, lhs.feed) < (rhs.vendor, rhs.feed) }
    }

    init(rules: RuleSet, asOf: CivilDate) throws(RulesErrors) {
        self.rules = rules
        self.asOf = asOf
        contracts = ContractDirectory(rules.contracts)
        var names: [String: KPISpec] = [:]
        for kpi in rules.kpis {
            for name in [kpi.id, kpi.name] + kpi.aliases where names[HeaderKey.of(name)] == nil {
                names[HeaderKey.of(name)] = kpi
            }
        }
        kpiByName = names
        for feed in rules.feeds {
            guard let spec = feed.kpi else { continue }
            layouts[feed.name] = CompiledFeed(spec: spec, layout: try KPIFeedLayout(feed: feed, spec: spec))
        }
    }

    /// Everything the collector holds, to restore when a file is withdrawn half-way.
    struct Snapshot {
        fileprivate let reported: Int
        fileprivate let groups: [String: [KPIKey: Group]]
        fileprivate let received: [SubmissionKey: (date: CivilDate, files: [String])]
        fileprivate let quality: [QualityKey: Quality]
    }

    /// The state before a file; compact, so copying it per file is cheap.
    var snapshot: Snapshot {
        Snapshot(reported: reported.count, groups: groups, received: received, quality: quality)
    }

    /// Forgets what a withdrawn file contributed.
    func restore(_ snapshot: Snapshot) {
        reported.removeLast(reported.count - snapshot.reported)
        groups = snapshot.groups
        current = nil
        received = snapshot.received
        quality = snapshot.quality
    }

    /// Starts a file of `feed`: its records go through the returned collector (once per record,
    /// ``KPIFileCollector/take(_:)``), and ``finishFile()`` adds what they gave to the run's.
    func beginFile(feed: FeedSpec, file: InboxFile) -> KPIFileCollector {
        if current != nil { finishFile() }
        let collector = KPIFileCollector(run: self, feed: feed, file: file, compiled: layouts[feed.name])
        current = collector
        return collector
    }

    /// Ends a file: its record-level groups join the run's, and its quality counts. Returns the
    /// groups, by feed.
    @discardableResult
    func finishFile() -> [String: [KPIKey: Group]] {
        guard let file = current else { return [:] }
        current = nil
        let byKey = file.finish()
        guard !byKey.isEmpty else { return [:] }
        for (key, group) in byKey { merge(group, feed: file.feed.name, key: key) }
        return [file.feed.name: byKey]
    }

    /// The catalogue's KPI a record names by id, name or alias, matched like a header.
    func kpi(named name: String) -> KPISpec? {
        kpiByName[HeaderKey.of(name)]
    }

    /// Adds a file's quality counts of one vendor.
    func addQuality(_ counts: Quality, vendor: String, feed: String) {
        quality[QualityKey(vendor: vendor, feed: feed), default: Quality()].add(counts)
    }

    /// Adds a group's states to the run's (a finished file's, or one read back from the store).
    func merge(_ group: Group, feed: String, key: KPIKey) {
        guard var existing = groups[feed]?[key] else {
            groups[feed, default: [:]][key] = group
            return
        }
        existing.add(group)
        groups[feed]![key] = existing
    }

    /// Adds a KPI value reported in an earlier run (read back from the store).
    func seed(reported observation: KPIObservation) {
        reported.append(observation)
    }

    /// Adds a receipt of an earlier run, so submissions are judged against every file received.
    func seed(receipt key: SubmissionKey, on date: CivilDate, file: String) {
        let day = min(date, asOf)
        if var entry = received[key] {
            if !entry.files.contains(file) { entry.files.append(file) }
            entry.date = min(entry.date, day)
            received[key] = entry
        } else {
            received[key] = (day, [file])
        }
    }

    func reportedValue(
        _ number: ExactDecimal, kpi: String, period: PeriodKey, contract: ContractSpec, record: ValidatedRecord,
        feed: FeedSpec, file: InboxFile, field: Int
    ) {
        let key = KPIKey(vendor: record.vendor, contract: contract.id, period: period, kpi: kpi, dimension: "")
        var location = SourceLocation(file: file.displayPath, line: record.raw.line, record: record.raw.number)
        location.column = record.column(at: field)
        reported.append(
            KPIObservation(
                key: key, value: ExactRatio(number), source: .reported,
                evidence: "\(file.displayPath):\(record.raw.line)",
                location: location, feed: feed.name))
        noteReceived(feed: feed, vendor: record.vendor, contract: contract, period: period, file: file)
    }

    func noteReceived(
        feed: FeedSpec, vendor: String, contract: ContractSpec, period: PeriodKey, file: InboxFile
    ) {
        let key = SubmissionKey(feed: feed.name, vendor: vendor, contract: contract.id, period: period)
        // A run evaluating an earlier day (--as-of) cannot have received a file after it.
        let date: CivilDate
        if let cached = receivedOnCache, cached.file == file.displayPath {
            date = cached.date
        } else {
            date = min(file.receivedOn, asOf)
            receivedOnCache = (file.displayPath, date)
        }
        if var entry = received[key] {
            if !entry.files.contains(file.displayPath) { entry.files.append(file.displayPath) }
            entry.date = min(entry.date, date)
            received[key] = entry
        } else {
            received[key] = (date, [file.displayPath])
        }
    }

    /// Adds a finding about `field` to a record.
    func add(
        _ record: inout ValidatedRecord, file: InboxFile, feed: FeedSpec, field: Int, rule: String,
        severity: Severity = .error,
        _ message: String, _ hint: String?
    ) {
        var location = SourceLocation(file: file.displayPath, line: record.raw.line, record: record.raw.number)
        location.column = record.column(at: field)
        record.findings.append(
            Finding(
                severity: severity, ruleID: rule, feed: feed.name, vendor: record.vendor, location: location,
                field: feed.fields[field].name, rawValue: record.rawValue(at: field), message: message, hint: hint))
    }
}
