import Foundation
import Testing

@testable import SluiceKit

/// `sluice describe` on the sample inbox and on reader fixtures: the YAML is compared with a
/// golden file, loaded by the real rules loader, and the draft reads its own sample without a
/// type finding.
@Suite struct FeedDescriberTests {
    static let samples = [
        "Inbox/acme_scorecard_2026-10.csv", "Inbox/brightline_scorecard_2026-10.csv",
        "Inbox/corvia_interactions_20261028.csv", "Inbox/corvia_scorecard_2026-10.csv",
        "Inbox/nimbus_incidents_2026-10.json", "Inbox/nimbus_kpi_2026-10.xml", "Inbox/nimbus_scorecard_2026-09.xlsx",
        "Tests/SluiceKitTests/Fixtures/csv/windows-1252.csv", "Tests/SluiceKitTests/Fixtures/csv/utf16le-bom.csv",
        "Tests/SluiceKitTests/Fixtures/csv/semicolon-title-total.csv",
        "Tests/SluiceKitTests/Fixtures/json/crlf-blank-lines.ndjson",
        "Tests/SluiceKitTests/Fixtures/json/data-items-with-siblings.json",
        "Tests/SluiceKitTests/Fixtures/xml/namespaces.xml",
    ]

    static let goldens = TestPaths.repoRoot.appendingPathComponent("Tests/SluiceKitTests/Fixtures/golden/describe")

    static func describe(_ path: String, vendor: String? = nil) throws -> FeedDraft {
        try FeedDescriber.describe(
            file: TestPaths.repoRoot.appendingPathComponent(path), displayBase: TestPaths.repoRoot, vendor: vendor,
            feedName: nil)
    }

    @Test(arguments: samples) func theDraftMatchesItsGoldenFile(_ path: String) throws {
        let draft = try Self.describe(path)
        let name = (path as NSString).lastPathComponent + ".yaml"
        try Golden.compare(draft.yaml, with: Self.goldens.appendingPathComponent(name))
    }

    @Test(arguments: samples) func theDraftLoadsAndReadsItsSampleWithoutTypeFindings(_ path: String) throws {
        let draft = try Self.describe(path, vendor: "Test Vendor")
        let rules = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: rules) }
        try Data(draft.yaml.utf8).write(to: rules.appendingPathComponent("draft.yaml"))
        let ruleSet = try RulesLoader.load(directory: rules, displayBase: rules)
        #expect(ruleSet.feeds.map(\.name) == [draft.name])
        let file = TestPaths.repoRoot.appendingPathComponent(path)
        #expect(FeedRouter(feeds: ruleSet.feeds).route(fileName: file.lastPathComponent) == .feed(draft.name))
        let preview = try Preview.make(
            file: file, rules: ruleSet, feedName: nil, displayBase: TestPaths.repoRoot, limit: 10_000)
        let typeFindings = preview.records.flatMap(\.findings).filter { $0.ruleID == "type" || $0.ruleID == "required" }
        #expect(typeFindings.map(\.diagnostic) == [])
        #expect(preview.records.count == draft.records)
    }

    @Test func aDraftWithoutAVendorFailsRulesCheckAtTheVendorLineUntilFilledIn() throws {
        let draft = try Self.describe("Inbox/brightline_scorecard_2026-10.csv")
        #expect(draft.vendor == .unknown)
        let rules = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: rules) }
        let file = rules.appendingPathComponent("brightline.yaml")
        try Data(draft.yaml.utf8).write(to: file)
        #expect(throws: RulesErrors.self) { try RulesLoader.load(directory: rules, displayBase: rules) }
        do {
            _ = try RulesLoader.load(directory: rules, displayBase: rules)
        } catch {
            #expect(
                error.errors.map(\.description).first?.hasSuffix(
                    "brightline.yaml:6:12: vendor is empty; name the vendor ('vendor: ACME') or a field ('vendor: { field: vendor }')"
                ) == true, "\(error)")
        }
        let filled = draft.yaml.replacingOccurrences(
            of: "    vendor:  # fill in: the vendor's name (or { field: NAME } to read it from a column)",
            with: "    vendor: Brightline")
        try Data(filled.utf8).write(to: file)
        #expect(try RulesLoader.load(directory: rules, displayBase: rules).feeds.count == 1)
    }

    @Test func aVendorColumnBecomesTheVendorSource() throws {
        let draft = try Self.describe("Inbox/acme_scorecard_2026-10.csv")
        #expect(draft.vendor == .field("vendor"))
        #expect(draft.files == "acme_scorecard_*.csv")
        #expect(draft.name == "acme-scorecard")
    }

    @Test func aFileThatIsNoDataIsAnInputError() throws {
        let file = TestPaths.repoRoot.appendingPathComponent("Tests/SluiceKitTests/Fixtures/xlsx/legacy.xls")
        #expect {
            _ = try FeedDescriber.describe(file: file, displayBase: TestPaths.repoRoot, vendor: nil, feedName: nil)
        } throws: { error in
            "\(error)"
                == "Tests/SluiceKitTests/Fixtures/xlsx/legacy.xls: file is an encrypted workbook or a legacy Excel 97-2003 .xls file; describe reads CSV, XML, JSON, NDJSON and XLSX files"
        }
    }
}
