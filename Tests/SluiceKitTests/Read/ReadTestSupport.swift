import Foundation
import Testing

@testable import SluiceKit

/// Fixture files for the read stage, found next to the tests (no SwiftPM resources).
enum ReadFixtures {
    /// `Tests/SluiceKitTests/Fixtures/<name>`.
    static func url(_ name: String, filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
            .appendingPathComponent(name)
    }

    /// Reads every record of a fixture; returns the reader (for header, droppedRows…) and the records.
    static func readAll(
        _ name: String, options: CSVOptions = CSVOptions(), bufferSize: Int = 1 << 20
    ) throws -> (CSVRecordReader, [RawRecord]) {
        try readAll(url: url(name), displayPath: name, options: options, bufferSize: bufferSize)
    }

    /// Reads every record of a file.
    static func readAll(
        url: URL, displayPath: String, options: CSVOptions = CSVOptions(), bufferSize: Int = 1 << 20
    ) throws -> (CSVRecordReader, [RawRecord]) {
        var reader = try CSVRecordReader(url: url, displayPath: displayPath, options: options, bufferSize: bufferSize)
        var records: [RawRecord] = []
        while let record = try reader.next() {
            records.append(record)
        }
        return (reader, records)
    }

    /// The error a fixture fails with, or `nil` when it reads.
    static func readError(_ name: String, options: CSVOptions = CSVOptions()) -> ReadError? {
        do {
            _ = try readAll(name, options: options)
            return nil
        } catch let error as ReadError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }
}

extension RawRecord {
    /// The values in column order (`nil` for a missing value), for compact assertions.
    var values: [String?] { fields.map(\.value) }
}

/// Writes `bytes` to a fresh temporary file and returns its URL.
func temporaryFile(_ bytes: [UInt8], name: String = "input.csv") throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-read-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
}

/// Groups the read stage's suites so `swift test --filter Read` runs them all.
@Suite enum ReadTests {}

/// The message of the `ReadError` that `read` throws (checking it names `displayPath`), or
/// `nil` when the file reads; any other error is recorded as an issue.
func readErrorMessage(displayPath: String, _ read: () throws -> Void) -> String? {
    do {
        try read()
        return nil
    } catch let error as ReadError {
        #expect(error.path == displayPath)
        return error.message
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}
