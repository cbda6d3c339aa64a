import Foundation

/// Writes `summary.json`: pretty, keys sorted, so it diffs well and golden files are stable.
enum SummaryWriter {
    static func write(_ summary: RunSummary, to url: URL) throws(OutputError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(summary)
            data.append(0x0A)
            try data.write(to: url, options: .atomic)
        } catch {
            throw OutputError(path: url.path, message: "cannot write summary: \(error.localizedDescription)")
        }
    }
}
