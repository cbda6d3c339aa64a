/// One reporting period: a calendar month, an ISO week (Monday to Sunday) or a day.
///
/// Periods are civil dates in the contract's time zone; `LocalDate` turns a timestamp into
/// the date whose period it belongs to.
public struct PeriodKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Month, week or day.
    public let length: PeriodLength
    /// The first day.
    public let start: CivilDate
    /// The last day (inclusive).
    public let end: CivilDate

    private init(length: PeriodLength, start: CivilDate, end: CivilDate) {
        self.length = length
        self.start = start
        self.end = end
    }

    /// The period of `length` that contains `date`.
    public static func containing(_ date: CivilDate, length: PeriodLength) -> PeriodKey {
        switch length {
        case .month:
            let start = CivilDate(year: date.year, month: date.month, day: 1)
            return PeriodKey(length: .month, start: start, end: start.lastOfMonth)
        case .week:
            let monday = date.mondayOfWeek
            return PeriodKey(length: .week, start: monday, end: monday.adding(days: 6))
        case .day:
            return PeriodKey(length: .day, start: date, end: date)
        }
    }

    /// The 1-based day of the period `date` falls on; `date` is in the period.
    public func dayNumber(of date: CivilDate) -> Int {
        switch length {
        case .month: return date.day
        case .week: return date.daysSinceEpoch - start.daysSinceEpoch + 1
        case .day: return 1
        }
    }

    /// The period right after this one.
    public func next() -> PeriodKey {
        PeriodKey.containing(end.adding(days: 1), length: length)
    }

    /// Every day of the period, in order.
    public var days: [CivilDate] {
        (start.daysSinceEpoch...end.daysSinceEpoch).map { CivilDate(daysSinceEpoch: $0) }
    }

    /// `2026-10` (month), `2026-W44` (ISO week and week-year), `2026-10-28` (day).
    public var label: String {
        switch length {
        case .month:
            return pad(start.year, 4) + "-" + pad(start.month, 2)
        case .week:
            // The ISO week-year is the year of the week's Thursday; week 1 holds the first Thursday.
            let thursday = start.adding(days: 3)
            let january1 = CivilDate(year: thursday.year, month: 1, day: 1)
            let week = (thursday.daysSinceEpoch - january1.daysSinceEpoch) / 7 + 1
            return pad(thursday.year, 4) + "-W" + pad(week, 2)
        case .day:
            return start.description
        }
    }

    /// The label.
    public var description: String { label }

    /// The period a label names, or nil when the label is not one `label` would produce.
    public static func parse(label: String, length: PeriodLength) -> PeriodKey? {
        let bytes = Array(label.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func byte(_ index: Int, is character: Unicode.Scalar) -> Bool {
            index < bytes.count && bytes[index] == UInt8(ascii: character)
        }
        guard let year = number(0..<4), byte(4, is: "-") else { return nil }
        switch length {
        case .month:
            guard bytes.count == 7, let month = number(5..<7),
                CivilDate.isValid(year: year, month: month, day: 1)
            else { return nil }
            return containing(CivilDate(year: year, month: month, day: 1), length: .month)
        case .week:
            guard bytes.count == 8, byte(5, is: "W"), let week = number(6..<8), week >= 1,
                CivilDate.isValid(year: year, month: 1, day: 4)
            else { return nil }
            // Week 1 is the week holding 4 January.
            let firstMonday = CivilDate(year: year, month: 1, day: 4).mondayOfWeek
            let key = containing(firstMonday.adding(days: (week - 1) * 7), length: .week)
            return key.label == label ? key : nil
        case .day:
            guard bytes.count == 10, let month = number(5..<7), byte(7, is: "-"), let day = number(8..<10),
                CivilDate.isValid(year: year, month: month, day: day)
            else { return nil }
            return containing(CivilDate(year: year, month: month, day: day), length: .day)
        }
    }

    /// Chronological by start, then shorter periods first.
    public static func < (lhs: PeriodKey, rhs: PeriodKey) -> Bool {
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.end < rhs.end
    }
}
