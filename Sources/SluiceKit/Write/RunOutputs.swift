import Foundation

/// The run's streamed outputs in its staging folder: one dataset writer per feed and the
/// exception report, with checkpoints so a file that fails half-way withdraws what it wrote.
final class RunOutputs {
    /// A place to roll back to, taken before each input file.
    struct Checkpoint {
        let exceptions: ExceptionsWriter.Checkpoint
        let dataset: DatasetWriter.Checkpoint?
        let counts: FindingCounts
        let leading: Int
        let worklist: WorklistCollector
    }

    let folder: URL
    private let exceptions: ExceptionsWriter
    private var datasets: [String: DatasetWriter] = [:]
    /// The feed of the previous record and its writer: records come a file at a time, so this
    /// spares a String-keyed dictionary lookup per record (350 instructions a row in the 100k
    /// profile; comparing a String with the same String is a few).
    private var recentFeed: (name: String, writer: DatasetWriter?)?
    private let feedNames: [String]
    private let leadingLimit: Int
    private(set) var counts = FindingCounts()
    private(set) var leading: [Finding] = []
    /// Counts and first examples for `exceptions.html`.
    private(set) var digest = ExceptionsDigest()
    /// What the associate must chase, per vendor (`worklist.csv`, `worklist.xlsx`).
    private(set) var worklist: WorklistCollector

    init(
        folder: URL, feeds: [FeedSpec], leadingLimit: Int, pseudonymiser: Pseudonymiser? = nil,
        contracts: [ContractSpec] = [], settings: RunSettings = RunSettings()
    ) throws(OutputError) {
        self.folder = folder
        worklist = WorklistCollector(feeds: feeds, contracts: contracts)
        self.leadingLimit = leadingLimit
        exceptions = try ExceptionsWriter(
            folder: folder, csvColumns: settings.exceptionsColumns, excelSafe: settings.excelSafeCSV)
        feedNames = feeds.map(\.name)
        for feed in feeds {
            datasets[feed.name] = try DatasetWriter(
                feed: feed, folder: folder, pseudonymiser: pseudonymiser, excelSafe: settings.excelSafeCSV)
        }
    }

    /// Writes a record to its feed's clean or rejected dataset, and its findings.
    func write(_ record: ValidatedRecord, feed: String, file: String) throws(OutputError) {
        try dataset(feed)?.write(record, file: file)
        // Nothing more to do for a record without findings (most of them).
        guard !record.findings.isEmpty else { return }
        worklist.add(record, feed: feed)
        for finding in record.findings {
            try write(finding)
        }
    }

    /// The feed's dataset writer.
    @inline(__always)
    private func dataset(_ feed: String) -> DatasetWriter? {
        if let recentFeed, recentFeed.name == feed { return recentFeed.writer }
        let writer = datasets[feed]
        recentFeed = (feed, writer)
        return writer
    }

    /// Writes one finding to the exception report.
    func write(_ finding: Finding) throws(OutputError) {
        try exceptions.write(finding)
        counts.count(finding)
        if leading.count < leadingLimit { leading.append(finding) }
        digest.add(finding)
    }

    /// A place to roll back to before a file; only the latest one can be rolled back to (the
    /// report digest keeps what changed since it, not a copy).
    func checkpoint(feed: String?) -> Checkpoint {
        digest.mark()
        return Checkpoint(
            exceptions: exceptions.checkpoint, dataset: feed.flatMap { datasets[$0]?.checkpoint }, counts: counts,
            leading: leading.count, worklist: worklist)
    }

    func rollback(to checkpoint: Checkpoint, feed: String?) throws(OutputError) {
        try exceptions.rollback(to: checkpoint.exceptions)
        if let feed, let dataset = checkpoint.dataset { try datasets[feed]?.rollback(to: dataset) }
        counts = checkpoint.counts
        leading.removeLast(leading.count - checkpoint.leading)
        digest.rollbackToMark()
        worklist = checkpoint.worklist
    }

    /// Closes every file (synced to disk).
    func close() throws(OutputError) {
        try exceptions.close()
        for name in feedNames { try datasets[name]?.close() }
    }

    /// Path, size and SHA-256 of every file in the folder, sorted by path. Files a
    /// ``BufferedFileWriter`` wrote and nothing touched since take the digest it made while
    /// writing; the others are read.
    static func describeFiles(in folder: URL) throws(OutputError) -> [OutputSummary] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw OutputError(path: folder.path, message: "cannot list output folder")
        }
        var outputs: [OutputSummary] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = DisplayPath.of(url, relativeTo: folder)
            guard let identity = WrittenDigests.Identity(path: url.path) else {
                throw OutputError(
                    path: url.path, message: "cannot read output back: \(String(cString: strerror(errno)))")
            }
            do {
                let sha256 = try WrittenDigests.take(path: url.path, identity: identity) ?? FileDigest.sha256(of: url)
                outputs.append(OutputSummary(path: path, size: Int(identity.size), sha256: sha256))
            } catch {
                throw OutputError(path: url.path, message: "cannot read output back: \(error.localizedDescription)")
            }
        }
        return outputs.sorted { $0.path < $1.path }
    }
}
