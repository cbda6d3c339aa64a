/// A declared date or timestamp format compiled once into tokens that are matched over bytes.
///
/// Patterns use the familiar letters (`yyyy`, `MM`, `dd`, `HH`, `mm`, `ss`, `SSS`, `a`, `XXX`,
/// `MMM`), `'quoted'` literals and any other non-letter as a literal. Two names are special:
/// `excel-serial` (days since 1899-12-30) and `iso-8601`.
struct DateFormat: Sendable, Hashable {
    /// The format as declared, for messages.
    let pattern: String
    /// How values are matched.
    let body: Body

    enum Body: Sendable, Hashable {
        case tokens([DateToken])
        case excelSerial
        case iso8601
    }

    /// The special format names.
    static let excelSerialName = "excel-serial"
    static let iso8601Name = "iso-8601"
}

/// One piece of a compiled pattern.
enum DateToken: Sendable, Hashable {
    /// A number of `min…max` digits (greedy) for one field.
    case number(DateField, min: Int, max: Int)
    /// `MMM`: Jan…Dec, ignoring case.
    case monthAbbreviation
    /// `MMMM`: January…December, ignoring case.
    case monthName
    /// `a`: AM or PM, ignoring case.
    case amPm
    /// `S…`: exactly this many fraction-of-second digits.
    case fraction(digits: Int)
    /// `XXX`: `Z`, `+02:00` or `+0200`.
    case offset
    /// Up to 8 bytes that must appear as written; longer literals are split into several tokens.
    case literal(PackedBytes)
}

/// Up to 8 bytes packed into an integer, so that tokens are plain values and matching a format
/// does no reference counting (arrays in tokens cost a retain/release per token per value).
struct PackedBytes: Sendable, Hashable {
    let bits: UInt64
    let count: Int

    /// Packs `bytes` (at most 8).
    init(_ bytes: some Collection<UInt8>) {
        precondition(bytes.count <= 8, "at most 8 bytes")
        var bits: UInt64 = 0
        for (index, byte) in bytes.enumerated() { bits |= UInt64(byte) << UInt64(8 * index) }
        self.bits = bits
        count = bytes.count
    }

    /// The byte at `index`.
    @inline(__always) subscript(index: Int) -> UInt8 { UInt8(truncatingIfNeeded: bits >> UInt64(8 * index)) }

    /// Literal tokens for any number of bytes, 8 at a time.
    static func literals(_ bytes: [UInt8]) -> [DateToken] {
        stride(from: 0, to: bytes.count, by: 8).map { .literal(PackedBytes(bytes[$0..<min($0 + 8, bytes.count)])) }
    }
}

/// The calendar and clock fields a pattern can set.
enum DateField: String, Sendable, Hashable {
    case year, shortYear, month, day, hour24, hour12, minute, second

    /// The field's role, for "appears twice" checks (`yy` and `yyyy` are both the year).
    var role: String {
        switch self {
        case .year, .shortYear: return "year"
        case .month: return "month"
        case .day: return "day"
        case .hour24, .hour12: return "hour"
        case .minute: return "minutes"
        case .second: return "seconds"
        }
    }
}

extension DateFormat {
    /// Compiles a declared format for a date field (`timestamp == false`) or a timestamp field.
    init(compiling pattern: String, timestamp: Bool) throws(FormatError) {
        self.pattern = pattern
        let lowered = pattern.lowercased()
        if lowered == DateFormat.excelSerialName {
            body = .excelSerial
            return
        }
        if lowered == DateFormat.iso8601Name {
            body = .iso8601
            return
        }
        if let special = DateFormat.closeSpecialName(lowered) {
            throw FormatError(format: pattern, message: "unknown format '\(pattern)'; did you mean '\(special)'?")
        }
        var tokens: [DateToken] = []
        var literal: [UInt8] = []
        for piece in try DateFormat.pieces(of: pattern) {
            switch piece {
            case .letters(let letter, let count):
                tokens += PackedBytes.literals(literal)
                literal.removeAll()
                tokens.append(try DateFormat.token(letter: letter, count: count, pattern: pattern))
            case .literal(let text):
                literal += Array(text.utf8)
            }
        }
        tokens += PackedBytes.literals(literal)
        try DateFormat.check(tokens, pattern: pattern, timestamp: timestamp)
        body = .tokens(tokens)
    }

    /// A special format name the pattern looks like a misspelling of.
    private static func closeSpecialName(_ lowered: String) -> String? {
        let squeezed = String(lowered.filter { $0.isLetter || $0.isNumber })
        if ["excel", "serial", "excelserial", "exceldate", "excelserialdate"].contains(squeezed) {
            return excelSerialName
        }
        if ["iso", "iso8601", "isodate", "isodatetime"].contains(squeezed) { return iso8601Name }
        return nil
    }

    private enum Piece {
        case letters(Character, Int)
        case literal(String)
    }

    /// Splits a pattern into runs of one letter and literal text (quoted or not).
    private static func pieces(of pattern: String) throws(FormatError) -> [Piece] {
        var pieces: [Piece] = []
        let characters = Array(pattern)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "'" {
                // `''` is a quote; otherwise read up to the closing quote.
                if index + 1 < characters.count && characters[index + 1] == "'" {
                    pieces.append(.literal("'"))
                    index += 2
                    continue
                }
                var text = ""
                index += 1
                while index < characters.count && characters[index] != "'" {
                    text.append(characters[index])
                    index += 1
                }
                guard index < characters.count else {
                    throw FormatError(
                        format: pattern, message: "format '\(pattern)' has an unclosed quote; close it with '")
                }
                index += 1
                pieces.append(.literal(text))
            } else if character.isASCII && character.isLetter {
                var count = 0
                while index < characters.count && characters[index] == character {
                    count += 1
                    index += 1
                }
                pieces.append(.letters(character, count))
            } else {
                pieces.append(.literal(String(character)))
                index += 1
            }
        }
        guard !pieces.isEmpty else { throw FormatError(format: pattern, message: "the format is empty") }
        return pieces
    }
}
