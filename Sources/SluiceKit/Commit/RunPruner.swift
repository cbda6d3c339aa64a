import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes old run folders from `Outbox/runs/` (`sluice prune --keep N`).
///
/// Only folders named like run ids (`20261129T131105Z`, `20261129T131105Z-2`) are considered;
/// the newest `keep` are kept, and so is the one `Outbox/latest` points to, whatever its age.
/// Nothing outside `runs/` is touched: not the store (`Outbox/sluice.sqlite*`), not the
/// archive, not the lock. The outbox lock is held throughout, so pruning never races a run.
/// Each folder is first renamed into `Outbox/.pruning/` (one atomic `rename(2)`), then
/// deleted: a reader of `runs/` never sees a half-deleted run, and a prune cut short leaves
/// its leftovers there, which the next prune empties.
public struct RunPruner: Sendable {
    /// The outbox.
    public let outbox: URL
    /// The folder paths in messages are shown relative to.
    public let displayBase: URL?

    /// What a prune did (or, in a dry run, would do).
    public struct Outcome: Sendable, Hashable {
        /// Run folders removed (display paths), oldest first.
        public var removed: [String]
        /// Run folders kept, oldest first (display paths).
        public var kept: [String]
    }

    /// Creates a pruner for an outbox.
    public init(outbox: URL, displayBase: URL?) {
        self.outbox = outbox
        self.displayBase = displayBase
    }

    /// Keeps the newest `keep` runs and the latest; removes the others unless `dryRun`.
    public func prune(keep: Int, dryRun: Bool) throws(SluiceError) -> Outcome {
        precondition(keep >= 0, "keep must not be negative")
        let runs = outbox.appendingPathComponent("runs")
        guard FileManager.default.fileExists(atPath: outbox.path) else {
            throw .input(path: DisplayPath.of(outbox, relativeTo: displayBase), message: "no such outbox")
        }
        let lock = try OutboxLock(outbox: outbox, displayBase: displayBase)
        defer { withExtendedLifetime(lock) {} }
        let names = Self.runNames(in: runs)
        let latest = latestRun()
        var kept: [String] = []
        var removed: [String] = []
        for (index, name) in names.enumerated() {
            let isNewest = index >= names.count - keep
            if isNewest || name == latest { kept.append(name) } else { removed.append(name) }
        }
        if !dryRun {
            let trash = outbox.appendingPathComponent(".pruning")
            do {
                try FileManager.default.createDirectory(at: trash, withIntermediateDirectories: true)
            } catch {
                throw .output(
                    OutputError(path: trash.path, message: "cannot create folder: \(error.localizedDescription)"))
            }
            emptyTrash(trash)
            for name in removed {
                let source = runs.appendingPathComponent(name)
                guard rename(source.path, trash.appendingPathComponent(name).path) == 0 else {
                    throw .output(
                        OutputError(
                            path: source.path, message: "cannot remove the run: \(String(cString: strerror(errno)))"))
                }
            }
            // The renames are made durable before anything is deleted, as a publish or withdraw is:
            // after a crash, a pruned run is gone from runs/ or still whole there.
            if !removed.isEmpty {
                do throws(OutputError) { try DurableFolder.sync(runs) } catch { throw .output(error) }
            }
            emptyTrash(trash)
            rmdir(trash.path)
        }
        let display = { (name: String) in DisplayPath.of(runs.appendingPathComponent(name), relativeTo: displayBase) }
        return Outcome(removed: removed.map(display), kept: kept.map(display))
    }

    /// The run the `latest` link points to, if any.
    private func latestRun() -> String? {
        guard
            let target = try? FileManager.default.destinationOfSymbolicLink(
                atPath: outbox.appendingPathComponent("latest").path)
        else { return nil }
        return URL(fileURLWithPath: target).lastPathComponent
    }

    private func emptyTrash(_ trash: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: trash.path)) ?? [] {
            try? FileManager.default.removeItem(at: trash.appendingPathComponent(name))
        }
    }

    /// Run folders in `runs/`, oldest first: by start time, then by the suffix a second run in
    /// the same second gets (`-2`, `-10`), compared as numbers.
    static func runNames(in runs: URL) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []
        let parsed: [(name: String, stamp: String, counter: Int)] = entries.compactMap { name in
            guard let (stamp, counter) = runID(name) else { return nil }
            var isFolder: ObjCBool = false
            let path = runs.appendingPathComponent(name).path
            // A symbolic link is not a run folder: lstat, not stat.
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
                (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil
            else { return nil }
            return (name, stamp, counter)
        }
        return parsed.sorted { ($0.stamp, $0.counter) < ($1.stamp, $1.counter) }.map(\.name)
    }

    /// `20261129T131105Z` → (stamp, 1); `20261129T131105Z-2` → (stamp, 2); anything else nil.
    static func runID(_ name: String) -> (String, Int)? {
        let parts = name.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let stamp = String(parts[0])
        let bytes = Array(stamp.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z"),
            bytes[0..<8].allSatisfy({ $0 >= 48 && $0 <= 57 }), bytes[9..<15].allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { return nil }
        if parts.count == 1 { return (stamp, 1) }
        guard let counter = Int(parts[1]), counter >= 2 else { return nil }
        return (stamp, counter)
    }
}
