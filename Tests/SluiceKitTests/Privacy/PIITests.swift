import Foundation
import Testing

@testable import SluiceKit

@Suite struct PIIMaskTests {
    @Test(arguments: [
        ("John Doe", "J*** D**"),
        ("jane.roe@example.com", "j*******************"),
        ("  Ana  María ", "  A**  M**** "),
        ("X", "X"),
        ("", ""),
        ("<script>", "<*******"),
    ])
    func masksEachWordButItsFirstCharacter(value: String, masked: String) {
        #expect(PIIMask.mask(value) == masked)
    }

    @Test func masksOnlyQuotedOccurrencesInMessages() {
        let message = "field 'name' is 'Ann', which means no value; Ann is not quoted here"
        #expect(
            PIIMask.maskQuoted("Ann", in: message)
                == "field 'name' is 'A**', which means no value; Ann is not quoted here")
    }
}

@Suite struct PseudonymiserTests {
    static let key = "sluice-test-key-0123456789"

    /// Expected values from Python: `hmac.new(key, value, hashlib.sha256).hexdigest()[:16]`.
    @Test(arguments: [("Jane Roe", "b8097411eb8266ba"), ("John Doe", "90a93c022f81acb9"), ("Ana", "a6823b611a5c4761")])
    func isHMACSHA256TruncatedTo16HexDigits(value: String, pseudonym: String) {
        #expect(Pseudonymiser(key: Data(Self.key.utf8)).pseudonym(value) == pseudonym)
    }

    static func rules(_ settings: String = "") throws -> RuleSet {
        try RulesLoader.parse(sources: [
            (
                "Rules/hr.yaml",
                """
                \(settings)
                feeds:
                  - name: hr
                    vendor: ACME
                    files: ["hr_*.csv"]
                    fields:
                      - { name: agent, kind: text, pii: pseudonymise }
                      - { name: email, kind: text, pii: true }
                """
            )
        ])
    }

    @Test func readsTheKeyFromTheEnvironment() throws {
        let rules = try Self.rules()
        #expect(rules.feeds[0].fields.map(\.pii) == [.pseudonymise, .mask])
        let pseudonymiser = try Pseudonymiser.forRun(
            rules: rules, rulesFolder: URL(fileURLWithPath: "/nonexistent"),
            environment: ["SLUICE_PII_KEY": Self.key])
        #expect(pseudonymiser?.pseudonym("Jane Roe") == "b8097411eb8266ba")
    }

    @Test func readsTheKeyFileRelativeToTheRulesFolderWithoutItsLineEnd() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data((Self.key + "\n").utf8).write(to: folder.appendingPathComponent("pii.key"))
        let rules = try Self.rules("settings: { pii-key-file: pii.key }")
        // The file wins over the environment: the rules say where the key is.
        let pseudonymiser = try Pseudonymiser.forRun(
            rules: rules, rulesFolder: folder, environment: ["SLUICE_PII_KEY": "another-key-of-enough-length"])
        #expect(pseudonymiser?.pseudonym("Jane Roe") == "b8097411eb8266ba")
    }

    @Test func aMissingKeyIsARulesErrorAtTheField() throws {
        let rules = try Self.rules()
        #expect {
            _ = try Pseudonymiser.forRun(rules: rules, rulesFolder: URL(fileURLWithPath: "/"), environment: [:])
        } throws: { error in
            (error as? RulesErrors)?.description
                == "Rules/hr.yaml:7:9: field 'agent' is 'pii: pseudonymise', which needs a key: set the environment "
                + "variable SLUICE_PII_KEY or 'settings: pii-key-file:' (at least 16 bytes)"
        }
    }

    @Test func aShortKeyAndAnUnreadableKeyFileAreRulesErrors() throws {
        #expect {
            _ = try Pseudonymiser.forRun(
                rules: try Self.rules(), rulesFolder: URL(fileURLWithPath: "/"),
                environment: ["SLUICE_PII_KEY": "short"])
        } throws: { error in
            (error as? RulesErrors)?.description
                == "Rules/hr.yaml:7:9: the key in SLUICE_PII_KEY has 5 bytes; pseudonyms need at least 16"
        }
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            _ = try Pseudonymiser.forRun(
                rules: try Self.rules("settings: { pii-key-file: missing.key }"), rulesFolder: folder, environment: [:])
        } throws: { error in
            (error as? RulesErrors)?.description == "Rules/hr.yaml:1:27: cannot read the pii-key-file 'missing.key'"
        }
    }

    @Test func noKeyIsNeededWithoutPseudonymisedFields() throws {
        let rules = try RulesLoader.parse(sources: [
            (
                "Rules/a.yaml",
                "feeds:\n  - { name: a, vendor: A, files: [a.csv], fields: [{ name: x, kind: text, pii: true }] }"
            )
        ])
        #expect(try Pseudonymiser.forRun(rules: rules, rulesFolder: URL(fileURLWithPath: "/"), environment: [:]) == nil)
    }

    @Test func anUnknownPIIValueIsReportedAtItsLineAndColumn() {
        #expect {
            _ = try RulesLoader.parse(sources: [
                (
                    "Rules/a.yaml",
                    "feeds:\n  - { name: a, vendor: A, files: [a.csv], fields: [{ name: x, kind: text, pii: hash }] }"
                )
            ])
        } throws: { error in
            (error as? RulesErrors)?.description
                == "Rules/a.yaml:2:80: pii must be true, false or pseudonymise, not 'hash'"
        }
    }
}
