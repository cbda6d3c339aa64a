import Testing

@testable import SluiceKit

@Suite struct FeedCheckerTests {
    static let file = "Inbox/brightline_2026-10.csv"
    static let header = ["Queue Name", "Week Start", "Week End", "Handled", "Service Level %", "Notes"]

    /// A weekly scorecard: every kind of rule the checker compiles.
    static func feed(
        vendor: VendorSource = .constant("Brightline"),
        uniqueKey: UniqueKeySpec? = UniqueKeySpec(fields: ["queue", "week_start"])
    ) -> FeedSpec {
        FeedSpec(
            name: "brightline-scorecard", vendor: vendor, files: ["brightline_*.csv"],
            fields: [
                FieldSpec(
                    name: "queue", kind: .text, aliases: ["Queue Name"], required: .error,
                    constraints: [.maxLength(8, severity: .warning)]),
                FieldSpec(name: "week_start", kind: .date, aliases: ["Week Start"], required: .error),
                FieldSpec(name: "week_end", kind: .date, aliases: ["Week End"]),
                FieldSpec(
                    name: "handled", kind: .integer,
                    constraints: [.range(min: RangeBound(raw: "0"), max: nil, severity: .error)]),
                FieldSpec(
                    name: "service_level", kind: .percent,
                    constraints: [.range(min: RangeBound(raw: "0"), max: RangeBound(raw: "100"), severity: .warning)]),
            ],
            comparisons: [
                ComparisonSpec(
                    left: "week_end", op: .greaterOrEqual, right: "week_start", severity: .error,
                    declaredAt: RulesLocation(file: "Rules/brightline.yaml", line: 20, column: 18))
            ],
            uniqueKey: uniqueKey, declaredAt: RulesLocation(file: "Rules/brightline.yaml", line: 2, column: 5))
    }

    /// A record of the scorecard at `line`, values in header order.
    static func row(_ number: Int, line: Int, _ values: [String?], problems: [ReadProblem] = []) -> RawRecord {
        RawRecord(
            number: number, line: line,
            fields: values.enumerated().map { RawField(key: header[$0], value: $1, column: $0 + 1, line: line) },
            problems: problems)
    }

    static func checker(_ feed: FeedSpec = feed()) throws -> (FeedChecker, HeaderBinding) {
        (try FeedChecker(feed: feed), HeaderBinding(feed: feed, header: header))
    }

    /// A finding of the scorecard feed at `line`, record `record`.
    static func finding(
        _ severity: Severity, _ rule: String, line: Int, column: Int?, record: Int, field: String?, header: String?,
        raw: String?, _ message: String, hint: String?, vendor: String = "Brightline"
    ) -> Finding {
        Finding(
            severity: severity, ruleID: rule, feed: "brightline-scorecard", vendor: vendor,
            location: SourceLocation(file: file, line: line, column: column, record: record, field: header),
            field: field, rawValue: raw, message: message, hint: hint)
    }

    @Test func aCleanRecordHasNormalisedValuesAndNoFindings() throws {
        let (checker, binding) = try Self.checker()
        let clean = checker.validate(
            Self.row(2, line: 3, ["billing", "2026-10-05", "2026-10-11", " 1204 ", "92.50 %", "ok"]), binding: binding,
            file: Self.file)
        #expect(clean.findings.map(\.diagnostic) == [])
        #expect(!clean.isRejected)
        #expect(clean.vendor == "Brightline")
        #expect(clean.rawValues == ["billing", "2026-10-05", "2026-10-11", " 1204 ", "92.50 %"])
        #expect(clean.columns == [1, 2, 3, 4, 5])
        #expect(clean.values.map { $0?.cleanText } == ["billing", "2026-10-05", "2026-10-11", "1204", "92.5"])
    }

