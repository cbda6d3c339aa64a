import Testing

@testable import SluiceKit

/// Field-level `unique:` in the checker: per file, every earlier record whose value passed,
/// checked at the field's position.
@Suite struct FeedCheckerUniqueFieldTests {
    static let file = "Inbox/bench.csv"
    static let header = ["record_id", "channel", "handle_time_s"]

    static func feed(unique: Severity = .error) -> FeedSpec {
        var id = FieldSpec(name: "record_id", kind: .text, nullTokens: [""], required: .error)
        id.unique = unique
        id.trim = false
        var channel = FieldSpec(
            name: "channel", kind: .enum, nullTokens: [""], required: .error,
            enumValues: [EnumValue(value: "voice"), EnumValue(value: "chat")])
        channel.caseSensitive = true
        let handle = FieldSpec(
            name: "handle_time_s", kind: .integer, nullTokens: [""], required: .error,
            constraints: [.range(min: RangeBound(raw: "0"), max: RangeBound(raw: "100"), severity: .error)])
        return FeedSpec(
            name: "bench", vendor: .constant("V"), files: ["bench.csv"], fields: [id, channel, handle],
            declaredAt: RulesLocation(file: "Rules/bench.yaml", line: 1, column: 3))
    }

    static func row(_ number: Int, line: Int, _ values: [String]) -> RawRecord {
        RawRecord(
            number: number, line: line,
            fields: values.enumerated().map { RawField(key: header[$0], value: $1, column: $0 + 1, line: line) })
    }

    /// Validates rows of one file; returns each record's findings as `field:rule` strings.
    static func check(_ rows: [[String]], checker: FeedChecker? = nil, file: String = file) throws -> [[String]] {
        let checker = try checker ?? FeedChecker(feed: feed())
        let binding = HeaderBinding(feed: checker.feed, header: header)
        return rows.enumerated().map { index, values in
            checker.validate(row(index + 1, line: index + 2, values), binding: binding, file: file).findings.map {
                "\($0.field ?? "-"):\($0.ruleID)"
            }
        }
    }

    @Test func aRepeatOfARejectedRecordIsStillARepeat() throws {
        let findings = try Self.check([
            ["E4", "voice", "500"],  // rejected (range), its record_id passed
            ["E4", "voice", "10"],
        ])
        #expect(findings == [["handle_time_s:range"], ["record_id:unique"]])
    }

    @Test func aValueThatFailedItsOwnChecksIsNotRemembered() throws {
        var id = FieldSpec(name: "code", kind: .integer, nullTokens: [""], required: .error)
        id.unique = .error
        id.maxDigits = 2
        let feed = FeedSpec(
            name: "codes", vendor: .constant("V"), files: ["*.csv"], fields: [id],
            declaredAt: RulesLocation(file: "Rules/codes.yaml", line: 1, column: 3))
        let checker = try FeedChecker(feed: feed)
        let binding = HeaderBinding(feed: feed, header: ["code"])
        let findings = [["123"], ["123"], ["7"], ["07"], [""], [""]].enumerated().map { index, values in
            checker.validate(
                RawRecord(
                    number: index + 1, line: index + 2,
                    fields: [RawField(key: "code", value: values[0], column: 1, line: index + 2)]),
                binding: binding, file: "Inbox/codes.csv"
            ).findings.map(\.ruleID)
        }
        // 123 fails max-digits twice (never unique); 07 is 7 normalised; blanks are required, never unique.
        #expect(findings == [["type"], ["type"], [], ["unique"], ["required"], ["required"]])
    }

    @Test func findingsOfARecordStayInFieldOrder() throws {
        let findings = try Self.check([
            ["E1", "voice", "10"],
            ["E1", "Voice", "-1"],
        ])
        #expect(findings == [[], ["record_id:unique", "channel:enum", "handle_time_s:range"]])
    }

    @Test func theFindingNamesTheFirstOccurrenceAtTheFieldsPlace() throws {
        let checker = try FeedChecker(feed: Self.feed())
        let binding = HeaderBinding(feed: checker.feed, header: Self.header)
        _ = checker.validate(Self.row(1, line: 2, ["E1", "voice", "1"]), binding: binding, file: Self.file)
        _ = checker.validate(Self.row(2, line: 4, ["E2", "voice", "1"]), binding: binding, file: Self.file)
        let repeated = checker.validate(Self.row(3, line: 5, ["E1", "chat", "1"]), binding: binding, file: Self.file)
        #expect(
            repeated.findings == [
                Finding(
                    severity: .error, ruleID: "unique", feed: "bench", vendor: "V",
                    location: SourceLocation(file: Self.file, line: 5, column: 1, record: 3, field: "record_id"),
                    field: "record_id", rawValue: "E1", message: "record_id 'E1' repeats record 1 (line 2)",
                    hint:
                        "each record needs its own record_id; remove the repeat or ask the vendor which record is right"
                )
            ])
        #expect(repeated.isRejected)
    }

    @Test func aWarningKeepsTheRecord() throws {
        let checker = try FeedChecker(feed: Self.feed(unique: .warning))
        let binding = HeaderBinding(feed: checker.feed, header: Self.header)
        _ = checker.validate(Self.row(1, line: 2, ["E1", "voice", "1"]), binding: binding, file: Self.file)
        let repeated = checker.validate(Self.row(2, line: 3, ["E1", "voice", "1"]), binding: binding, file: Self.file)
        #expect(repeated.findings.map(\.severity) == [.warning])
        #expect(!repeated.isRejected)
    }

    @Test func theScopeIsOneFile() throws {
        let checker = try FeedChecker(feed: Self.feed())
        checker.beginFile()
        #expect(try Self.check([["E1", "voice", "1"]], checker: checker, file: "Inbox/a.csv") == [[]])
        checker.endFile()
        checker.beginFile()
        #expect(
            try Self.check([["E1", "voice", "1"], ["E1", "voice", "1"]], checker: checker, file: "Inbox/b.csv")
                == [[], ["record_id:unique"]])
    }

    @Test func aRepeatedPersonalValueIsMaskedInTheFinding() throws {
        var amount = FieldSpec(name: "amount", kind: .decimal, nullTokens: [""], required: .error)
        amount.unique = .error
        amount.pii = .mask
        let feed = FeedSpec(
            name: "bench", vendor: .constant("V"), files: ["bench.csv"], fields: [amount],
            declaredAt: RulesLocation(file: "Rules/bench.yaml", line: 1, column: 3))
        let checker = try FeedChecker(feed: feed)
        let binding = HeaderBinding(feed: feed, header: ["amount"])
        func row(_ number: Int, _ value: String) -> RawRecord {
            RawRecord(
                number: number, line: number + 1,
                fields: [RawField(key: "amount", value: value, column: 1, line: number + 1)])
        }
        _ = checker.validate(row(1, "12.50"), binding: binding, file: Self.file)
        let repeated = checker.validate(row(2, "12.5"), binding: binding, file: Self.file)
        let finding = try #require(repeated.findings.first)
        #expect(finding.ruleID == "unique")
        #expect(finding.message == "amount '1***' repeats record 1 (line 2)")
        #expect(!finding.message.contains("12"))
    }
}
