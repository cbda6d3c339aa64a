/// Turns a date-formatted cell's serial number into ISO text.
///
/// The 1900 system counts days from 1899-12-30 (serial 45931 is 2025-10-01); below serial 61 it
/// counts from 1899-12-31, because Excel keeps Lotus 1-2-3's fictitious 1900-02-29 (serial 60,
/// which has no ISO form and stays a number). The 1904 system counts from 1904-01-01. Times are
/// rounded to the nearest second; a `Double` carries serials to well under a millisecond.
enum XLSXSerialDate {
    /// ISO text for `serial` under `format`, or `nil` to keep the number as written (negative,
    /// past 9999-12-31, serial 60 of the 1900 system, or not a number).
    static func text(serial: String, format: XLSXNumberFormat, date1904: Bool) -> String? {
        // 2,958,466 is 10000-01-01 in the 1900 system: nothing at or past it has an ISO form.
        guard format != .number, let value = Double(serial), value >= 0, value < 2_958_466 else { return nil }
        let seconds = Int64((value * 86_400).rounded())
        let days = Int(seconds / 86_400)
        let ofDay = Int(seconds % 86_400)
        let clock = pad(ofDay / 3600) + ":" + pad(ofDay / 60 % 60) + ":" + pad(ofDay % 60)
        if format == .elapsed {
            return String(seconds / 3600) + ":" + pad(ofDay / 60 % 60) + ":" + pad(ofDay % 60)
        }
        if format == .time && days == 0 { return clock }
        let epochDays: Int  // the day serial 0 names, in days since 1970-01-01
        if date1904 {
            epochDays = -24_107  // 1904-01-01
        } else if days >= 61 || days == 0 {
            epochDays = ExcelSerial.epochDays  // 1899-12-30
        } else if days == 60 {
            return nil
        } else {
            epochDays = ExcelSerial.epochDays + 1  // 1899-12-31
        }
        let date = CivilDate(daysSinceEpoch: epochDays + days).description
        return format == .date ? date : date + "T" + clock
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
