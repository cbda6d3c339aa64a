import Dispatch
import Foundation
import SluiceKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The single updating line a long run shows on a terminal:
/// `sluice: 3/8 files, 1,204,000 records, 412,300 records/s`.
///
/// Only when stderr is a terminal (never in cron mail or a log file), not with `--quiet` or
/// `--log-format json`, and not on a `dumb` terminal. It appears after the first second (a
/// short run shows nothing), is redrawn at most four times a second, and is erased when the
/// run ends, so the findings and the summary read as without it.
final class ProgressLine {
    /// Redraws per second, at most.
    static let interval = DispatchTimeInterval.milliseconds(250)
    /// Runs shorter than this show no progress line.
    static let delay = DispatchTimeInterval.seconds(1)

    private let timer: DispatchSourceTimer
    private let queue = DispatchQueue(label: "sluice.progress")
    private let sink: StandardError

    /// Whether to show a progress line at all.
    static func isWanted(stderrIsTerminal: Bool, term: String?, logging: LogOptions) -> Bool {
        stderrIsTerminal && term != "dumb" && !logging.quiet && logging.format == .text
    }

    /// The line for a snapshot after `elapsed` seconds.
    static func text(_ snapshot: RunProgress.Snapshot, elapsed: Double) -> String {
        let rate = elapsed > 0 ? Int((Double(snapshot.records) / elapsed).rounded()) : 0
        return
            "sluice: \(snapshot.filesDone)/\(snapshot.filesTotal) files, \(Counting.grouped(snapshot.records)) records, "
            + "\(Counting.grouped(rate)) records/s"
    }

    /// Starts a progress line for a run when wanted, giving the run its counters.
    static func start(for logging: LogOptions, options: inout RunOptions) -> ProgressLine? {
        let wanted = isWanted(
            stderrIsTerminal: isatty(2) == 1, term: ProcessInfo.processInfo.environment["TERM"], logging: logging)
        guard wanted else { return nil }
        let progress = RunProgress()
        options.progress = progress
        return ProgressLine(progress: progress, sink: .shared)
    }

    init(
        progress: RunProgress, sink: StandardError, delay: DispatchTimeInterval = ProgressLine.delay,
        interval: DispatchTimeInterval = ProgressLine.interval
    ) {
        self.sink = sink
        let started = ContinuousClock.now
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + delay, repeating: interval)
        timer.setEventHandler {
            let (seconds, attoseconds) = (ContinuousClock.now - started).components
            sink.progress(Self.text(progress.snapshot, elapsed: Double(seconds) + Double(attoseconds) / 1e18))
        }
        timer.resume()
    }

    /// Stops redrawing and erases the line.
    func stop() {
        timer.cancel()
        queue.sync {}  // a tick already running on the serial queue finishes first

        sink.clearProgress()
    }
}
