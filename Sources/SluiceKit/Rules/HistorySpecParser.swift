import Yams

/// Reads a KPI's `history:` block through the rules reader (line:column errors, did-you-mean).
struct HistorySpecParser {
    static let historyKeys = ["max-change", "max-change-percent", "band-periods", "band-margin", "severity"]

    let reader: YAMLReader

    /// The history checks of KPI `kpi`, or nil (with the problems recorded) when the block is wrong.
    func parse(_ node: Node, kpi: String) -> HistorySpec? {
        let errorsBefore = reader.errors.count
        let what = "the history of KPI '\(kpi)'"
        guard let entries = reader.mapping(node, what, allowed: Self.historyKeys) else { return nil }
        var spec = HistorySpec(declaredAt: reader.location(of: node))
        if let value = entries["max-change"]?.value {
            spec.maxChange = amount(value, "max-change")
        }
        if let value = entries["max-change-percent"]?.value {
            spec.maxChangePercent = amount(value, "max-change-percent")
            if let percent = spec.maxChangePercent, percent == ExactDecimal(0) {
                reader.fail(value, "max-change-percent must be more than 0, not '\(percent)'")
            }
        }
        if let value = entries["band-periods"]?.value {
            spec.bandPeriods = reader.int(value, "band-periods", minimum: HistorySpec.minimumBandValues)
        }
        if let entry = entries["band-margin"] {
            if entries["band-periods"] == nil {
                reader.fail(entry.key, "'band-margin' needs 'band-periods' in \(what)")
            } else if let margin = amount(entry.value, "band-margin") {
                spec.bandMargin = margin
            }
        }
        if let value = entries["severity"]?.value {
            spec.severity = reader.severity(value) ?? .warning
        }
        if reader.errors.count == errorsBefore, spec.maxChange == nil, spec.maxChangePercent == nil,
            spec.bandPeriods == nil
        {
            reader.fail(node, "\(what) declares no check; give 'max-change', 'max-change-percent' or 'band-periods'")
        }
        return reader.errors.count == errorsBefore ? spec : nil
    }

    /// A threshold in the KPI's unit (`10`, `2.5%`, `00:30`), never negative.
    private func amount(_ node: Node, _ what: String) -> ExactDecimal? {
        guard let value = KPIValueText.amount(node, reader: reader) else { return nil }
        guard value.significand >= 0 else {
            reader.fail(node, "\(what) must not be negative, not '\(value)'")
            return nil
        }
        return value
    }
}
