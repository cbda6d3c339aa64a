import Testing

@testable import SluiceKit

/// `format: [csv, json, ...]`: one feed, each file's extension choosing its format.
@Suite struct FeedFormatsRulesTests {
    static func feed(_ lines: String) -> String {
        """
        feeds:
          - name: bench
            vendor: V
            files: ["bench.*"]
        \(lines)
            fields: [{ name: x, kind: text }]
        """
    }

    private func load(_ text: String) throws(RulesErrors) -> FeedSpec {
        try RulesLoader.parse(sources: [("Rules/bench.yaml", text)]).feeds[0]
    }

    private func errors(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func oneFormatKeepsTheListEmpty() throws {
        let feed = try load(Self.feed("    format: json"))
        #expect(feed.format == .json)
        #expect(feed.formats == [])
        #expect(feed.reading(fileName: "bench.csv").format == .json)
    }

    @Test func severalFormatsAreChosenByExtension() throws {
        let feed = try load(
            Self.feed(
                "    format: [csv, json, ndjson, xml]\n    xml: { record: /records/record }\n    csv: { delimiter: ';' }"
            ))
        #expect(feed.format == .csv)
        #expect(feed.formats == [.csv, .json, .ndjson, .xml])
        #expect(feed.xml.recordPath == "/records/record")
        #expect(feed.csv.delimiter == UInt8(ascii: ";"))
        let chosen = [
            "bench.csv", "bench.JSON", "bench.ndjson", "bench.jsonl", "bench.xml", "bench.xlsx", "bench", "a.b.xml",
        ]
        .map { feed.reading(fileName: $0).format }
        #expect(chosen == [.csv, .json, .ndjson, .ndjson, .xml, .csv, .csv, .xml])
    }

    @Test func jsonRecordsApplyToTheJSONFilesOfAFeedThatAlsoTakesNDJSON() throws {
        let feed = try load(Self.feed("    format: [json, ndjson]\n    json: { records: data.items }"))
        #expect(feed.reading(fileName: "bench.json").json.recordsPath == "data.items")
        #expect(feed.reading(fileName: "bench.ndjson").json.recordsPath == "")
        #expect(
            errors(Self.feed("    format: [csv, ndjson]\n    json: { records: data }")) == [
                "Rules/bench.yaml:6:11: an ndjson feed has one record per line; 'records' applies to format json only"
            ])
    }

    @Test func mistakesAreReportedAtTheirPlace() {
        #expect(
            errors(Self.feed("    format: [csv, jsno, csv]")) == [
                "Rules/bench.yaml:5:19: unknown format 'jsno'; did you mean 'json'? (known: csv, xml, json, ndjson, xlsx)",
                "Rules/bench.yaml:5:25: format 'csv' is listed twice",
            ])
        #expect(
            errors(Self.feed("    format: []")) == [
                "Rules/bench.yaml:5:13: 'format' must name at least one format"
            ])
        #expect(
            errors(Self.feed("    format: [json, xml]\n    csv: { delimiter: ';' }")) == [
                "Rules/bench.yaml:6:5: 'csv' options apply to format csv, but this feed's formats are json, xml"
            ])
        #expect(
            errors(Self.feed("    format: [csv, xml]\n    json: { records: data }")) == [
                "Rules/bench.yaml:6:5: 'json' options apply to formats json and ndjson, but this feed's formats are csv, xml"
            ])
    }
}
