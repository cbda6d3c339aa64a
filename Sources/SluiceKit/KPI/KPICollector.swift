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
    }

    let rules: RuleSet
    let asOf: CivilDate
    private let contracts: ContractDirectory
    /// Each feed's KPI spec and compiled layout, in a class: looked up per record, and a tuple of
    /// the two structs was copied (retaining every field) each time — 7 % of `observe` in a perf
    /// profile of 100k records.
    private final class CompiledFeed {
        let spec: FeedKPISpec
        let layout: KPIFeedLayout

        init(spec: FeedKPISpec, layout: KPIFeedLayout) {
            self.spec = spec
            self.layout = layout
        }
    }

    private var layouts: [String: CompiledFeed] = [:]
    /// The receipt date of the file being read: `InboxFile.receivedOn` goes through Foundation's
    /// calendar on every call (20 % of `observe` in the same profile); a file's date does not change.
    private var receivedOnCache: (file: String, date: CivilDate)?
    /// The contracts of each vendor name as records write it (see `contract(for:…)`).
    private var candidatesByVendor: [String: [ContractSpec]] = [:]
    private let kpiByName: [String: KPISpec]
    private(set) var reported: [KPIObservation] = []
    private(set) var groups: [String: [KPIKey: Group]] = [:]
    /// Record-level groups of the file being read, by feed; `finishFile()` merges them into
    /// `groups`. Kept per file so the store can keep each file's partial states.
    private(set) var fileGroups: [String: [KPIKey: Group]] = [:]
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
        fileGroups = [:]
        received = snapshot.received
        quality = snapshot.quality
    }

    /// Counts a record (accepted or rejected) for the data-quality score of its vendor and feed.
    func count(_ record: ValidatedRecord, feed: FeedSpec) {
        var errors = 0
        for finding in record.findings where finding.severity == .error { errors += 1 }
        // One in-place update per record: this runs for every record of every feed.
        quality[QualityKey(vendor: record.vendor, feed: feed.name), default: Quality()].add(
            dataPoints: feed.fields.count, errors: errors)
    }

    /// Turns an accepted record into KPI observations or aggregates; a record whose KPI part is
    /// wrong (an unknown KPI name, a future period) gets an error finding and is rejected.
    func observe(_ record: inout ValidatedRecord, feed: FeedSpec, file: InboxFile) {
        guard !record.isRejected, let compiled = layouts[feed.name] else { return }
        switch compiled.layout {
        case .long(let periodIndex, let nameIndex, let valueIndex, let parsers):
            guard case .date(let date)? = record.values[periodIndex],
                let contract = contract(
                    for: &record, feed: feed, spec: compiled.spec, date: date, field: periodIndex, file: file)
            else { return }
            let name = record.values[nameIndex]?.cleanText ?? record.rawValue(at: nameIndex) ?? ""
            guard let kpi = kpiByName[HeaderKey.of(name)] else {
                let known = rules.kpis.map(\.id).joined(separator: ", ")
                add(
                    &record, file: file, feed: feed, field: nameIndex, rule: "unknown-kpi",
                    "KPI '\(name)' is not in the catalogue (\(known))",
                    "add it to a KPI's aliases if it is one of these, or declare a new KPI")
                return
            }
            guard let parser = parsers[kpi.unit] else { return }
            switch parser.normalise(record.rawValue(at: valueIndex) ?? "") {
            case .value(let value):
                guard let number = value.kpiNumber else { return }
                let period = PeriodKey.containing(date, length: contract.period)
                reportedValue(
                    number, kpi: kpi.id, period: period, contract: contract, record: record, feed: feed, file: file,
                    field: valueIndex)
            case .null:
                break
            case .invalid(let problem):
                add(
                    &record, file: file, feed: feed, field: valueIndex, rule: problem.ruleID,
                    "KPI '\(kpi.id)' (\(kpi.unit.rawValue)): \(problem.message)", problem.hint)
            }
        case .wide(let periodIndex, let columns):
            guard case .date(let date)? = record.values[periodIndex],
                let contract = contract(
                    for: &record, feed: feed, spec: compiled.spec, date: date, field: periodIndex, file: file)
            else { return }
            let period = PeriodKey.containing(date, length: contract.period)
            for (index, kpi) in columns {
                guard let number = record.values[index]?.kpiNumber else { continue }
                reportedValue(
                    number, kpi: kpi, period: period, contract: contract, record: record, feed: feed, file: file,
                    field: index)
            }
        case .records(let timeIndex, let dimensions, let derivations):
            let writtenDate: CivilDate
            var localDate: CivilDate?
            switch record.values[timeIndex] {
            case .date(let date)?:
                writtenDate = date
                localDate = date
            case .timestamp(let stamp)?:
                writtenDate = stamp.date
            default: return
            }
            // A feed without a contract (`contract: none`) is evaluated per vendor and period as
            // it comes: no contract dates, no as-of check, no submissions.
            let contract: ContractSpec
            if compiled.spec.withoutContract {
                contract = OpenContract.shared
                if case .timestamp(let stamp)? = record.values[timeIndex] {
                    // Without an offset the stamp is local time already; no zone lookup per record.
                    localDate =
                        stamp.utcOffsetSeconds == nil
                        ? stamp.date : LocalDate.of(stamp, timeZone: compiled.spec.timeZone)
                }
            } else {
                guard
                    let found = self.contract(
                        for: &record, feed: feed, spec: compiled.spec, date: writtenDate, field: timeIndex, file: file)
                else { return }
                contract = found
                if case .timestamp(let stamp)? = record.values[timeIndex] {
                    localDate = LocalDate.of(stamp, timeZone: contract.timeZone)
                }
            }
            guard let day = localDate else { return }
            let period = PeriodKey.containing(
                day, length: compiled.spec.withoutContract ? compiled.spec.period : contract.period)
            var dimensionKeys = [""]
            for (index, name) in dimensions {
                dimensionKeys.append("\(name)=\(record.values[index]?.cleanText ?? "")")
            }
            for dimension in dimensionKeys {
                let key = KPIKey(
                    vendor: record.vendor, contract: contract.id, period: period, kpi: "", dimension: dimension)
                // Updated in place: copying the group out and back would copy its aggregate
                // states (percentile counts included) on every record.
                let dayOfPeriod = day.daysSinceEpoch - period.start.daysSinceEpoch + 1
                // The default is an autoclosure: new states are made only for a new group.
                update(
                    &fileGroups[feed.name, default: [:]][
                        key, default: Group(states: derivations.map { $0.plan.makeState() })]
                ) {
                    group in
                    for (offset, derivation) in derivations.enumerated() {
                        derivation.plan.add(record.values, to: &group.states[offset])
                    }
                    group.records += 1
                    group.days.insert(dayOfPeriod)
                    if !group.files.contains(file.displayPath) { group.files.append(file.displayPath) }
                }
            }
            if !compiled.spec.withoutContract {
                noteReceived(feed: feed, vendor: record.vendor, contract: contract, period: period, file: file)
            }
        }
    }

    /// Ends a file: its record-level groups join the run's. Returns them, by feed.
    @discardableResult
    func finishFile() -> [String: [KPIKey: Group]] {
        let finished = fileGroups
        fileGroups = [:]
        for (feed, byKey) in finished {
            for (key, group) in byKey { merge(group, feed: feed, key: key) }
        }
        return finished
    }

    /// Adds a group's states to the run's (a finished file's, or one read back from the store).
    func merge(_ group: Group, feed: String, key: KPIKey) {
        guard var existing = groups[feed]?[key] else {
            groups[feed, default: [:]][key] = group
            return
        }
        for offset in existing.states.indices { existing.states[offset].merge(group.states[offset]) }
        existing.records += group.records
        existing.days.formUnion(group.days)
        for file in group.files where !existing.files.contains(file) { existing.files.append(file) }
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

    private func update(_ group: inout Group, _ body: (inout Group) -> Void) {
        body(&group)
    }

    private func reportedValue(
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

    private func noteReceived(
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

    /// The contract for a record's vendor and date, or a finding on the record.
    private func contract(
        for record: inout ValidatedRecord, feed: FeedSpec, spec: FeedKPISpec, date: CivilDate, field: Int,
        file: InboxFile
    ) -> ContractSpec? {
        if date > asOf {
            add(
                &record, file: file, feed: feed, field: field, rule: "future-period",
                "the period of '\(date)' is after the run's as-of date \(asOf)",
                "check the date; run with --as-of to evaluate an earlier day")
            return nil
        }
        // The vendor's candidates by the name as written: matching it like a header
        // (`HeaderKey.of`) for every record was a quarter of `observe` in a perf profile.
        let candidates: [ContractSpec]
        if spec.contract == nil, let known = candidatesByVendor[record.vendor] {
            candidates = known
        } else {
            candidates = contracts.candidates(vendor: record.vendor, id: spec.contract)
            if spec.contract == nil { candidatesByVendor[record.vendor] = candidates }
        }
        switch ContractDirectory.contract(among: candidates, on: date) {
        case .success(let contract):
            return contract
        case .failure(.noContract):
            add(
                &record, file: file, feed: feed, field: field, rule: "no-contract", severity: .warning,
                "vendor '\(record.vendor)' has no contract in the rules; its KPIs are not evaluated",
                "declare a contract for '\(record.vendor)' under 'contracts:'")
            return nil
        case .failure(.outside(let candidates)):
            let spans = candidates.map { "\($0.id) \($0.start)…\($0.end)" }.joined(separator: ", ")
            add(
                &record, file: file, feed: feed, field: field, rule: "outside-contract",
                "'\(date)' is outside the dates of the vendor's contracts (\(spans))",
                "check the date, or the contract's start and end")
            return nil
        }
    }

    private func add(
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
