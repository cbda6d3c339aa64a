import Foundation

/// A whole run, stage by stage: rules → discover → route → read, map, normalise, check →
/// write → commit.
public enum Pipeline {
    /// Runs once over the inbox and publishes the run; throws when nothing could be published.
    public static func run(_ options: RunOptions) throws(SluiceError) -> RunReport {
        let started = options.now()
        let rules = try loadRules(options)
        let checkers = try compile(rules)
        let asOf = options.asOf ?? InboxFile.utcDate(of: started)
        let collector: KPICollector
        do {
            collector = try KPICollector(rules: rules, asOf: asOf)
        } catch {
            throw .rules(error)
        }
        let lock = try OutboxLock(outbox: options.outbox, displayBase: options.displayBase)
        defer { withExtendedLifetime(lock) {} }
        let scanned: [InboxFile]
        do {
            scanned = try InboxScanner.scan(options.inbox, displayBase: options.displayBase)
        } catch {
            throw .inbox(error)
        }
        let gate = UploadGate(settleSeconds: rules.settings.settleSeconds, now: started)
        let deferred = scanned.compactMap { file in
            gate.deferral(of: file).map { DeferredFile(path: file.displayPath, reason: $0) }
        }
        let files = scanned.filter { gate.deferral(of: $0) == nil }
        let publisher = RunPublisher(outbox: options.outbox)
        let runID = publisher.runID(startedAt: started)
        var staging: URL?
        do {
            let folder = try publisher.stage(runID: runID)
            staging = folder
            let outputs = try RunOutputs(
                folder: folder, feeds: rules.feeds, leadingLimit: rules.settings.stderrFindingLimit,
                contracts: rules.contracts)
            let router = FeedRouter(feeds: rules.feeds)
            let quarantine = Quarantine(folder: folder.appendingPathComponent("quarantine"))
            var inputs: [InputSummary] = []
            for file in files {
                inputs.append(
                    try process(
                        file, router: router, checkers: checkers, outputs: outputs, kpis: collector,
                        quarantine: quarantine))
            }
            let results = KPIEvaluator(collector: collector).evaluate()
            for finding in results.findings { try outputs.write(finding) }
            try outputs.close()
            try KPIWriter.write(results, layout: rules.settings.kpiLayout, kpis: rules.kpis, to: folder)
            try KPIWorkbookWriter.write(results, to: folder, created: started)
            let worklist = Worklist(
                collected: outputs.worklist.items, results: results, inputs: inputs, feeds: rules.feeds)
            try WorklistWriter.write(worklist, to: folder, created: started)
            let quarantined = inputs.filter { $0.status == "quarantined" }.count
            let status = ExitStatus.of(
                quarantined: quarantined, errorFindings: outputs.counts.errors, settings: rules.settings)
            var summary = RunSummary(
                runID: runID, startedAt: Timestamps.iso(started), finishedAt: Timestamps.iso(options.now()),
                inputs: inputs, records: inputs.map(\.records).reduce(RecordCounts(), +), findings: outputs.counts,
                outputs: [], exitCode: status.rawValue, asOf: "\(asOf)", kpis: KPIStatusCounts(results.rows),
                quality: results.quality.map(QualitySummary.init), deferred: deferred, dryRun: options.dryRun)
            summary.outputs = try RunOutputs.describeFiles(in: folder)
            try SummaryWriter.write(summary, to: folder.appendingPathComponent("summary.json"))
            let published: URL
            if options.dryRun {
                publisher.discard(staging: folder)
                published = folder
            } else {
                published = try publisher.publish(runID: runID, staging: folder)
                // Only after the run is published: a failed run leaves the inbox untouched.
                if let archive = options.archive {
                    _ = try InboxArchiver(archive: archive, inbox: options.inbox).archive(
                        files, on: InboxFile.utcDate(of: started))
                }
            }
            return RunReport(
                summary: summary, runFolder: published, leadingFindings: outputs.leading, exitStatus: status,
                settings: rules.settings)
        } catch {
            if let staging { publisher.discard(staging: staging) }
            throw .output(error)
        }
    }

