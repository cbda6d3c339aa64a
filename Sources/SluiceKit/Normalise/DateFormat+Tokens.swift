/// Pattern letters: which runs are known, and what to suggest for the ones that are not.
extension DateFormat {
    /// The token for a run of one letter, or a FormatError with a did-you-mean.
    static func token(letter: Character, count: Int, pattern: String) throws(FormatError) -> DateToken {
        if let token = knownToken(letter: letter, count: count) { return token }
        let run = String(repeating: letter, count: count)
        if knownToken(letter: letter, count: 1) != nil || letter == "y" || letter == "X" {
            throw FormatError(
                format: pattern,
                message: "'\(run)' is not a known field in format '\(pattern)'; did you mean '\(canonicalRun(letter))'?"
            )
        }
        var message = "unknown field '\(run)' in format '\(pattern)'"
        if let suggestion = suggestion(letter: letter, count: count) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; use yyyy, yy, MM, M, MMM, dd, d, HH, H, hh, h, a, mm, ss, S…, XXX or quote literal text"
        }
        throw FormatError(format: pattern, message: message)
    }

    private static func knownToken(letter: Character, count: Int) -> DateToken? {
        switch (letter, count) {
        case ("y", 4): return .number(.year, min: 4, max: 4)
        case ("y", 2): return .number(.shortYear, min: 2, max: 2)
        case ("M", 1): return .number(.month, min: 1, max: 2)
        case ("M", 2): return .number(.month, min: 2, max: 2)
        case ("M", 3): return .monthAbbreviation
        case ("M", 4): return .monthName
        case ("d", 1): return .number(.day, min: 1, max: 2)
        case ("d", 2): return .number(.day, min: 2, max: 2)
        case ("H", 1): return .number(.hour24, min: 1, max: 2)
        case ("H", 2): return .number(.hour24, min: 2, max: 2)
        case ("h", 1): return .number(.hour12, min: 1, max: 2)
        case ("h", 2): return .number(.hour12, min: 2, max: 2)
        case ("m", 1): return .number(.minute, min: 1, max: 2)
        case ("m", 2): return .number(.minute, min: 2, max: 2)
        case ("s", 1): return .number(.second, min: 1, max: 2)
        case ("s", 2): return .number(.second, min: 2, max: 2)
        case ("S", 1...9): return .fraction(digits: count)
        case ("a", 1): return .amPm
        case ("X", 3): return .offset
        default: return nil
        }
    }

    /// The usual spelling of a known letter, for runs of the wrong length.
    private static func canonicalRun(_ letter: Character) -> String {
        switch letter {
        case "y": return "yyyy"
        case "S": return "SSS"
        case "a": return "a"
        case "X": return "XXX"
        default: return String(repeating: letter, count: 2)
        }
    }

    /// A known token close to an unknown run: the other case (`YYYY` → `yyyy`, `DD` → `dd`),
    /// or the usual stand-ins from other libraries (`Z` → `XXX`, `u` → `yyyy`).
    private static func suggestion(letter: Character, count: Int) -> String? {
        switch letter {
        case "Z", "z", "x", "O": return "XXX"
        case "u": return count == 2 ? "yy" : "yyyy"
        case "A": return "a"
        case "E", "e": return nil
        default: break
        }
        let swapped: Character = letter.isUppercase ? Character(letter.lowercased()) : Character(letter.uppercased())
        guard knownToken(letter: swapped, count: 1) != nil || swapped == "y" || swapped == "X" else { return nil }
        if knownToken(letter: swapped, count: count) != nil { return String(repeating: swapped, count: count) }
        return canonicalRun(swapped)
    }

    /// Rules over the whole pattern: each field once, the right fields for the kind, 12-hour with AM/PM,
    /// and no variable-width number directly before another number (that would be a guess).
    static func check(_ tokens: [DateToken], pattern: String, timestamp: Bool) throws(FormatError) {
        var roles: Set<String> = []
        var hasAmPm = false
        var hasHour12 = false
        var hasFraction = false
        func fail(_ message: String) -> FormatError { FormatError(format: pattern, message: message) }
        for (index, token) in tokens.enumerated() {
            var role: String?
            switch token {
            case .number(let field, let min, let max):
                role = field.role
                if field == .hour12 { hasHour12 = true }
                if min < max, index + 1 < tokens.count, tokens[index + 1].isNumeric {
                    throw fail(
                        "format '\(pattern)' has a variable-width field directly before another number, "
                            + "so values could be split more than one way; use two-letter fields such as 'dd' and 'MM'")
                }
            case .monthAbbreviation, .monthName: role = "month"
            case .amPm:
                role = "am/pm"
                hasAmPm = true
            case .fraction:
                role = "fraction of a second"
                hasFraction = true
            case .offset: role = "offset"
            case .literal: break
            }
            if let role {
                guard roles.insert(role).inserted else { throw fail("format '\(pattern)' has the \(role) twice") }
            }
        }
        if !timestamp {
            if let time = tokens.first(where: \.isTimeOfDay) {
                if case .number(.minute, _, _) = time {
                    throw fail(
                        "date format '\(pattern)' has minutes ('mm'); did you mean 'MM' (month)?")
                }
                throw fail(
                    "date format '\(pattern)' has a time of day; declare the field as a timestamp or remove the time")
            }
        }
        // A format without a day (`yyyy-MM`, a reporting month) reads the first of the month.
        for role in ["year", "month"] where !roles.contains(role) {
            throw fail("format '\(pattern)' has no \(role)")
        }
        if timestamp && !roles.contains("hour") {
            throw fail("timestamp format '\(pattern)' has no hour; declare the field as a date if it has no time")
        }
        if hasHour12 && !hasAmPm {
            throw fail("format '\(pattern)' uses the 12-hour clock ('hh') without AM/PM ('a'); did you mean 'HH'?")
        }
        if hasAmPm && !hasHour12 {
            throw fail("format '\(pattern)' has AM/PM ('a') with a 24-hour clock; use 'hh' with 'a', or 'HH' alone")
        }
        if roles.contains("seconds") && !roles.contains("minutes") {
            throw fail("format '\(pattern)' has seconds but no minutes")
        }
        if hasFraction && !roles.contains("seconds") {
            throw fail("format '\(pattern)' has a fraction of a second but no seconds ('ss')")
        }
    }
}

extension DateToken {
    /// Whether the token reads digits.
    var isNumeric: Bool {
        switch self {
        case .number, .fraction: return true
        default: return false
        }
    }

    /// Whether the token belongs to the time of day.
    var isTimeOfDay: Bool {
        switch self {
        case .number(let field, _, _):
            return [.hour24, .hour12, .minute, .second].contains(field)
        case .amPm, .fraction, .offset: return true
        default: return false
        }
    }
}