    @Test func everyFindingCarriesRuleSeverityPlaceAndRawValue() throws {
        let (checker, binding) = try Self.checker()
        let record = checker.validate(
            Self.row(4, line: 7, ["Customer Care", "N/A", "2026-10-11", "1O", "104.5", "ok"]), binding: binding,
            file: Self.file)
        #expect(
            record.findings == [
                Self.finding(
                    .warning, "max-length", line: 7, column: 1, record: 4, field: "queue", header: "Queue Name",
                    raw: "Customer Care", "field 'queue' is 13 characters long; at most 8 allowed",
                    hint: "shorten the value to 8 characters"),
                Self.finding(
                    .error, "required", line: 7, column: 2, record: 4, field: "week_start", header: "Week Start",
                    raw: "N/A", "field 'week_start' is 'N/A', which means no value; expected a value",
                    hint: "ask the vendor to fill in 'week_start'"),
                Self.finding(
                    .error, "type", line: 7, column: 4, record: 4, field: "handled", header: "Handled", raw: "1O",
                    "field 'handled': '1O' is not an integer", hint: "write a whole number such as 42"),
                Self.finding(
                    .warning, "range", line: 7, column: 5, record: 4, field: "service_level",
                    header: "Service Level %", raw: "104.5",
                    "field 'service_level' value '104.5' is above the maximum 100",
                    hint: "expected at least 0 and at most 100"),
            ])
        #expect(record.isRejected)
    }

    @Test func warningsAloneKeepTheRecord() throws {
        let (checker, binding) = try Self.checker()
        let record = checker.validate(
            Self.row(1, line: 2, ["billing", "2026-10-05", "2026-10-11", "7", "101", ""]), binding: binding,
            file: Self.file)
        #expect(record.findings.map(\.ruleID) == ["range"])
        #expect(record.findings.map(\.severity) == [.warning])
        #expect(!record.isRejected)
    }

    @Test func aFailedComparisonIsReportedAtTheLeftField() throws {
        let (checker, binding) = try Self.checker()
        let record = checker.validate(
            Self.row(3, line: 5, ["billing", "2026-10-05", "2026-10-04", "7", "90", ""]), binding: binding,
            file: Self.file)
        #expect(
            record.findings == [
                Self.finding(
                    .error, "compare", line: 5, column: 3, record: 3, field: "week_end", header: "Week End",
                    raw: "2026-10-04",
                    "'week_end >= week_start' does not hold: week_end is '2026-10-04', week_start is '2026-10-05'",
                    hint: "check both values; the rules require week_end >= week_start")
            ])
        #expect(record.isRejected)
    }

    @Test func aMissingComparedValueSkipsTheComparison() throws {
        let (checker, binding) = try Self.checker()
        let record = checker.validate(
            Self.row(3, line: 5, ["billing", "2026-10-05", "-", "7", "90", ""]), binding: binding, file: Self.file)
        #expect(record.findings == [])
    }

    @Test func aDuplicateNamesTheFirstAcceptedRecord() throws {
        let (checker, binding) = try Self.checker()
        let first = checker.validate(
            Self.row(1, line: 2, ["billing", "2026-10-05", "2026-10-11", "7", "90", ""]), binding: binding,
            file: "Inbox/brightline_a.csv")
        let again = checker.validate(
            Self.row(6, line: 9, ["billing", "05.10.2026", "2026-10-11", "8", "91", ""]), binding: binding,
            file: Self.file)
        let same = checker.validate(
            Self.row(7, line: 10, ["billing", "2026-10-05", "2026-10-12", "8", "91", ""]), binding: binding,
            file: Self.file)
        #expect(first.findings == [])
        #expect(again.findings.map(\.ruleID) == ["type"])
        #expect(
            same.findings == [
                Self.finding(
                    .error, "unique-key", line: 10, column: 1, record: 7, field: "queue", header: "Queue Name",
                    raw: "billing",
                    "duplicate of record 1 (Inbox/brightline_a.csv:2) for queue 'billing', week_start '2026-10-05'",
                    hint: "remove the duplicate row or ask the vendor which figure is right")
            ])
        #expect(same.isRejected)
    }

    @Test func aDuplicateIsOnlyCheckedAgainstAcceptedRecords() throws {
        let (checker, binding) = try Self.checker()
        // Rejected (handled is negative): its key is not remembered, and it is not itself reported as a duplicate.
        let rejected = checker.validate(
            Self.row(1, line: 2, ["billing", "2026-10-05", "2026-10-11", "-1", "90", ""]), binding: binding,
            file: Self.file)
        let accepted = checker.validate(
            Self.row(2, line: 3, ["billing", "2026-10-05", "2026-10-11", "7", "90", ""]), binding: binding,
            file: Self.file)
        let rejectedAgain = checker.validate(
            Self.row(3, line: 4, ["billing", "2026-10-05", "2026-10-11", "-1", "90", ""]), binding: binding,
            file: Self.file)
        let duplicate = checker.validate(
            Self.row(4, line: 5, ["billing", "2026-10-05", "2026-10-11", "9", "90", ""]), binding: binding,
            file: Self.file)
        #expect(rejected.findings.map(\.ruleID) == ["range"])
        #expect(accepted.findings == [])
        #expect(rejectedAgain.findings.map(\.ruleID) == ["range"])
        #expect(
            duplicate.findings.map(\.message) == [
                "duplicate of record 2 (Inbox/brightline_2026-10.csv:3) for queue 'billing', week_start '2026-10-05'"
            ])
    }

    @Test func aWarningDuplicateKeepsTheRecordAndStillNamesTheFirst() throws {
        let (checker, binding) = try Self.checker(
            Self.feed(uniqueKey: UniqueKeySpec(fields: ["week_start", "queue"], severity: .warning)))
        let values: [String?] = ["billing", "2026-10-05", "2026-10-11", "7", "90", ""]
        _ = checker.validate(Self.row(1, line: 2, values), binding: binding, file: Self.file)
        let second = checker.validate(Self.row(2, line: 3, values), binding: binding, file: Self.file)
        let third = checker.validate(Self.row(3, line: 4, values), binding: binding, file: Self.file)
        for record in [second, third] {
            #expect(record.findings.map(\.severity) == [.warning])
            #expect(record.findings.map(\.location.column) == [2])
            #expect(
                record.findings.map(\.message) == [
                    "duplicate of record 1 (Inbox/brightline_2026-10.csv:2) for week_start '2026-10-05', queue 'billing'"
                ])
            #expect(!record.isRejected)
        }
    }

    @Test func withdrawFileForgetsOnlyThatFilesKeys() throws {
        let (checker, binding) = try Self.checker()
        let values: [String?] = ["billing", "2026-10-05", "2026-10-11", "7", "90", ""]
        let other: [String?] = ["sales", "2026-10-05", "2026-10-11", "7", "90", ""]
        checker.beginFile()
        _ = checker.validate(Self.row(1, line: 2, values), binding: binding, file: "Inbox/a.csv")
        checker.beginFile()
        _ = checker.validate(Self.row(1, line: 2, other), binding: binding, file: "Inbox/b.csv")
        checker.withdrawFile()

        checker.beginFile()
        let againA = checker.validate(Self.row(1, line: 2, values), binding: binding, file: "Inbox/c.csv")
        let againB = checker.validate(Self.row(2, line: 3, other), binding: binding, file: "Inbox/c.csv")
        #expect(
            againA.findings.map(\.message) == [
                "duplicate of record 1 (Inbox/a.csv:2) for queue 'billing', week_start '2026-10-05'"
            ])
        #expect(againB.findings == [])
    }

    @Test func readProblemsBecomeErrorFindings() throws {
        let (checker, binding) = try Self.checker()
        let ragged = ReadProblem(
            ruleID: "ragged-row", line: 6, column: 7, rawValue: "extra",
            message: "row has 7 values; the header has 6 columns",
            hint: "quote values that contain the delimiter, or add the missing header cells")
        let encoding = ReadProblem(
            ruleID: "invalid-encoding", line: 6, column: 1, rawValue: "bill\\xFFing",
            message: "value has bytes that are not valid utf-8", hint: "save the file as UTF-8")
        let record = checker.validate(
            Self.row(
                5, line: 6, ["bill\u{FFFD}ing", "2026-10-05", "2026-10-11", "7", "90", ""],
                problems: [ragged, encoding]),
            binding: binding, file: Self.file)
        #expect(
            record.findings == [
                Self.finding(
                    .error, "ragged-row", line: 6, column: 7, record: 5, field: nil, header: nil, raw: "extra",
                    "row has 7 values; the header has 6 columns",
                    hint: "quote values that contain the delimiter, or add the missing header cells"),
                Self.finding(
                    .error, "invalid-encoding", line: 6, column: 1, record: 5, field: nil, header: "Queue Name",
                    raw: "bill\\xFFing", "value has bytes that are not valid utf-8", hint: "save the file as UTF-8"),
            ])
        #expect(record.isRejected)
    }

    @Test func aShortRowIsMissingItsRequiredValues() throws {
        let (checker, binding) = try Self.checker()
        let short = ReadProblem(
            ruleID: "ragged-row", line: 8, column: 2, message: "row has 1 value; the header has 6 columns",
            hint: "check for a missing delimiter or a line break inside an unquoted value")
        let record = checker.validate(
            Self.row(7, line: 8, ["billing", nil, nil, nil, nil, nil], problems: [short]), binding: binding,
            file: Self.file)
        #expect(record.findings.map(\.ruleID) == ["ragged-row", "required"])
        #expect(record.findings.last?.message == "field 'week_start' has no value in this row; expected a value")
        #expect(record.findings.last?.rawValue == nil)
        #expect(
            record.findings.last?.location
                == SourceLocation(file: Self.file, line: 8, column: 2, record: 7, field: "Week Start"))
    }

    @Test func vendorComesFromAConstantOrAField() throws {
        var feed = Self.feed(vendor: .field("queue"))
        let (checker, binding) = try Self.checker(feed)
        let record = checker.validate(
            Self.row(1, line: 2, ["  billing ", "2026-10-05", "2026-10-11", "x", "90", ""]), binding: binding,
            file: Self.file)
        #expect(record.vendor == "billing")
        #expect(record.findings.map(\.vendor) == ["billing"])

        feed.vendor = .constant("Brightline GmbH")
        let (constant, _) = try Self.checker(feed)
        let constantRecord = constant.validate(
            Self.row(1, line: 2, ["billing", "2026-10-05", "2026-10-11", "x", "90", ""]), binding: binding,
            file: Self.file)
        #expect(constantRecord.vendor == "Brightline GmbH")
        #expect(constantRecord.findings.map(\.vendor) == ["Brightline GmbH"])
    }

    @Test func anUnboundOptionalFieldIsNullAndAnUnboundRequiredFieldIsMissing() throws {
        let feed = Self.feed()
        let checker = try FeedChecker(feed: feed)
        let binding = HeaderBinding(feed: feed, header: ["Week Start", "Handled"])
        let record = checker.validate(
            RawRecord(
                number: 1, line: 2,
                fields: [
                    RawField(key: "Week Start", value: "2026-10-05", column: 1, line: 2),
                    RawField(key: "Handled", value: "3", column: 2, line: 2),
                ]), binding: binding, file: Self.file)
        #expect(record.columns == [nil, 1, nil, 2, nil])
        #expect(
            record.findings == [
                Self.finding(
                    .error, "required", line: 2, column: nil, record: 1, field: "queue", header: nil, raw: nil,
                    "field 'queue' has no value in this row; expected a value",
                    hint: "ask the vendor to fill in 'queue'")
            ])
    }

    @Test func aBoundThatIsNotOfTheFieldsKindIsARulesError() {
        var feed = Self.feed()
        feed.fields[3].constraints = [.range(min: RangeBound(raw: "zero"), max: nil, severity: .error)]
        feed.fields[3].declaredAt = RulesLocation(file: "Rules/brightline.yaml", line: 14, column: 9)
        let error = #expect(throws: RulesErrors.self) { try FeedChecker(feed: feed) }
        #expect(
            error?.errors.map(\.description) == [
                "Rules/brightline.yaml:14:9: range of 'handled' has a bound that is not a valid integer"
            ])
    }
}
