import Testing

@testable import SluiceKit

/// Rules keys for strict integers, case-sensitive tokens, field `unique` and the exceptions
/// layout: parsed, and every mistake reported at its line and column.
@Suite struct SpecRowRulesTests {
    static func feed(numberFormat: String = "", fields: String) -> String {
        """
        feeds:
          - name: bench
            vendor: V
            files: [bench.csv]
        \(numberFormat)
            fields:
        \(fields)
        """
    }

    private func load(_ text: String) throws(RulesErrors) -> RuleSet {
        try RulesLoader.parse(sources: [("Rules/bench.yaml", text)])
    }

    private func errors(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func defaultsKeepTodaysBehaviour() throws {
        let field = try load(Self.feed(fields: "      - { name: n, kind: integer }")).feeds[0].fields[0]
        #expect(field.allowsPlusSign)
        #expect(field.maxDigits == nil)
        #expect(!field.caseSensitive)
        #expect(field.unique == nil)
        let settings = try load(Self.feed(fields: "      - { name: n, kind: integer }")).settings
        #expect(settings.exceptionsColumns == nil)
        #expect(settings.excelSafeCSV)
    }

    @Test func numberFormatSetsIntegerDefaultsAndAFieldOverridesThem() throws {
        let feed = try load(
            Self.feed(
                numberFormat: "    number-format: { plus-sign: false, max-digits: 9 }",
                fields: """
                          - { name: a, kind: integer }
                          - { name: b, kind: integer, plus-sign: true, max-digits: 12 }
                    """)
        ).feeds[0]
        #expect(feed.fields.map(\.allowsPlusSign) == [false, true])
        #expect(feed.fields.map(\.maxDigits) == [9, 12])
    }

    @Test func caseSensitiveAndUniqueAreRead() throws {
        let feed = try load(
            Self.feed(
                fields: """
                          - { name: id, kind: text, unique: true }
                          - { name: alt, kind: text, unique: { severity: warning } }
                          - { name: other, kind: text, unique: false }
                          - { name: flag, kind: boolean, true: [Y], false: [N], case-sensitive: true }
                          - { name: channel, kind: enum, values: [voice], case-sensitive: true }
                    """)
        ).feeds[0]
        #expect(feed.fields.map(\.unique) == [.error, .warning, nil, nil, nil])
        #expect(feed.fields.map(\.caseSensitive) == [false, false, false, true, true])
    }

    @Test func mistakesAreReportedAtTheirPlace() {
        #expect(
            errors(Self.feed(fields: "      - { name: n, kind: text, case-sensitive: true }")) == [
                "Rules/bench.yaml:7:32: 'case-sensitive' applies only to fields of kind boolean or enum, not text"
            ])
        #expect(
            errors(Self.feed(fields: "      - { name: n, kind: decimal, plus-sign: false, max-digits: 3 }")) == [
                "Rules/bench.yaml:7:35: 'plus-sign' applies only to fields of kind integer, not decimal",
                "Rules/bench.yaml:7:53: 'max-digits' applies only to fields of kind integer, not decimal",
            ])
        #expect(
            errors(Self.feed(fields: "      - { name: n, kind: integer, max-digits: 0 }")) == [
                "Rules/bench.yaml:7:47: max-digits must be a whole number of at least 1, not '0'"
            ])
        #expect(
            errors(Self.feed(fields: "      - { name: n, kind: integer, max-digits: 19 }")) == [
                "Rules/bench.yaml:7:47: max-digits must be at most 18 (a 64-bit integer), not 19"
            ])
        #expect(
            errors(Self.feed(fields: "      - { name: n, kind: integer, plus-sign: maybe }")) == [
                "Rules/bench.yaml:7:46: plus-sign must be true or false, not 'maybe'"
            ])
        #expect(
            errors(Self.feed(fields: "      - { name: n, kind: text, unique: { severty: warning } }")) == [
                "Rules/bench.yaml:7:42: unknown key 'severty' in unique; did you mean 'severity'? (known: severity)"
            ])
        #expect(
            errors(Self.feed(fields: "      - { name: n, kind: text, uniqe: true }")) == [
                "Rules/bench.yaml:7:32: unknown key 'uniqe' in a field; did you mean 'unique'? (known: name, description, aliases, kind, formats, format, null, required, range, pattern, max-length, true, false, values, decimal-separator, thousands-separator, percent-scale, pii, trim, plus-sign, max-digits, case-sensitive, unique)"
            ])
        #expect(
            errors(
                Self.feed(
                    numberFormat: "    number-format: { plus-sing: false }",
                    fields: "      - { name: n, kind: integer }")) == [
                    "Rules/bench.yaml:5:22: unknown key 'plus-sing' in number-format; did you mean 'plus-sign'? (known: decimal-separator, thousands-separator, plus-sign, max-digits)"
                ])
    }

    static let settingsFeed = "feeds:\n  - { name: a, vendor: A, files: [a.csv], fields: [{ name: x, kind: text }] }\n"

    @Test func exceptionsColumnsAndExcelSafetyAreRead() throws {
        let rules = try load(
            "settings:\n  exceptions-columns: [file, record, field, rule, value]\n  excel-safe-csv: false\n"
                + Self.settingsFeed)
        #expect(rules.settings.exceptionsColumns == ["file", "record", "field", "rule", "value"])
        #expect(!rules.settings.excelSafeCSV)
    }

    @Test func unknownOrRepeatedExceptionsColumnsAreErrors() {
        #expect(
            errors("settings:\n  exceptions-columns: [file, recrod, rule, file]\n" + Self.settingsFeed) == [
                "Rules/bench.yaml:2:30: unknown exceptions column 'recrod'; did you mean 'record'?",
                "Rules/bench.yaml:2:44: exceptions column 'file' is listed twice",
            ])
        #expect(
            errors("settings:\n  exceptions-columns: []\n" + Self.settingsFeed) == [
                "Rules/bench.yaml:2:23: 'exceptions-columns' must name at least one column"
            ])
        #expect(
            errors("settings:\n  excel-safe-csv: sometimes\n" + Self.settingsFeed) == [
                "Rules/bench.yaml:2:19: excel-safe-csv must be true or false, not 'sometimes'"
            ])
    }
}
