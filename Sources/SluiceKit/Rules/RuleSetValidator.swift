/// Checks what spans rules files once all are read: every KPI, contract and feed that one
/// part names is declared somewhere, and no id is declared twice.
enum RuleSetValidator {
    static func errors(in rules: RuleSet) -> [RulesError] {
        var errors: [RulesError] = []
        func fail(_ location: RulesLocation, _ message: String) {
            errors.append(RulesError(location: location, message: message))
        }
        let kpiIDs = rules.kpis.map(\.id)
        let feedNames = rules.feeds.map(\.name)
        func checkKPI(_ id: String, at location: RulesLocation) {
            if !kpiIDs.contains(id) {
                fail(
                    location,
                    "unknown KPI '\(id)'\(DidYouMean.clause(for: id, among: kpiIDs)); declare it under 'kpis:'")
            }
        }
        for (id, duplicates) in duplicates(rules.kpis.map { ($0.id, $0.declaredAt) }) {
            for location in duplicates.dropFirst() {
                fail(location, "KPI '\(id)' is already declared at \(duplicates[0].file):\(duplicates[0].line)")
            }
        }
        for (id, duplicates) in duplicates(rules.contracts.map { ($0.id, $0.declaredAt) }) {
            for location in duplicates.dropFirst() {
                fail(location, "contract '\(id)' is already declared at \(duplicates[0].file):\(duplicates[0].line)")
            }
        }
        for contract in rules.contracts {
            var seenTargets: Set<String> = []
            for target in contract.targets {
                checkKPI(target.kpi, at: target.declaredAt)
                if !seenTargets.insert("\(target.kpi)@\(target.effectiveFrom.map { "\($0)" } ?? "start")").inserted {
                    fail(
                        target.declaredAt,
                        "KPI '\(target.kpi)' has two targets from the same date in contract '\(contract.id)'")
                }
                if let kpi = rules.kpi(target.kpi), let warning = target.warning {
                    let wrongSide = kpi.direction == .higher ? warning < target.target : warning > target.target
                    if wrongSide {
                        let side = kpi.direction == .higher ? "above" : "below"
                        fail(
                            target.declaredAt,
                            "the warning level of '\(target.kpi)' must be \(side) its target (\(kpi.direction.rawValue) is better), or it never fires"
                        )
                    }
                }
            }
            if let credits = contract.credits {
                let critical = rules.criticalKPIs(of: contract)
                for kpi in credits.allocation.keys.sorted() where !critical.contains(kpi) {
                    fail(
                        contract.declaredAt,
                        "credit allocation names '\(kpi)', which has no critical target in contract '\(contract.id)'")
                }
            }
            for submission in contract.submissions where !feedNames.contains(submission.feed) {
                fail(
                    submission.declaredAt,
                    "unknown feed '\(submission.feed)'\(DidYouMean.clause(for: submission.feed, among: feedNames))")
            }
        }
        // Feeds that share a name also share the default path; that is reported as a duplicate feed.
        let cleanPaths = rules.feeds.map {
            ($0.clean.path(feed: $0.name).lowercased(), $0.clean.declaredAt ?? $0.declaredAt)
        }
        let chosenPaths = Set(rules.feeds.compactMap { $0.clean.file?.lowercased() })
        for (path, duplicates) in duplicates(cleanPaths) where chosenPaths.contains(path) {
            for location in duplicates.dropFirst() {
                fail(
                    location,
                    "the cleaned dataset '\(path)' is already written by the feed declared at \(duplicates[0].file):\(duplicates[0].line); give each feed its own 'clean: { file: ... }'"
                )
            }
        }
        errors += wideTableErrors(in: rules)
        let contractIDs = rules.contracts.map(\.id)
        for feed in rules.feeds {
            guard let kpi = feed.kpi else { continue }
            if let contract = kpi.contract, !contractIDs.contains(contract) {
                fail(
                    kpi.declaredAt,
                    "unknown contract '\(contract)'\(DidYouMean.clause(for: contract, among: contractIDs))")
            }
            switch kpi.layout {
            case .long: break
            case .wide(_, let columns):
                for column in columns { checkKPI(column.kpi, at: column.declaredAt) }
            case .records(_, _, let derivations):
                for derivation in derivations { checkKPI(derivation.kpi, at: derivation.declaredAt) }
            }
        }
        return errors
    }

    /// `kpi-wide:` columns name key columns, KPIs or their statuses, each header once; its
    /// file is not a feed's cleaned dataset.
    private static func wideTableErrors(in rules: RuleSet) -> [RulesError] {
        var errors: [RulesError] = []
        let wide = rules.settings.kpiWide
        let known = KPIWideSpec.knownColumns(kpis: rules.kpis)
        var headers: [String: RulesLocation] = [:]
        for column in wide.columns ?? [] {
            if !known.contains(column.column) {
                let suggestion = DidYouMean.clause(for: column.column, among: known)
                errors.append(
                    RulesError(
                        location: column.declaredAt,
                        message:
                            "unknown kpi-wide column '\(column.column)'\(suggestion); use vendor, contract, period, period_start, period_end, a KPI id or '<KPI id>_status'"
                    ))
            }
            if let first = headers[column.header] {
                errors.append(
                    RulesError(
                        location: column.declaredAt,
                        message: "kpi-wide header '\(column.header)' is already used at \(first.file):\(first.line)"))
            } else {
                headers[column.header] = column.declaredAt
            }
        }
        if let location = wide.fileDeclaredAt {
            for feed in rules.feeds where feed.clean.path(feed: feed.name).lowercased() == wide.file.lowercased() {
                errors.append(
                    RulesError(
                        location: location,
                        message:
                            "file '\(wide.file)' is the cleaned dataset of feed '\(feed.name)'; choose another name"))
            }
        }
        return errors
    }

    private static func duplicates(_ items: [(String, RulesLocation)]) -> [(String, [RulesLocation])] {
        var byID: [String: [RulesLocation]] = [:]
        var order: [String] = []
        for (id, location) in items {
            if byID[id] == nil { order.append(id) }
            byID[id, default: []].append(location)
        }
        return order.compactMap { id in byID[id]!.count > 1 ? (id, byID[id]!) : nil }
    }
}
