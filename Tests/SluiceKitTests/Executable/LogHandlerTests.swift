import Foundation
import Logging
import Testing

@testable import SluiceKit
@testable import sluice

/// The log line formats and the progress line, tested in the executable's own module.
@Suite struct LogHandlerTests {
    @Test func jsonLinesAreExactAndEscaped() throws {
        let line = JSONLogHandler.line(
            timestamp: Date(timeIntervalSince1970: 1_795_919_400.1234), level: .warning,
            message: "Inbox/a.csv:2:4: error: [required] field 'q' is \"x\"\n\u{1}",
            metadata: ["rule": "required", "line": "2", "nested": .dictionary(["b": .array(["1", "2"]), "a": "x"])])
        #expect(
            line
                == #"{"timestamp":"2026-11-29T02:30:00.123Z","level":"warning","message":"Inbox/a.csv:2:4: error: [required] field 'q' is \"x\"\n\u0001","metadata":{"line":"2","nested":{"a":"x","b":["1","2"]},"rule":"required"}}"#
        )
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(parsed["message"] as? String == "Inbox/a.csv:2:4: error: [required] field 'q' is \"x\"\n\u{1}")
    }

    @Test func textLinesAreTheMessageAndDebugLinesSaySo() {
        #expect(
            TextLogHandler.format(level: .warning, message: "Inbox/a.csv:2:4: error: x") == "Inbox/a.csv:2:4: error: x")
        #expect(TextLogHandler.format(level: .error, message: "sluice: boom") == "sluice: boom")
        #expect(
            TextLogHandler.format(level: .debug, message: "Inbox/a.csv: feed 'a'") == "debug: Inbox/a.csv: feed 'a'")
    }

    @Test func levelsFollowQuietAndVerbose() throws {
        #expect(try LogOptions.parse([]).level == .info)
        #expect(try LogOptions.parse(["--quiet"]).level == .error)
        #expect(try LogOptions.parse(["--verbose"]).level == .debug)
        #expect(try LogOptions.parse(["--log-format", "json"]).format == .json)
    }

    @Test func theProgressLineShowsFilesRecordsAndRate() {
        let snapshot = RunProgress.Snapshot(filesDone: 3, filesTotal: 8, records: 1_204_000)
        #expect(ProgressLine.text(snapshot, elapsed: 2) == "sluice: 3/8 files, 1,204,000 records, 602,000 records/s")
        #expect(
            ProgressLine.text(RunProgress.Snapshot(filesDone: 0, filesTotal: 1, records: 0), elapsed: 0)
                == "sluice: 0/1 files, 0 records, 0 records/s")
        #expect(Counting.grouped(999) == "999")
        #expect(Counting.grouped(1000) == "1,000")
        #expect(Counting.grouped(12_345_678) == "12,345,678")
    }

    @Test(arguments: [
        (true, "xterm-256color", [String](), true),
        (false, "xterm-256color", [], false),
        (true, "dumb", [], false),
        (true, nil, [], true),
        (true, "xterm", ["--quiet"], false),
        (true, "xterm", ["--log-format", "json"], false),
        (true, "xterm", ["--verbose"], true),
    ])
    func theProgressLineIsOnlyForATerminal(_ isTerminal: Bool, _ term: String?, _ arguments: [String], _ wanted: Bool)
        throws
    {
        let logging = try LogOptions.parse(arguments)
        #expect(ProgressLine.isWanted(stderrIsTerminal: isTerminal, term: term, logging: logging) == wanted)
    }

    @Test func theProgressLineIsRedrawnInPlaceMakesWayForLogLinesAndIsErasedAtTheEnd() throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        let sink = StandardError(descriptor: descriptors[1])
        let progress = RunProgress()
        progress.begin(files: 2)
        progress.add(records: 1500)
        progress.fileDone()
        let line = ProgressLine(progress: progress, sink: sink, delay: .milliseconds(0), interval: .milliseconds(50))
        let started = Date()
        func waitForRedraw() {
            while !sink.showsProgress && Date().timeIntervalSince(started) < 10 { usleep(10_000) }
        }
        waitForRedraw()
        sink.line("Inbox/a.csv:2:4: error: [required] x")
        waitForRedraw()
        usleep(300_000)
        line.stop()
        #expect(!sink.showsProgress)
        sink.line("run 1: done")
        close(descriptors[1])
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while case let count = read(descriptors[0], &buffer, buffer.count), count > 0 { bytes += buffer[0..<count] }
        close(descriptors[0])
        let text = String(decoding: bytes, as: UTF8.self)
        let elapsed = Date().timeIntervalSince(started)
        #expect(text.hasPrefix("\rsluice: 1/2 files, 1,500 records, "), "\(text.debugDescription)")
        // A log line first erases the progress line, so it starts at the left margin on a clean line.
        #expect(text.contains("\u{1B}[K\r\u{1B}[KInbox/a.csv:2:4: error: [required] x\n"), "\(text.debugDescription)")
        // After stop: erased, and nothing redrawn before the next line.
        #expect(text.hasSuffix("\u{1B}[K\r\u{1B}[Krun 1: done\n"), "\(text.debugDescription)")
        // Throttled: one redraw per 50 ms at most (plus the first).
        let redraws = text.components(separatedBy: "\rsluice: ").count - 1
        #expect(redraws >= 2 && Double(redraws) <= elapsed / 0.05 + 2, "\(redraws) redraws in \(elapsed) s")
    }
}
