import Yams

/// Reads the `kpis:` catalogue and the `contracts:` of a rules file.
struct KPICatalogParser {
    static let kpiKeys = [
        "id", "name", "description", "unit", "direction", "decimals", "aliases", "tolerance", "target", "warning",
        "critical", "history",
    ]
    static let contractKeys = [
        "id", "vendor", "description", "start", "end", "period", "time-zone", "targets", "credits", "submissions",
    ]
    static let targetKeys = ["kpi", "target", "warning", "critical", "from"]
    static let creditKeys = ["monthly-charge", "at-risk-percent", "at-risk-amount", "currency", "allocation"]
    static let submissionKeys = ["feed", "due-day", "grace-days", "from"]

    let reader: YAMLReader

    func kpis(_ node: Node) -> [KPISpec] {
        list(node, "kpis").compactMap(kpi)
    }

    func contracts(_ node: Node) -> [ContractSpec] {
        list(node, "contracts").compactMap(contract)
    }

    private func list(_ node: Node, _ what: String) -> [Node] {
        guard let sequence = node.sequence else {
            reader.fail(node, "'\(what)' must be a list (each item starting with '- id:')")
            return []
        }
        return Array(sequence)
    }

    private func kpi(_ node: Node) -> KPISpec? {
        let errorsBefore = reader.errors.count
        guard let entries = reader.mapping(node, "a KPI", allowed: Self.kpiKeys),
            let id = reader.requireKey("id", in: entries, of: node, "a KPI").flatMap({ reader.string($0, "id") })
        else { return nil }
        let what = "KPI '\(id)'"
        let unit = reader.requireKey("unit", in: entries, of: node, what).flatMap {
            reader.choice($0, "unit", as: KPIUnit.self)
        }
        let direction = reader.requireKey("direction", in: entries, of: node, what).flatMap {
            reader.choice($0, "direction", as: KPIDirection.self)
        }
        guard let unit, let direction else { return nil }
        var spec = KPISpec(id: id, name: id, unit: unit, direction: direction, declaredAt: reader.location(of: node))
        if let value = entries["name"]?.value { spec.name = reader.string(value, "name") ?? id }
        if let value = entries["decimals"]?.value { spec.decimals = reader.int(value, "decimals") ?? 2 }
        if spec.decimals > 9, let value = entries["decimals"]?.value {
            reader.fail(value, "decimals must be at most 9")
        }
        if let value = entries["aliases"]?.value { spec.aliases = reader.strings(value, "aliases") ?? [] }
        if let value = entries["tolerance"]?.value { spec.tolerance = KPIValueText.amount(value, reader: reader) }
        if let value = entries["target"]?.value, let amount = KPIValueText.amount(value, reader: reader) {
            var target = SLATarget(kpi: id, target: amount)
            target.declaredAt = reader.location(of: node)
            if let warning = entries["warning"]?.value { target.warning = KPIValueText.amount(warning, reader: reader) }
            if let critical = entries["critical"]?.value {
                target.critical = reader.bool(critical, "critical") ?? false
            }
            spec.defaultTarget = target
        } else if let key = entries["warning"]?.key ?? entries["critical"]?.key {
            reader.fail(key, "'warning' and 'critical' need a 'target' in KPI '\(id)'")
        }
        if let value = entries["history"]?.value {
            spec.history = HistorySpecParser(reader: reader).parse(value, kpi: id)
        }
        return reader.errors.count == errorsBefore ? spec : nil
    }

