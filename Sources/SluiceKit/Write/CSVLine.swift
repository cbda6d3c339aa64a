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
    static func appendField(_ value: String, to line: inout [UInt8], excelSafe: Bool = true) {
        var value = value
        // Native strings are read in place; only bridged ones are copied.
        value.withUTF8 { appendField($0, to: &line, excelSafe: excelSafe) }
    }

    /// Appends one value's UTF-8 bytes, protected for Excel and quoted when needed.
    static func appendField(_ bytes: UnsafeBufferPointer<UInt8>, to line: inout [UInt8], excelSafe: Bool = true) {
        let apostrophe = excelSafe && ExcelSafe.needsApostrophe(bytes)
        var needsQuotes = false
        for byte in bytes where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13 {
            needsQuotes = true
            break
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

    /// Appends a whole number (never quoted or protected: digits with an optional minus).
    static func appendInteger(_ value: Int64, to line: inout [UInt8]) {
        if value < 0 { line.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        // Up to 20 digits: written backwards into a small stack buffer, then copied.
        withUnsafeMutableBytes(of: &digits) { buffer in
            var index = buffer.count
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            line.append(contentsOf: buffer[index...])
        }
    }

    /// Appends `value` zero-padded to `width` digits (non-negative values).
    static func appendPadded(_ value: Int, width: Int, to line: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        if rest >= divisor * 10 {
            appendInteger(Int64(value), to: &line)
            return
        }
        while divisor > 0 {
            line.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends the canonical clean text of a value, exactly as `cleanText` spells it, made safe
    /// and quoted like any other value. Numbers, dates, timestamps and booleans are written
    /// digit by digit without building a String (they never need quotes or protection).
    static func appendClean(_ value: NormalisedValue, to line: inout [UInt8], excelSafe: Bool = true) {
        switch value {
        case .text(let text), .enumeration(let text): appendField(text, to: &line, excelSafe: excelSafe)
        case .integer(let number): appendInteger(number, to: &line)
        case .boolean(let flag): line.append(contentsOf: flag ? Self.trueBytes : Self.falseBytes)
        case .date(let date): appendDate(date, to: &line)
        case .timestamp(let stamp) where stamp.nanosecond == 0 && stamp.utcOffsetSeconds == nil:
            appendDate(stamp.date, to: &line)
            line.append(UInt8(ascii: "T"))
            appendPadded(stamp.hour, width: 2, to: &line)
            line.append(UInt8(ascii: ":"))
            appendPadded(stamp.minute, width: 2, to: &line)
            line.append(UInt8(ascii: ":"))
            appendPadded(stamp.second, width: 2, to: &line)
        default: appendField(value.cleanText, to: &line, excelSafe: excelSafe)
        }
    }

    private static func appendDate(_ date: CivilDate, to line: inout [UInt8]) {
        appendPadded(date.year, width: 4, to: &line)
        line.append(UInt8(ascii: "-"))
        appendPadded(date.month, width: 2, to: &line)
        line.append(UInt8(ascii: "-"))
        appendPadded(date.day, width: 2, to: &line)
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
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
