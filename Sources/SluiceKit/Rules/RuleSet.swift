/// Everything the rules files declare, loaded and checked.
public struct RuleSet: Sendable {
    /// The feeds, in the order they were declared (files sorted by name).
    public var feeds: [FeedSpec]
    /// Run-wide settings.
    public var settings: RunSettings
    /// The KPI catalogue.
    public var kpis: [KPISpec]
    /// The contracts with vendors.
    public var contracts: [ContractSpec]

    /// Creates a rule set.
    public init(
        feeds: [FeedSpec], settings: RunSettings = RunSettings(), kpis: [KPISpec] = [], contracts: [ContractSpec] = []
    ) {
        self.feeds = feeds
        self.settings = settings
        self.kpis = kpis
        self.contracts = contracts
    }

    /// The KPI with this id.
    public func kpi(_ id: String) -> KPISpec? {
        kpis.first { $0.id == id }
    }

    /// The KPIs whose breach counts for a contract's service credits: the contract's critical
    /// targets and the catalogue's critical default targets.
    public func criticalKPIs(of contract: ContractSpec) -> Set<String> {
        Set(
            contract.targets.filter(\.critical).map(\.kpi)
                + kpis.filter { $0.defaultTarget?.critical == true }.map(\.id))
    }

    /// The feed with this name.
    public func feed(named name: String) -> FeedSpec? {
        feeds.first { $0.name == name }
    }
}

/// Run-wide settings from a `settings:` block.
public struct RunSettings: Sendable, Hashable {
    /// A run with more error findings than this exits with `attention` (3); `nil` never.
    public var maxErrorFindings: Int?
    /// How many findings are printed on stderr before a count.
    public var stderrFindingLimit: Int
    /// Which KPI dataset layouts are written.
    public var kpiLayout: KPIOutputLayout = .long
    /// The wide KPI table's file and columns (`kpi-wide:`).
    public var kpiWide = KPIWideSpec()
    /// Inbox files modified more recently than this are left for the next run (0: off).
    public var settleSeconds = 0
    /// The file holding the key for `pii: pseudonymise` (relative paths: from the rules
    /// folder); the environment variable `SLUICE_PII_KEY` is used when it is not set.
    public var piiKeyFile: String?
    /// Where `pii-key-file` is declared, for errors about the file.
    public var piiKeyFileDeclaredAt: RulesLocation?
    /// The columns of the run's `exceptions.csv`, in order (`exceptions-columns:`); `nil` for all
    /// of `ExceptionsWriter.columns`.
    public var exceptionsColumns: [String]?
    /// Whether CSV outputs protect values from spreadsheet formulas with a leading apostrophe
    /// (`excel-safe-csv:`, default true).
    public var excelSafeCSV = true

    /// Creates settings.
    public init(maxErrorFindings: Int? = nil, stderrFindingLimit: Int = 20) {
        self.maxErrorFindings = maxErrorFindings
        self.stderrFindingLimit = stderrFindingLimit
    }
}

/// A place in a rules file, for errors found after parsing (an unknown field in a check).
public struct RulesLocation: Sendable, Hashable {
    /// The rules file as the user names it.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}
