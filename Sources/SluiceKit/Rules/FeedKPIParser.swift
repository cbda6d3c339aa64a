import Yams

/// Reads a feed's `kpi:` block: which layout its records have and how they become KPI
/// observations. Field names are checked here; KPI ids once the whole catalogue is loaded.
struct FeedKPIParser {
    static let keys = [
        "layout", "contract", "period", "name", "value", "unit", "columns", "time", "dimensions", "derive",
        "time-zone",
    ]
    /// The `contract:` value that evaluates a record-level feed without a contract.
    static let noContract = "none"
    static let layouts = ["long", "wide", "records"]
    static let deriveKeys = ["kpi", "count", "sum", "mean", "min", "max", "share", "ratio", "percentile", "where"]
    static let ratioKeys = ["numerator", "denominator"]
    static let percentileKeys = ["field", "p"]

    let reader: YAMLReader
    let fields: [FieldSpec]

    func parse(_ node: Node) -> FeedKPISpec? {
        guard let entries = reader.mapping(node, "kpi", allowed: Self.keys),
            let layoutNode = reader.requireKey("layout", in: entries, of: node, "kpi"),
            let layout = reader.string(layoutNode, "layout")
        else { return nil }
        var contract = entries["contract"].flatMap { reader.string($0.value, "contract") }
        let withoutContract = contract == Self.noContract
        if withoutContract { contract = nil }
        if layout.lowercased() != "records" {
            if withoutContract, let node = entries["contract"]?.value {
                reader.fail(
                    node, "'contract: none' needs 'layout: records'; long and wide layouts report a contract's KPIs")
            }
            if let entry = entries["time-zone"] {
                reader.fail(entry.key, "'time-zone' is for 'layout: records' with 'contract: none'")
            }
        }
        let parsed: KPILayout?
        switch layout.lowercased() {
        case "long":
            let period = field("period", entries, node, kinds: [.date])
            let name = field("name", entries, node, kinds: nil)
            let value = field("value", entries, node, kinds: nil)
            let unit = entries["unit"] != nil ? field("unit", entries, node, kinds: nil) : nil
            guard let period, let name, let value else { return nil }
            parsed = .long(period: period, kpi: name, value: value, unit: unit)
        case "wide":
            let period = field("period", entries, node, kinds: [.date])
            let columns = reader.requireKey("columns", in: entries, of: node, "a wide kpi layout").map(columns) ?? []
            guard let period else { return nil }
            parsed = .wide(period: period, columns: columns)
        case "records":
            let time = field("time", entries, node, kinds: [.date, .timestamp])
            let dimensions = entries["dimensions"].flatMap { reader.strings($0.value, "dimensions") } ?? []
            if let dimensionsNode = entries["dimensions"]?.value {
                for name in dimensions { checkField(name, at: dimensionsNode) }
            }
            let derivations =
                reader.requireKey("derive", in: entries, of: node, "a records kpi layout").map(derivations) ?? []
            guard let time else { return nil }
            parsed = .records(time: time, dimensions: dimensions, derivations: derivations)
        default:
            reader.fail(
                layoutNode,
                "unknown layout '\(layout)'\(DidYouMean.clause(for: layout, among: Self.layouts)) (known: long, wide, records)"
            )
            return nil
        }
        guard let parsed else { return nil }
        var spec = FeedKPISpec(layout: parsed, contract: contract, declaredAt: reader.location(of: node))
        if case .records = parsed { contractless(entries, withoutContract: withoutContract, into: &spec) }
        return spec
    }

    /// A records layout's `period:` and `time-zone:`, which only a feed without a contract has
    /// (a contract brings its own period and zone).
    private func contractless(
        _ entries: [String: YAMLReader.Entry], withoutContract: Bool, into spec: inout FeedKPISpec
    ) {
        spec.withoutContract = withoutContract
        for key in ["period", "time-zone"] {
            guard let entry = entries[key], !withoutContract else { continue }
            reader.fail(
                entry.key,
                "'\(key)' of a records kpi layout needs 'contract: none'; with a contract, the contract's \(key) applies"
            )
        }
        guard withoutContract else { return }
        if let value = entries["period"]?.value { spec.period = reader.period(value) }
        if let value = entries["time-zone"]?.value, let zone = reader.timeZone(value) { spec.timeZone = zone }
    }

    /// A field-name value that must name a declared field (of one of `kinds`, when given).
    private func field(_ key: String, _ entries: [String: YAMLReader.Entry], _ node: Node, kinds: [ValueKind]?)
        -> String?
    {
        guard let valueNode = reader.requireKey(key, in: entries, of: node, "kpi"),
            let name = reader.string(valueNode, key)
        else { return nil }
        guard let field = checkField(name, at: valueNode) else { return nil }
        if let kinds, !kinds.contains(field.kind) {
            let names = kinds.map(\.rawValue).joined(separator: " or ")
            reader.fail(valueNode, "'\(key)' must name a \(names) field; '\(name)' is \(field.kind.rawValue)")
            return nil
        }
        return name
    }

