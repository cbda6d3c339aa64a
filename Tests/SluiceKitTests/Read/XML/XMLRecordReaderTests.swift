import Foundation
import Testing

@testable import SluiceKit

extension ReadTests {
    /// Keys, values, lines, columns and paths of the XML reader, exactly.
    @Suite struct XMLRecordReaderTests {
        static let serviceNow = XMLOptions(recordPath: "/unload/u_vendor_kpi")

        @Test func serviceNowExportWithDisplayValues() throws {
            let records = try XMLFixtures.readAll("servicenow-display-value.xml", options: Self.serviceNow)
            #expect(records.map(\.number) == [1, 2, 3])
            #expect(records.map(\.line) == [3, 11, 19])
            #expect(
                XMLFixtures.snapshot(records[0]) == [
                    "@action=INSERT_OR_UPDATE @3:1 /unload/u_vendor_kpi[1]/@action",
                    "sys_id=0a1b2c3d4e5f60718293a4b5c6d7e8f9 @4:2 /unload/u_vendor_kpi[1]/sys_id",
                    "u_vendor=a1b2c3d4e5f60718293a4b5c6d7e8f90 @5:3 /unload/u_vendor_kpi[1]/u_vendor",
                    "u_vendor@display_value=ACME Contact Ltd @5:4 /unload/u_vendor_kpi[1]/u_vendor/@display_value",
                    "u_period=2026-10 @6:5 /unload/u_vendor_kpi[1]/u_period",
                    "u_kpi=service_level @7:6 /unload/u_vendor_kpi[1]/u_kpi",
                    "u_kpi@display_value=Service level @7:7 /unload/u_vendor_kpi[1]/u_kpi/@display_value",
                    "u_value=81.5 @8:8 /unload/u_vendor_kpi[1]/u_value",
                    "u_comments= @9:9 /unload/u_vendor_kpi[1]/u_comments",
                ])
            #expect(
                XMLFixtures.snapshot(records[2]) == [
                    "@action=INSERT_OR_UPDATE @19:1 /unload/u_vendor_kpi[3]/@action",
                    "sys_id=2c3d4e5f60718293a4b5c6d7e8f90a1b @20:2 /unload/u_vendor_kpi[3]/sys_id",
                    "u_vendor=b2c3d4e5f60718293a4b5c6d7e8f90a1 @21:3 /unload/u_vendor_kpi[3]/u_vendor",
                    "u_vendor@display_value=Brightline BPO @21:4 /unload/u_vendor_kpi[3]/u_vendor/@display_value",
                    "u_period=2026-10 @22:5 /unload/u_vendor_kpi[3]/u_period",
                    "u_kpi=csat @23:6 /unload/u_vendor_kpi[3]/u_kpi",
                    "u_kpi@display_value=CSAT @23:7 /unload/u_vendor_kpi[3]/u_kpi/@display_value",
                    "u_value= @24:8 /unload/u_vendor_kpi[3]/u_value",
                    "u_comments=  not submitted   @25:9 /unload/u_vendor_kpi[3]/u_comments",
                ])
            #expect(records[1].fields.first { $0.key == "u_comments" }?.value == "Q4 & holiday peak")
            #expect(records.allSatisfy { $0.problems.isEmpty })
        }

        @Test func protocolShape() throws {
            let reader: any RecordReader = try XMLRecordReader(
                url: XMLFixtures.url("servicenow-display-value.xml"), displayPath: "x.xml", options: Self.serviceNow)
            #expect(reader.fixedHeader == nil)
            #expect(reader.headerLine == 0)
            #expect(reader.droppedRows == [])
        }

        @Test func nestedRepeatedAndRecordAttributes() throws {
            let records = try XMLFixtures.readAll("nested.xml", options: XMLOptions(recordPath: "/feed/record"))
            #expect(records.count == 1)
            #expect(
                XMLFixtures.snapshot(records[0]) == [
                    "@id=1 @2:1 /feed/record[1]/@id",
                    "vendor=ACME @3:2 /feed/record[1]/vendor",
                    "metrics/sl=81.5 @5:3 /feed/record[1]/metrics/sl",
                    "metrics/aht=312 @6:4 /feed/record[1]/metrics/aht",
                    "metrics/aht@unit=s @6:5 /feed/record[1]/metrics/aht/@unit",
                    "item=a @8:6 /feed/record[1]/item",
                    "item[2]=b @9:7 /feed/record[1]/item[2]",
                    "item[3]=c @10:8 /feed/record[1]/item[3]",
                ])
        }

        @Test func anyDepthPathFindsRecordsEverywhereButInsideRecords() throws {
            let records = try XMLFixtures.readAll("nested.xml", options: XMLOptions(recordPath: "//record"))
            #expect(records.map(\.number) == [1, 2])
            #expect(records.map(\.line) == [2, 13])
            #expect(
                XMLFixtures.snapshot(records[1]) == [
                    "@id=2 @13:1 /feed/group/record[1]/@id",
                    "vendor=Brightline @14:2 /feed/group/record[1]/vendor",
                    "record=inner @15:3 /feed/group/record[1]/record",
                ])
            let grouped = try XMLFixtures.readAll("nested.xml", options: XMLOptions(recordPath: "//group/record"))
            #expect(grouped.map(\.line) == [13])
        }

        @Test func namespacesAreIgnored() throws {
            for path in ["/export/batch/record", "/exp:export/x:batch/record", "//record"] {
                let records = try XMLFixtures.readAll("namespaces.xml", options: XMLOptions(recordPath: path))
                #expect(records.count == 2, "\(path)")
                #expect(
                    records.map(XMLFixtures.snapshot) == [
                        [
                            "@id=r1 @5:1 /export/batch/record[1]/@id",
                            "vendor=ACME @6:2 /export/batch/record[1]/vendor",
                            "csat= @7:3 /export/batch/record[1]/csat",
                            "csat@nil=true @7:4 /export/batch/record[1]/csat/@nil",
                        ],
                        [
                            "@id=r2 @9:1 /export/batch/record[2]/@id",
                            "vendor=Brightline @10:2 /export/batch/record[2]/vendor",
                        ],
                    ], "\(path)")
            }
        }

        @Test func cdataEntitiesEmptyAndMixedContent() throws {
            let records = try XMLFixtures.readAll("cdata-entities.xml", options: XMLOptions(recordPath: "/rows/record"))
            #expect(records.count == 1)
            #expect(
                XMLFixtures.pairs(records[0]) == [
                    "note: <b>bold</b> & more",
                    "name: Smith & Sons <UK> é€",
                    "quoted:   padded  ",
                    "quoted@label: a & b < c & d &lt;",
                    "multi: line one\nline two",
                    "empty: ",
                    "empty2: ",
                    "mixed: before  after",
                    "mixed/b: bold",
                ])
            #expect(records[0].fields.map(\.line) == [3, 4, 5, 5, 6, 8, 9, 10, 10])
            #expect(records[0].fields.map(\.column) == Array(1...9))
        }

        @Test func textOfTheRecordElementItself() throws {
            let url = try temporaryFile(Array("<list>\n<code kind=\"a\">X1</code>\n<code>  </code>\n</list>".utf8))
            let records = try XMLFixtures.readAll(
                url: url, displayPath: "x.xml", options: XMLOptions(recordPath: "//code"))
            #expect(
                records.map(XMLFixtures.snapshot) == [
                    ["text()=X1 @2:1 /list/code[1]/text()", "@kind=a @2:2 /list/code[1]/@kind"],
                    [],
                ])
        }

        @Test func utf16WithByteOrderMark() throws {
            let text = "<rows><record><vendor>Zoë 😀</vendor></record></rows>"
            let url = try temporaryFile([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            let records = try XMLFixtures.readAll(url: url, displayPath: "x.xml", options: XMLOptions())
            #expect(records.map(XMLFixtures.pairs) == [["vendor: Zoë 😀"]])
        }

        @Test func undeclaredNamespacePrefixIsTolerated() throws {
            let url = try temporaryFile(Array("<rows><k:record><k:v>1</k:v></k:record></rows>".utf8))
            let records = try XMLFixtures.readAll(url: url, displayPath: "x.xml", options: XMLOptions())
            #expect(records.map(XMLFixtures.pairs) == [["v: 1"]])
        }

        @Test(arguments: ["unload/u_vendor_kpi", "", "/", "//", "/unload//u_vendor_kpi", "/unload/u_kpi[1]", "//@id"])
        func invalidRecordPath(path: String) {
            #expect(
                XMLFixtures.errorMessage("servicenow-display-value.xml", options: XMLOptions(recordPath: path))
                    == "xml record path '\(path)' is not valid; expected an absolute path like "
                    + "'/unload/u_vendor_kpi' or an any-depth path like '//record'")
        }
    }
}
