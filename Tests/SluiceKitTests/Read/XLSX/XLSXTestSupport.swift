import Foundation
import Testing

@testable import SluiceKit

/// The XLSX fixtures made by `Fixtures/xlsx/make_fixtures.py`.
enum XLSXFixtures {
    /// `Tests/SluiceKitTests/Fixtures/xlsx/<name>`.
    static func url(_ name: String) -> URL {
        TestPaths.repoRoot.appendingPathComponent("Tests/SluiceKitTests/Fixtures/xlsx").appendingPathComponent(name)
    }

    /// Reads every record of a fixture; returns the reader and the records.
    static func readAll(
        _ name: String, options: XLSXOptions = XLSXOptions(), limits: XLSXLimits = XLSXLimits(),
        chunkSize: Int = 256 << 10
    ) throws -> (XLSXRecordReader, [RawRecord]) {
        try readAll(url: url(name), displayPath: name, options: options, limits: limits, chunkSize: chunkSize)
    }

    /// Reads every record of a file.
    static func readAll(
        url: URL, displayPath: String, options: XLSXOptions = XLSXOptions(), limits: XLSXLimits = XLSXLimits(),
        chunkSize: Int = 256 << 10
    ) throws -> (XLSXRecordReader, [RawRecord]) {
        var reader = try XLSXRecordReader(
            url: url, displayPath: displayPath, options: options, limits: limits, chunkSize: chunkSize)
        var records: [RawRecord] = []
        while let record = try reader.next() {
            records.append(record)
        }
        return (reader, records)
    }

    /// The message a fixture fails with, or `nil` when it reads; the error must name the display path.
    static func errorMessage(
        _ name: String, options: XLSXOptions = XLSXOptions(), limits: XLSXLimits = XLSXLimits()
    ) -> String? {
        errorMessage(url: url(name), displayPath: name, options: options, limits: limits)
    }

    /// The message reading a file fails with, or `nil` when it reads.
    static func errorMessage(
        url: URL, displayPath: String, options: XLSXOptions = XLSXOptions(), limits: XLSXLimits = XLSXLimits()
    ) -> String? {
        readErrorMessage(displayPath: displayPath) {
            _ = try readAll(url: url, displayPath: displayPath, options: options, limits: limits)
        }
    }
}
