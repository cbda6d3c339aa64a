import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The top-level datasets `Outbox/kpi.csv`, `credits.csv` and `submissions.csv` (and
/// `kpi-wide.csv` with the wide layout): the current truth across all runs, rebuilt from the
/// store. Each is written beside its final name, synced, and renamed over it, so a reader sees
/// the old file or the new one, never half of one; a file whose content did not change is not
/// replaced.
struct CurrentViews {
    /// The files rebuilt, as named under the outbox: the wide table under its chosen name
    /// (`settings: kpi-wide: file:`), and the default names so a table no longer written goes.
    static func names(wideFile: String) -> [String] {
        var names = ["kpi.csv", KPIWideSpec.defaultFile, "credits.csv", "submissions.csv"]
        if !names.contains(wideFile) { names.append(wideFile) }
        return names
    }

    /// Bump when the datasets' content for the same store, rules and as-of date changes (a new
    /// column, another format): outboxes written by an older build are then rebuilt once.
    static let formatVersion = 1

    let outbox: URL
    /// The wide KPI table's file name (`settings: kpi-wide: file:`).
    var wideFile = KPIWideSpec.defaultFile

    /// The datasets now under the outbox, each with what identifies its file (device, inode,
    /// size, modification time): one changes when a dataset is replaced, edited or removed.
    func present() -> [String] {
        Self.names(wideFile: wideFile).compactMap { name in
            guard let id = WrittenDigests.Identity(path: outbox.appendingPathComponent(name).path) else { return nil }
            return "\(name) \(id.device) \(id.inode) \(id.size) \(id.modifiedSeconds).\(id.modifiedNanoseconds)"
        }
    }

    /// Removes datasets an earlier build wrote that are no longer among ``names(wideFile:)``
    /// (the wide table under a `kpi-wide: file:` since changed). `written` is what that build's
    /// ``present()`` listed: each entry is the name followed by four numbers.
    func removeStale(written: [String]) {
        let current = Set(Self.names(wideFile: wideFile))
        for entry in written {
            let name = entry.split(separator: " ", omittingEmptySubsequences: false).dropLast(4).joined(separator: " ")
            if !name.isEmpty, !current.contains(name) { unlink(outbox.appendingPathComponent(name).path) }
        }
    }

    /// Evaluates everything current in the store as of `asOf` and replaces the top-level files.
    func rebuild(from store: Store, rules: RuleSet, asOf: CivilDate) throws(OutputError) {
        let collector: KPICollector
        do {
            collector = try KPICollector(rules: rules, asOf: asOf)
            try StoreSeed.current(from: store.history, into: collector)
        } catch let error as StoreError {
            throw OutputError(path: error.path, message: error.message)
        } catch {
            throw OutputError(path: outbox.path, message: "cannot rebuild the datasets: \(error)")
        }
        let results = KPIEvaluator(collector: collector).evaluate()
        let folder = outbox.appendingPathComponent(".staging").appendingPathComponent("views-\(getpid())")
        let manager = FileManager.default
        try? manager.removeItem(at: folder)
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder.path, message: "cannot create folder: \(error.localizedDescription)")
        }
        defer {
            try? manager.removeItem(at: folder)
            rmdir(folder.deletingLastPathComponent().path)  // only when empty
        }
        try KPIWriter.write(
            results, layout: rules.settings.kpiLayout, wide: rules.settings.kpiWide, kpis: rules.kpis, to: folder,
            excelSafe: rules.settings.excelSafeCSV)
        for name in Self.names(wideFile: rules.settings.kpiWide.file) {
            let written = folder.appendingPathComponent(name)
            let target = outbox.appendingPathComponent(name)
            guard manager.fileExists(atPath: written.path) else {
                unlink(target.path)  // a layout no longer written
                continue
            }
            // An unchanged dataset is left as it is (a re-run changes nothing, not even a file's time).
            if let old = manager.contents(atPath: target.path), old == manager.contents(atPath: written.path) {
                continue
            }
            guard rename(written.path, target.path) == 0 else {
                throw OutputError(
                    path: target.path, message: "cannot replace the dataset: \(String(cString: strerror(errno)))")
            }
        }
        try DurableFolder.sync(outbox)
    }
}
