/// Encodes CSV lines (RFC 4180, `,`, LF) with values made safe to open in Excel, unless the
/// run's rules say `excel-safe-csv: false` (outputs for machine readers, which want every value
/// exactly as it is): writers pass that as `excelSafe`.
///
/// The encoder works on bytes and appends to a byte buffer: a perf profile of 100k benchmark
/// rows had the earlier String version (per-line `String` appends and Foundation's
/// `replacingOccurrences` for quotes) at 20 % of a run's CPU; writers now append each value's
/// bytes straight into their output buffer.
enum CSVLine {
    /// The line for these values, ending in LF.
    static func encode(_ values: [String], excelSafe: Bool = true) -> String {
        var line: [UInt8] = []
        for (index, value) in values.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            appendField(value, to: &line, excelSafe: excelSafe)
        }
        line.append(10)
        return String(decoding: line, as: UTF8.self)
    }

    /// Appends one value, protected for Excel and quoted when needed.
    @inline(__always)
    static func appendField<Sink: ByteSink>(_ value: String, to line: inout Sink, excelSafe: Bool = true) {
        // Native and small strings are read in place (no copy, no retain); others are copied.
        let done: Void? = value.utf8.withContiguousStorageIfAvailable {
            appendField($0, to: &line, excelSafe: excelSafe)
        }
        if done == nil {
            var copy = value
            copy.withUTF8 { appendField($0, to: &line, excelSafe: excelSafe) }
        }
    }

    /// Appends one value's UTF-8 bytes, protected for Excel and quoted when needed: one scan
    /// decides, and a value that needs neither (the usual case) is copied in one piece.
    static func appendField<Sink: ByteSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, to line: inout Sink, excelSafe: Bool = true
    ) {
        let apostrophe = excelSafe && ExcelSafe.needsApostrophe(bytes)
        let needsQuotes = needsQuoting(bytes)
        if !needsQuotes && !apostrophe {
            line.append(contentsOf: bytes)
            return
        }
        if needsQuotes { line.append(UInt8(ascii: "\"")) }
        if apostrophe { line.append(UInt8(ascii: "'")) }
        if needsQuotes {
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { line.append(byte) }
                line.append(byte)
            }
            line.append(UInt8(ascii: "\""))
        } else {
            line.append(contentsOf: bytes)
        }
    }

    /// Whether the bytes hold `,` `"` LF or CR. All four are below 0x2D, so eight bytes at a time
    /// are first tested for any byte below 0x2D (letters and digits never are); only a word that
    /// has one is looked at byte by byte. In callgrind (20k benchmark records) the byte loop alone
    /// was 58 of the 131 instructions a value cost.
    @inline(__always)
    static func needsQuoting(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count >= 8, let base = bytes.baseAddress else { return hasSpecial(bytes) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while true {
            // The last word overlaps the one before when the count is not a multiple of eight.
            let start = Swift.min(index, count - 8)
            if hasByteBelow2D(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))),
                hasSpecial(UnsafeBufferPointer(rebasing: bytes[start..<start + 8]))
            {
                return true
            }
            index = start + 8
            if index >= count { return false }
        }
    }

    /// Whether any byte of the word is below 0x2D (exact for "any": a borrow only flags bytes above
    /// a byte that really is below).
    @inline(__always)
    private static func hasByteBelow2D(_ word: UInt64) -> Bool {
        (word &- 0x2D2D_2D2D_2D2D_2D2D) & ~word & 0x8080_8080_8080_8080 != 0
    }

    @inline(__always)
    private static func hasSpecial(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte < 0x2D {
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13 { return true }
        }
        return false
    }

    /// Appends a whole number (never quoted or protected: digits with an optional minus),
    /// exactly as `String(value)` spells it.
    @inline(__always)
    static func appendInteger<Sink: ByteSink>(_ value: Int64, to line: inout Sink) {
        let negative = value < 0
        let magnitude = value.magnitude
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let length = digits + (negative ? 1 : 0)
        line.append(count: length) { out in
            if negative { out[0] = UInt8(ascii: "-") }
            writeDigits(magnitude, count: digits, at: out + length - digits)
        }
    }

    /// Writes the last `count` decimal digits of `value` at `out`, zero-padded: two digits per
    /// division, from a table of the pairs `00`…`99` (half the divisions of one digit at a time;
    /// a timestamp has 14 digits).
    @inline(__always)
    private static func writeDigits(_ value: UInt64, count: Int, at out: UnsafeMutablePointer<UInt8>) {
        let pairs = digitPairs.utf8Start
        var rest = value
        var index = count
        while index >= 2 {
            index -= 2
            let pair = Int(truncatingIfNeeded: rest % 100) &* 2
            rest /= 100
            out[index] = pairs[pair]
            out[index + 1] = pairs[pair + 1]
        }
        if index == 1 { out[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10) }
    }

    /// `00` to `99`, each two bytes.
    private static var digitPairs: StaticString {
        """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """
    }

    /// Appends the canonical clean text of a value, exactly as `cleanText` spells it, made safe
    /// and quoted like any other value. Numbers, dates, timestamps and booleans are written
    /// digit by digit without building a String (they never need quotes or protection); text
    /// is copied from the String's own bytes. Nothing appended for nil.
    static func appendClean<Sink: ByteSink>(_ value: NormalisedValue?, to line: inout Sink, excelSafe: Bool = true) {
        switch value {
        case nil: return
        case .text(let text)?, .enumeration(let text)?: appendField(text, to: &line, excelSafe: excelSafe)
        case .integer(let number)?: appendInteger(number, to: &line)
        case .boolean(let flag)?: appendBoolean(flag, to: &line)
        case .date(let date)?: appendDate(date, to: &line, excelSafe: excelSafe)
        case .timestamp(let stamp)?: appendTimestamp(stamp, to: &line, excelSafe: excelSafe)
        case .decimal(let number)?: appendDecimal(number, to: &line)
        case .percent(let number)?, .duration(let number)?: appendDecimal(number.reduced, to: &line)
        }
    }

    /// `true` or `false`.
    @inline(__always)
    static func appendBoolean<Sink: ByteSink>(_ flag: Bool, to line: inout Sink) {
        let word: StaticString = flag ? "true" : "false"
        word.withUTF8Buffer { line.append(contentsOf: $0) }
    }

    /// A date as `cleanText` spells it: fixed-width digits, or its description past year 9999.
    static func appendDate<Sink: ByteSink>(_ date: CivilDate, to line: inout Sink, excelSafe: Bool) {
        if !appendFixedDate(date, to: &line) { appendField(date.description, to: &line, excelSafe: excelSafe) }
    }

    /// A timestamp as `cleanText` spells it: fixed-width digits, or its description when a part
    /// is past its width.
    static func appendTimestamp<Sink: ByteSink>(_ stamp: CivilDateTime, to line: inout Sink, excelSafe: Bool) {
        if !appendFixedTimestamp(stamp, to: &line) {
            appendField(stamp.description, to: &line, excelSafe: excelSafe)
        }
    }

    /// `ExactDecimal.description` in bytes: `-12.05`, `0.5`, `42`.
    static func appendDecimal<Sink: ByteSink>(_ value: ExactDecimal, to line: inout Sink) {
        guard value.scale > 0 else {
            appendInteger(value.significand, to: &line)
            return
        }
        let negative = value.significand < 0
        let magnitude = value.significand.magnitude
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        // At least one digit before the point: `0.5`, `0.05`.
        let written = Swift.max(digits, value.scale + 1)
        let sign = negative ? 1 : 0
        let length = sign + written + 1
        let scale = value.scale
        line.append(count: length) { out in
            if negative { out[0] = UInt8(ascii: "-") }
            let whole = written - scale
            writeDigits(magnitude / power(scale), count: whole, at: out + sign)
            out[sign + whole] = UInt8(ascii: ".")
            writeDigits(magnitude % power(scale), count: scale, at: out + sign + whole + 1)
        }
    }

    /// 10^exponent for 0...19.
    @inline(__always)
    private static func power(_ exponent: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<exponent { result &*= 10 }
        return result
    }

    /// `2026-10-03` in place; false (nothing written) outside the fixed widths (years past 9999).
    @inline(__always)
    private static func appendFixedDate<Sink: ByteSink>(_ date: CivilDate, to line: inout Sink) -> Bool {
        guard fixedWidth(date) else { return false }
        line.append(count: 10) { writeDate(date, at: $0) }
        return true
    }

    private static func fixedWidth(_ date: CivilDate) -> Bool {
        (0...9999).contains(date.year) && (0...99).contains(date.month) && (0...99).contains(date.day)
    }

    @inline(__always)
    private static func writeDate(_ date: CivilDate, at out: UnsafeMutablePointer<UInt8>) {
        writeDigits(UInt64(date.year), count: 4, at: out)
        out[4] = UInt8(ascii: "-")
        writeDigits(UInt64(date.month), count: 2, at: out + 5)
        out[7] = UInt8(ascii: "-")
        writeDigits(UInt64(date.day), count: 2, at: out + 8)
    }

    /// `CivilDateTime.description` in place (`2026-10-03T14:22:05.12+02:00`); false (nothing
    /// written) when a part is outside its fixed width.
    private static func appendFixedTimestamp<Sink: ByteSink>(_ stamp: CivilDateTime, to line: inout Sink) -> Bool {
        let clock = 0...99
        guard fixedWidth(stamp.date), clock.contains(stamp.hour), clock.contains(stamp.minute),
            clock.contains(stamp.second), (0...999_999_999).contains(stamp.nanosecond)
        else { return false }
        var fraction = 0
        var nanoseconds = stamp.nanosecond
        if nanoseconds > 0 {
            // Digits of the 9-digit fraction without its trailing zeros.
            fraction = 9
            while nanoseconds % 10 == 0 {
                nanoseconds /= 10
                fraction -= 1
            }
        }
        var zone = 0
        var offsetMinutes = 0
        if let offset = stamp.utcOffsetSeconds {
            offsetMinutes = abs(offset) / 60
            guard offsetMinutes / 60 <= 99 else { return false }
            zone = offset == 0 ? 1 : 6
        }
        let length = 19 + (fraction > 0 ? 1 + fraction : 0) + zone
        line.append(count: length) { out in
            writeDate(stamp.date, at: out)
            out[10] = UInt8(ascii: "T")
            writeDigits(UInt64(stamp.hour), count: 2, at: out + 11)
            out[13] = UInt8(ascii: ":")
            writeDigits(UInt64(stamp.minute), count: 2, at: out + 14)
            out[16] = UInt8(ascii: ":")
            writeDigits(UInt64(stamp.second), count: 2, at: out + 17)
            var end = 19
            if fraction > 0 {
                out[19] = UInt8(ascii: ".")
                writeDigits(UInt64(nanoseconds), count: fraction, at: out + 20)
                end += 1 + fraction
            }
            if zone == 1 {
                out[end] = UInt8(ascii: "Z")
            } else if zone == 6, let offset = stamp.utcOffsetSeconds {
                out[end] = offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
                writeDigits(UInt64(offsetMinutes / 60), count: 2, at: out + end + 1)
                out[end + 3] = UInt8(ascii: ":")
                writeDigits(UInt64(offsetMinutes % 60), count: 2, at: out + end + 4)
            }
        }
        return true
    }
}

