import Foundation
import Testing

@testable import SluiceKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Kills `sluice run` with SIGKILL at random moments, runs it again, and checks that nothing
/// half-written was ever visible, every record is published exactly once, and the outbox ends
/// as a clean single run leaves it.
@Suite struct CrashSafetyTests {
    static let trials = 50
    static let seed: UInt64 = 20_261_129
    static let topLevel = ["kpi.csv", "credits.csv", "submissions.csv"]

    @Test func aRunKilledAtAnyMomentIsCompletedByTheNextRun() throws {
        let (template, ids) = try StoreProcess.multiFileWork(contactFiles: 4, perFile: 150)
        defer { try? FileManager.default.removeItem(at: template) }
        // The reference: one clean run, and how long a run takes: the quickest of three clean
        // runs, so one slow run on a busy machine does not stretch the window past most runs' end.
        let reference = try copy(template)
        defer { try? FileManager.default.removeItem(at: reference) }
        let clock = ContinuousClock()
        var typical = Duration.seconds(3600)
        for attempt in 0..<3 {
            let folder = attempt == 0 ? reference : try copy(template)
            defer { if attempt > 0 { try? FileManager.default.removeItem(at: folder) } }
            let started = clock.now
            let clean = try StoreProcess.start(in: folder)
            clean.waitUntilExit()
            typical = min(typical, clock.now - started)
            #expect(clean.terminationStatus == 0)
        }
        let expected = try Self.topLevel.map {
            try Data(contentsOf: reference.appendingPathComponent("Outbox").appendingPathComponent($0))
        }
        #expect(try StoreProcess.publishedRecords(in: reference.appendingPathComponent("Outbox")) == ids.sorted())

        var random = SeededRandom(state: Self.seed)
        // The window follows the machine's speed during the trials: a run that ends before its
        // kill shows how long a run takes now, and when that is shorter (the machine was busier
        // while the clean runs were timed), later kills are drawn within it.
        var window = Self.microseconds(typical)
        var killedBeforeTheEnd = 0
        var moments: [String: Int] = [:]
        for trial in 0..<Self.trials {
            let work = try copy(template)
            defer { try? FileManager.default.removeItem(at: work) }
            let outbox = work.appendingPathComponent("Outbox")
            // Half the trials anywhere in a run, half in its last third, where publishing, the
            // store transaction and the top-level datasets happen within milliseconds.
            let from = trial.isMultiple(of: 2) ? 0 : window * 2 / 3
            let delay = Int.random(in: from...max(from + 1, window * 11 / 10), using: &random)
            let started = clock.now
            let victim = try StoreProcess.start(in: work)
            // Slept in slices of at most a millisecond, to see when a run ends before its kill.
            var ended: Duration?
            while ended == nil, Self.microseconds(clock.now - started) < delay {
                usleep(useconds_t(min(1000, max(1, delay - Self.microseconds(clock.now - started)))))
                if !victim.isRunning { ended = clock.now - started }
            }
            if ended == nil { kill(victim.processIdentifier, SIGKILL) }
            victim.waitUntilExit()
            if victim.terminationReason == .uncaughtSignal { killedBeforeTheEnd += 1 }
            if let ended { window = min(window, Self.microseconds(ended)) }
            try expectNothingHalfWritten(outbox, trial: trial, delay: delay)
            moments[try moment(outbox), default: 0] += 1

            let again = try ExecutableTests.run(["run", "--as-of", "2026-11-20"], in: work)
            #expect(again.status == 0, "trial \(trial) (delay \(delay) µs): \(again.stderr)")
            #expect(
                try StoreProcess.publishedRecords(in: outbox) == ids.sorted(),
                "trial \(trial) (delay \(delay) µs): every record published exactly once")
            for (name, data) in zip(Self.topLevel, expected) {
                #expect(
                    (try? Data(contentsOf: outbox.appendingPathComponent(name))) == data,
                    "trial \(trial) (delay \(delay) µs): \(name) as a clean run")
            }
            #expect(!FileManager.default.fileExists(atPath: outbox.appendingPathComponent(".staging").path))
            let runs = try FileManager.default.contentsOfDirectory(atPath: outbox.appendingPathComponent("runs").path)
            let published = try Store(outbox: outbox).ledger.runs(in: .published).map(\.id)
            #expect(runs.sorted() == published.sorted(), "trial \(trial): every run folder is a published run")
            #expect(
                try FileManager.default.destinationOfSymbolicLink(atPath: outbox.appendingPathComponent("latest").path)
                    == "runs/\(published.last ?? "")")
        }
        #expect(killedBeforeTheEnd >= Self.trials / 3, "kills landed while the run was working: \(moments)")
        print("kill moments over \(Self.trials) trials (seed \(Self.seed)): \(moments.sorted { $0.key < $1.key })")
    }

    /// A duration in whole microseconds.
    static func microseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000)
    }

    /// Where the killed run was: what its outbox shows before the next run recovers it.
    private func moment(_ outbox: URL) throws -> String {
        let runs =
            (try? FileManager.default.contentsOfDirectory(atPath: outbox.appendingPathComponent("runs").path)) ?? []
        guard let run = runs.first else {
            let staging = outbox.appendingPathComponent(".staging")
            return FileManager.default.fileExists(atPath: staging.path) ? "staging" : "before staging"
        }
        let database = try Database(path: outbox.appendingPathComponent(Store.fileName).path)
        let statement = try database.prepare("SELECT state FROM runs WHERE id = ?").bind([.text(run)])
        return try statement.step() ? statement.text(0) : "unknown"
    }

    private func copy(_ template: URL) throws -> URL {
        let work = try TestPaths.temporaryFolder()
        for sub in ["Inbox", "Rules"] {
            try FileManager.default.copyItem(
                at: template.appendingPathComponent(sub), to: work.appendingPathComponent(sub))
        }
        return work
    }

    /// What a reader could see after the kill: complete run folders only (every output their
    /// summary lists, at its size), complete top-level datasets, `latest` pointing at a run.
    private func expectNothingHalfWritten(_ outbox: URL, trial: Int, delay: Int) throws {
        let runs = outbox.appendingPathComponent("runs")
        for run in (try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? [] {
            let folder = runs.appendingPathComponent(run)
            let data = try Data(contentsOf: folder.appendingPathComponent("summary.json"))
            let summary = try JSONDecoder().decode(RunSummary.self, from: data)
            for output in summary.outputs {
                let attributes = try FileManager.default.attributesOfItem(
                    atPath: folder.appendingPathComponent(output.path).path)
                #expect(
                    (attributes[.size] as? Int) == output.size,
                    "trial \(trial) (delay \(delay) µs): \(run)/\(output.path) complete")
            }
        }
        for name in Self.topLevel {
            guard let text = try? String(contentsOf: outbox.appendingPathComponent(name), encoding: .utf8) else {
                continue
            }
            #expect(text.hasSuffix("\n"), "trial \(trial): \(name) complete")
        }
        let latest = outbox.appendingPathComponent("latest")
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: latest.path) {
            #expect(FileManager.default.fileExists(atPath: outbox.appendingPathComponent(target).path))
        }
    }
}
