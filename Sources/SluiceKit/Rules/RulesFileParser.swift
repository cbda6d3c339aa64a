import Yams

/// Turns one rules file's YAML tree into feeds and settings, reporting every problem.
struct RulesFileParser {
    /// What one file declares.
    struct Parsed {
        var feeds: [FeedSpec] = []
        var settings: RunSettings?
        var settingsNode: Node?
        var kpis: [KPISpec] = []
        var contracts: [ContractSpec] = []
    }

    static let topKeys = ["feeds", "settings", "kpis", "contracts"]
    static let settingsKeys = [
        "max-error-findings", "stderr-findings", "kpi-layout", "settle-seconds", "pii-key-file", "exceptions-columns",
        "excel-safe-csv", "kpi-wide",
    ]

    let reader: YAMLReader

    func parse(_ document: Node) -> Parsed {
        var parsed = Parsed()
        guard let top = reader.mapping(document, "a rules file", allowed: Self.topKeys) else { return parsed }
        if let node = top["settings"]?.value {
            parsed.settings = settings(node)
            parsed.settingsNode = top["settings"]?.key
        }
        let catalogue = KPICatalogParser(reader: reader)
        if let node = top["kpis"]?.value { parsed.kpis = catalogue.kpis(node) }
        if let node = top["contracts"]?.value { parsed.contracts = catalogue.contracts(node) }
        if let node = top["feeds"]?.value {
            guard let sequence = node.sequence else {
                reader.fail(node, "'feeds' must be a list of feeds (each item starting with '- name:')")
                return parsed
            }
            let feedParser = FeedSpecParser(reader: reader)
            parsed.feeds = sequence.compactMap { feedParser.parse($0) }
        }
        return parsed
    }

    private func settings(_ node: Node) -> RunSettings? {
        guard let entries = reader.mapping(node, "settings", allowed: Self.settingsKeys) else { return nil }
        var settings = RunSettings()
        if let value = entries["max-error-findings"]?.value {
            settings.maxErrorFindings = reader.int(value, "max-error-findings")
        }
        if let value = entries["stderr-findings"]?.value, let limit = reader.int(value, "stderr-findings") {
            settings.stderrFindingLimit = limit
        }
        if let value = entries["settle-seconds"]?.value {
            settings.settleSeconds = reader.int(value, "settle-seconds") ?? 0
        }
        if let value = entries["pii-key-file"]?.value, let path = reader.string(value, "pii-key-file") {
            settings.piiKeyFile = path
            settings.piiKeyFileDeclaredAt = reader.location(of: value)
        }
        if let value = entries["kpi-layout"]?.value {
            settings.kpiLayout = reader.choice(value, "kpi-layout", as: KPIOutputLayout.self) ?? .long
        }
        if let value = entries["exceptions-columns"]?.value { settings.exceptionsColumns = exceptionsColumns(value) }
        if let value = entries["excel-safe-csv"]?.value {
            settings.excelSafeCSV = reader.bool(value, "excel-safe-csv") ?? true
        }
        if let entry = entries["kpi-wide"] {
            settings.kpiWide = KPIWideParser(reader: reader).parse(
                entry.value, key: entry.key, layout: settings.kpiLayout)
        }
        return settings
    }

    private func exceptionsColumns(_ node: Node) -> [String]? {
        guard let names = reader.strings(node, "exceptions-columns") else { return nil }
        let known = ExceptionsWriter.columns
        var seen: Set<String> = []
        for (name, item) in zip(names, node.sequence.map(Array.init) ?? [node]) {
            if !known.contains(name) {
                reader.fail(item, "unknown exceptions column '\(name)'\(DidYouMean.clause(for: name, among: known))")
            } else if !seen.insert(name).inserted {
                reader.fail(item, "exceptions column '\(name)' is listed twice")
            }
        }
        if names.isEmpty { reader.fail(node, "'exceptions-columns' must name at least one column") }
        return names
    }
}
