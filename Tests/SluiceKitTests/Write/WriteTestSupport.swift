import Foundation

@testable import SluiceKit

/// Golden files of the writer tests: `Fixtures/golden/<name>` (the test target excludes `Fixtures`).
func goldenFile(_ name: String) -> URL {
    TestPaths.repoRoot.appendingPathComponent("Tests/SluiceKitTests/Fixtures/golden").appendingPathComponent(name)
}

/// Runs `body` with a fresh temporary folder and removes the folder afterwards.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = try TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// The text of a file the writers produced.
func contents(_ url: URL) throws -> String {
    try String(contentsOf: url, encoding: .utf8)
}
