/// The wide KPI table's file and columns (`settings: kpi-wide:`): one row per vendor ×
/// contract × period, by default `vendor, contract, period` then a value and a `_status`
/// column per KPI observed, in `kpi-wide.csv`.
public struct KPIWideSpec: Sendable, Hashable {
    /// The default file name.
    public static let defaultFile = "kpi-wide.csv"
    /// Columns naming the row's vendor, contract and period; the others are KPI ids and
    /// `<kpi id>_status`.
    public static let keyColumns = ["vendor", "contract", "period", "period_start", "period_end"]

    /// One column: what it holds and its header.
    public struct Column: Sendable, Hashable {
        /// A key column, a KPI id (its value) or `<kpi id>_status` (its status).
        public var column: String
        /// The header written (`as:`); the column's name when not given.
        public var header: String
        /// Where it is declared.
        public var declaredAt: RulesLocation

        /// Creates a column.
        public init(column: String, header: String? = nil, declaredAt: RulesLocation) {
            self.column = column
            self.header = header ?? column
            self.declaredAt = declaredAt
        }
    }

    /// The file in the run folder (and at the top of the outbox).
    public var file = defaultFile
    /// The columns in order; `nil`: the default ones.
    public var columns: [Column]?
    /// Where `file` is declared, for errors found once the feeds are known.
    public var fileDeclaredAt: RulesLocation?

    /// The default table.
    public init() {}

    /// Every column a table can have with this catalogue.
    static func knownColumns(kpis: [KPISpec]) -> [String] {
        keyColumns + kpis.flatMap { [$0.id, "\($0.id)_status"] }
    }
}
