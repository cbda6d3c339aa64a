import Testing

@testable import SluiceKit

@Suite struct ValidatedRecordTests {
    /// A record of `FeedCheckerTests.feed()` whose header leaves out `week_end`, and whose row is
    /// short (no `Service Level %` value), so the binding is not the identity.
    static func checked(_ values: [String?]) throws -> ValidatedRecord {
        let feed = FeedCheckerTests.feed()
        let checker = try FeedChecker(feed: feed)
        let header = ["Handled", "Queue Name", "Week Start", "Service Level %"]
        let binding = HeaderBinding(feed: feed, header: header)
        let record = RawRecord(
            number: 5, line: 9,
            fields: values.enumerated().map { RawField(key: header[$0], value: $1, column: $0 + 1, line: 9) })
        return checker.validate(record, binding: binding, file: FeedCheckerTests.file)
    }

    @Test func rawValuesAndColumnsAreReadThroughTheBinding() throws {
        let record = try Self.checked(["12", "billing", "2026-10-05"])
        #expect(record.rawValue(at: 0) == "billing")
        #expect(record.rawValue(at: 1) == "2026-10-05")
        #expect(record.rawValue(at: 2) == nil, "no week_end column")
        #expect(record.rawValue(at: 3) == "12")
        #expect(record.rawValue(at: 4) == nil, "the row is short")
        #expect(record.rawValue(at: 9) == nil, "no such field")
        #expect(record.column(at: 0) == 2)
        #expect(record.column(at: 3) == 1)
        #expect(record.column(at: 4) == nil)
        #expect(record.rawValues == ["billing", "2026-10-05", nil, "12", nil])
        #expect(record.columns == [2, 3, nil, 1, nil])
    }

    @Test func outcomesTellNullFromInvalid() throws {
        let record = try Self.checked(["1O", "billing", "", "95 %"])
        #expect(record.outcome(at: 0) == .value(.text("billing")))
        #expect(record.outcome(at: 1) == .null)
        #expect(record.outcome(at: 2) == .null)
        guard case .invalid(let problem) = record.outcome(at: 3) else {
            Issue.record("handled is not invalid: \(record.outcome(at: 3))")
            return
        }
        #expect(problem.ruleID == "type")
        #expect(problem.message == "'1O' is not an integer")
        #expect(record.outcomes.map(\.isInvalid) == [false, false, false, true, false])
        #expect(record.values.map { $0?.cleanText } == ["billing", nil, nil, nil, "95"])
    }

    @Test func aRecordMadeByHandKeepsWhatItWasGiven() {
        let problem = ValueProblem(ruleID: "type", message: "'x' is not an integer")
        let record = ValidatedRecord(
            raw: RawRecord(number: 1, line: 2, fields: []), rawValues: ["a", "x", nil], columns: [3, 1, nil],
            values: [.text("a"), nil, nil], outcomes: [.value(.text("a")), .invalid(problem), .null], vendor: "V",
            findings: [])
        #expect(record.rawValues == ["a", "x", nil])
        #expect(record.columns == [3, 1, nil])
        #expect(record.outcomes == [.value(.text("a")), .invalid(problem), .null])
        #expect(record.rawValue(at: 5) == nil)
        #expect(record.column(at: 5) == nil)
    }
}

extension ValueOutcome {
    fileprivate var isInvalid: Bool {
        if case .invalid = self { return true }
        return false
    }
}
