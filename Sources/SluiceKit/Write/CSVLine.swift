/// Encodes one CSV line (RFC 4180, `,`, LF) with values made safe to open in Excel.
enum CSVLine {
    /// The line for these values, ending in LF.
    static func encode(_ values: [String]) -> String {
        var line = ""
        for (index, value) in values.enumerated() {
            if index > 0 { line.append(",") }
            append(ExcelSafe.protect(value), to: &line)
        }
        line.append("\n")
        return line
    }

    private static func append(_ value: String, to line: inout String) {
        let needsQuotes = value.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
        }
        guard needsQuotes else {
            line.append(value)
            return
        }
        line.append("\"")
        line.append(value.replacingOccurrences(of: "\"", with: "\"\""))
        line.append("\"")
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
        guard let first = value.utf8.first else { return value }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 9, 13, UInt8(ascii: "'"):
            return "'" + value
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            return isPlainNumber(value) ? value : "'" + value
        default:
            return value
        }
    }

    /// `-5`, `+3.25`: a sign, digits, at most one `.` followed by digits.
    static func isPlainNumber(_ value: String) -> Bool {
        var digits = 0
        var seenPoint = false
        var digitsAfterPoint = 0
        for (index, byte) in value.utf8.enumerated() {
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
