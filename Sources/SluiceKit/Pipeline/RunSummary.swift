/// What `summary.json` holds: the run, each input, the findings by rule and the outputs.
public struct RunSummary: Codable, Sendable, Hashable {
    public var runID: String
    public var startedAt: String
    public var finishedAt: String
    public var inputs: [InputSummary]
    public var records: RecordCounts
    public var findings: FindingCounts
    public var outputs: [OutputSummary]
    public var exitCode: Int32
    /// The day periods and due dates were evaluated against.
    public var asOf: String
    /// KPI rows by status.
    public var kpis: KPIStatusCounts
    /// Errors per 100 data points per vendor and feed.
    public var quality: [QualitySummary]
    /// Inbox files left for the next run because they may still be being written.
    public var deferred: [DeferredFile] = []
    /// Whether the run was a dry run (nothing published).
    public var dryRun = false
    /// Published KPI values this run's resubmissions replaced (also in `changes.csv`).
    public var changes: [KPIChange] = []

    enum CodingKeys: String, CodingKey {
        case runID = "run_id"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case inputs, records, findings, outputs
        case exitCode = "exit_code"
        case asOf = "as_of"
        case kpis, quality, deferred
        case dryRun = "dry_run"
        case changes
    }
}

/// A file left in the inbox for the next run, and why.
public struct DeferredFile: Codable, Sendable, Hashable {
    public var path: String
    public var reason: String

    /// Creates an entry.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// How many KPI rows (whole vendor-periods, not breakdowns) ended in each status.
public struct KPIStatusCounts: Codable, Sendable, Hashable {
    public var met = 0
    public var warning = 0
    public var breached = 0
    public var noData = 0
    /// Derived KPIs with nothing to measure (`n/a`); absent from `summary.json` when none.
    public var notApplicable: Int?
    /// KPIs observed without an SLA target.
    public var untargeted = 0

    enum CodingKeys: String, CodingKey {
        case met, warning, breached
        case noData = "no-data"
        case notApplicable = "n/a"
        case untargeted = "no-target"
    }

    /// No KPI rows.
    public init() {}

    init(_ rows: [KPIResults.Row]) {
        for row in rows where row.key.dimension.isEmpty {
            switch row.status {
            case .met?: met += 1
            case .warning?: warning += 1
            case .breached?: breached += 1
            case .noData?: noData += 1
            case .notApplicable?: notApplicable = (notApplicable ?? 0) + 1
            case nil: untargeted += 1
            }
        }
    }
}

/// The contract team's accuracy measure for one vendor and feed.
public struct QualitySummary: Codable, Sendable, Hashable {
    public var vendor: String
    public var feed: String
    public var records: Int
    public var dataPoints: Int
    public var errors: Int
    public var errorsPer100: String
    public var status: String

    enum CodingKeys: String, CodingKey {
        case vendor, feed, records, errors, status
        case dataPoints = "data_points"
        case errorsPer100 = "errors_per_100"
    }

    /// Creates an entry.
    public init(
        vendor: String, feed: String, records: Int, dataPoints: Int, errors: Int, errorsPer100: String, status: String
    ) {
        self.vendor = vendor
        self.feed = feed
        self.records = records
        self.dataPoints = dataPoints
        self.errors = errors
        self.errorsPer100 = errorsPer100
        self.status = status
    }

    init(_ quality: KPIResults.Quality) {
        vendor = quality.vendor
        feed = quality.feed
        records = quality.records
        dataPoints = quality.dataPoints
        errors = quality.errors
        errorsPer100 = quality.errorsPer100.map { $0.rounded(decimals: 2).description } ?? ""
        status = quality.status.rawValue
    }
}

/// One inbox file and what became of it.
public struct InputSummary: Codable, Sendable, Hashable {
    public var path: String
    public var size: Int
    public var sha256: String
    public var feed: String?
    /// `processed`, `quarantined`, `skipped` (already in the ledger) or `duplicate` (the same
    /// content as an earlier file under another name).
    public var status: String
    public var reason: String?
    public var quarantinedAs: String?
    public var records: RecordCounts
    public var droppedRows: Int
    public var errors: Int
    public var warnings: Int
    /// For a `skipped` or `duplicate` file: the run that first dealt with its content.
    public var firstRun: String? = nil
    /// For a `duplicate` file: the earlier file with the same content.
    public var duplicateOf: String? = nil

    enum CodingKeys: String, CodingKey {
        case path, size, sha256, feed, status, reason
        case quarantinedAs = "quarantined_as"
        case records
        case droppedRows = "dropped_rows"
        case errors, warnings
        case firstRun = "first_run"
        case duplicateOf = "duplicate_of"
    }
}

/// Records read, and where each went: read = accepted + rejected.
public struct RecordCounts: Codable, Sendable, Hashable {
    public var read = 0
    public var accepted = 0
    public var rejected = 0

    static func + (lhs: RecordCounts, rhs: RecordCounts) -> RecordCounts {
        RecordCounts(
            read: lhs.read + rhs.read, accepted: lhs.accepted + rhs.accepted, rejected: lhs.rejected + rhs.rejected)
    }
}

/// Findings counted by severity and by rule.
public struct FindingCounts: Codable, Sendable, Hashable {
    public var errors = 0
    public var warnings = 0
    /// Rule id → severity → count.
    public var byRule: [String: [String: Int]] = [:]

    enum CodingKeys: String, CodingKey {
        case errors, warnings
        case byRule = "by_rule"
    }

    mutating func count(_ finding: Finding) {
        if finding.severity == .error { errors += 1 } else { warnings += 1 }
        byRule[finding.ruleID, default: [:]][finding.severity.rawValue, default: 0] += 1
    }
}

/// One published output file.
public struct OutputSummary: Codable, Sendable, Hashable {
    public var path: String
    public var size: Int
    public var sha256: String
}
