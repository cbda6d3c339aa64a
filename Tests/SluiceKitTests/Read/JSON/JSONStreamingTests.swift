import Foundation
import Testing

@testable import SluiceKit

extension ReadTests {
    /// A ~50 MB records array is read one record at a time: the reader's buffered bytes stay
    /// at one record's worth, whatever the file size (a bound, not a timing).
    @Suite struct JSONStreamingTests {
        static let record =
            #"{"vendor": "ACME", "period": "2026-10", "metrics": [{"name": "service_level", "value": 92.50}, "#
            + #"{"name": "aht", "value": 312}], "note": "\u00e9 streaming test padding text"}"#

        @Test func fiftyMegabyteArrayStreamsWithBoundedMemory() throws {
            let count = 50_000_000 / Self.record.utf8.count
            let url = try Self.writeFile(records: count)
            defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
            let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
            #expect(size > 45_000_000)

            var reader = try JSONRecordReader(
                url: url, displayPath: "big.json", options: JSONOptions(recordsPath: "data.items"), lines: false)
            var seen = 0
            var last: RawRecord?
            while let record = try reader.next() {
                seen += 1
                last = record
            }
            #expect(seen == count)
            #expect(last?.number == count)
            #expect(last?.line == count + 1)
            #expect(last?.fields.count == 7)
            #expect(last?.fields.last?.path == "/data/items/\(count - 1)/note")
            // One record's keys, values and pointers are ~400 bytes; a few records' worth is the bound.
            #expect(reader.bufferedBytesHighWater > 200)
            #expect(reader.bufferedBytesHighWater < 2_000)
        }

        /// `{"meta": …, "data": {"items": [ record,\n … ]}, "after": …}`, written in ~1 MB pieces.
        static func writeFile(records: Int) throws -> URL {
            let url = try temporaryFile(
                Array(#"{"meta": {"rows": "many"}, "data": {"items": ["#.utf8), name: "big.json")
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            let line = Array(("\n" + record + ",").utf8)
            var piece: [UInt8] = []
            piece.reserveCapacity(1 << 20 + line.count)
            for index in 0..<records {
                piece.append(contentsOf: index == records - 1 ? line.dropLast() : line[...])
                if piece.count >= 1 << 20 {
                    try handle.write(contentsOf: piece)
                    piece.removeAll(keepingCapacity: true)
                }
            }
            piece.append(contentsOf: Array("\n]}, \"after\": [1, 2, 3]}\n".utf8))
            try handle.write(contentsOf: piece)
            return url
        }
    }
}
