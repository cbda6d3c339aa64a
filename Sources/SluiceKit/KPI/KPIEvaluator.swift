/// Turns what the collector gathered into the KPI dataset: resolves duplicate and
/// conflicting reports, compares reported with derived values, evaluates every expected KPI
/// against its SLA target, computes credits, and checks submissions and completeness.
struct KPIEvaluator {
    let collector: KPICollector

    private var rules: RuleSet { collector.rules }

    func evaluate() -> KPIResults {
        var results = KPIResults()
        var published: [KPIKey: (value: ExactRatio?, source: String, evidence: String, location: SourceLocation?)] = [:]
        var firstPlace: [PeriodRef: SourceLocation] = [:]
        resolveReported(into: &published, firstPlace: &firstPlace, findings: &results.findings)
        mergeDerived(into: &published, firstPlace: &firstPlace, findings: &results.findings)
        results.submissions = submissions(findings: &results.findings, firstPlace: firstPlace)
        var periods = Set(published.keys.map { PeriodRef(vendor: $0.vendor, contract: $0.contract, period: $0.period) })
        for submission in results.submissions where submission.status != .pending {
            periods.insert(
                PeriodRef(
                    vendor: submission.contract.vendor, contract: submission.contract.id, period: submission.period))
        }
        var contracts = Dictionary(rules.contracts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Feeds with `contract: none` are evaluated against the catalogue's default targets alone.
        if contracts[OpenContract.id] == nil { contracts[OpenContract.id] = OpenContract.shared }
        // Each period's published keys, grouped once (filtering all keys per period and KPI was quadratic).
        let keysByPeriod = Dictionary(grouping: published.keys, by: PeriodRef.init)
        // What does not change from one period to the next is worked out once per run or contract, not
        // per period (callgrind, 20k benchmark records: three evaluations, 372 periods each).
        let catalogue = KPICatalogue(rules)
        var targetedByContract: [String: Set<String>] = [:]
        for ref in periods.sorted() {
            guard let contract = contracts[ref.contract] else { continue }
            var breached: [String] = []
            let targeted = catalogue.targeted(by: contract, cache: &targetedByContract)
            // Per KPI observed in the period, the dimensions published for it.
            var dimensionsByKPI: [String: Set<String>] = [:]
            for key in keysByPeriod[ref] ?? [] { dimensionsByKPI[key.kpi, default: []].insert(key.dimension) }
            for kpiID in targeted.union(dimensionsByKPI.keys).sorted() {
                guard let kpi = catalogue.kpi(kpiID) else { continue }
                for dimension in KPICatalogue.sortedWithWhole(dimensionsByKPI[kpiID]) {
                    let key = KPIKey(
                        vendor: ref.vendor, contract: ref.contract, period: ref.period, kpi: kpiID, dimension: dimension
                    )
                    let entry = published[key]
                    if entry == nil && !dimension.isEmpty { continue }
                    // The contract's own target overrides the catalogue's default.
                    let target = SLAEvaluator.target(for: kpiID, period: ref.period, in: contract) ?? kpi.defaultTarget
                    if entry == nil && target == nil { continue }
                    // Derived over records that held nothing to measure (no voice contacts, no
                    // survey answers): not applicable, which is not missing data.
                    let notApplicable = entry != nil && entry?.value == nil && entry?.source == "derived"
                    let status = target.map {
                        notApplicable
                            ? .notApplicable
                            : SLAEvaluator.status(actual: entry?.value, target: $0, direction: kpi.direction)
                    }
                    // When nothing at all arrived for the period, the missing submission says it once.
                    if dimension.isEmpty, entry?.value == nil, target != nil, entry?.source != "conflict",
                        !notApplicable,
                        let place = firstPlace[ref]
                    {
                        results.findings.append(missingKPI(kpi, ref: ref, contract: contract, place: place))
                    }
                    if dimension.isEmpty, status == .breached, target?.critical == true { breached.append(kpiID) }
                    results.rows.append(
                        KPIResults.Row(
                            key: key, kpi: kpi, actual: entry?.value, target: target, status: status,
                            source: entry?.source ?? "", evidence: entry?.evidence ?? ""))
                }
            }
            if let terms = contract.credits {
                let result = CreditCalculator.credits(
                    breached: breached, terms: terms, criticalKPIs: rules.criticalKPIs(of: contract))
                results.credits.append(
                    KPIResults.Credit(
                        contract: contract, period: ref.period, breached: breached.sorted(), result: result))
            }
        }
        results.quality = collector.quality.keys.sorted().map { key in
            let counts = collector.quality[key]!
            return KPIResults.Quality(
                vendor: key.vendor, feed: key.feed, records: counts.records, dataPoints: counts.dataPoints,
                errors: counts.errors)
        }
        return results
    }

    /// Vendor × contract × period.
    struct PeriodRef: Hashable, Comparable {
        let vendor: String
        let contract: String
        let period: PeriodKey

        init(vendor: String, contract: String, period: PeriodKey) {
            self.vendor = vendor
            self.contract = contract
            self.period = period
        }

        init(_ key: KPIKey) {
            self.init(vendor: key.vendor, contract: key.contract, period: key.period)
        }

        /// By vendor and contract in byte order (as `sort` orders them, whatever the locale), then period.
        static func < (lhs: PeriodRef, rhs: PeriodRef) -> Bool {
            if lhs.vendor != rhs.vendor { return lhs.vendor.utf8.lexicographicallyPrecedes(rhs.vendor.utf8) }
            if lhs.contract != rhs.contract { return lhs.contract.utf8.lexicographicallyPrecedes(rhs.contract.utf8) }
            return lhs.period < rhs.period
        }
    }

    /// The same KPI reported twice: the same value is a warning (one kept); different values
    /// are an error and neither is published.
    private func resolveReported(
        into published:
            inout [KPIKey: (value: ExactRatio?, source: String, evidence: String, location: SourceLocation?)],
        firstPlace: inout [PeriodRef: SourceLocation], findings: inout [Finding]
    ) {
        let byKey = Dictionary(grouping: collector.reported, by: \.key)
        for key in byKey.keys.sorted() {
            let observations = byKey[key]!
            let first = observations[0]
            // Period-level findings point at the file, not at one of its KPI rows.
            if firstPlace[PeriodRef(key)] == nil {
                firstPlace[PeriodRef(key)] = SourceLocation(file: first.location.file)
            }
            let distinct = Set(observations.map(\.value))
            if distinct.count == 1 {
                for repeat_ in observations.dropFirst() {
                    findings.append(
                        finding(
                            .warning, "duplicate-kpi", at: repeat_, key: key,
                            "\(key.vendor) reports \(key.kpi) for \(key.period.label) again with the same value \(repeat_.value); first at \(first.evidence)",
                            "remove the repeated row; the value is counted once"))
                }
                published[key] = (first.value, "reported", first.evidence, first.location)
            } else {
                let all = observations.map { "\($0.value) at \($0.evidence)" }.joined(separator: ", ")
                for observation in observations.dropFirst() {
                    findings.append(
                        finding(
                            .error, "conflicting-kpi", at: observation, key: key,
                            "\(key.vendor) reports different values of \(key.kpi) for \(key.period.label): \(all)",
                            "ask the vendor which figure is right; neither is published until resolved"))
                }
                published[key] = (nil, "conflict", observations.map(\.evidence).joined(separator: "; "), first.location)
            }
        }
    }

    /// Derived values join the reported ones; where both exist they must agree within the
    /// KPI's tolerance, and the derived value (recomputed from the records) is published.
    private func mergeDerived(
        into published:
            inout [KPIKey: (value: ExactRatio?, source: String, evidence: String, location: SourceLocation?)],
        firstPlace: inout [PeriodRef: SourceLocation], findings: inout [Finding]
    ) {
        for feed in rules.feeds {
            guard case .records(_, _, let derivations)? = feed.kpi?.layout, let groups = collector.groups[feed.name]
            else { continue }
            published.reserveCapacity(published.count + groups.count * derivations.count)
            for groupKey in groups.keys.sorted() {
                let group = groups[groupKey]!
                let files = group.files.joined(separator: ", ")
                // The part of each derivation's evidence that is the group's, made once per group.
                let ofRecords = " of \(group.records) records in \(files)"
                let place = SourceLocation(file: group.files.first ?? "")
                if groupKey.dimension.isEmpty, firstPlace[PeriodRef(groupKey)] == nil {
                    firstPlace[PeriodRef(groupKey)] = place
                }
                for (offset, derivation) in derivations.enumerated() {
                    let key = KPIKey(
                        vendor: groupKey.vendor, contract: groupKey.contract, period: groupKey.period,
                        kpi: derivation.kpi,
                        dimension: groupKey.dimension)
                    let evidence = String(group.states[offset].records) + ofRecords
                    guard let value = group.states[offset].value else {
                        // Records arrived, none with anything to measure: published without a value
                        // (status n/a) unless the vendor reported one. Breakdowns are left out, as
                        // before: a chat row of a voice-only KPI says nothing.
                        if groupKey.dimension.isEmpty, published[key] == nil {
                            published[key] = (nil, "derived", evidence, nil)
                        }
                        continue
                    }
                    if let reported = published[key], reported.source == "reported", let reportedValue = reported.value
                    {
                        let tolerance = ExactRatio(rules.kpi(derivation.kpi)?.tolerance ?? ExactDecimal(0))
                        let difference = reportedValue < value ? value.minus(reportedValue) : reportedValue.minus(value)
                        if tolerance < difference {
                            let decimals = rules.kpi(derivation.kpi)?.decimals ?? 2
                            findings.append(
                                Finding(
                                    severity: .warning, ruleID: "reported-vs-derived", feed: feed.name,
                                    vendor: key.vendor,
                                    location: reported.location ?? place, field: key.kpi,
                                    rawValue: reportedValue.rounded(decimals: decimals).description,
                                    message:
                                        "\(key.vendor) reports \(key.kpi) \(reportedValue.rounded(decimals: decimals)) for \(key.period.label) (\(reported.evidence)) but its records give \(value.rounded(decimals: decimals)) (\(evidence)); tolerance \(tolerance)",
                                    hint: "ask the vendor how they computed it; the recomputed value is published"))
                        }
                    }
                    published[key] = (value, "derived", evidence, nil)
                }
                if groupKey.dimension.isEmpty {
                    findings += missingDays(group, key: groupKey, feed: feed, place: place)
                }
            }
        }
    }

    /// Days of a record-level period (up to the as-of date) with no records at all.
    private func missingDays(_ group: KPICollector.Group, key: KPIKey, feed: FeedSpec, place: SourceLocation)
        -> [Finding]
    {
        let days = key.period.days.enumerated().filter { offset, day in
            day <= collector.asOf && !group.days.contains(offset + 1)
        }
        guard !days.isEmpty else { return [] }
        let ranges = DayRanges.describe(days.map(\.element))
        return [
            Finding(
                severity: .warning, ruleID: "missing-days", feed: feed.name, vendor: key.vendor, location: place,
                message:
                    "\(key.vendor) sent no \(feed.name) records for \(days.count) day(s) of \(key.period.label): \(ranges)",
                hint: "ask the vendor whether these days are missing from the export")
        ]
    }

    private func missingKPI(_ kpi: KPISpec, ref: PeriodRef, contract: ContractSpec, place: SourceLocation) -> Finding {
        Finding(
            severity: .error, ruleID: "missing-kpi", vendor: ref.vendor, location: place, field: kpi.id,
            message: "\(ref.vendor) has no value of \(kpi.id) for \(ref.period.label)"
                + (contract.id.isEmpty ? "" : " (contract \(contract.id))"),
            hint: "ask the vendor to report \(kpi.name), or send the records it is derived from")
    }

    /// Every expected submission up to the as-of date, and what arrived for it.
    private func submissions(findings: inout [Finding], firstPlace: [PeriodRef: SourceLocation]) -> [KPIResults
        .Submission]
    {
        var rows: [KPIResults.Submission] = []
        for contract in rules.contracts {
            for expected in contract.submissions {
                for period in SubmissionSchedule.expectedPeriods(
                    contract: contract, submission: expected, asOf: collector.asOf)
                {
                    let key = KPICollector.SubmissionKey(
                        feed: expected.feed, vendor: contract.vendor, contract: contract.id, period: period)
                    let arrived = collector.received[key]
                    let status = SubmissionSchedule.status(
                        period: period, submission: expected, receivedOn: arrived?.date, asOf: collector.asOf)
                    let due = SubmissionSchedule.dueDate(for: period, submission: expected)
                    let graceUntil = CivilDate(daysSinceEpoch: due.daysSinceEpoch + expected.graceDays)
                    rows.append(
                        KPIResults.Submission(
                            contract: contract, feed: expected.feed, period: period, due: due, graceUntil: graceUntil,
                            receivedOn: arrived?.date, status: status, files: arrived?.files ?? []))
                    let declared = SourceLocation(
                        file: expected.declaredAt.file, line: expected.declaredAt.line,
                        column: expected.declaredAt.column)
                    switch status {
                    case .missing:
                        findings.append(
                            Finding(
                                severity: .error, ruleID: "missing-submission", feed: expected.feed,
                                vendor: contract.vendor,
                                location: declared,
                                message:
                                    "\(contract.vendor) has not sent the \(period.label) \(expected.feed), due \(due)",
                                hint: "chase the vendor for the file"))
                    case .late, .early:
                        let when =
                            status == .late
                            ? "after its due date \(due) and \(expected.graceDays) day(s) of grace"
                            : "before the period ended (\(period.end)); it may be partial"
                        findings.append(
                            Finding(
                                severity: .warning, ruleID: "\(status.rawValue)-submission", feed: expected.feed,
                                vendor: contract.vendor,
                                location: SourceLocation(file: arrived?.files.first ?? declared.file),
                                message:
                                    "\(contract.vendor) sent the \(period.label) \(expected.feed) on \(arrived?.date.description ?? "?"), \(when)",
                                hint: status == .late
                                    ? "note the late delivery for the vendor review"
                                    : "expect a complete resubmission after the period ends"))
                    default: break
                    }
                }
            }
        }
        return rows
    }

    private func finding(
        _ severity: Severity, _ rule: String, at observation: KPIObservation, key: KPIKey, _ message: String,
        _ hint: String
    ) -> Finding {
        Finding(
            severity: severity, ruleID: rule, feed: observation.feed, vendor: key.vendor,
            location: observation.location,
            field: key.kpi, rawValue: observation.value.description, message: message, hint: hint)
    }
}

/// `2026-10-01…2026-10-27, 2026-10-29`: consecutive days collapsed into ranges.
enum DayRanges {
    static func describe(_ days: [CivilDate]) -> String {
        var parts: [String] = []
        var start: CivilDate?
        var previous: CivilDate?
        for day in days {
            if let last = previous, day.daysSinceEpoch == last.daysSinceEpoch + 1 {
                previous = day
                continue
            }
            if let first = start, let last = previous { parts.append(first == last ? "\(first)" : "\(first)…\(last)") }
            start = day
            previous = day
        }
        if let first = start, let last = previous { parts.append(first == last ? "\(first)" : "\(first)…\(last)") }
        return parts.joined(separator: ", ")
    }
}
