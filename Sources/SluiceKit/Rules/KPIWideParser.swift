import Yams

/// Reads `settings: kpi-wide: { file, columns }`. Column names are checked against the KPI
/// catalogue once every rules file is read (`RuleSetValidator`).
struct KPIWideParser {
    static let keys = ["file", "columns"]
    static let columnKeys = ["column", "as"]

    let reader: YAMLReader

    func parse(_ node: Node, key: Node, layout: KPIOutputLayout) -> KPIWideSpec {
        var spec = KPIWideSpec()
        guard let entries = reader.mapping(node, "kpi-wide", allowed: Self.keys) else { return spec }
        if let value = entries["file"]?.value, let file = reader.string(value, "file") {
            if let problem = problem(with: file, layout: layout) {
                reader.fail(value, problem)
            } else {
                spec.file = file
                spec.fileDeclaredAt = reader.location(of: value)
            }
        }
        if let value = entries["columns"]?.value {
            guard let sequence = value.sequence, !sequence.isEmpty else {
                reader.fail(value, "'columns' must list the wide table's columns, such as '[vendor, period, aht]'")
                return spec
            }
            spec.columns = sequence.compactMap(column)
        }
        if layout == .long {
            reader.fail(
                key, "'kpi-wide' needs 'kpi-layout: wide' or 'both'; the long layout writes no wide table")
        }
        return spec
    }

    /// `vendor`, or `{ column: vendor, as: vendor_id }`.
    private func column(_ node: Node) -> KPIWideSpec.Column? {
        if node.scalar != nil {
            guard let name = reader.string(node, "column") else { return nil }
            return KPIWideSpec.Column(column: name, declaredAt: reader.location(of: node))
        }
        guard let entries = reader.mapping(node, "a kpi-wide column", allowed: Self.columnKeys),
            let nameNode = reader.requireKey("column", in: entries, of: node, "a kpi-wide column"),
            let name = reader.string(nameNode, "column")
        else { return nil }
        let header = entries["as"].flatMap { reader.string($0.value, "as") }
        return KPIWideSpec.Column(column: name, header: header, declaredAt: reader.location(of: nameNode))
    }

    /// Why `file` cannot be the wide table's file: it must be a `.csv` name in the run folder
    /// (and the outbox), not another output; `kpi.csv` only when the long table is not written.
    private func problem(with file: String, layout: KPIOutputLayout) -> String? {
        if file.contains("/") || file.contains("\\") || file.hasPrefix(".") || file.count <= 4
            || !file.lowercased().hasSuffix(".csv")
        {
            return "file must be a .csv file name such as 'kpi-daily.csv', not '\(file)'"
        }
        let lowered = file.lowercased()
        if lowered == "kpi.csv" {
            return layout == .wide
                ? nil : "file 'kpi.csv' is the long KPI table; it can be the wide table's only with 'kpi-layout: wide'"
        }
        if lowered != KPIWideSpec.defaultFile, CleanOutputSpec.reservedFiles.contains(lowered) {
            return "file '\(file)' is another output of the run; choose another name"
        }
        return nil
    }
}
