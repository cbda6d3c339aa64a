/// Parses durations into seconds: `312`, `312.5`, `mm:ss` (`05:12`) or `h:mm:ss` (`1:02:03`).
///
/// In `mm:ss` the minutes may exceed 59 (`75:00` is a 75-minute call, as telephony exports write it);
/// every component after the first must be two digits below 60. The last component may carry a
/// fraction (`05:12.5`). Negative durations are problems, never absolute values.
struct DurationParser: Sendable {
    let seconds: DecimalParser
    let decimalSeparator: UInt8

    init(field: FieldSpec) {
        seconds = DecimalParser(field: field, allowsParentheses: false)
        decimalSeparator = field.decimalSeparator.asciiValue ?? UInt8(ascii: ".")
    }

    func parse(_ bytes: Bytes, raw: String) -> ValueOutcome {
        if let first = bytes.first, first == ASCII.minus {
            return .invalid(.type("\(quoted(raw)) is a negative duration", hint: "durations are zero or more seconds"))
        }
        var colons = 0
        for byte in bytes where byte == ASCII.colon { colons += 1 }
        if colons == 0 {
            switch seconds.read(bytes, raw: raw, noun: "a duration") {
            case .success(let value): return .value(.duration(value.reduced))
            case .failure: return notADuration(raw)
            }
        }
        guard colons <= 2 else { return notADuration(raw) }
        return clock(bytes, colons: colons, raw: raw)
    }

    /// `mm:ss` or `h:mm:ss`, with an optional fraction on the seconds.
    private func clock(_ bytes: Bytes, colons: Int, raw: String) -> ValueOutcome {
        var index = 0
        // A tuple, not an array: no allocation per value.
        var parts: (Int64, Int64, Int64) = (0, 0, 0)
        var count = 0
        // Leading component: 1–9 digits, no limit below 60.
        var lead: Int64 = 0
        var leadDigits = 0
        while index < bytes.count && ASCII.isDigit(bytes[index]) && leadDigits < 9 {
            lead = lead * 10 + Int64(bytes[index] &- 0x30)
            leadDigits += 1
            index += 1
        }
        guard leadDigits > 0 else { return notADuration(raw) }
        parts.0 = lead
        count = 1
        while index < bytes.count && bytes[index] == ASCII.colon {
            index += 1
            guard index + 2 <= bytes.count, ASCII.isDigit(bytes[index]), ASCII.isDigit(bytes[index + 1]) else {
                return notADuration(raw)
            }
            let value = Int64(bytes[index] &- 0x30) * 10 + Int64(bytes[index + 1] &- 0x30)
            index += 2
            if value >= 60 {
                let unit = count == colons ? "seconds" : "minutes"
                return .invalid(
                    .type(
                        "\(quoted(raw)) has \(value) \(unit); \(unit) must be below 60",
                        hint: "write mm:ss (05:12) or h:mm:ss (1:05:12)"))
            }
            if count == 1 { parts.1 = value } else { parts.2 = value }
            count += 1
        }
        var fraction: Int64 = 0
        var scale = 0
        if index < bytes.count && bytes[index] == decimalSeparator {
            index += 1
            while index < bytes.count && ASCII.isDigit(bytes[index]) && scale < 9 {
                fraction = fraction * 10 + Int64(bytes[index] &- 0x30)
                scale += 1
                index += 1
            }
            guard scale > 0 else { return notADuration(raw) }
        }
        guard index == bytes.count else { return notADuration(raw) }
        let whole = colons == 1 ? parts.0 * 60 + parts.1 : (parts.0 * 60 + parts.1) * 60 + parts.2
        var power: Int64 = 1
        for _ in 0..<scale { power *= 10 }
        let value = ExactDecimal(significand: whole * power + fraction, scale: scale)
        return .value(.duration(value.reduced))
    }

    private func notADuration(_ raw: String) -> ValueOutcome {
        .invalid(
            .type(
                "\(quoted(raw)) is not a duration",
                hint: "write seconds (312), mm:ss (05:12) or h:mm:ss (1:05:12)"))
    }
}
