/// Excel's 1900 date system: a value is days since 1899-12-30, its fraction the time of day.
///
/// Serials 1…60 are refused: Excel believes 1900 was a leap year (a bug kept from Lotus 1-2-3),
/// so those serials name different days in Excel and in every other tool. From 61 (1900-03-01) on
/// the count agrees with the real calendar.
enum ExcelSerial {
    /// 9999-12-31, the last day Excel shows.
    static let maximum: Int64 = 2_958_465
    /// 1900-03-01, the first serial that means the same day everywhere.
    static let minimum: Int64 = 61
    /// 1899-12-30 as days since 1970-01-01.
    static let epochDays = -25_569

    static func match(_ bytes: Bytes, timestamp: Bool, decimalSeparator: UInt8) -> DateFormat.Match {
        var syntax = NumberSyntax(decimalSeparator: nil, thousandsSeparator: nil, allowsParentheses: false)
        syntax.decimalSeparator = decimalSeparator
        guard case .success(let number) = scanNumber(bytes, syntax), let serial = number.exactDecimal else {
            return .noMatch
        }
        var power: Int64 = 1
        for _ in 0..<serial.scale { power *= 10 }
        let wholeDays = serial.significand / power
        let fraction = serial.significand % power
        if serial.significand < 0 || wholeDays < 1 || wholeDays > maximum { return .fault(.serialOutOfRange) }
        if wholeDays < minimum { return .fault(.lotusSerial) }
        if !timestamp {
            guard fraction == 0 else { return .fault(.serialHasTime) }
            return .value(CivilDateTime(date: civilDate(days: Int(wholeDays)), hour: 0, minute: 0, second: 0))
        }
        // Round to the nearest second, half up, in 128 bits: 86400 × an 18-digit significand overflows 64.
        let seconds = (Int128(serial.significand) * 86_400 + Int128(power) / 2) / Int128(power)
        let days = Int(seconds / 86_400)
        guard days <= maximum else { return .fault(.serialOutOfRange) }
        let ofDay = Int(seconds % 86_400)
        return .value(
            CivilDateTime(
                date: civilDate(days: days), hour: ofDay / 3600, minute: ofDay / 60 % 60, second: ofDay % 60))
    }

    /// The date `serial` days after 1899-12-30.
    static func civilDate(days serial: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: epochDays + serial)
    }
}
