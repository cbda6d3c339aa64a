import Foundation
import Testing

/// Golden files: compared byte for byte, rewritten only when `RECORD_GOLDENS=1` is set.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    /// Compares every file under `actual` with the same path under `expected` (both ways).
    static func compareFolder(_ actual: URL, with expected: URL, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let manager = FileManager.default
        if recording {
            try? manager.removeItem(at: expected)
            try manager.copyItem(at: actual, to: expected)
            return
        }
        let actualFiles = try files(in: actual)
        let expectedFiles = try files(in: expected)
        #expect(actualFiles == expectedFiles, "published files differ from Expected", sourceLocation: sourceLocation)
        for path in actualFiles where expectedFiles.contains(path) {
            // Bytes, not text: quarantined copies may be binary (a workbook, a PDF).
            let got = try Data(contentsOf: actual.appendingPathComponent(path))
            let want = try Data(contentsOf: expected.appendingPathComponent(path))
            if got != want {
                let text = { (data: Data) in String(data: data, encoding: .utf8) ?? "(\(data.count) bytes, not UTF-8)" }
                #expect(text(got) == text(want), "\(path) differs from its golden file", sourceLocation: sourceLocation)
                #expect(got == want, "\(path) differs from its golden file", sourceLocation: sourceLocation)
            }
        }
    }

    /// Compares text with one golden file.
    static func compare(_ text: String, with expected: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if recording {
            try FileManager.default.createDirectory(
                at: expected.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: expected)
            return
        }
        let want = try String(contentsOf: expected, encoding: .utf8)
        #expect(
            text == want, "\(expected.lastPathComponent) differs from its golden file", sourceLocation: sourceLocation)
    }

    /// Relative paths of every regular file, sorted.
    static func files(in folder: URL) throws -> [String] {
        guard
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            return []
        }
        var paths: [String] = []
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            paths.append(String(url.standardizedFileURL.path.dropFirst(base.count)))
        }
        return paths.sorted()
    }
}
