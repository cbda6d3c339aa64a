import Testing

@testable import SluiceKit

@Suite struct UniqueKeyRuleTests {
    /// Key fields `queue` (index 2) and `period` (index 0) of a three-field record.
    private func rule() -> UniqueKeyRule {
        UniqueKeyRule(spec: UniqueKeySpec(fields: ["queue", "period"]), indices: [2, 0])
    }

    private func record(_ queue: String?, _ period: String?) -> [NormalisedValue?] {
        [period.map { value($0, .date) }, .integer(7), queue.map { .text($0) }]
    }

    @Test func keyJoinsTheKeyFieldsInDeclaredOrder() {
        #expect(rule().key(of: record("billing", "2026-10-01")) == "billing\u{1F}2026-10-01")
    }

    @Test(arguments: [(nil, "2026-10-01"), ("billing", nil), (nil, nil)] as [(String?, String?)])
    func aKeyWithAMissingPartIsSkipped(queue: String?, period: String?) {
        #expect(rule().key(of: record(queue, period)) == nil)
    }

    @Test func aDuplicateNamesTheFirstOccurrence() throws {
        var rule = rule()
        let first = record("billing", "2026-10-01")
        let key = try #require(rule.key(of: first))
        #expect(rule.violation(key: key, values: first) == nil)
        rule.remember(key: key, at: .init(file: "Inbox/corvia_1.csv", line: 4, record: 3))
        rule.remember(key: key, at: .init(file: "Inbox/corvia_2.csv", line: 9, record: 8))

        let again = record("billing", "2026-10-01")
        #expect(
            rule.violation(key: try #require(rule.key(of: again)), values: again)
                == RuleViolation(
                    message:
                        "duplicate of record 3 (Inbox/corvia_1.csv:4) for queue 'billing', period '2026-10-01'",
                    hint: "remove the duplicate row or ask the vendor which figure is right"))
    }

    @Test func differentKeysAreNotDuplicates() throws {
        var rule = rule()
        rule.remember(
            key: try #require(rule.key(of: record("billing", "2026-10-01"))), at: .init(file: "a", line: 2, record: 1))
        for other in [record("billing", "2026-10-02"), record("sales", "2026-10-01"), record("Billing", "2026-10-01")] {
            #expect(rule.violation(key: try #require(rule.key(of: other)), values: other) == nil)
        }
    }

    @Test func forgetWithdrawsOnlyTheGivenFilesKeys() throws {
        var rule = rule()
        let kept = record("billing", "2026-10-01")
        let withdrawn = record("sales", "2026-10-01")
        let keptKey = try #require(rule.key(of: kept))
        let withdrawnKey = try #require(rule.key(of: withdrawn))
        rule.remember(key: keptKey, at: .init(file: "a.csv", line: 2, record: 1))
        rule.remember(key: withdrawnKey, at: .init(file: "b.csv", line: 2, record: 1))

        rule.forget(file: "b.csv")

        #expect(rule.violation(key: withdrawnKey, values: withdrawn) == nil)
        #expect(
            rule.violation(key: keptKey, values: kept)?.message
                == "duplicate of record 1 (a.csv:2) for queue 'billing', period '2026-10-01'")
    }

    @Test func idIsStable() {
        #expect(UniqueKeyRule.id == "unique-key")
    }

    @Test func checkRemembersTheFirstAndReportsTheNext() throws {
        var rule = rule()
        let first = record("billing", "2026-10-01")
        let key = try #require(rule.key(of: first))
        #expect(rule.check(key: key, values: first, at: .init(file: "Inbox/a.csv", line: 4, record: 3)) == nil)
        #expect(
            rule.check(key: key, values: first, at: .init(file: "Inbox/b.csv", line: 9, record: 8))
                == RuleViolation(
                    message: "duplicate of record 3 (Inbox/a.csv:4) for queue 'billing', period '2026-10-01'",
                    hint: "remove the duplicate row or ask the vendor which figure is right"))
    }

    @Test func aSingleFieldKeyIsItsCleanText() {
        let rule = UniqueKeyRule(spec: UniqueKeySpec(fields: ["id"]), indices: [1])
        #expect(rule.key(of: [nil, .text("IR0000000042")]) == "IR0000000042")
        #expect(rule.key(of: [nil, .integer(-7)]) == "-7")
        #expect(rule.key(of: [.text("x"), nil]) == nil)
    }
}
