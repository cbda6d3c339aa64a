import Foundation

/// How ``FileProcessor`` runs a file's records: on one thread, or in two or three stages.
enum RecordStaging: Sendable, Hashable {
    /// Read, check and write each record in turn on the calling thread.
    case serial
    /// Stage A (a second thread) reads, binds and checks records in batches of `batchSize`;
    /// stage B (the calling thread) observes KPIs and writes them. At most `queued` batches
    /// wait between the two, so memory stays bounded whatever the file's size.
    case twoStage(batchSize: Int, queued: Int)
    /// As `twoStage`, but a third thread reads the file and hands raw records to stage A, which
    /// binds and checks them: the reader and the checks no longer share one core's time.
    case threeStage(batchSize: Int, queued: Int)
    /// As `threeStage`, but `checkers` threads check batches at once (each binds and checks what
    /// a record alone decides), and the writing stage makes the checks that depend on the
    /// records before (`unique`, `unique-key`) in file order. At most `queued` batches per
    /// checker, and `queued` more, are in flight.
    case parallel(checkers: Int, batchSize: Int, queued: Int)

    /// Records per hand-over and batches waiting, unless the environment says otherwise.
    /// Measured on 1M CSV rows (2 cores, release): batches of 2048 records cost 55 % more CPU
    /// than one thread (16.5 s against 10.6 s: the records in flight no longer fit in the
    /// cache, so stage B reads them back from memory), 256 cost 30 % more, 64 and 16 cost
    /// 5–10 % more (16 pays twice 64's system time in hand-overs).
    static let batchSize = 64
    static let queued = 2

    /// Check workers at most, whatever the number of cores: the read and writing stages are one
    /// thread each, so more checkers would wait for them.
    static let maxCheckers = 8

    /// Three stages when the machine has two or three cores, else one thread; from four cores, a
    /// read stage, a check worker for each core beyond two (at most ``maxCheckers``) and a
    /// writing stage. Measured on 1M rows (2 cores, idle, release): three stages took CSV from
    /// 5.1–6.2 s to 4.8–5.7 s and NDJSON from 7.8–9.6 s to 6.5–7.5 s against two, and the check
    /// stage was then the busiest thread; two check workers on the same two cores measured no
    /// faster (CSV 5.08–5.48 s against 5.04–5.12 s) for 0.5–1 s more CPU, as the cores were
    /// then full (BENCHMARKS.md). `SLUICE_THREADS=1` in the environment forces one thread, `2`
    /// two stages, `3` three, `N` above 3 a read stage, N − 2 check workers and a writing stage;
    /// `SLUICE_BATCH_RECORDS` sets the records per hand-over and `SLUICE_QUEUED_BATCHES` the
    /// batches waiting at most (both for measuring).
    static var `default`: RecordStaging {
        from(environment: ProcessInfo.processInfo.environment, cores: ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The staging for these environment variables on a machine with `cores` cores; values
    /// that are not positive whole numbers are ignored.
    static func from(environment: [String: String], cores: Int) -> RecordStaging {
        let threads = positiveNumber("SLUICE_THREADS", in: environment)
        guard (threads ?? cores) > 1 else { return .serial }
        let batch = positiveNumber("SLUICE_BATCH_RECORDS", in: environment)
        let waiting = positiveNumber("SLUICE_QUEUED_BATCHES", in: environment)
        if threads == 2 { return .twoStage(batchSize: batch ?? batchSize, queued: waiting ?? queued) }
        let total = threads ?? cores
        if total < 4 { return .threeStage(batchSize: batch ?? batchSize, queued: waiting ?? queued) }
        let checkers = min(total - 2, maxCheckers)
        return .parallel(checkers: checkers, batchSize: batch ?? batchSize, queued: waiting ?? queued)
    }

    /// The value of an environment variable that sets a count (`SLUICE_THREADS` and the
    /// like); `nil` when it is absent or not a positive whole number.
    static func positiveNumber(_ name: String, in environment: [String: String]) -> Int? {
        environment[name].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
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
