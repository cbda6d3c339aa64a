import Foundation
import Testing

@testable import SluiceKit

/// `sluice preview` on a feed with several formats reads and names the file's own format.
@Suite struct PreviewFormatTests {
    @Test func aJSONFileOfACSVAndJSONFeedIsPreviewedAsJSON() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bench.json")
        try Data(#"[{"id": "A1", "n": "7"}]"#.utf8).write(to: file)
        let rules = try RulesLoader.parse(sources: [
            (
                "Rules/bench.yaml",
                """
                feeds:
                  - name: bench
                    vendor: V
                    files: ["bench.*"]
                    format: [csv, json]
                    fields: [{ name: id, kind: text }, { name: n, kind: integer }]
                """
            )
        ])
        let preview = try Preview.make(file: file, rules: rules, feedName: nil, displayBase: folder, limit: 5)
        #expect(preview.feed.format == .json)
        #expect(preview.records.count == 1)
        #expect(preview.text.split(separator: "\n").first?.hasPrefix("feed 'bench': json") == true)
    }
}
