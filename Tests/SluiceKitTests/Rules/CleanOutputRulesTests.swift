import Testing

@testable import SluiceKit

/// `clean: { file, columns }` in a feed: parsed, and every mistake reported at its place.
@Suite struct CleanOutputRulesTests {
    static func feed(_ clean: String, name: String = "acme") -> String {
        """
          - name: \(name)
            vendor: ACME
            files: ["\(name)_*.csv"]
            fields:
              - { name: queue, kind: text }
              - { name: handled, kind: integer }
        \(clean)
        """
    }

    private func load(_ feeds: String...) throws(RulesErrors) -> RuleSet {
        try RulesLoader.parse(sources: [("Rules/acme.yaml", "feeds:\n" + feeds.joined(separator: "\n"))])
    }

    private func errors(_ feeds: String...) -> [String] {
        do {
            _ = try RulesLoader.parse(sources: [("Rules/acme.yaml", "feeds:\n" + feeds.joined(separator: "\n"))])
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func defaultsToTheStandardLayout() throws {
        let feed = try load(Self.feed("")).feeds[0]
        #expect(feed.clean.file == nil)
        #expect(feed.clean.columns == nil)
        #expect(feed.clean.path(feed: feed.name) == "clean/acme.csv")
    }

    @Test func readsTheFileAndTheColumns() throws {
        let feed = try load(Self.feed("    clean: { file: out/cleaned.csv, columns: [handled, queue, source_line] }"))
            .feeds[0]
        #expect(feed.clean.file == "out/cleaned.csv")
        #expect(feed.clean.columns == ["handled", "queue", "source_line"])
        #expect(feed.clean.path(feed: feed.name) == "out/cleaned.csv")
    }

    @Test func reportsUnknownKeysAndColumnsWithDidYouMean() {
        #expect(
            errors(Self.feed("    clean: { fiel: cleaned.csv }")) == [
                "Rules/acme.yaml:8:14: unknown key 'fiel' in clean; did you mean 'file'? (known: file, columns)"
            ])
        #expect(
            errors(Self.feed("    clean: { columns: [queue, handeld, queue] }")) == [
                "Rules/acme.yaml:8:23: unknown column 'handeld'; did you mean 'handled'?",
                "Rules/acme.yaml:8:23: column 'queue' is listed twice",
            ])
    }

    @Test func rejectsFilesOutsideTheRunFolderOrOverOtherOutputs() {
        #expect(
            errors(Self.feed("    clean: { file: ../cleaned.csv }")) == [
                "Rules/acme.yaml:8:20: file must be a relative path inside the run folder such as 'cleaned.csv', not '../cleaned.csv'"
            ])
        #expect(
            errors(Self.feed("    clean: { file: /srv/cleaned.csv }")) == [
                "Rules/acme.yaml:8:20: file must be a relative path inside the run folder such as 'cleaned.csv', not '/srv/cleaned.csv'"
            ])
        #expect(
            errors(Self.feed("    clean: { file: cleaned.txt }")) == [
                "Rules/acme.yaml:8:20: file must name a .csv file, not 'cleaned.txt'"
            ])
        #expect(
            errors(Self.feed("    clean: { file: exceptions.csv }")) == [
                "Rules/acme.yaml:8:20: file 'exceptions.csv' is another output of the run; choose another name"
            ])
        #expect(
            errors(Self.feed("    clean: { file: rejected/acme.csv }")) == [
                "Rules/acme.yaml:8:20: file 'rejected/acme.csv' is inside the run's 'rejected/' folder; choose another place"
            ])
    }

    @Test func twoFeedsCannotWriteTheSameFile() {
        #expect(
            errors(
                Self.feed("    clean: { file: cleaned.csv }"),
                Self.feed("    clean: { file: Cleaned.csv }", name: "beta")) == [
                    "Rules/acme.yaml:15:12: the cleaned dataset 'cleaned.csv' is already written by the feed declared at Rules/acme.yaml:8; give each feed its own 'clean: { file: ... }'"
                ])
        #expect(
            errors(Self.feed(""), Self.feed("    clean: { file: clean/acme.csv }", name: "beta")) == [
                "Rules/acme.yaml:15:12: the cleaned dataset 'clean/acme.csv' is already written by the feed declared at Rules/acme.yaml:2; give each feed its own 'clean: { file: ... }'"
            ])
    }
}
