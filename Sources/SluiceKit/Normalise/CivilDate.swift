/// A calendar date without a time zone, as written in vendor exports.
///
/// Stored compactly (8 bytes, 20 for a timestamp) because every normalised value is as large as
/// its largest kind: with `Int` fields a `NormalisedValue` took 72 bytes and each record's values
/// were moved and copied as nine words apiece (callgrind); now it takes 24. Values beyond the
/// narrow fields' ranges (never a real date) are clamped, and stay invalid.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    private var storedYear: Int32
    private var storedMonth: Int16
    private var storedDay: Int16

    public var year: Int {
        get { Int(storedYear) }
        set { storedYear = Int32(clamping: newValue) }
    }

    public var month: Int {
        get { Int(storedMonth) }
        set { storedMonth = Int16(clamping: newValue) }
    }

    public var day: Int {
        get { Int(storedDay) }
        set { storedDay = Int16(clamping: newValue) }
    }

    /// Creates a date; the caller has checked it exists.
    public init(year: Int, month: Int, day: Int) {
        storedYear = Int32(clamping: year)
        storedMonth = Int16(clamping: month)
        storedDay = Int16(clamping: day)
    }

    /// Whether year, month and day name a real calendar day.
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    /// Days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601: `2026-10-03`.
    public var description: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A date and time of day, with a UTC offset when the source gave one.
///
/// Stored compactly, like `CivilDate`: no offset is `Int32.min`, which no real offset is.
public struct CivilDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: CivilDate
    private var storedHour: Int8
    private var storedMinute: Int8
    private var storedSecond: Int8
    private var storedNanosecond: Int32
    private var storedOffset: Int32

    public var hour: Int {
        get { Int(storedHour) }
        set { storedHour = Int8(clamping: newValue) }
    }

    public var minute: Int {
        get { Int(storedMinute) }
        set { storedMinute = Int8(clamping: newValue) }
    }

    public var second: Int {
        get { Int(storedSecond) }
        set { storedSecond = Int8(clamping: newValue) }
    }

    /// Fractional seconds in nanoseconds.
    public var nanosecond: Int {
        get { Int(storedNanosecond) }
        set { storedNanosecond = Int32(clamping: newValue) }
    }

    /// Offset from UTC in seconds, when the source stated one.
    public var utcOffsetSeconds: Int? {
        get { storedOffset == Int32.min ? nil : Int(storedOffset) }
        set {
            storedOffset =
                newValue.map { Int32(clamping: $0) == Int32.min ? Int32.min + 1 : Int32(clamping: $0) } ?? Int32.min
        }
    }

    /// Creates a timestamp; the caller has checked the fields are in range.
    public init(date: CivilDate, hour: Int, minute: Int, second: Int, nanosecond: Int = 0, utcOffsetSeconds: Int? = nil)
    {
        self.date = date
        storedHour = Int8(clamping: hour)
        storedMinute = Int8(clamping: minute)
        storedSecond = Int8(clamping: second)
        storedNanosecond = Int32(clamping: nanosecond)
        storedOffset = Int32.min
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// ISO 8601: `2026-10-03T14:22:05`, with `.123` when there are fractional seconds and
    /// `Z` or `+02:00` when the source stated an offset.
    public var description: String {
        var text = date.description + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        if nanosecond > 0 {
            var fraction = pad(nanosecond, 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        if let offset = utcOffsetSeconds {
            if offset == 0 {
                text += "Z"
            } else {
                let minutes = abs(offset) / 60
                text += (offset < 0 ? "-" : "+") + pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2)
            }
        }
        return text
    }

    /// Ordering by the written fields (offsets are compared only when both are equal or absent).
    public static func < (lhs: CivilDateTime, rhs: CivilDateTime) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        return (lhs.hour, lhs.minute, lhs.second, lhs.nanosecond) < (rhs.hour, rhs.minute, rhs.second, rhs.nanosecond)
    }
}

/// Zero-padded decimal text of a non-negative number.
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

extension CivilDate {
    /// The date `days` after 1970-01-01 (negative before), proleptic Gregorian.
    ///
    /// Howard Hinnant's `civil_from_days`: exact integer arithmetic over 400-year eras.
    init(daysSinceEpoch days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Days since 1970-01-01 (negative before); Hinnant's `days_from_civil`.
    public var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension CivilDate {
    private static let isoReader = try? ValueNormaliser(
        field: FieldSpec(name: "date", kind: .date, formats: ["yyyy-MM-dd"]))

    /// A `yyyy-MM-dd` date that exists, or nil.
    public static func iso(_ text: String) -> CivilDate? {
        guard case .value(.date(let date))? = isoReader?.normalise(text) else { return nil }
        return date
    }
}
