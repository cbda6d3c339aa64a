import Testing

@testable import SluiceKit

@Suite struct RulesLoaderTests {
    static let minimal = """
        feeds:
          - name: acme
            vendor: ACME
            files: ["acme_*.csv"]
            fields:
              - name: period
                kind: date
                formats: [yyyy-MM-dd]
                required: true
              - name: value
                kind: decimal
                range: { min: 0, max: 100, max-exclusive: true, severity: warning }
            unique-key: [period]
        """

    private func load(_ text: String, file: String = "Rules/acme.yaml") throws(RulesErrors) -> RuleSet {
        try RulesLoader.parse(sources: [(file, text)])
    }

    private func errors(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func loadsAFeedWithItsFieldsAndConstraints() throws {
        let rules = try load(Self.minimal)
        let feed = try #require(rules.feed(named: "acme"))
        #expect(feed.vendor == .constant("ACME"))
        #expect(feed.files == ["acme_*.csv"])
        #expect(feed.fields.map(\.name) == ["period", "value"])
        #expect(feed.fields[0].required == .error)
        #expect(feed.fields[0].formats == ["yyyy-MM-dd"])
        #expect(
            feed.fields[1].constraints == [
                .range(min: RangeBound(raw: "0"), max: RangeBound(raw: "100", exclusive: true), severity: .warning)
            ])
        #expect(feed.uniqueKey == UniqueKeySpec(fields: ["period"], severity: .error))
        #expect(feed.declaredAt == RulesLocation(file: "Rules/acme.yaml", line: 2, column: 5))
        #expect(rules.settings == RunSettings())
    }

    @Test(arguments: [
        (
            "feeds:\n  - name: a\n    vendor: A\n    files: [a.csv]\n    treshold: 3\n    fields:\n      - {name: x, kind: text}\n",
            "Rules/acme.yaml:5:5: unknown key 'treshold' in a feed (known: name, description, vendor, files, format, csv, xml, json, xlsx, number-format, percent-scale, fields, checks, unique-key, kpi, clean)"
        ),
        (
            "feeds:\n  - name: a\n    vendor: A\n    files: [a.csv]\n    fields:\n      - {name: x, kind: integr}\n",
            "Rules/acme.yaml:6:25: unknown kind 'integr'; did you mean 'integer'? (known: text, integer, decimal, percent, duration, date, timestamp, boolean, enum)"
        ),
        (
            "feeds:\n  - name: a\n    vendor: A\n    files: [a.csv]\n    fields:\n      - {name: x, kind: text, requird: true}\n",
            "Rules/acme.yaml:6:31: unknown key 'requird' in a field; did you mean 'required'? (known: name, description, aliases, kind, formats, format, null, required, range, pattern, max-length, true, false, values, decimal-separator, thousands-separator, percent-scale, pii, trim, plus-sign, max-digits, case-sensitive, unique)"
        ),
        (
            "feeds:\n  - name: a\n    vendor: A\n    files: [a.csv]\n    fields:\n      - {name: x, kind: text, pattern: \"[a-\"}\n",
            "Rules/acme.yaml:6:40: invalid regular expression '[a-'"
        ),
        (
            "feeds:\n  - name: a\n    vendor: A\n    files: [a.csv]\n    fields:\n      - {name: x, kind: text}\n    unique-key: [y]\n",
            "Rules/acme.yaml:7:17: unknown field 'y'"
        ),
        (
            "feeds:\n  - name: a\n    vendor: A\n    files: [a.csv]\n    fields:\n      - {name: start, kind: date}\n      - {name: end, kind: date}\n    checks:\n      - compare: end >= strat\n",
            "Rules/acme.yaml:9:18: unknown field 'strat'; did you mean 'start'?"
        ),
        (
            "feeds:\n  - name: a\n    vendor: A\n    files: [a.csv]\n    csv: {encoding: latin-2}\n    fields:\n      - {name: x, kind: text}\n",
            "Rules/acme.yaml:5:21: unknown encoding 'latin-2' (known: utf-8, utf-16, windows-1252, iso-8859-1)"
        ),
        (
            "feeds:\n  - name: a\n    vendor: A\n    files: [a.csv]\n    fields:\n      - {name: x, kind: enum}\n",
            "Rules/acme.yaml:6:9: field 'x' of kind enum needs 'values'"
        ),
        (
            "feeds:\n  - name: a\n    vendor: A\n    fields:\n      - {name: x, kind: text}\n",
            "Rules/acme.yaml:2:5: feed 'a' is missing the required key 'files'"
        ),
        (
            "feeds:\n  - name: a\n    vendor: A\n    files: [a.csv]\n    fields:\n      - {name: x, kind: text, range: {min: 1}}\n      - name: y\n        kind: boolean\n        values: [a]\n",
            "Rules/acme.yaml:9:9: 'values' applies only to fields of kind enum, not boolean"
        ),
        (
            "feeds:\n  - name: a\n    vendor: A\n    files: [a.csv]\n    fields:\n      - {name: x, kind: text\n",
            "Rules/acme.yaml:7:1: invalid YAML: while parsing a flow mapping did not find expected ',' or '}'"
        ),
    ])
    func reportsProblemsAtTheirLineAndColumn(yaml: String, expected: String) {
        #expect(errors(yaml).first == expected)
    }

