import Foundation

/// A whole run, stage by stage: rules → discover → route → read, map, normalise, check →
/// write → commit.
public enum Pipeline {
    /// Runs once over the inbox and publishes the run; throws when nothing could be published.
    public static func run(_ options: RunOptions) throws(SluiceError) -> RunReport {
        let started = options.now()
        let rules = try loadRules(options)
        let checkers = try compile(rules)
        let pseudonymiser = try pseudonymiser(rules, options)
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
        let session = try StoreSession(options: options, publisher: publisher)
        let runID = publisher.runID(startedAt: started, isTaken: session.knows)
        let entries = try session.intake(files, runID: runID)
        if entries.allSatisfy({ if case .skipped = $0.verdict { true } else { false } }) {
            return try nothingNew(
                entries, deferred: deferred, session: session, rules: rules, asOf: asOf, started: started,
                options: options)
        }
        try session.begin(
            runID: runID, started: Timestamps.iso(started), asOf: "\(asOf)",
            rulesSHA256: RulesFingerprint.sha256(of: options.rules))
        try session.seedReceipts(into: collector)
        var staging: URL?
        do {
            let folder = try publisher.stage(runID: runID)
            staging = folder
            let outputs = try RunOutputs(
                folder: folder, feeds: rules.feeds, leadingLimit: rules.settings.stderrFindingLimit,
                pseudonymiser: pseudonymiser, contracts: rules.contracts, settings: rules.settings)
            let router = FeedRouter(feeds: rules.feeds)
            let quarantine = Quarantine(folder: folder.appendingPathComponent("quarantine"))
            let recorder = RunRecorder(rules: rules)
            var inputs: [InputSummary] = []
            let observer = RunObserver(logger: options.logger, progress: options.progress, feeds: rules.feeds)
            observer.begin(
                files: files, deferred: deferred.count, rules: options.rules, displayBase: options.displayBase)
            for entry in entries {
                let fileStarted = ContinuousClock.now
                let input = try intake(
                    entry, router: router, checkers: checkers, outputs: outputs, kpis: collector,
                    quarantine: quarantine, recorder: recorder, progress: options.progress)
                observer.finished(input, name: entry.file.name, elapsed: ContinuousClock.now - fileStarted)
                inputs.append(input)
            }
            let results = KPIEvaluator(collector: collector).evaluate()
            for finding in ownFindings(results.findings, files: entries) { try outputs.write(finding) }
            let history = try session.history(
                rules: rules, asOf: asOf, entries: entries, inputs: inputs, run: collector)
            for finding in HistoryReview(rules: rules, earlier: history.earlier).findings(results, collector: collector)
            {
                try outputs.write(finding)
            }
            let quarantined = inputs.filter { $0.status == "quarantined" }.count
            let status = ExitStatus.of(
                quarantined: quarantined, errorFindings: outputs.counts.errors, settings: rules.settings)
            let finished = Timestamps.iso(options.now())
            var summary = RunSummary(
                runID: runID, startedAt: Timestamps.iso(started), finishedAt: finished,
                inputs: inputs, records: inputs.map(\.records).reduce(RecordCounts(), +), findings: outputs.counts,
                outputs: [], exitCode: status.rawValue, asOf: "\(asOf)", kpis: KPIStatusCounts(results.rows),
                quality: results.quality.map(QualitySummary.init), deferred: deferred, dryRun: options.dryRun)
            summary.changes = history.changes
            try ClosingFiles.write(
                to: folder, outputs: outputs, results: results, history: history, rules: rules, inputs: inputs,
                summary: summary, created: started)
            summary.outputs = try RunOutputs.describeFiles(in: folder)
            try SummaryWriter.write(summary, to: folder.appendingPathComponent("summary.json"))
            let published: URL
            if options.dryRun {
                publisher.discard(staging: folder)
                published = folder
            } else {
                // The order is what makes a crash at any point recoverable (see RunRecovery).
                published = try publisher.publish(runID: runID, staging: folder)
                staging = nil
                try session.commit(recorder, runID: runID, finished: finished, exitCode: status.rawValue)
                try session.publishViews(rules: rules, asOf: asOf)
                // Only after the run is committed: a failed run leaves the inbox untouched.
                try archive(entries.map(\.file), options: options, on: started)
            }
            return RunReport(
                summary: summary, runFolder: published, leadingFindings: outputs.leading, exitStatus: status,
                settings: rules.settings)
        } catch let error as SluiceError {
            if let staging { publisher.discard(staging: staging) }
            session.abandon(runID: runID)
            throw error
        } catch let error as OutputError {
            if let staging { publisher.discard(staging: staging) }
            session.abandon(runID: runID)
            throw .output(error)
        } catch {
            preconditionFailure("unexpected error \(error)")
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

    static func process(
        _ file: InboxFile, digest: String, router: FeedRouter, checkers: [String: FeedChecker], outputs: RunOutputs,
        kpis: KPICollector, quarantine: Quarantine, progress: RunProgress?
    ) throws(OutputError) -> InputSummary {
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
        defer { checker.endFile() }
        switch try FileProcessor(checker: checker, outputs: outputs, kpis: kpis, progress: progress).process(file) {
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
