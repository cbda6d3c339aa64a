/// When submissions are due, which periods a vendor owes, and whether each came in on time.
public enum SubmissionSchedule {
    /// The day a period's submission is due.
    ///
    /// Month: day `dueDay` of the following month, clamped to that month's length (31 → 30
    /// November). Week and day: `dueDay` days after the period's last day.
    public static func dueDate(for period: PeriodKey, submission: ExpectedSubmission) -> CivilDate {
        switch period.length {
        case .month:
            let following = period.end.adding(days: 1)
            let day = min(max(submission.dueDay, 1), CivilDate.daysIn(month: following.month, year: following.year))
            return CivilDate(year: following.year, month: following.month, day: day)
        case .week, .day:
            return period.end.adding(days: submission.dueDay)
        }
    }

    /// The last day a submission is still on time: the due date plus the grace days.
    public static func deadline(for period: PeriodKey, submission: ExpectedSubmission) -> CivilDate {
        dueDate(for: period, submission: submission).adding(days: max(submission.graceDays, 0))
    }

    /// The contract's periods the vendor owes this submission for, as of a date, in order.
    ///
    /// From the period containing the later of the contract's start and the submission's
    /// `from`, through the period containing the earlier of `asOf` and the contract's end; a
    /// period that starts after `asOf` is never included.
    public static func expectedPeriods(
        contract: ContractSpec, submission: ExpectedSubmission, asOf: CivilDate
    ) -> [PeriodKey] {
        let first = max(contract.start, submission.from ?? contract.start)
        let last = min(asOf, contract.end)
        guard first <= last else { return [] }
        var periods: [PeriodKey] = []
        var period = PeriodKey.containing(first, length: contract.period)
        let lastPeriod = PeriodKey.containing(last, length: contract.period)
        while period <= lastPeriod {
            periods.append(period)
            period = period.next()
        }
        return periods
    }

    /// The status of a period's submission, received on `receivedOn` (nil: not yet), as of a date.
    public static func status(
        period: PeriodKey, submission: ExpectedSubmission, receivedOn: CivilDate?, asOf: CivilDate
    ) -> SubmissionStatus {
        let deadline = deadline(for: period, submission: submission)
        guard let receivedOn else { return asOf > deadline ? .missing : .pending }
        if receivedOn <= period.end { return .early }
        return receivedOn > deadline ? .late : .received
    }
}
