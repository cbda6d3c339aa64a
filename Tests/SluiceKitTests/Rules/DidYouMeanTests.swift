import Testing

@testable import SluiceKit

@Suite struct DidYouMeanTests {
    @Test(arguments: [
        ("start", "start", 0),
        ("strat", "start", 1),
        ("ab", "ba", 1),
        ("treshold", "threshold", 1),
        ("requird", "required", 1),
        ("vendr", "vendor", 1),
        ("kitten", "sitting", 3),
        ("", "abc", 3),
        ("abc", "", 3),
        ("", "", 0),
        ("abcdef", "badcfe", 3),
        // Optimal string alignment: a swapped pair is not edited again (true Damerau would say 2).
        ("ca", "abc", 3),
        ("Österreich", "Osterreich", 1),
    ])
    func distanceCountsASwapOfNeighboursAsOneEdit(lhs: String, rhs: String, expected: Int) {
        #expect(DidYouMean.distance(lhs, rhs) == expected)
        #expect(DidYouMean.distance(rhs, lhs) == expected)
    }

    static let feedKeys = [
        "name", "description", "vendor", "files", "format", "csv", "number-format", "percent-scale", "fields", "checks",
        "unique-key",
    ]

    @Test(arguments: [
        ("vendr", "vendor"),
        ("VENDR", "vendor"),
        ("feilds", "fields"),
        ("uniqe-key", "unique-key"),
        ("unique_key", "unique-key"),
        ("percent-scal", "percent-scale"),
        ("fles", "files"),
        ("cvs", "csv"),
        ("nme", "name"),
        ("files", "files"),
    ])
    func suggestsTheClosestKnownWord(word: String, suggestion: String) {
        #expect(DidYouMean.suggestion(for: word, among: Self.feedKeys) == suggestion)
    }

    @Test(
        arguments: [
            ("x", ["y"]),
            ("a", ["ab"]),
            ("z", ["a", "b", "c"]),
            ("threshold", ["vendor", "fields"]),
            ("trshld", ["threshold"]),
            ("csvx", ["fields"]),
            ("anything", []),
        ] as [(String, [String])])
    func noSuggestionForOneLetterOrFarWords(word: String, candidates: [String]) {
        #expect(DidYouMean.suggestion(for: word, among: candidates) == nil)
    }

    @Test func theLimitGrowsWithTheWordsLength() {
        // Up to a third of the word may differ: 2 edits for a 6-letter word, 1 for a 5-letter one.
        #expect(DidYouMean.suggestion(for: "txet", among: ["text"]) == "text")
        #expect(DidYouMean.suggestion(for: "abcxy", among: ["abcde"]) == nil)
        #expect(DidYouMean.suggestion(for: "abcdxy", among: ["abcdef"]) == "abcdef")
    }

    @Test func theFirstOfEquallyCloseCandidatesWins() {
        #expect(DidYouMean.suggestion(for: "dat", among: ["date", "data"]) == "date")
        #expect(DidYouMean.suggestion(for: "dat", among: ["data", "date"]) == "data")
    }

    @Test func clauseIsReadyToAppendToAMessage() {
        #expect(DidYouMean.clause(for: "strat", among: ["start", "end"]) == "; did you mean 'start'?")
        #expect(DidYouMean.clause(for: "q", among: ["start", "end"]) == "")
    }
}
