/// What a cell's number format says its number is: the reader turns date and time serials into
/// ISO text and leaves every other number exactly as written.
enum XLSXNumberFormat: UInt8, Sendable, Hashable {
    /// A plain number (General, `0.00`, `0.0" days"`…): kept as the XML text.
    case number
    /// A date without a time of day (`yyyy-mm-dd`, built-in 14): `2025-10-01`.
    case date
    /// A date with a time (`yyyy-mm-dd hh:mm`, built-in 22): `2025-10-01T12:00:00`.
    case dateTime
    /// A time of day (`h:mm:ss`, built-in 21): `12:00:00`, or a full timestamp from serial 1 on.
    case time
    /// Elapsed time (`[h]:mm:ss`, built-in 46): `36:00:00`, which the duration parser reads.
    ///
    /// Not a date even though the brief's built-in list (45–47) includes 46: `[h]` counts hours
    /// past 24, so 1.5 is 36 hours of handle time, not 1899-12-31 noon.
    case elapsed

    /// The kind of a built-in format id (ECMA-376 §18.8.30); ids not listed are numbers or text.
    static func builtIn(_ id: Int) -> XLSXNumberFormat {
        switch id {
        case 14...17: .date
        case 22: .dateTime
        case 18...21, 45, 47: .time
        case 46: .elapsed
        default: .number
        }
    }

    /// The kind of a custom format code, from its first section (positive numbers).
    ///
    /// Date and time letters count only outside quoted text, `[...]` brackets (locale, colour,
    /// condition), and escaped (`\x`), padding (`_x`) and fill (`*x`) characters. `m` is a month
    /// unless the format also has hours or seconds. `[h]`, `[mm]`, `[ss]` make it elapsed time.
    static func custom(_ code: String) -> XLSXNumberFormat {
        var hasDate = false
        var hasTime = false
        var hasMonthOrMinute = false
        var isElapsed = false
        var iterator = code.unicodeScalars.makeIterator()
        scan: while let scalar = iterator.next() {
            switch scalar {
            case ";": break scan
            case "\"":
                while let next = iterator.next(), next != "\"" {}
            case "\\", "_", "*":
                _ = iterator.next()
            case "[":
                var inside = ""
                while let next = iterator.next(), next != "]" { inside.unicodeScalars.append(next) }
                let lower = inside.lowercased()
                if !lower.isEmpty
                    && (lower.allSatisfy { $0 == "h" } || lower.allSatisfy { $0 == "m" }
                        || lower.allSatisfy { $0 == "s" })
                {
                    isElapsed = true
                }
            case "d", "D", "y", "Y": hasDate = true
            case "h", "H", "s", "S": hasTime = true
            case "m", "M": hasMonthOrMinute = true
            default: break
            }
        }
        if isElapsed { return .elapsed }
        if hasDate || (hasMonthOrMinute && !hasTime) { return hasTime ? .dateTime : .date }
        return hasTime ? .time : .number
    }
}