/// Keeps spreadsheet programs from running vendor text as a formula (OWASP CSV injection).
///
/// A value starting with `=`, `+`, `-`, `@`, tab or CR gets one leading apostrophe, so Excel
/// shows it as text; numbers such as `-5` or `+3.5` are left alone. A value that already
/// starts with an apostrophe gets one more, so removing exactly one leading apostrophe from a
/// protected value always gives back the original.
public enum ExcelSafe {
    /// The value as written to CSV.
    public static func protect(_ value: String) -> String {
        var copy = value
        return copy.withUTF8 { needsApostrophe($0) } ? "'" + value : value
    }

    /// Whether the value's bytes need a leading apostrophe.
    @inline(__always)
    static func needsApostrophe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 9, 13, UInt8(ascii: "'"):
            return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            return !isPlainNumber(bytes)
        default:
            return false
        }
    }

    /// `-5`, `+3.25`: a sign, digits, at most one `.` followed by digits.
    static func isPlainNumber(_ value: String) -> Bool {
        var copy = value
        return copy.withUTF8 { isPlainNumber($0) }
    }

    /// `-5`, `+3.25` in bytes.
    static func isPlainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        var seenPoint = false
        var digitsAfterPoint = 0
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "+") where index == 0, UInt8(ascii: "-") where index == 0: continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if seenPoint { digitsAfterPoint += 1 }
            case UInt8(ascii: ".") where !seenPoint: seenPoint = true
            default: return false
            }
        }
        return digits > 0 && (!seenPoint || digitsAfterPoint > 0)
    }
}
