import Foundation

/// What a completed run tells its caller: the summary, where it was published, the first
/// findings for the terminal, and how the process should exit.
public struct RunReport: Sendable {
    /// The summary as written to `summary.json`.
    public var summary: RunSummary
    /// The published run folder.
    public var runFolder: URL
    /// The first findings, for stderr.
    public var leadingFindings: [Finding]
    /// How the process should exit.
    public var exitStatus: ExitStatus
    /// The run-wide settings used.
    public var settings: RunSettings
    /// Every inbox file was already in the ledger: no run folder was written.
    public var nothingNew = false

    /// Every finding's count.
    public var totalFindings: Int { summary.findings.errors + summary.findings.warnings }
}
