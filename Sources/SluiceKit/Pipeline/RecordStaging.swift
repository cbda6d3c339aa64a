import Foundation

/// How ``FileProcessor`` runs a file's records: on one thread, or in two stages on two.
enum RecordStaging: Sendable, Hashable {
    /// Read, check and write each record in turn on the calling thread.
    case serial
    /// Stage A (a second thread) reads, binds and checks records in batches of `batchSize`;
    /// stage B (the calling thread) observes KPIs and writes them. At most `queued` batches
    /// wait between the two, so memory stays bounded whatever the file's size.
    case twoStage(batchSize: Int, queued: Int)

    /// Two stages when the machine has a second core to run them on, else one thread.
    static var `default`: RecordStaging {
        ProcessInfo.processInfo.activeProcessorCount > 1 ? .twoStage(batchSize: 2048, queued: 2) : .serial
    }
}

extension FileProcessor {
    /// Why a file stops being read part-way: it is quarantined and nothing it produced is published.
    struct Stop: Sendable, Hashable {
        var ruleID: String
        var reason: String
        var line: Int?
        var column: Int?

        var outcome: Outcome {
            .quarantined(ruleID: ruleID, reason: reason, line: line, column: column)
        }

        /// A reader's error: the file cannot be read on.
        init(readError error: ReadError) {
            self.init(ruleID: "unreadable-file", reason: error.message, line: nil, column: nil)
        }

        init(ruleID: String, reason: String, line: Int?, column: Int?) {
            self.ruleID = ruleID
            self.reason = reason
            self.line = line
            self.column = column
        }

        /// Bytes that are not text in the file's encoding mean the file was exported or declared
        /// wrongly: every value is suspect, so the whole file waits for a fix. `nil` when the
        /// record has no such bytes. The reason reaches every report: `masked` (a feed with
        /// personal data) masks the value.
        init?(encodingOf raw: RawRecord, masked: Bool) {
            guard let bad = raw.problems.first(where: { $0.ruleID == "invalid-encoding" }) else { return nil }
            let value = masked ? PIIMask.mask(bad.rawValue ?? "") : bad.rawValue ?? ""
            let reason =
                "\(bad.message) at line \(bad.line)\(bad.column.map { ", column \($0)" } ?? "") ('\(value)'); \(bad.hint ?? "")"
            self.init(ruleID: "invalid-encoding", reason: reason, line: bad.line, column: bad.column)
        }
    }
}
