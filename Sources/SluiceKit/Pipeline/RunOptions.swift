import Foundation
import Logging

/// Where a run reads and writes, and the clock it uses.
public struct RunOptions: Sendable {
    public var inbox: URL
    public var rules: URL
    public var outbox: URL
    /// The folder paths in findings and the summary are shown relative to.
    public var displayBase: URL?
    /// The clock; injected so runs are reproducible in tests.
    public var now: @Sendable () -> Date
    /// The day the run evaluates periods and due dates against (`--as-of`); default: today (UTC).
    public var asOf: CivilDate?
    /// Do everything but publish (`--dry-run`): the staged run is discarded.
    public var dryRun = false
    /// After publishing, move the files the run dealt with here, under a folder per day
    /// (`--archive`); nil leaves the inbox as it is.
    public var archive: URL?
    /// The environment (`SLUICE_PII_KEY`); injected so tests do not depend on the caller's.
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    /// Where the run logs what it does (debug: routing and per-file timings); silent by default.
    public var logger = Logger(label: "sluice", factory: { _ in SwiftLogNoOpLogHandler() })
    /// Counters for a progress line, or nil.
    public var progress: RunProgress?

    /// Creates options.
    public init(
        inbox: URL, rules: URL, outbox: URL, displayBase: URL? = nil, now: @escaping @Sendable () -> Date = Date.init,
        asOf: CivilDate? = nil
    ) {
        self.inbox = inbox
        self.rules = rules
        self.outbox = outbox
        self.displayBase = displayBase
        self.now = now
        self.asOf = asOf
    }
}
