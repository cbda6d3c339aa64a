import Foundation
import Testing

@testable import SluiceKit

@Suite struct RuleCatalogTests {
    static let catalogIDs = RuleCatalog.all.map(\.id)

    /// The ids in the first column of the README's "Rules and their ids" table, in order.
    static func readmeIDs(heading: String = "### Rules and their ids") throws -> [String] {
        let readme = try String(contentsOf: TestPaths.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: heading))
        var ids: [String] = []
        var inTable = false
        for line in lines[(start + 1)...] {
            if line.hasPrefix("#") { break }
            guard line.hasPrefix("|") else {
                if inTable { break }
                continue
            }
            inTable = true
            let cell = line.split(separator: "|", omittingEmptySubsequences: false)[1].trimmingCharacters(
                in: .whitespaces)
            guard cell.hasPrefix("`"), cell.hasSuffix("`"), cell.count > 2 else { continue }
            ids.append(String(cell.dropFirst().dropLast()))
        }
        return ids
    }

    /// `MaxLengthRule.swift` → `max-length`.
    static func ruleID(fileName: String) -> String? {
        guard fileName.hasSuffix("Rule.swift") else { return nil }
        let stem = fileName.dropLast("Rule.swift".count)
        let characters = Array(stem)
        var id = ""
        for (index, character) in characters.enumerated() {
            // A word starts at an upper-case letter after a lower-case one, or at the last capital of an acronym.
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character.isUppercase, let previous,
                !previous.isUppercase || (next?.isLowercase ?? false)
            {
                id.append("-")
            }
            id.append(contentsOf: character.lowercased())
        }
        return id
    }

    @Test func catalogIDsAreUniqueAndKebabCase() {
        #expect(Set(Self.catalogIDs).count == Self.catalogIDs.count)
        for id in Self.catalogIDs {
            #expect(id.allSatisfy { $0.isLowercase || $0 == "-" }, "'\(id)' is not kebab-case")
            #expect(!id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--"), "'\(id)' is not kebab-case")
        }
    }

    @Test func readmeTableListsExactlyTheCatalogInTheSameOrder() throws {
        let readme = try Self.readmeIDs()
        #expect(readme.count == 18)
        #expect(Set(Self.catalogIDs).subtracting(readme).sorted() == [], "in the catalog, missing from the README")
        #expect(Set(readme).subtracting(Self.catalogIDs).sorted() == [], "in the README, missing from the catalog")
        #expect(readme == Self.catalogIDs)
    }

    @Test func everyRuleFileIsRegistered() throws {
        let folder = TestPaths.repoRoot.appendingPathComponent("Sources/SluiceKit/Check/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
            .sorted()
        #expect(files.count >= 6)
        for file in files {
            let id = try #require(Self.ruleID(fileName: file), "\(file) is not named <Kind>Rule.swift")
            #expect(Self.catalogIDs.contains(id), "\(file) (id '\(id)') is not in RuleCatalog.all")
        }
    }

    @Test func everyRuleFileHasItsMirroredTestFile() throws {
        let sources = TestPaths.repoRoot.appendingPathComponent("Sources/SluiceKit/Check/Rules")
        let tests = TestPaths.repoRoot.appendingPathComponent("Tests/SluiceKitTests/Check")
        let testFiles = Set(try FileManager.default.contentsOfDirectory(atPath: tests.path))
        for file in try FileManager.default.contentsOfDirectory(atPath: sources.path) where file.hasSuffix(".swift") {
            let mirrored = file.replacingOccurrences(of: ".swift", with: "Tests.swift")
            #expect(testFiles.contains(mirrored), "\(file) has no \(mirrored)")
        }
    }

    @Test(
        arguments: [
            ("MaxLengthRule.swift", "max-length"),
            ("UniqueKeyRule.swift", "unique-key"),
            ("RangeRule.swift", "range"),
            ("SLATargetRule.swift", "sla-target"),
            ("FieldRule.txt", nil),
        ] as [(String, String?)])
    func fileNamesMapToIDs(fileName: String, id: String?) {
        #expect(Self.ruleID(fileName: fileName) == id)
    }

    @Test func theRulesOwnIDsMatchTheirFileNames() {
        #expect(RequiredRule.id == Self.ruleID(fileName: "RequiredRule.swift"))
        #expect(UniqueKeyRule.id == Self.ruleID(fileName: "UniqueKeyRule.swift"))
        #expect(RangeRule(severity: .error, min: nil, minExclusive: false, max: nil, maxExclusive: false).id == "range")
        #expect(MaxLengthRule(severity: .error, limit: 1).id == "max-length")
        #expect(PatternRule(pattern: "a", severity: .error)?.id == "pattern")
    }

    @Test func readmeKPIFindingsTableListsExactlyTheKPICatalog() throws {
        #expect(try Self.readmeIDs(heading: "#### KPI findings") == RuleCatalog.kpi.map(\.id))
    }
}
