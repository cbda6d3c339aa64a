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

    enum CodingKeys: String, CodingKey {
        case runID = "run_id"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case inputs, records, findings, outputs
        case exitCode = "exit_code"
    }
}

/// One inbox file and what became of it.
public struct InputSummary: Codable, Sendable, Hashable {
    public var path: String
    public var size: Int
    public var sha256: String
    public var feed: String?
    /// `processed` or `quarantined`.
    public var status: String
    public var reason: String?
    public var quarantinedAs: String?
    public var records: RecordCounts
    public var droppedRows: Int
    public var errors: Int
    public var warnings: Int

    enum CodingKeys: String, CodingKey {
        case path, size, sha256, feed, status, reason
        case quarantinedAs = "quarantined_as"
        case records
        case droppedRows = "dropped_rows"
        case errors, warnings
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