    private func contract(_ node: Node) -> ContractSpec? {
        let errorsBefore = reader.errors.count
        guard let entries = reader.mapping(node, "a contract", allowed: Self.contractKeys),
            let id = reader.requireKey("id", in: entries, of: node, "a contract").flatMap({ reader.string($0, "id") })
        else { return nil }
        let what = "contract '\(id)'"
        let vendor = reader.requireKey("vendor", in: entries, of: node, what).flatMap { reader.string($0, "vendor") }
        let start = reader.requireKey("start", in: entries, of: node, what).flatMap {
            KPIValueText.date($0, reader: reader)
        }
        let end = reader.requireKey("end", in: entries, of: node, what).flatMap {
            KPIValueText.date($0, reader: reader)
        }
        guard let vendor, let start, let end else { return nil }
        var contract = ContractSpec(
            id: id, vendor: vendor, start: start, end: end, declaredAt: reader.location(of: node))
        if end < start, let endNode = entries["end"]?.value {
            reader.fail(endNode, "the contract ends before it starts")
        }
        if let value = entries["period"]?.value { contract.period = reader.period(value) }
        if let value = entries["time-zone"]?.value, let zone = reader.timeZone(value) { contract.timeZone = zone }
        if let value = entries["targets"]?.value { contract.targets = targets(value) }
        if let value = entries["credits"]?.value { contract.credits = credits(value) }
        if let value = entries["submissions"]?.value { contract.submissions = submissions(value) }
        return reader.errors.count == errorsBefore ? contract : nil
    }

    private func targets(_ node: Node) -> [SLATarget] {
        list(node, "targets").compactMap { item in
            guard let entries = reader.mapping(item, "a target", allowed: Self.targetKeys),
                let kpi = reader.requireKey("kpi", in: entries, of: item, "a target").flatMap({
                    reader.string($0, "kpi")
                }),
                let targetNode = reader.requireKey("target", in: entries, of: item, "a target")
            else { return nil }
            guard let amount = KPIValueText.amount(targetNode, reader: reader) else { return nil }
            var target = SLATarget(kpi: kpi, target: amount)
            target.declaredAt = reader.location(of: item)
            if let value = entries["warning"]?.value { target.warning = KPIValueText.amount(value, reader: reader) }
            if let value = entries["critical"]?.value { target.critical = reader.bool(value, "critical") ?? false }
            if let value = entries["from"]?.value { target.effectiveFrom = KPIValueText.date(value, reader: reader) }
            return target
        }
    }

    private func credits(_ node: Node) -> CreditTerms? {
        guard let entries = reader.mapping(node, "credits", allowed: Self.creditKeys) else { return nil }
        let amount: ExactDecimal?
        if let value = entries["at-risk-amount"]?.value {
            amount = KPIValueText.number(value, reader: reader)
        } else if let charge = entries["monthly-charge"]?.value, let percent = entries["at-risk-percent"]?.value,
            let chargeValue = KPIValueText.number(charge, reader: reader),
            let percentValue = KPIValueText.number(percent, reader: reader)
        {
            amount = KPIValueText.percent(percentValue, of: chargeValue)
        } else {
            reader.fail(node, "credits need 'at-risk-amount', or 'monthly-charge' and 'at-risk-percent'")
            amount = nil
        }
        var allocation: [String: ExactDecimal] = [:]
        if let value = entries["allocation"]?.value, let mapping = value.mapping {
            for (key, share) in mapping {
                guard let kpi = reader.string(key, "allocation KPI"),
                    let percent = KPIValueText.number(share, reader: reader)
                else { continue }
                allocation[kpi] = percent
            }
        } else {
            reader.fail(entries["allocation"]?.value ?? node, "credits need an 'allocation' mapping of KPI to percent")
        }
        let currency = entries["currency"].flatMap { reader.string($0.value, "currency") } ?? "EUR"
        guard let amount else { return nil }
        return CreditTerms(atRiskAmount: amount, allocation: allocation, currency: currency)
    }

    private func submissions(_ node: Node) -> [ExpectedSubmission] {
        list(node, "submissions").compactMap { item in
            guard let entries = reader.mapping(item, "a submission", allowed: Self.submissionKeys),
                let feed = reader.requireKey("feed", in: entries, of: item, "a submission").flatMap({
                    reader.string($0, "feed")
                }),
                let due = reader.requireKey("due-day", in: entries, of: item, "a submission").flatMap({
                    reader.int($0, "due-day", minimum: 1)
                })
            else { return nil }
            var submission = ExpectedSubmission(feed: feed, dueDay: due)
            if let value = entries["grace-days"]?.value { submission.graceDays = reader.int(value, "grace-days") ?? 0 }
            if let value = entries["from"]?.value { submission.from = KPIValueText.date(value, reader: reader) }
            submission.declaredAt = reader.location(of: item)
            return submission
        }
    }
}
