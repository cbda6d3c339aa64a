import Foundation
import Testing

@testable import SluiceKit

/// `../shared/testdata/json-test-suite/test_parsing`, beside the package root (5 levels above this file).
private let suiteFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("../shared/testdata/json-test-suite/test_parsing")
    .standardizedFileURL

/// The file names (`y_array_empty.json`…), empty when the suite is absent.
private let suiteFiles: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: suiteFolder.path)) ?? [])
    .filter { $0.hasSuffix(".json") }
    .sorted()

private let suiteAvailable = !suiteFiles.isEmpty

extension ReadTests {
    /// JSONTestSuite (nst/JSONTestSuite) through the tokenizer's whole-document mode: every
    /// `y_` accepted, every `n_` rejected with a message, `i_` either way; none may crash or hang.
    /// Each file is also fed in 3-byte chunks and must get the same verdict.
    @Suite struct JSONTestSuiteTests {
        @Test(
            .enabled(if: suiteAvailable, "../shared/testdata/json-test-suite not present; skipped"),
            arguments: suiteFiles)
        func conforms(file: String) throws {
            let bytes = try [UInt8](Data(contentsOf: suiteFolder.appendingPathComponent(file)))
            let whole = Self.verdict(bytes, chunkSize: 1 << 20)
            let chunked = Self.verdict(bytes, chunkSize: 3)
            #expect(whole == chunked)
            switch file.first {
            case "y": #expect(whole == nil, "rejected: \(whole ?? "")")
            case "n":
                #expect(whole != nil, "accepted")
                #expect(whole?.hasPrefix("invalid JSON at line ") == true)
            default: break
            }
        }

        @Test(.enabled(if: suiteAvailable, "../shared/testdata/json-test-suite not present; skipped"))
        func allFilesFound() {
            #expect(suiteFiles.filter { $0.hasPrefix("y_") }.count == 95)
            #expect(suiteFiles.filter { $0.hasPrefix("n_") }.count == 188)
        }

        /// `nil` when accepted, else the error's description.
        static func verdict(_ bytes: [UInt8], chunkSize: Int) -> String? {
            do {
                try JSONTokenizer.validate(bytes, chunkSize: chunkSize)
                return nil
            } catch {
                return error.description
            }
        }
    }
}
