import Foundation
import Testing

@testable import SluiceKit

extension ReadTests {
    /// Tiny reads split records, tags, entities and multi-byte characters across chunks; the
    /// records and errors must be the same as with 1 MiB reads.
    @Suite struct XMLChunkBoundaryTests {
        static let readable: [(String, String)] = [
            ("servicenow-display-value.xml", "/unload/u_vendor_kpi"),
            ("nested.xml", "//record"),
            ("namespaces.xml", "//record"),
            ("cdata-entities.xml", "/rows/record"),
        ]

        @Test(arguments: readable.map(\.0))
        func sameRecordsWhateverTheChunkSize(name: String) throws {
            let path = Self.readable.first { $0.0 == name }!.1
            let options = XMLOptions(recordPath: path)
            let expected = try XMLFixtures.readAll(name, options: options)
            #expect(!expected.isEmpty)
            for size in [4, 7, 13, 64] {
                let records = try XMLFixtures.readAll(name, options: options, chunkSize: size)
                #expect(records.map(\.number) == expected.map(\.number), "chunk size \(size)")
                #expect(records.map(\.line) == expected.map(\.line), "chunk size \(size)")
                #expect(
                    records.map(XMLFixtures.snapshot) == expected.map(XMLFixtures.snapshot), "chunk size \(size)")
            }
        }

        @Test(arguments: [
            "xxe-file.xml", "billion-laughs.xml", "doctype.xml", "truncated.xml", "not-well-formed.xml", "binary.xml",
            "root-only.xml", "huge-text.xml",
        ])
        func sameErrorWhateverTheChunkSize(name: String) {
            let options = XMLOptions(recordPath: "/unload/u_vendor_kpi", maxValueBytes: 1000)
            let expected = XMLFixtures.errorMessage(name, options: options)
            #expect(expected != nil)
            for size in [4, 7, 64] {
                #expect(XMLFixtures.errorMessage(name, options: options, chunkSize: size) == expected, "size \(size)")
            }
        }
    }
}
