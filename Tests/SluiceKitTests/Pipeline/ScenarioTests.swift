import Foundation
import Testing

@testable import SluiceKit

/// Runs each `Scenarios/<name>/{Inbox,Rules}` through the real pipeline in a fresh temp folder
/// and compares every published file with `Scenarios/<name>/Expected/`.
///
/// `RECORD_GOLDENS=1 swift test --filter ScenarioTests` rewrites the Expected folders.
@Suite struct ScenarioTests {
    static let folder = TestPaths.repoRoot.appendingPathComponent("Tests/SluiceKitTests/Scenarios")
    static let names =
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()) ?? []

    /// The run's clock: 2026-11-18T22:13:20Z.
    static let clock = Date(timeIntervalSince1970: 1_795_000_000)

    /// A scenario setting from a one-line file, if present.
    static func setting(_ name: String, in folder: URL) throws -> String? {
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Gives every inbox file the clock's time, or the date `received-on.txt` names for it
    /// (`file yyyy-MM-dd` per line), so receipt dates are reproducible.
    static func setReceivedDates(inbox: URL, from source: URL) throws {
        var dates: [String: Date] = [:]
        for line in try setting("received-on.txt", in: source)?.split(separator: "\n") ?? [] {
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count == 2, let day = CivilDate.iso(parts[1]) else { continue }
            dates[parts[0]] = Date(timeIntervalSince1970: TimeInterval(day.daysSinceEpoch * 86_400 + 43_200))
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: inbox.path) {
            try FileManager.default.setAttributes(
                [.modificationDate: dates[name] ?? clock], ofItemAtPath: inbox.appendingPathComponent(name).path)
        }
    }

    @Test(arguments: names)
    func scenario(_ name: String) throws {
        let source = Self.folder.appendingPathComponent(name)
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        for sub in ["Inbox", "Rules"] {
            let from = source.appendingPathComponent(sub)
            let origin =
                FileManager.default.fileExists(atPath: from.path)
                ? from : TestPaths.repoRoot.appendingPathComponent(sub)
            try FileManager.default.copyItem(at: origin, to: work.appendingPathComponent(sub))
        }
        let asOf =
            try Self.setting("as-of.txt", in: source).flatMap(CivilDate.iso) ?? CivilDate(year: 2026, month: 11, day: 6)
        try Self.setReceivedDates(inbox: work.appendingPathComponent("Inbox"), from: source)
        let actual = work.appendingPathComponent("Actual")
        try FileManager.default.createDirectory(at: actual, withIntermediateDirectories: true)
        let options = RunOptions(
            inbox: work.appendingPathComponent("Inbox"), rules: work.appendingPathComponent("Rules"),
            outbox: work.appendingPathComponent("Outbox"), displayBase: work, now: { Self.clock }, asOf: asOf)
        do {
            let report = try Pipeline.run(options)
            try FileManager.default.removeItem(at: actual)
            try FileManager.default.copyItem(at: report.runFolder, to: actual)
            let latest = try FileManager.default.destinationOfSymbolicLink(
                atPath: work.appendingPathComponent("Outbox/latest").path)
            #expect(latest == "runs/\(report.summary.runID)")
            let stderr = report.leadingFindings.map(\.diagnostic).joined(separator: "\n")
            try Data("exit \(report.exitStatus.rawValue)\n\(stderr)\n".utf8).write(
                to: actual.appendingPathComponent("stderr.txt"))
        } catch {
            try Data("exit \(ExitStatus.of(error).rawValue)\n\(error)\n".utf8).write(
                to: actual.appendingPathComponent("stderr.txt"))
            let outbox = work.appendingPathComponent("Outbox")
            #expect(
                !FileManager.default.fileExists(atPath: outbox.appendingPathComponent("runs").path),
                "a failed run published nothing")
        }
        try Golden.compareFolder(actual, with: source.appendingPathComponent("Expected"))
    }
}
