import Testing

@testable import SluiceKit

extension KPITests {
    @Suite struct SubmissionScheduleTests {
        @Test(arguments: [
            ("2026-10", PeriodLength.month, 5, "2026-11-05"),
            ("2026-10", .month, 31, "2026-11-30"),  // clamped to November's 30 days
            ("2026-11", .month, 31, "2026-12-31"),
            ("2026-12", .month, 10, "2027-01-10"),
            ("2026-01", .month, 31, "2026-02-28"),  // clamped to February
            ("2026-01", .month, 29, "2026-02-28"),
            ("2028-01", .month, 31, "2028-02-29"),  // leap February
            ("2028-01", .month, 29, "2028-02-29"),
            ("2026-10", .month, 0, "2026-11-01"),  // a day before the 1st means the 1st
            ("2026-W44", .week, 3, "2026-11-04"),  // the week ends on Sunday 1 November
            ("2026-W44", .week, 0, "2026-11-01"),
            ("2026-W53", .week, 2, "2027-01-05"),
            ("2026-10-28", .day, 1, "2026-10-29"),
            ("2028-02-28", .day, 1, "2028-02-29"),
            ("2026-12-31", .day, 3, "2027-01-03"),
            ("2026-10-28", .day, 0, "2026-10-28"),
        ])
        func dueDate(label: String, length: PeriodLength, dueDay: Int, expected: String) throws {
            let period = try #require(PeriodKey.parse(label: label, length: length))
            let submission = ExpectedSubmission(feed: "scorecard", dueDay: dueDay, graceDays: 2)
            #expect(SubmissionSchedule.dueDate(for: period, submission: submission) == day(expected))
            #expect(SubmissionSchedule.deadline(for: period, submission: submission) == day(expected).adding(days: 2))
        }

        @Test(
            arguments: [
                // (contract start, end, length, submission from, asOf, expected labels)
                (
                    "2026-03-15", "2026-09-10", PeriodLength.month, nil, "2026-06-20",
                    ["2026-03", "2026-04", "2026-05", "2026-06"]
                ),
                (
                    "2026-03-15", "2026-09-10", .month, nil, "2026-12-01",
                    ["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"]
                ),
                ("2026-03-15", "2026-09-10", .month, nil, "2026-03-15", ["2026-03"]),
                ("2026-03-15", "2026-09-10", .month, nil, "2026-03-14", []),  // before the contract
                ("2026-03-15", "2026-09-10", .month, nil, "2026-04-01", ["2026-03", "2026-04"]),
                (
                    "2026-03-15", "2026-09-10", .month, "2026-05-01", "2026-12-01",
                    ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09"]
                ),
                ("2026-03-15", "2026-09-10", .month, "2026-01-01", "2026-05-31", ["2026-03", "2026-04", "2026-05"]),
                ("2026-03-15", "2026-09-10", .month, "2026-10-01", "2026-12-01", []),  // from after the end
                ("2026-03-15", "2026-09-10", .month, "2026-07-01", "2026-06-30", []),  // from after asOf
                (
                    "2026-12-20", "2027-01-15", .week, nil, "2027-01-06",
                    ["2026-W51", "2026-W52", "2026-W53", "2027-W01"]
                ),
                (
                    "2026-12-20", "2027-01-15", .week, nil, "2027-03-01",
                    ["2026-W51", "2026-W52", "2026-W53", "2027-W01", "2027-W02"]
                ),
                ("2026-10-01", "2026-10-31", .day, nil, "2026-10-03", ["2026-10-01", "2026-10-02", "2026-10-03"]),
                (
                    "2028-02-27", "2028-12-31", .day, nil, "2028-03-01",
                    ["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01"]
                ),
            ] as [(String, String, PeriodLength, String?, String, [String])])
        func expectedPeriods(
            start: String, end: String, length: PeriodLength, from: String?, asOf: String, expected: [String]
        ) {
            let contract = ContractSpec(id: "C", vendor: "acme", start: day(start), end: day(end), period: length)
            let submission = ExpectedSubmission(feed: "scorecard", dueDay: 5, from: from.map(day))
            let periods = SubmissionSchedule.expectedPeriods(
                contract: contract, submission: submission, asOf: day(asOf))
            #expect(periods.map(\.label) == expected)
            #expect(periods.allSatisfy { $0.length == length && $0.start <= day(asOf) })
        }

        // October 2026, due 5 November with 2 days' grace: on time through 7 November.
        @Test(
            arguments: [
                ("2026-10-20", "2026-12-01", SubmissionStatus.early),
                ("2026-10-31", "2026-12-01", .early),  // the period's last day: likely partial
                ("2026-11-01", "2026-12-01", .received),
                ("2026-11-05", "2026-11-05", .received),  // on the due day
                ("2026-11-07", "2026-12-01", .received),  // last day of grace
                ("2026-11-08", "2026-12-01", .late),
                ("2027-01-15", "2027-01-20", .late),
                (nil, "2026-10-15", .pending),  // the period is still running
                (nil, "2026-11-05", .pending),
                (nil, "2026-11-07", .pending),  // last day of grace
                (nil, "2026-11-08", .missing),
                (nil, "2027-06-01", .missing),
            ] as [(String?, String, SubmissionStatus)])
        func monthlyStatus(receivedOn: String?, asOf: String, expected: SubmissionStatus) {
            let submission = ExpectedSubmission(feed: "scorecard", dueDay: 5, graceDays: 2)
            let status = SubmissionSchedule.status(
                period: month(10), submission: submission, receivedOn: receivedOn.map(day), asOf: day(asOf))
            #expect(status == expected)
        }

        // No grace: due and deadline are the same day.
        @Test(
            arguments: [
                ("2026-11-05", "2026-11-05", SubmissionStatus.received),
                ("2026-11-06", "2026-11-06", .late),
                (nil, "2026-11-05", .pending),
                (nil, "2026-11-06", .missing),
            ] as [(String?, String, SubmissionStatus)])
        func statusWithoutGrace(receivedOn: String?, asOf: String, expected: SubmissionStatus) {
            let submission = ExpectedSubmission(feed: "scorecard", dueDay: 5)
            let status = SubmissionSchedule.status(
                period: month(10), submission: submission, receivedOn: receivedOn.map(day), asOf: day(asOf))
            #expect(status == expected)
        }

        // Week 44 of 2026 ends Sunday 1 November; due 2 days later with 1 day's grace.
        @Test(
            arguments: [
                ("2026-11-01", "2026-11-10", SubmissionStatus.early),
                ("2026-11-02", "2026-11-10", .received),
                ("2026-11-04", "2026-11-10", .received),
                ("2026-11-05", "2026-11-10", .late),
                (nil, "2026-11-04", .pending),
                (nil, "2026-11-05", .missing),
            ] as [(String?, String, SubmissionStatus)])
        func weeklyStatus(receivedOn: String?, asOf: String, expected: SubmissionStatus) throws {
            let period = try #require(PeriodKey.parse(label: "2026-W44", length: .week))
            let submission = ExpectedSubmission(feed: "interactions", dueDay: 2, graceDays: 1)
            let status = SubmissionSchedule.status(
                period: period, submission: submission, receivedOn: receivedOn.map(day), asOf: day(asOf))
            #expect(status == expected)
        }

        @Test func statusWordsAreTheOutputWords() {
            #expect(SubmissionStatus.allCases.map(\.rawValue) == ["received", "early", "late", "missing", "pending"])
        }
    }
}
