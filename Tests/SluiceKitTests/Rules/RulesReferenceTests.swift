import Foundation
import Testing

@testable import SluiceKit

/// The README's rules-file reference names every key the loader accepts, and every kind.
@Suite struct RulesReferenceTests {
    static let readme =
        (try? String(contentsOf: TestPaths.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    static let keys = Set(
        RulesFileParser.topKeys + RulesFileParser.settingsKeys + FeedSpecParser.feedKeys + FeedSpecParser.cleanKeys
            + FeedSpecParser.csvKeys
            + FeedSpecParser.numberKeys + FeedSpecParser.checkKeys + FeedSpecParser.uniqueKeys
            + FieldSpecParser.fieldKeys + FieldSpecParser.rangeKeys + FieldSpecParser.patternKeys
            + FieldSpecParser.maxLengthKeys + FieldSpecParser.enumValueKeys + FieldSpecParser.uniqueKeys
            + HistorySpecParser.historyKeys
    ).sorted()

    @Test(arguments: keys)
    func everyKeyIsDocumented(key: String) {
        #expect(
            Self.readme.contains("\(key):") || Self.readme.contains("`\(key)`"), "README does not document '\(key)'")
    }

    @Test(arguments: ValueKind.allCases)
    func everyKindIsDocumented(kind: ValueKind) {
        #expect(Self.readme.contains("| `\(kind.rawValue)` |"), "README's kinds table lacks '\(kind.rawValue)'")
    }

    @Test(arguments: TextEncoding.allCases)
    func everyEncodingIsDocumented(encoding: TextEncoding) {
        #expect(Self.readme.contains(encoding.rawValue))
    }
}
