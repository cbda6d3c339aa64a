import Foundation

/// Paths tests read from, found from this file's place in the repo (no bundle resources).
enum TestPaths {
    /// The repository root.
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared`, present in the workplace and CI but not in a user's clone.
    static let shared = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// Whether `../shared` exists.
    static var sharedAvailable: Bool { FileManager.default.fileExists(atPath: shared.path) }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
