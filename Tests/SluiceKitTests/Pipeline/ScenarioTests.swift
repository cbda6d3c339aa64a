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
        let actual = work.appendingPathComponent("Actual")
        try FileManager.default.createDirectory(at: actual, withIntermediateDirectories: true)
        let options = RunOptions(
            inbox: work.appendingPathComponent("Inbox"), rules: work.appendingPathComponent("Rules"),
            outbox: work.appendingPathComponent("Outbox"), displayBase: work,
            now: { Date(timeIntervalSince1970: 1_795_000_000) })
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
