import Foundation
import Testing

@testable import SluiceKit

/// Reads XML fixtures from `Fixtures/xml/`.
enum XMLFixtures {
    /// `Tests/SluiceKitTests/Fixtures/xml/<name>`.
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/xml")
            .appendingPathComponent(name)
    }

    /// Every record of a file, read with `chunkSize`-byte reads.
    static func readAll(
        url: URL, displayPath: String, options: XMLOptions, chunkSize: Int = 1 << 20
    ) throws(ReadError) -> [RawRecord] {
        var reader = try XMLRecordReader(url: url, displayPath: displayPath, options: options, chunkSize: chunkSize)
        var records: [RawRecord] = []
        while let record = try reader.next() {
            records.append(record)
        }
        return records
    }

    /// Every record of a fixture.
    static func readAll(_ name: String, options: XMLOptions, chunkSize: Int = 1 << 20) throws(ReadError)
        -> [RawRecord]
    {
        try readAll(url: url(name), displayPath: name, options: options, chunkSize: chunkSize)
    }

    /// The message a fixture fails with, or `nil` when it reads.
    static func errorMessage(_ name: String, options: XMLOptions, chunkSize: Int = 1 << 20) -> String? {
        errorMessage(url: url(name), displayPath: name, options: options, chunkSize: chunkSize)
    }

    /// The message a file fails with, or `nil` when it reads.
    static func errorMessage(url: URL, displayPath: String, options: XMLOptions, chunkSize: Int = 1 << 20)
        -> String?
    {
        do {
            _ = try readAll(url: url, displayPath: displayPath, options: options, chunkSize: chunkSize)
            return nil
        } catch {
            #expect(error.path == displayPath)
            return error.message
        }
    }

    /// One line per field: `key=value @line:column path`, for exact comparisons.
    static func snapshot(_ record: RawRecord) -> [String] {
        record.fields.map { "\($0.key)=\($0.value ?? "nil") @\($0.line):\($0.column) \($0.path ?? "-")" }
    }

    /// Fields as `key: value` pairs.
    static func pairs(_ record: RawRecord) -> [String] {
        record.fields.map { "\($0.key): \($0.value ?? "nil")" }
    }
}
