/// Matching one compiled format against the bytes of a value.
extension DateFormat {
    /// Why a value that has the format's shape is still not a date or time.
    enum Fault: Sendable, Hashable {
        case notRealDate
        case notRealTime
        /// Excel serials 1…60, which Excel dates wrongly (it believes 1900 was a leap year).
        case lotusSerial
        /// A date field given a serial with a fraction (a time of day).
        case serialHasTime
        case serialOutOfRange
    }

    /// The outcome of one format for one value.
    enum Match: Sendable, Hashable {
        case value(CivilDateTime)
        /// The value does not have this format's shape.
        case noMatch
        /// The shape fits but the fields do not name a real date or time.
        case fault(Fault)
    }

    /// Matches the whole of `bytes`; `timestamp` says whether a time of day is expected.
    func match(_ bytes: Bytes, timestamp: Bool, decimalSeparator: UInt8) -> Match {
        DateFormat.match(body, bytes, timestamp: timestamp, decimalSeparator: decimalSeparator)
    }

    /// Matches a compiled body; static so the hot loop needs no `DateFormat` copy.
    static func match(_ body: Body, _ bytes: Bytes, timestamp: Bool, decimalSeparator: UInt8) -> Match {
        switch body {
        case .tokens(let tokens):
            var cursor = DateCursor(bytes: bytes)
            var fields = DateFields()
            for token in tokens {
                guard cursor.read(token, into: &fields) else { return .noMatch }
            }
            guard cursor.atEnd else { return .noMatch }
            return fields.resolved()
        case .iso8601:
            return DateFormat.matchISO(bytes, timestamp: timestamp)
        case .excelSerial:
            return ExcelSerial.match(bytes, timestamp: timestamp, decimalSeparator: decimalSeparator)
        }
    }

    /// The date part of ISO 8601, compiled once.
    private static let isoDate: [DateToken] = [
        .number(.year, min: 4, max: 4), .literal(PackedBytes([ASCII.minus])), .number(.month, min: 2, max: 2),
        .literal(PackedBytes([ASCII.minus])), .number(.day, min: 2, max: 2),
    ]

    /// `yyyy-MM-dd`; for timestamps followed by `T` or a space, `HH:mm`, optional `:ss`,
    /// optional `.fraction` (1–9 digits) and an optional offset.
    private static func matchISO(_ bytes: Bytes, timestamp: Bool) -> Match {
        var cursor = DateCursor(bytes: bytes)
        var fields = DateFields()
        for token in isoDate {
            guard cursor.read(token, into: &fields) else { return .noMatch }
        }
        if timestamp {
            guard let separator = cursor.next(),
                separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
                    || separator == ASCII.space
            else { return .noMatch }
            let colon = DateToken.literal(PackedBytes([ASCII.colon]))
            guard cursor.read(.number(.hour24, min: 2, max: 2), into: &fields), cursor.read(colon, into: &fields),
                cursor.read(.number(.minute, min: 2, max: 2), into: &fields)
            else { return .noMatch }
            if cursor.peek() == ASCII.colon {
                guard cursor.read(colon, into: &fields), cursor.read(.number(.second, min: 2, max: 2), into: &fields)
                else { return .noMatch }
                if let mark = cursor.peek(), mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",") {
                    _ = cursor.next()
                    guard cursor.readFraction(min: 1, max: 9, into: &fields) else { return .noMatch }
                }
            }
            if !cursor.atEnd {
                guard cursor.read(.offset, into: &fields) else { return .noMatch }
            }
        }
        guard cursor.atEnd else { return .noMatch }
        return fields.resolved()
    }
}

/// Fields read so far; checked together once the whole value is read.
struct DateFields {
    var year = 0
    var month = 0
    /// 1 when the format has no day: a month such as `2026-10` means its first day.
    var day = 1
    var hour = 0
    var minute = 0
    var second = 0
    var nanosecond = 0
    var offsetSeconds: Int?
    var hour12: Int?
    var pm: Bool?
    /// Set when an offset had impossible hours or minutes.
    var badOffset = false

    /// Sets the field a number token reads.
    mutating func set(_ field: DateField, to value: Int) {
        switch field {
        case .year: year = value
        case .shortYear: year = 2000 + value
        case .month: month = value
        case .day: day = value
        case .hour24: hour = value
        case .hour12: hour12 = value
        case .minute: minute = value
        case .second: second = value
        }
    }