    @Test func reportsEveryProblemNotJustTheFirst() {
        let yaml = "feeds:\n  - name: a\n    vendr: A\n    files: [a.csv]\n    fields:\n      - {name: x, kind: txt}\n"
        #expect(
            errors(yaml) == [
                "Rules/acme.yaml:2:5: feed 'a' is missing the required key 'vendor'",
                "Rules/acme.yaml:3:5: unknown key 'vendr' in a feed; did you mean 'vendor'? (known: name, description, vendor, files, format, csv, xml, json, xlsx, number-format, percent-scale, fields, checks, unique-key, kpi, clean)",
                "Rules/acme.yaml:6:25: unknown kind 'txt'; did you mean 'text'? (known: text, integer, decimal, percent, duration, date, timestamp, boolean, enum)",
            ])
    }

    @Test func rejectsTheSameFeedNameTwiceAcrossFiles() {
        let feed =
            "feeds:\n  - name: a\n    vendor: A\n    files: [a.csv]\n    fields:\n      - {name: x, kind: text}\n"
        #expect(
            throws: RulesErrors([
                RulesError(
                    location: RulesLocation(file: "Rules/b.yaml", line: 2, column: 5),
                    message: "feed 'a' is already declared at Rules/a.yaml:2")
            ])
        ) {
            try RulesLoader.parse(sources: [("Rules/a.yaml", feed), ("Rules/b.yaml", feed)])
        }
    }

    @Test func readsDialectNumberFormatAndEnumSynonyms() throws {
        let yaml = """
            settings:
              max-error-findings: 7
            feeds:
              - name: b
                vendor: { field: vendor }
                files: ["b_*.csv", "B-*.txt"]
                csv: { delimiter: ";", encoding: windows-1252, skip-lines: 2, drop-last-rows: 1, drop-rows-matching: "^Total" }
                number-format: { decimal-separator: ",", thousands-separator: "." }
                fields:
                  - { name: vendor, kind: text }
                  - { name: sl, kind: percent }
                  - name: channel
                    kind: enum
                    values:
                      voice: [Phone, Call]
                      chat:
                  - name: ok
                    kind: boolean
                    true: [Y]
                    false: [N]
            """
        let rules = try load(yaml)
        let feed = try #require(rules.feed(named: "b"))
        #expect(rules.settings.maxErrorFindings == 7)
        #expect(feed.vendor == .field("vendor"))
        #expect(
            feed.csv
                == CSVOptions(
                    delimiter: UInt8(ascii: ";"), encoding: .windows1252, skipLines: 2, dropLastRows: 1,
                    dropRowsMatching: "^Total"))
        #expect(feed.fields[1].decimalSeparator == ",")
        #expect(feed.fields[1].thousandsSeparator == ".")
        #expect(
            feed.fields[2].enumValues == [
                EnumValue(value: "voice", synonyms: ["Phone", "Call"]), EnumValue(value: "chat"),
            ])
        #expect(feed.fields[3].trueTokens == ["Y"])
        #expect(feed.fields[3].falseTokens == ["N"])
    }

    @Test func theShippedRulesLoad() throws {
        let rules = try RulesLoader.load(
            directory: TestPaths.repoRoot.appendingPathComponent("Rules"), displayBase: TestPaths.repoRoot)
        #expect(
            rules.feeds.map(\.name) == [
                "acme-scorecard", "brightline-scorecard", "corvia-interactions", "corvia-scorecard", "nimbus-kpis",
                "nimbus-incidents", "nimbus-scorecard",
            ])
        #expect(rules.contracts.map(\.id) == ["ACME-CS-2026", "BRL-2026-W", "COR-2026", "NIM-2026"])
        #expect(rules.kpis.count == 11)
    }
}
