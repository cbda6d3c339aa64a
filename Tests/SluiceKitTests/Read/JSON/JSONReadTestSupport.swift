import Foundation
import Testing

@testable import SluiceKit

/// Reading JSON fixtures and temporary files for the JSON reader's tests.
enum JSONFixtures {
    /// `Tests/SluiceKitTests/Fixtures/json/<name>` (this file is 3 levels below `SluiceKitTests`).
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/json")
            .appendingPathComponent(name)
    }

    /// Reads every record of `Fixtures/json/<name>`.
    static func read(
        _ name: String, path: String = "", lines: Bool = false, chunkSize: Int = 1 << 20
    ) throws -> [RawRecord] {
        try read(url: JSONFixtures.url("\(name)"), displayPath: name, path: path, lines: lines, chunkSize: chunkSize)
    }

    /// Reads every record of a file.
    static func read(
        url: URL, displayPath: String, path: String = "", lines: Bool = false, chunkSize: Int = 1 << 20
    ) throws -> [RawRecord] {
        var reader = try JSONRecordReader(
            url: url, displayPath: displayPath, options: JSONOptions(recordsPath: path), lines: lines,
            chunkSize: chunkSize)
        var records: [RawRecord] = []
        while let record = try reader.next() {
            records.append(record)
        }
        return records
    }

    /// The message a file fails with, or `nil` when it reads (records before the error are discarded).
    static func errorMessage(url: URL, displayPath: String, path: String = "", lines: Bool = false) -> String? {
        readErrorMessage(displayPath: displayPath) {
            _ = try read(url: url, displayPath: displayPath, path: path, lines: lines)
        }
    }
}

extension RawRecord {
    /// Keys in field order.
    var keys: [String] { fields.map(\.key) }
}
