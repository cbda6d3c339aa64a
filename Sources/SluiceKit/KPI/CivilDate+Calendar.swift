extension CivilDate {
    /// The date `days` later (earlier when negative).
    func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// ISO weekday: 1 Monday … 7 Sunday (1970-01-01 was a Thursday).
    var isoWeekday: Int {
        let mondayBased = (daysSinceEpoch + 3) % 7
        return (mondayBased < 0 ? mondayBased + 7 : mondayBased) + 1
    }

    /// The Monday on or before this date.
    var mondayOfWeek: CivilDate {
        adding(days: 1 - isoWeekday)
    }

    /// The last day of this date's month.
    var lastOfMonth: CivilDate {
        CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
    }
}