    /// The timestamp these fields name, or why they name none.
    func resolved() -> DateFormat.Match {
        guard CivilDate.isValid(year: year, month: month, day: day) else { return .fault(.notRealDate) }
        var hour = hour
        if let hour12 {
            guard (1...12).contains(hour12) else { return .fault(.notRealTime) }
            hour = hour12 % 12 + (pm == true ? 12 : 0)
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second), !badOffset else {
            return .fault(.notRealTime)
        }
        let date = CivilDate(year: year, month: month, day: day)
        return .value(
            CivilDateTime(
                date: date, hour: hour, minute: minute, second: second, nanosecond: nanosecond,
                utcOffsetSeconds: offsetSeconds))
    }
}

/// A read position over a value's bytes.
struct DateCursor {
    let bytes: Bytes
    var index = 0

    init(bytes: Bytes) {
        self.bytes = bytes
    }

    var atEnd: Bool { index == bytes.count }

    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func next() -> UInt8? {
        guard index < bytes.count else { return nil }
        index += 1
        return bytes[index - 1]
    }

    /// Reads one token; false when the bytes do not have its shape.
    mutating func read(_ token: DateToken, into fields: inout DateFields) -> Bool {
        switch token {
        case .number(let field, let min, let max):
            guard let value = digits(min: min, max: max) else { return false }
            fields.set(field, to: value)
            return true
        case .monthAbbreviation:
            guard let month = monthName(in: DateCursor.abbreviations) else { return false }
            fields.month = month
            return true
        case .monthName:
            guard let month = monthName(in: DateCursor.monthNames) else { return false }
            fields.month = month
            return true
        case .amPm:
            guard index + 2 <= bytes.count, ASCII.lower(bytes[index + 1]) == UInt8(ascii: "m") else { return false }
            let mark = ASCII.lower(bytes[index])
            guard mark == UInt8(ascii: "a") || mark == UInt8(ascii: "p") else { return false }
            fields.pm = mark == UInt8(ascii: "p")
            index += 2
            return true
        case .fraction(let count):
            return readFraction(min: count, max: count, into: &fields)
        case .offset:
            return readOffset(into: &fields)
        case .literal(let text):
            guard index + text.count <= bytes.count else { return false }
            for offset in 0..<text.count where bytes[index + offset] != text[offset] { return false }
            index += text.count
            return true
        }
    }

    /// `min…max` digits, greedily.
    mutating func digits(min: Int, max: Int) -> Int? {
        var value = 0
        var count = 0
        while count < max && index < bytes.count && ASCII.isDigit(bytes[index]) {
            value = value * 10 + Int(bytes[index] &- 0x30)
            count += 1
            index += 1
        }
        return count >= min ? value : nil
    }

    /// Fraction-of-second digits as nanoseconds.
    mutating func readFraction(min: Int, max: Int, into fields: inout DateFields) -> Bool {
        let start = index
        guard var value = digits(min: min, max: max) else { return false }
        for _ in (index - start)..<9 { value *= 10 }
        fields.nanosecond = value
        return true
    }

    /// `Z`, `+02:00` or `+0200`.
    mutating func readOffset(into fields: inout DateFields) -> Bool {
        guard let sign = next() else { return false }
        if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
            fields.offsetSeconds = 0
            return true
        }
        guard sign == ASCII.plus || sign == ASCII.minus, let hours = digits(min: 2, max: 2) else { return false }
        if peek() == ASCII.colon { index += 1 }
        guard let minutes = digits(min: 2, max: 2) else { return false }
        if hours > 18 || minutes > 59 { fields.badOffset = true }
        let seconds = (hours * 60 + minutes) * 60
        fields.offsetSeconds = sign == ASCII.minus ? -seconds : seconds
        return true
    }

    /// The 1-based month whose English name (ignoring case) comes next.
    private mutating func monthName(in names: [[UInt8]]) -> Int? {
        search: for (offset, name) in names.enumerated() where index + name.count <= bytes.count {
            for position in 0..<name.count where ASCII.lower(bytes[index + position]) != name[position] {
                continue search
            }
            index += name.count
            return offset + 1
        }
        return nil
    }

    static let abbreviations: [[UInt8]] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ].map { Array($0.utf8) }

    static let monthNames: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ].map { Array($0.utf8) }
}
