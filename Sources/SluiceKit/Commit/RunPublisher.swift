import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Stages a run's outputs and publishes them atomically as `Outbox/runs/<run-id>/`, then
/// points `Outbox/latest` at them.
///
/// Outputs are written under `Outbox/.staging/<run-id>/`, synced, and renamed into `runs/` in
/// one `rename(2)`, so a reader of `runs/` or `latest` never sees a half-written run.
public struct RunPublisher: Sendable {
    /// The outbox folder.
    public let outbox: URL

    /// Creates a publisher for an outbox.
    public init(outbox: URL) {
        self.outbox = outbox
    }

    /// Where published runs live.
    public var runsFolder: URL { outbox.appendingPathComponent("runs") }
    /// Where runs are staged.
    public var stagingFolder: URL { outbox.appendingPathComponent(".staging") }
    /// The symbolic link to the latest published run.
    public var latestLink: URL { outbox.appendingPathComponent("latest") }

    /// A run id from the start time (`20261129T131105Z`), suffixed when already taken (by a
    /// folder, or by a run the store knows, `isTaken`).
    public func runID(startedAt date: Date, isTaken: (String) -> Bool = { _ in false }) -> String {
        let base = Timestamps.compact(date)
        var candidate = base
        var counter = 2
        let manager = FileManager.default
        while manager.fileExists(atPath: runsFolder.appendingPathComponent(candidate).path)
            || manager.fileExists(atPath: stagingFolder.appendingPathComponent(candidate).path) || isTaken(candidate)
        {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }

    /// Creates an empty staging folder for a run, with its sub-folders.
    public func stage(runID: String) throws(OutputError) -> URL {
        let folder = stagingFolder.appendingPathComponent(runID)
        for sub in ["clean", "rejected", "quarantine"] {
            try makeFolder(folder.appendingPathComponent(sub))
        }
        return folder
    }

    /// Moves the staged run into `runs/` (after syncing every file of it); returns the published
    /// folder. `latest` is repointed separately, once the store has the run (`pointLatest`).
    public func publish(runID: String, staging: URL) throws(OutputError) -> URL {
        try makeFolder(runsFolder)
        let destination = runsFolder.appendingPathComponent(runID)
        try DurableFolder.syncTree(staging)
        guard rename(staging.path, destination.path) == 0 else {
            throw Self.error(destination.path, "cannot publish the run")
        }
        try DurableFolder.sync(runsFolder)
        rmdir(stagingFolder.path)  // only when empty: another run's staging is left alone
        return destination
    }

    /// Points `Outbox/latest` at a published run, atomically (a new link renamed over the old).
    public func pointLatest(at runID: String) throws(OutputError) {
        let temporary = outbox.appendingPathComponent(".latest-\(runID)")
        unlink(temporary.path)
        guard symlink("runs/\(runID)", temporary.path) == 0, rename(temporary.path, latestLink.path) == 0 else {
            throw Self.error(latestLink.path, "cannot point 'latest' at the run")
        }
        try DurableFolder.sync(outbox)
    }

    /// Takes a published run folder back out of `runs/` (a run whose store transaction never
    /// happened): renamed away first, so it disappears from `runs/` in one step, then removed.
    public func withdraw(runID: String) throws(OutputError) {
        let folder = runsFolder.appendingPathComponent(runID)
        guard FileManager.default.fileExists(atPath: folder.path) else { return }
        try makeFolder(stagingFolder)
        let aside = stagingFolder.appendingPathComponent("withdrawn-\(runID)")
        try? FileManager.default.removeItem(at: aside)
        guard rename(folder.path, aside.path) == 0 else { throw Self.error(folder.path, "cannot withdraw the run") }
        try DurableFolder.sync(runsFolder)
        try? FileManager.default.removeItem(at: aside)
    }

    /// Removes everything left in `.staging/` by runs that died; call only under the outbox lock.
    public func clearStaging() throws(OutputError) {
        let manager = FileManager.default
        guard let leftovers = try? manager.contentsOfDirectory(atPath: stagingFolder.path) else { return }
        for name in leftovers {
            let path = stagingFolder.appendingPathComponent(name)
            do {
                try manager.removeItem(at: path)
            } catch {
                throw OutputError(
                    path: path.path, message: "cannot remove a dead run's staging: \(error.localizedDescription)")
            }
        }
    }

    /// Removes a staging folder after a failed run.
    public func discard(staging: URL) {
        try? FileManager.default.removeItem(at: staging)
        rmdir(stagingFolder.path)  // only when empty
    }

    private func makeFolder(_ url: URL) throws(OutputError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: url.path, message: "cannot create folder: \(error.localizedDescription)")
        }
    }

    private static func error(_ path: String, _ what: String) -> OutputError {
        OutputError(path: path, message: "\(what): \(String(cString: strerror(errno)))")
    }
}

/// Run times as text, always in UTC.
enum Timestamps {
    /// `20261129T131105Z`, for run ids.
    static func compact(_ date: Date) -> String {
        format(date, "yyyyMMdd'T'HHmmss'Z'")
    }

    /// `2026-11-29T13:11:05Z`, for the summary.
    static func iso(_ date: Date) -> String {
        format(date, "yyyy-MM-dd'T'HH:mm:ss'Z'")
    }

    private static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
