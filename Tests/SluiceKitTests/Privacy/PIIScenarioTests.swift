import Foundation
import Testing

@testable import SluiceKit

/// The `reports-pii-and-hostile` scenario through the real pipeline: personal data appears
/// nowhere people read it, and cleaned data holds pseudonyms (exact values from Python's
/// `hmac.new(key, value, hashlib.sha256).hexdigest()[:16]`).
@Suite struct PIIScenarioTests {
    static let source = TestPaths.repoRoot.appendingPathComponent(
        "Tests/SluiceKitTests/Scenarios/reports-pii-and-hostile")

    static func run(environment: [String: String] = [:], rulesEdit: ((URL) throws -> Void)? = nil) throws -> (
        URL, Result<RunReport, SluiceError>
    ) {
        let work = try TestPaths.temporaryFolder()
        for sub in ["Inbox", "Rules"] {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(sub), to: work.appendingPathComponent(sub))
        }
        try rulesEdit?(work.appendingPathComponent("Rules"))
        var options = RunOptions(
            inbox: work.appendingPathComponent("Inbox"), rules: work.appendingPathComponent("Rules"),
            outbox: work.appendingPathComponent("Outbox"), displayBase: work, now: { ScenarioTests.clock },
            asOf: CivilDate(year: 2026, month: 11, day: 6))
        options.environment = environment
        let result = Result { () throws(SluiceError) in try Pipeline.run(options) }
        return (work, result)
    }

    @Test func personalDataIsMaskedInEveryHumanOutputAndPseudonymisedInCleanedData() throws {
        let (work, result) = try Self.run()
        defer { try? FileManager.default.removeItem(at: work) }
        let report = try result.get()
        let text = { (path: String) in
            try String(contentsOf: report.runFolder.appendingPathComponent(path), encoding: .utf8)
        }
        let clean = try text("clean/agent-qa.csv")
        #expect(clean.contains("ACME,68be5e5320fde7f0,john.doe@example.com,Billing,91.5,"))
        let human =
            try ["exceptions.csv", "exceptions.json", "exceptions.html", "rejected/agent-qa.csv"].map(text)
            + [report.leadingFindings.map(\.diagnostic).joined(separator: "\n")]
        for output in human {
            for secret in [
                "John Doe", "Jane Roe", "Ana Lima", "john.doe@example.com", "JANE ROE AT example", "ana@example.com",
            ] {
                #expect(!output.contains(secret), "'\(secret)' in \(output.prefix(60))")
            }
        }
        let exceptions = try text("exceptions.csv")
        #expect(exceptions.contains("field 'email' value 'J*** R** A* e******' does not match"))
        #expect(exceptions.contains(",email,J*** R** A* e******,"))
        #expect(try text("rejected/agent-qa.csv").contains(",ACME,J*** D**,j*******************,Billing,70"))
        #expect(!clean.contains("Jane") && !clean.contains("John"))
    }

    /// A ragged row's extra cells may be the split tail of a personal value ("Doe, John"
    /// unquoted): with personal data in the feed, the finding shows them masked.
    @Test func theExtraCellsOfARaggedRowAreMasked() throws {
        let (work, result) = try Self.run { rules in
            let inbox = rules.deletingLastPathComponent().appendingPathComponent("Inbox/agent_qa_2026-10.csv")
            let handle = try FileHandle(forWritingTo: inbox)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("ACME,Roe,Jane,jane@example.com,Billing,80\n".utf8))
            try handle.close()
        }
        defer { try? FileManager.default.removeItem(at: work) }
        let report = try result.get()
        let exceptions = try String(
            contentsOf: report.runFolder.appendingPathComponent("exceptions.csv"), encoding: .utf8)
        #expect(
            exceptions.contains(
                "error,ragged-row,agent-qa,ACME,Inbox/agent_qa_2026-10.csv,7,6,6,,,8*,row has 6 values; the header has 5 columns,"
            ))
    }

    @Test func aMissingKeyStopsTheRunBeforeAnyDataIsTouched() throws {
        let (work, result) = try Self.run(environment: ["SLUICE_PII_KEY": Self.key]) { rules in
            let url = rules.appendingPathComponent("qa.yaml")
            let yaml = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
                of:
                    "  pii-key-file: pii.key   # in a real deployment: outside the repository, readable by the run only\n",
                with: "  stderr-findings: 20\n")
            try Data(yaml.utf8).write(to: url)
        }
        defer { try? FileManager.default.removeItem(at: work) }
        // With the key in the environment the run goes through …
        #expect(throws: Never.self) { try result.get() }
        let (bare, failed) = try Self.run { rules in
            let url = rules.appendingPathComponent("qa.yaml")
            let yaml = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
                of:
                    "  pii-key-file: pii.key   # in a real deployment: outside the repository, readable by the run only\n",
                with: "  stderr-findings: 20\n")
            try Data(yaml.utf8).write(to: url)
        }
        defer { try? FileManager.default.removeItem(at: bare) }
        // … and without it nothing happens: exit 2, no outbox.
        guard case .failure(let error) = failed else {
            Issue.record("the run went through without a key")
            return
        }
        #expect(ExitStatus.of(error) == .usageOrRules)
        #expect(
            error.description
                == "Rules/qa.yaml:9:9: field 'agent' is 'pii: pseudonymise', which needs a key: set the environment "
                + "variable SLUICE_PII_KEY or 'settings: pii-key-file:' (at least 16 bytes)")
        #expect(!FileManager.default.fileExists(atPath: bare.appendingPathComponent("Outbox").path))
    }

    static let key = "scenario-key-0123456789abcdef"
}
