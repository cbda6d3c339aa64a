import Foundation
import Testing

@testable import SluiceKit

/// `../shared/testdata/csv-spectrum`, beside the package root (3 levels above this file).
private let spectrumFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("../shared/testdata/csv-spectrum")
    .standardizedFileURL

private let spectrumAvailable = FileManager.default.fileExists(
    atPath: spectrumFolder.appendingPathComponent("csvs").path)

/// The case names (`comma_in_quotes`…), empty when the suite is absent.
private let spectrumCases: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: spectrumFolder.appendingPathComponent("csvs").path)) ?? [])
    .filter { $0.hasSuffix(".csv") }
    .map { String($0.dropLast(4)) }
    .sorted()

/// Values where csv-spectrum 2.0.0's JSON disagrees with its own CSV; the CSV is the truth.
///
/// `location_coordinates.csv` holds the phone number 2095257564 but its JSON says 1234567890.
private let upstreamErrata: [String: [String: String]] = [
    "location_coordinates": ["Contact Phone Number": "2095257564"]
]

extension ReadTests {
    /// csv-spectrum conformance: `csvs/X.csv` read with default options gives the records in `json/X.json`.
    @Suite struct CSVSpectrumTests {
        @Test(
            .enabled(if: spectrumAvailable, "../shared/testdata/csv-spectrum not present; skipped"),
            arguments: spectrumCases)
        func conforms(name: String) throws {
            let csv = spectrumFolder.appendingPathComponent("csvs/\(name).csv")
            let json = spectrumFolder.appendingPathComponent("json/\(name).json")
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: json))
            // Upstream's location_coordinates.json is a bare object, not an array of one.
            var expected = try #require(object as? [[String: String]] ?? (object as? [String: String]).map { [$0] })
            for (key, value) in upstreamErrata[name] ?? [:] {
                expected[0][key] = value
            }
            let (_, records) = try ReadFixtures.readAll(url: csv, displayPath: "\(name).csv")
            let actual = records.map { record in
                Dictionary(uniqueKeysWithValues: record.fields.map { ($0.key, $0.value ?? "") })
            }
            #expect(actual == expected)
            #expect(records.allSatisfy { $0.problems.isEmpty })
        }

        @Test(.enabled(if: spectrumAvailable, "../shared/testdata/csv-spectrum not present; skipped"))
        func allCasesFound() {
            #expect(spectrumCases.count >= 12)
        }
    }
}