    /// Loads the rules; a broken rules file stops everything before any data is touched.
    static func loadRules(_ options: RunOptions) throws(SluiceError) -> RuleSet {
        do {
            return try RulesLoader.load(directory: options.rules, displayBase: options.displayBase)
        } catch {
            throw .rules(error)
        }
    }

    /// One checker per feed, by feed name.
    static func compile(_ rules: RuleSet) throws(SluiceError) -> [String: FeedChecker] {
        var checkers: [String: FeedChecker] = [:]
        for feed in rules.feeds {
            do {
                checkers[feed.name] = try FeedChecker(feed: feed)
            } catch {
                throw .rules(error)
            }
        }
        return checkers
    }

    private static func process(
        _ file: InboxFile, router: FeedRouter, checkers: [String: FeedChecker], outputs: RunOutputs,
        kpis: KPICollector, quarantine: Quarantine
    ) throws(OutputError) -> InputSummary {
        let digest: String
        do {
            digest = try FileDigest.sha256(of: file.url)
        } catch {
            return try quarantined(
                file, feed: nil, sha256: "", ruleID: "unreadable-file",
                reason: "cannot read file: \(error.localizedDescription)", line: nil,
                outputs: outputs, quarantine: quarantine)
        }
        var summary = InputSummary(
            path: file.displayPath, size: file.size, sha256: digest, feed: nil, status: "processed", reason: nil,
            quarantinedAs: nil, records: RecordCounts(), droppedRows: 0, errors: 0, warnings: 0)
        let feedName: String
        switch router.route(fileName: file.name) {
        case .unrouted:
            let globs = router.globs.map { "'\($0)'" }.joined(separator: ", ")
            return try quarantined(
                file, feed: nil, sha256: digest, ruleID: "unrouted-file",
                reason: "file name matches no feed's files pattern (\(globs))", line: nil,
                outputs: outputs, quarantine: quarantine)
        case .ambiguous(let names):
            return try quarantined(
                file, feed: nil, sha256: digest, ruleID: "unrouted-file",
                reason: "file name matches the files patterns of several feeds (\(names.joined(separator: ", ")))",
                line: nil, outputs: outputs, quarantine: quarantine)
        case .feed(let name):
            feedName = name
        }
        guard let checker = checkers[feedName] else { preconditionFailure("router returned an unknown feed") }
        summary.feed = feedName
        let before = outputs.checkpoint(feed: feedName)
        let kpisBefore = kpis.snapshot
        checker.beginFile()
        switch try FileProcessor(checker: checker, outputs: outputs, kpis: kpis).process(file) {
        case .processed(let counts, let dropped):
            summary.records = counts
            summary.droppedRows = dropped
            summary.errors = outputs.counts.errors - before.counts.errors
            summary.warnings = outputs.counts.warnings - before.counts.warnings
            return summary
        case .quarantined(let ruleID, let reason, let line, let column):
            try outputs.rollback(to: before, feed: feedName)
            checker.withdrawFile()
            kpis.restore(kpisBefore)
            return try quarantined(
                file, feed: feedName, sha256: digest, ruleID: ruleID, reason: reason, line: line, column: column,
                outputs: outputs, quarantine: quarantine)
        }
    }

    private static func quarantined(
        _ file: InboxFile, feed: String?, sha256: String, ruleID: String, reason: String, line: Int?,
        column: Int? = nil, outputs: RunOutputs, quarantine: Quarantine
    ) throws(OutputError) -> InputSummary {
        let copy = try quarantine.add(file, reason: reason)
        try outputs.write(
            Finding(
                severity: .error, ruleID: ruleID, feed: feed,
                location: SourceLocation(file: file.displayPath, line: line, column: column),
                message: "file quarantined: \(reason)", hint: "fix or resend the file; it is kept in the run's \(copy)")
        )
        return InputSummary(
            path: file.displayPath, size: file.size, sha256: sha256, feed: feed, status: "quarantined", reason: reason,
            quarantinedAs: copy, records: RecordCounts(), droppedRows: 0, errors: 1, warnings: 0)
    }
}

extension Pipeline {
    /// Loads and compiles the rules without touching any data (`sluice rules check`).
    public static func checkRules(_ options: RunOptions) throws(SluiceError) -> RuleSet {
        let rules = try loadRules(options)
        _ = try compile(rules)
        return rules
    }
}
