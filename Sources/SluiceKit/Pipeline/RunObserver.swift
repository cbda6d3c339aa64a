import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a run tells its operator while it works: debug log lines (how each file was routed,
/// what came of it, how long it took) and the progress counters. Findings are not logged
/// here: they are data, returned in the ``RunReport``.
struct RunObserver {
    let logger: Logger
    let progress: RunProgress?
    let feeds: [FeedSpec]

    /// The run found its files.
    func begin(files: [InboxFile], deferred: Int, rules: URL, displayBase: URL?) {
        progress?.begin(files: files.count)
        logger.debug(
            "rules: \(feeds.count) feed(s) from \(DisplayPath.of(rules, relativeTo: displayBase)); inbox: \(files.count) file(s) to read, \(deferred) deferred"
        )
    }

    /// A file is done: logs how it was routed and what became of it.
    func finished(_ input: InputSummary, name: String, elapsed: Duration) {
        progress?.fileDone()
        guard logger.logLevel <= .debug else { return }
        let time = Self.milliseconds(elapsed)
        let route: String
        if let feed = input.feed {
            let glob = feeds.first { $0.name == feed }.flatMap { FeedRouter.matchingGlob(of: $0, fileName: name) }
            route = "feed '\(feed)'" + (glob.map { " (name matches '\($0)')" } ?? "")
        } else {
            route = "no feed"
        }
        if input.status == "quarantined" {
            logger.debug("\(input.path): \(route); quarantined: \(input.reason ?? "") (\(time))")
        } else {
            let records = input.records
            logger.debug(
                "\(input.path): \(route); \(Counting.noun(records.read, "record")) (\(records.accepted) accepted, \(records.rejected) rejected), \(Counting.noun(input.errors, "error")), \(Counting.noun(input.warnings, "warning")) (\(time))"
            )
        }
    }

    /// `12.3 ms`.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return String(format: "%.1f ms", ms)
    }
}