    @discardableResult
    private func checkField(_ name: String, at node: Node) -> FieldSpec? {
        if let field = fields.first(where: { $0.name == name }) { return field }
        let known = fields.map(\.name)
        reader.fail(node, "unknown field '\(name)'\(DidYouMean.clause(for: name, among: known))")
        return nil
    }

    private func columns(_ node: Node) -> [WideColumn] {
        if let sequence = node.sequence {
            return sequence.compactMap { item in
                guard let name = reader.string(item, "column"), checkField(name, at: item) != nil else { return nil }
                var column = WideColumn(field: name, kpi: name)
                column.declaredAt = reader.location(of: item)
                return column
            }
        }
        guard let mapping = node.mapping else {
            reader.fail(node, "'columns' must list the KPI fields, or map each field to its KPI id")
            return []
        }
        return mapping.compactMap { key, value in
            guard let name = reader.string(key, "column"), checkField(name, at: key) != nil,
                let kpi = reader.string(value, "KPI id")
            else { return nil }
            var column = WideColumn(field: name, kpi: kpi)
            column.declaredAt = reader.location(of: value)
            return column
        }
    }

    private func derivations(_ node: Node) -> [Derivation] {
        guard let sequence = node.sequence else {
            reader.fail(node, "'derive' must be a list of derivations such as '- { kpi: aht, mean: handle_time_s }'")
            return []
        }
        return sequence.compactMap(derivation)
    }

    private func derivation(_ node: Node) -> Derivation? {
        guard let entries = reader.mapping(node, "a derivation", allowed: Self.deriveKeys),
            let kpi = reader.requireKey("kpi", in: entries, of: node, "a derivation").flatMap({
                reader.string($0, "kpi")
            })
        else { return nil }
        let kinds = ["count", "sum", "mean", "min", "max", "share", "ratio", "percentile"].filter { entries[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first, let valueNode = entries[kind]?.value else {
            reader.fail(node, "a derivation needs exactly one of count, sum, mean, min, max, share, ratio, percentile")
            return nil
        }
        let aggregation: Aggregation?
        switch kind {
        case "count": aggregation = .count
        case "sum": aggregation = numericField(valueNode).map(Aggregation.sum)
        case "mean": aggregation = numericField(valueNode).map(Aggregation.mean)
        case "min": aggregation = numericField(valueNode).map(Aggregation.min)
        case "max": aggregation = numericField(valueNode).map(Aggregation.max)
        case "share": aggregation = condition(valueNode).map(Aggregation.share)
        case "ratio":
            guard let parts = reader.mapping(valueNode, "ratio", allowed: Self.ratioKeys),
                let top = reader.requireKey("numerator", in: parts, of: valueNode, "ratio").flatMap(numericField),
                let bottom = reader.requireKey("denominator", in: parts, of: valueNode, "ratio").flatMap(numericField)
            else { return nil }
            aggregation = .ratio(numerator: top, denominator: bottom)
        default:
            guard let parts = reader.mapping(valueNode, "percentile", allowed: Self.percentileKeys),
                let name = reader.requireKey("field", in: parts, of: valueNode, "percentile").flatMap(numericField),
                let pNode = reader.requireKey("p", in: parts, of: valueNode, "percentile"),
                let p = KPIValueText.number(pNode, reader: reader)
            else { return nil }
            guard p >= ExactDecimal(0) && p <= ExactDecimal(100) else {
                reader.fail(pNode, "p must be between 0 and 100")
                return nil
            }
            aggregation = .percentile(name, p)
        }
        let filter = entries["where"].flatMap { condition($0.value) }
        guard let aggregation else { return nil }
        var derivation = Derivation(kpi: kpi, aggregation: aggregation, filter: filter)
        derivation.declaredAt = reader.location(of: node)
        do {
            _ = try DerivationPlan(derivation, fields: fields)
        } catch {
            reader.fail(node, error.message)
            return nil
        }
        return derivation
    }

    private func numericField(_ node: Node) -> String? {
        guard let name = reader.string(node, "field"), let field = checkField(name, at: node) else { return nil }
        guard [.integer, .decimal, .percent, .duration].contains(field.kind) else {
            reader.fail(
                node,
                "'\(name)' is \(field.kind.rawValue); this aggregation needs an integer, decimal, percent or duration field"
            )
            return nil
        }
        return name
    }

    private func condition(_ node: Node) -> Condition? {
        guard let text = reader.string(node, "condition") else { return nil }
        do {
            let condition = try ConditionParser.parse(text)
            _ = try CompiledCondition(condition, fields: fields)
            return condition
        } catch {
            reader.fail(node, error.message)
            return nil
        }
    }
}
