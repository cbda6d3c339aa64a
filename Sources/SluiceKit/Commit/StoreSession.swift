import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A run's use of the store: opens it (a scratch copy for a dry run, so the real store is
/// untouched), recovers from a run that died, decides which inbox files are new, and — after
/// the run folder is published — commits the run, rebuilds the top-level datasets and
/// repoints `latest`, in that order.
final class StoreSession {
    /// One inbox file with its content hash and what the ledger says about it.
    struct Entry: Sendable {
        let file: InboxFile
        /// Relative to the inbox.
        let path: String
        let sha256: String
        let verdict: LedgerGate.Verdict
    }

    let store: Store
    let publisher: RunPublisher
    private let rulesFolder: URL
    private let scratch: URL?
    private var gate: LedgerGate
    /// Committed runs whose top-level datasets and `latest` are still to be written.
    private(set) var unpublished: [String] = []

    /// Opens the outbox's store and recovers from any run that died part-way; for a dry run,
    /// opens a scratch copy and recovers nothing.
    init(options: RunOptions, publisher: RunPublisher) throws(SluiceError) {
        self.publisher = publisher
        rulesFolder = options.rules
        // A read-only outbox is said plainly, before SQLite fails on its journal.
        if !options.dryRun, access(options.outbox.path, W_OK) != 0 {
            throw .output(
                OutputError(
                    path: DisplayPath.of(options.outbox, relativeTo: options.displayBase),
                    message: "cannot write to the outbox (\(String(cString: strerror(errno)))); nothing was published"))
        }
        let real = options.outbox.appendingPathComponent(Store.fileName)
        var path = real
        if options.dryRun {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-dry-run-\(UUID())")
            path = folder.appendingPathComponent(Store.fileName)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                if FileManager.default.fileExists(atPath: real.path) {
                    try FileManager.default.copyItem(at: real, to: path)
                }
            } catch {
                throw .output(
                    OutputError(
                        path: folder.path, message: "cannot copy the store for a dry run: \(error.localizedDescription)"
                    ))
            }
            scratch = folder
        } else {
            scratch = nil
        }
        do {
            store = try Store(path: path.path)
        } catch {
            throw .store(error)
        }
        gate = LedgerGate(ledger: store.ledger, inbox: options.inbox)
        if !options.dryRun {
            unpublished = try RunRecovery(publisher: publisher, store: store).recover().unpublished
        }
    }

    deinit {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    /// Whether the store ever used a run id.
    func knows(runID: String) -> Bool {
        (try? store.ledger.knows(runID: runID)) ?? false
    }

    /// Hashes each file and asks the ledger about it. A file that cannot be read is an error
    /// naming it: nothing is published, and the next run tries again.
    func intake(_ files: [InboxFile], runID: String) throws(SluiceError) -> [Entry] {
        var entries: [Entry] = []
        for file in files {
            let digest: String
            do {
                digest = try FileDigest.sha256(of: file.url)
            } catch {
                throw .inbox(
                    InboxError(
                        path: file.displayPath,
                        message: "cannot read the inbox file (\(Self.reason(error))); nothing was published"))
            }
            do {
                entries.append(
                    Entry(
                        file: file, path: gate.path(of: file), sha256: digest,
                        verdict: try gate.verdict(for: file, sha256: digest, runID: runID)))
            } catch {
                throw .store(error)
            }
        }
        return entries
    }

    /// Records that a run started (state `started` until it commits).
    func begin(runID: String, started: String, asOf: String, rulesSHA256: String) throws(SluiceError) {
        do {
            try store.ledger.begin(runID: runID, started: started, asOf: asOf, rulesSHA256: rulesSHA256)
        } catch {
            throw .store(error)
        }
    }

    /// Adds every receipt in the store to a run's collector.
    func seedReceipts(into collector: KPICollector) throws(SluiceError) {
        do {
            try StoreSeed.receipts(from: store.history, into: collector)
        } catch {
            throw .store(error)
        }
    }

    /// The store transaction of a published run; it is then waiting for its datasets.
    func commit(_ recorder: RunRecorder, runID: String, finished: String, exitCode: Int32) throws(SluiceError) {
        do {
            try store.commit(recorder.contributions, runID: runID, finished: finished, exitCode: exitCode)
        } catch {
            throw .store(error)
        }
        unpublished.append(runID)
    }

    /// After a run failed: when its store transaction did not happen, its folder (if published)
    /// is withdrawn and the run marked rolled back at once, rather than by the next run.
    func abandon(runID: String) {
        // A dry run's store is a scratch copy and it published nothing to withdraw.
        guard scratch == nil, (try? store.ledger.state(of: runID)) == .started else { return }
        try? publisher.withdraw(runID: runID)
        try? store.ledger.set(runID: runID, to: .rolledBack)
    }

    /// Rebuilds the top-level datasets from the store and points `latest` at the newest run,
    /// when a run committed since they were last written (this one, or one that died after
    /// its store transaction) — or always, with `always`, so that a run with nothing new still
    /// moves them on to its as-of date (a submission that became overdue).
    ///
    /// With `always` and no run to publish, datasets already built for the same as-of date,
    /// rules and committed runs, and untouched since, are left alone without evaluating anything.
    func publishViews(rules: RuleSet, asOf: CivilDate, always: Bool = false) throws(SluiceError) {
        guard always || !unpublished.isEmpty else { return }
        let views = CurrentViews(outbox: publisher.outbox, wideFile: rules.settings.kpiWide.file)
        var wanted: ViewsState
        let built: ViewsState?
        do {
            wanted = ViewsState(
                asOf: "\(asOf)", rulesSHA256: RulesFingerprint.sha256(of: rulesFolder),
                storeState: "\(try store.views.storeState()) format \(CurrentViews.formatVersion)", files: [])
            built = try store.views.current()
            if unpublished.isEmpty, let built {
                wanted.files = built.files
                if built == wanted && views.present() == built.files { return }
            }
        } catch {
            throw .store(error)
        }
        do {
            try views.rebuild(from: store, rules: rules, asOf: asOf)
        } catch {
            throw .output(error)
        }
        views.removeStale(written: built?.files ?? [])
        wanted.files = views.present()
        do {
            try store.views.record(wanted)
        } catch {
            throw .store(error)
        }
        try RunRecovery(publisher: publisher, store: store).finishPublishing()
        unpublished = []
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}
