import Foundation
import Logging
import SluiceKit

/// What `sluice run` tells the operator once the run is over: the leading findings, deferred
/// files and a "needs attention" line through the logger (stderr), the one-line summary on
/// stdout.
///
/// Levels: findings are data, normal business, so an error finding is logged at `warning` and
/// a warning finding at `notice` (their own severity is in the metadata); deferred files and
/// the "more findings" count at `notice`; the summary at `info` (JSON only: in text the stdout
/// line is it); a run that needs a person (exit 3) at `error`, so `--quiet` shows exactly that.
struct RunLog {
    let logger: Logger
    let logging: LogOptions
    let displayBase: URL

    func report(_ report: RunReport, dryRun: Bool) {
        let summary = report.summary
        if report.nothingNew {
            logDeferred(summary)
            let deferred = summary.deferred.isEmpty ? "" : ", \(summary.deferred.count) deferred"
            let line = "nothing new: \(Counting.noun(summary.inputs.count, "file")) already processed\(deferred)"
            if !logging.quiet { print(line) }
            if logging.format == .json { logger.info("\(line)", metadata: ["event": "nothing-new"]) }
            return
        }
        for input in summary.inputs where input.status == "skipped" {
            logger.notice(
                "\(input.path): skipped: \(input.reason ?? "already processed")",
                metadata: ["file": "\(input.path)", "event": "skipped"])
        }
        for finding in report.leadingFindings {
            logger.log(
                level: finding.severity == .error ? .warning : .notice, "\(finding.diagnostic)",
                metadata: Self.metadata(finding))
        }
        let folder = DisplayPath.of(report.runFolder, relativeTo: displayBase)
        let more = report.totalFindings - report.leadingFindings.count
        if more > 0 && dryRun {
            logger.notice(
                "… and \(more) more findings (dry run: run without --dry-run to publish the exception report)")
        } else if more > 0 {
            logger.notice("… and \(more) more findings in \(folder)/exceptions.csv")
        }
        let limit = report.settings.stderrFindingLimit
        for change in summary.changes.prefix(limit) {
            logger.notice("changed: \(change.line)", metadata: ["event": "changed"])
        }
        if summary.changes.count > limit {
            logger.notice("… and \(summary.changes.count - limit) more changes in \(folder)/changes.csv")
        }
        logDeferred(summary)
        let line = Self.summaryLine(summary, destination: dryRun ? "dry run, nothing published" : folder)
        if !logging.quiet { print(line) }
        if logging.format == .json {
            logger.info("\(line)", metadata: Self.metadata(summary, folder: dryRun ? nil : folder))
        }
        if report.exitStatus == .attention {
            let quarantined = summary.inputs.filter { $0.status == "quarantined" }.count
            var reasons: [String] = []
            if quarantined > 0 { reasons.append("\(Counting.noun(quarantined, "file")) quarantined") }
            if let limit = report.settings.maxErrorFindings, summary.findings.errors > limit {
                reasons.append("\(summary.findings.errors) error findings, more than max-error-findings \(limit)")
            }
            let see = dryRun ? "dry run, nothing published" : "see \(folder)/exceptions.csv"
            logger.error(
                "sluice: run \(summary.runID) needs attention (exit 3): \(reasons.joined(separator: "; ")); \(see)",
                metadata: ["run_id": "\(summary.runID)", "exit_code": "3", "event": "attention"])
        }
    }

    private func logDeferred(_ summary: RunSummary) {
        for file in summary.deferred {
            logger.notice(
                "\(file.path): deferred to the next run: \(file.reason)",
                metadata: ["file": "\(file.path)", "event": "deferred"])
        }
    }

    /// `run 20261129T131105Z: 5 files (1 quarantined), 28 records: …→ Outbox/runs/20261129T131105Z`.
    static func summaryLine(_ summary: RunSummary, destination: String) -> String {
        let quarantined = summary.inputs.filter { $0.status == "quarantined" }.count
        let skipped = summary.inputs.filter { $0.status == "skipped" }.count
        let deferred =
            (skipped == 0 ? "" : ", \(skipped) skipped")
            + (summary.deferred.isEmpty ? "" : ", \(summary.deferred.count) deferred")
        return
            "run \(summary.runID): \(Counting.noun(summary.inputs.count, "file")) (\(quarantined) quarantined\(deferred)), "
            + "\(Counting.noun(summary.records.read, "record")): \(summary.records.accepted) accepted, \(summary.records.rejected) rejected; "
            + "\(Counting.noun(summary.findings.errors, "error")), \(Counting.noun(summary.findings.warnings, "warning")) → "
            + destination
    }

    /// A finding's fields, for JSON log lines.
    static func metadata(_ finding: Finding) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "event": "finding", "severity": "\(finding.severity.rawValue)", "rule": "\(finding.ruleID)",
            "file": "\(finding.location.file)",
        ]
        if let line = finding.location.line { metadata["line"] = "\(line)" }
        if let column = finding.location.column { metadata["column"] = "\(column)" }
        if let feed = finding.feed { metadata["feed"] = "\(feed)" }
        if let vendor = finding.vendor { metadata["vendor"] = "\(vendor)" }
        if let field = finding.field { metadata["field"] = "\(field)" }
        if let value = finding.rawValue { metadata["value"] = "\(value)" }
        return metadata
    }

    /// The summary's counts, for the JSON summary line.
    static func metadata(_ summary: RunSummary, folder: String?) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "event": "run-finished", "run_id": "\(summary.runID)", "exit_code": "\(summary.exitCode)",
            "files": "\(summary.inputs.count)",
            "quarantined": "\(summary.inputs.filter { $0.status == "quarantined" }.count)",
            "deferred": "\(summary.deferred.count)", "records_read": "\(summary.records.read)",
            "records_accepted": "\(summary.records.accepted)", "records_rejected": "\(summary.records.rejected)",
            "errors": "\(summary.findings.errors)", "warnings": "\(summary.findings.warnings)",
            "dry_run": "\(summary.dryRun)",
        ]
        if let folder { metadata["run_folder"] = "\(folder)" }
        return metadata
    }
}
