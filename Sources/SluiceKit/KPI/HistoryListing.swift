/// One value a vendor's KPI had for a period, as the store keeps it: who sent it, which run
/// published it, and — when a resubmission replaced it — what replaced it.
public struct HistoryEntry: Sendable, Hashable {
    /// What replaced a superseded value.
    public struct Replacement: Sendable, Hashable {
        /// The replacing value; nil when the resubmission has none.
        public var value: ExactRatio?
        /// The replacing file (`file:line`, or the file).
        public var source: String
        /// The run that published the replacement.
        public var run: String

        /// Creates a replacement.
        public init(value: ExactRatio?, source: String, run: String) {
            self.value = value
            self.source = source
            self.run = run
        }
    }

    public var period: PeriodKey
    public var contract: String
    /// `queue=Billing`, or empty for the whole period.
    public var dimension: String
    public var value: ExactRatio
    /// `Inbox/acme.csv:4`, or `12 of 14 records in Inbox/x.csv` for derived values.
    public var source: String
    /// The run that published it.
    public var run: String
    /// Nil while it is the current value.
    public var replacedBy: Replacement?

    /// Creates an entry.
    public init(
        period: PeriodKey, contract: String, dimension: String = "", value: ExactRatio, source: String, run: String,
        replacedBy: Replacement? = nil
    ) {
        self.period = period
        self.contract = contract
        self.dimension = dimension
        self.value = value
        self.source = source
        self.run = run
        self.replacedBy = replacedBy
    }
}

/// Renders `sluice history`: per KPI, its values over time with target, status, source and
/// run, superseded values marked with what replaced them. Targets and statuses come from the
/// rules' contracts, so a renegotiated target shows from the period it applies to.
enum HistoryListing {
    static func render(vendor: String, kpi: KPISpec, entries: [HistoryEntry], contracts: [ContractSpec]) -> String {
        let direction = kpi.direction == .higher ? "higher is better" : "lower is better"
        let lines = ["\(vendor) \(kpi.id) (\(kpi.name), \(kpi.unit.rawValue), \(direction))"]
        guard !entries.isEmpty else { return (lines + ["  no values"]).joined(separator: "\n") }
        var table = [["period", "contract", "value", "target", "status", "source", "run", "replaced by"]]
        let byContract = Dictionary(contracts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in entries.sorted(by: order) {
            let target =
                byContract[entry.contract].flatMap {
                    SLAEvaluator.target(for: kpi.id, period: entry.period, in: $0)
                } ?? kpi.defaultTarget
            let status = target.map { SLAEvaluator.status(actual: entry.value, target: $0, direction: kpi.direction) }
            let period = entry.dimension.isEmpty ? entry.period.label : "\(entry.period.label) \(entry.dimension)"
            let replaced = entry.replacedBy.map { replacement in
                let value = replacement.value.map { show($0, kpi) } ?? "no value"
                return "\(value) from \(replacement.source) (run \(replacement.run))"
            }
            table.append([
                period, entry.contract, show(entry.value, kpi), target.map { "\($0.target)" } ?? "",
                entry.replacedBy == nil ? (status?.rawValue ?? "") : "superseded", entry.source, entry.run,
                replaced ?? "",
            ])
        }
        return (lines + aligned(table)).joined(separator: "\n")
    }

    /// By period, the whole period before its breakdowns, and older (superseded) values first.
    private static func order(_ lhs: HistoryEntry, _ rhs: HistoryEntry) -> Bool {
        if lhs.period != rhs.period { return lhs.period < rhs.period }
        if lhs.dimension != rhs.dimension { return lhs.dimension < rhs.dimension }
        if (lhs.replacedBy == nil) != (rhs.replacedBy == nil) { return lhs.replacedBy != nil }
        return lhs.run < rhs.run
    }

    /// Columns padded to their widest cell, two spaces apart, no trailing blanks.
    static func aligned(_ rows: [[String]]) -> [String] {
        var widths = [Int](repeating: 0, count: rows.map(\.count).max() ?? 0)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                line += cell
                if index < row.count - 1 { line += String(repeating: " ", count: widths[index] + 2 - cell.count) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return "  " + line
        }
    }

    /// The value rounded to the KPI's decimals, as outputs show it.
    static func show(_ value: ExactRatio, _ kpi: KPISpec) -> String {
        value.rounded(decimals: kpi.decimals).description
    }
}
