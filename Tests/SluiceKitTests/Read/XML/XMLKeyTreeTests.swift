import Foundation
import Testing

@testable import SluiceKit

extension ReadTests {
    /// The collector makes each key once per file and finds it again by element name and sibling
    /// index: keys, paths and columns must not depend on what earlier records looked like.
    @Suite struct XMLKeyTreeTests {
        static let reshaped = """
            <rows>
            <r><a>1</a><item>x</item><b><c>2</c><c>3</c></b><item>y</item></r>
            <r><item>p</item><b><c>4</c></b><a>5</a><item>q</item><item>r</item><b><c>6</c></b></r>
            <r><a k="v">7</a><b><c/><d>8</d></b></r>
            </rows>
            """

        static let expected = [
            [
                "a=1 @2:1 /rows/r[1]/a",
                "item=x @2:2 /rows/r[1]/item",
                "b/c=2 @2:3 /rows/r[1]/b/c",
                "b/c[2]=3 @2:4 /rows/r[1]/b/c[2]",
                "item[2]=y @2:5 /rows/r[1]/item[2]",
            ],
            [
                "item=p @3:1 /rows/r[2]/item",
                "b/c=4 @3:2 /rows/r[2]/b/c",
                "a=5 @3:3 /rows/r[2]/a",
                "item[2]=q @3:4 /rows/r[2]/item[2]",
                "item[3]=r @3:5 /rows/r[2]/item[3]",
                "b[2]/c=6 @3:6 /rows/r[2]/b[2]/c",
            ],
            [
                "a=7 @4:1 /rows/r[3]/a",
                "a@k=v @4:2 /rows/r[3]/a/@k",
                "b/c= @4:3 /rows/r[3]/b/c",
                "b/d=8 @4:4 /rows/r[3]/b/d",
            ],
        ]

        /// Every record of `xml`, parsed in one piece by a collector with the given key limit.
        static func collect(
            _ xml: String, recordPath: String, keyLimit: Int, fieldIDs: XMLFieldIDs? = nil
        ) throws -> [RawRecord] {
            let path = try #require(XMLRecordPath(recordPath))
            let parser = XMLSAXParser(
                collector: XMLRecordCollector(
                    recordPath: path, maxValueBytes: 1 << 20, fieldIDs: fieldIDs, keyLimit: keyLimit))
            Array(xml.utf8).withUnsafeBufferPointer { parser.parse($0) }
            parser.finish()
            #expect(parser.error == nil)
            #expect(parser.collector.pointee.failure == nil)
            var records: [RawRecord] = []
            while let record = parser.collector.pointee.popRecord() { records.append(record) }
            return records
        }

        @Test func keysFollowEachRecordsOwnShape() throws {
            let records = try Self.collect(Self.reshaped, recordPath: "/rows/r", keyLimit: 1 << 14)
            #expect(records.map(\.line) == [2, 3, 4])
            #expect(records.map(XMLFixtures.snapshot) == Self.expected)
        }

        /// Past the limit the key tree starts again at the next record, with the same results.
        @Test func restartedKeyTreeGivesTheSameRecords() throws {
            let records = try Self.collect(Self.reshaped, recordPath: "/rows/r", keyLimit: 1)
            #expect(records.map(XMLFixtures.snapshot) == Self.expected)
        }

        @Test func fieldIDsResolveTheSameWithARestartedKeyTree() throws {
            let xml = try String(contentsOf: XMLFieldIDTests.fixture, encoding: .utf8)
            let kept = try Self.collect(xml, recordPath: "//Record", keyLimit: 1 << 14, fieldIDs: XMLFieldIDs())
            let restarted = try Self.collect(xml, recordPath: "//Record", keyLimit: 1, fieldIDs: XMLFieldIDs())
            #expect(
                kept.map(XMLFixtures.snapshot) == [
                    [
                        "@contentId=501 @10:1 /Records/Record[1]/@contentId",
                        "@levelId=97 @10:2 /Records/Record[1]/@levelId",
                        "Vendor=Nimbus @11:3 /Records/Record[1]/Field",
                        "Vendor@id=16734 @11:4 /Records/Record[1]/Field/@id",
                        "Vendor@type=1 @11:5 /Records/Record[1]/Field/@type",
                        "Reporting Period=2026-10-31 @12:6 /Records/Record[1]/Field[2]",
                        "Reporting Period@id=16735 @12:7 /Records/Record[1]/Field[2]/@id",
                        "Reporting Period@type=3 @12:8 /Records/Record[1]/Field[2]/@type",
                        "Control Failures=3 @13:9 /Records/Record[1]/Field[3]",
                        "Control Failures@id=16736 @13:10 /Records/Record[1]/Field[3]/@id",
                        "Control Failures@type=2 @13:11 /Records/Record[1]/Field[3]/@type",
                    ],
                    [
                        "@contentId=502 @15:1 /Records/Record[2]/@contentId",
                        "@levelId=97 @15:2 /Records/Record[2]/@levelId",
                        "Vendor=Nimbus @16:3 /Records/Record[2]/Field",
                        "Vendor@id=16734 @16:4 /Records/Record[2]/Field/@id",
                        "Vendor@type=1 @16:5 /Records/Record[2]/Field/@type",
                        "Reporting Period=2026-09-30 @17:6 /Records/Record[2]/Field[2]",
                        "Reporting Period@id=16735 @17:7 /Records/Record[2]/Field[2]/@id",
                        "Reporting Period@type=3 @17:8 /Records/Record[2]/Field[2]/@type",
                        "Field 99999=7 @18:9 /Records/Record[2]/Field[3]",
                        "Field 99999@id=99999 @18:10 /Records/Record[2]/Field[3]/@id",
                        "Field 99999@type=2 @18:11 /Records/Record[2]/Field[3]/@type",
                    ],
                ])
            #expect(restarted.map(XMLFixtures.snapshot) == kept.map(XMLFixtures.snapshot))
        }
    }
}
