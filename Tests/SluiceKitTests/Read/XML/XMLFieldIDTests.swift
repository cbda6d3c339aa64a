import Foundation
import Testing

@testable import SluiceKit

/// Archer-style exports: record fields named by numeric ids resolved through the metadata block.
@Suite struct XMLFieldIDTests {
    static let fixture = TestPaths.repoRoot.appendingPathComponent(
        "Tests/SluiceKitTests/Fixtures/xml/archer-field-ids.xml")

    @Test func fieldsAreKeyedByTheirDefinitionsName() throws {
        var reader = try XMLRecordReader(
            url: Self.fixture, displayPath: "Inbox/archer.xml",
            options: XMLOptions(recordPath: "//Record", fieldIDs: XMLFieldIDs()))
        let first = try #require(try reader.next())
        let values = first.fields.filter { !$0.key.contains("@") }.map { "\($0.key)=\($0.value ?? "nil")" }
        #expect(values == ["Vendor=Nimbus", "Reporting Period=2026-10-31", "Control Failures=3"])
        #expect(first.fields.first { $0.key == "Vendor" }?.path == "/Records/Record[1]/Field")
        #expect(first.fields.first { $0.key == "Reporting Period" }?.line == 12)
        let second = try #require(try reader.next())
        #expect(
            second.fields.filter { !$0.key.contains("@") }.map(\.key) == ["Vendor", "Reporting Period", "Field 99999"])
        #expect(try reader.next() == nil)
    }

    @Test func withoutFieldIDsTheFieldsKeepTheirElementNames() throws {
        var reader = try XMLRecordReader(
            url: Self.fixture, displayPath: "Inbox/archer.xml", options: XMLOptions(recordPath: "//Record"))
        let first = try #require(try reader.next())
        #expect(first.fields.filter { !$0.key.contains("@") }.map(\.key) == ["Field", "Field[2]", "Field[3]"])
    }

    @Test func theRulesDeclareFieldIDs() throws {
        let yaml = """
            feeds:
              - name: archer
                vendor: { field: vendor }
                files: ["archer_*.xml"]
                format: xml
                xml: { record: //Record, field-ids: { definition: FieldDefinition, field: Field } }
                fields:
                  - { name: vendor, kind: text, aliases: [Vendor] }
            """
        let rules = try RulesLoader.parse(sources: [("Rules/archer.yaml", yaml)])
        #expect(rules.feeds[0].xml.fieldIDs == XMLFieldIDs())
        #expect(rules.feeds[0].xml.recordPath == "//Record")
    }
}
