import Foundation

/// Decides, by content hash, whether an inbox file is new to the ledger: a file whose content
/// was already dealt with under the same path is skipped; the same content under another path
/// is a duplicate submission (reported, never processed twice).
struct LedgerGate {
    /// What the ledger says about one file.
    enum Verdict: Sendable, Hashable {
        /// Never seen: process it.
        case new
        /// The same content at the same path was dealt with by an earlier run.
        case skipped(LedgerFile)
        /// The same content arrived earlier under another path (in an earlier run, or earlier in this one).
        case duplicate(of: String, run: String, ledgerID: Int64?)
    }

    let ledger: Ledger
    let inbox: URL
    /// Content seen earlier in this run: sha256 → display path.
    private var seenThisRun: [String: String] = [:]

    init(ledger: Ledger, inbox: URL) {
        self.ledger = ledger
        self.inbox = inbox
    }

    /// The path of a file relative to the inbox: its identity across runs.
    func path(of file: InboxFile) -> String {
        DisplayPath.of(file.url, relativeTo: inbox)
    }

    /// The verdict for a file with content `sha256`, in this run's order of files.
    mutating func verdict(for file: InboxFile, sha256: String, runID: String) throws(StoreError) -> Verdict {
        let known = try ledger.files(sha256: sha256)
        let path = path(of: file)
        if let same = known.first(where: { $0.path == path }) { return .skipped(same) }
        if let first = known.first(where: { $0.outcome != .duplicate }) ?? known.first {
            return .duplicate(of: first.displayPath, run: first.runID, ledgerID: first.id)
        }
        if let earlier = seenThisRun[sha256] { return .duplicate(of: earlier, run: runID, ledgerID: nil) }
        seenThisRun[sha256] = file.displayPath
        return .new
    }
}
