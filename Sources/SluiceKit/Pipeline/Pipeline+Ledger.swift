import Foundation

/// The run's use of the ledger: skipping what was processed before, reporting duplicate
/// submissions, and the run that finds nothing new.
extension Pipeline {
    /// One inbox file through the ledger: skipped, reported as a duplicate, or processed and recorded.
    static func intake(
        _ entry: StoreSession.Entry, router: FeedRouter, checkers: [String: FeedChecker], outputs: RunOutputs,
        kpis: KPICollector, quarantine: Quarantine, recorder: RunRecorder
    ) throws(OutputError) -> InputSummary {
        let file = entry.file
        switch entry.verdict {
        case .skipped(let earlier):
            return skipped(entry, earlier: earlier)
        case .duplicate(let earlier, let run, let ledgerID):
            let reason = "the same content as \(earlier) (run \(run)); not processed again"
            try outputs.write(
                Finding(
                    severity: .warning, ruleID: "duplicate-submission",
                    location: SourceLocation(file: file.displayPath),
                    message:
                        "file has the same content as \(earlier), already dealt with by run \(run); not processed again",
                    hint: "nothing to do if the vendor sent the same file twice; if a correction was meant, ask for it")
            )
            recorder.duplicate(file, path: entry.path, sha256: entry.sha256, of: ledgerID, reason: reason)
            return InputSummary(
                path: file.displayPath, size: file.size, sha256: entry.sha256, feed: nil, status: "duplicate",
                reason: reason, quarantinedAs: nil, records: RecordCounts(), droppedRows: 0, errors: 0, warnings: 1,
                firstRun: run, duplicateOf: earlier)
        case .new:
            let before = kpis.reported.count
            let summary = try process(
                file, digest: entry.sha256, router: router, checkers: checkers, outputs: outputs, kpis: kpis,
                quarantine: quarantine)
            let groups = kpis.finishFile()
            if summary.status == "processed", let feed = summary.feed {
                recorder.processed(
                    file, path: entry.path, sha256: entry.sha256, feed: feed, reported: kpis.reported[before...],
                    groups: groups)
            } else {
                recorder.quarantined(
                    file, path: entry.path, sha256: entry.sha256, feed: summary.feed, reason: summary.reason ?? "")
            }
            return summary
        }
    }

    /// The run's KPI findings without the late and early submissions of files earlier runs
    /// received (they were reported then; the store's receipts only make the statuses right).
    static func ownFindings(_ findings: [Finding], files entries: [StoreSession.Entry]) -> [Finding] {
        let own = Set(entries.filter { $0.verdict == .new }.map(\.file.displayPath))
        return findings.filter { finding in
            !["late-submission", "early-submission"].contains(finding.ruleID) || own.contains(finding.location.file)
        }
    }

    /// A file the ledger already has.
    static func skipped(_ entry: StoreSession.Entry, earlier: LedgerFile) -> InputSummary {
        InputSummary(
            path: entry.file.displayPath, size: entry.file.size, sha256: entry.sha256, feed: earlier.feed,
            status: "skipped", reason: "already \(earlier.outcome.rawValue) by run \(earlier.runID)",
            quarantinedAs: nil, records: RecordCounts(), droppedRows: 0, errors: 0, warnings: 0,
            firstRun: earlier.runID)
    }

    /// Every file was in the ledger: no run folder is written. The top-level datasets are
    /// re-evaluated as of the run's date and replaced only where that changed something (a
    /// submission fell overdue), and what a run that died after its store transaction left
    /// undone (`latest`) is completed.
    static func nothingNew(
        _ entries: [StoreSession.Entry], deferred: [DeferredFile], session: StoreSession, rules: RuleSet,
        asOf: CivilDate, started: Date, options: RunOptions
    ) throws(SluiceError) -> RunReport {
        if !options.dryRun {
            try session.publishViews(rules: rules, asOf: asOf, always: true)
            do {
                try archive(entries.map(\.file), options: options, on: started)
            } catch {
                throw .output(error)
            }
        }
        let inputs = entries.compactMap { entry -> InputSummary? in
            guard case .skipped(let earlier) = entry.verdict else { return nil }
            return skipped(entry, earlier: earlier)
        }
        let summary = RunSummary(
            runID: "", startedAt: Timestamps.iso(started), finishedAt: Timestamps.iso(options.now()), inputs: inputs,
            records: RecordCounts(), findings: FindingCounts(), outputs: [], exitCode: ExitStatus.success.rawValue,
            asOf: "\(asOf)", kpis: KPIStatusCounts(), quality: [], deferred: deferred, dryRun: options.dryRun)
        var report = RunReport(
            summary: summary, runFolder: session.publisher.latestLink, leadingFindings: [], exitStatus: .success,
            settings: rules.settings)
        report.nothingNew = true
        return report
    }

    /// `--archive`: moves the files the ledger now has to the archive folder.
    static func archive(_ files: [InboxFile], options: RunOptions, on started: Date) throws(OutputError) {
        guard let archive = options.archive, !files.isEmpty else { return }
        _ = try InboxArchiver(archive: archive, inbox: options.inbox).archive(files, on: InboxFile.utcDate(of: started))
    }
}
