/// The bytes of one raw value; parsers work on these so that no `String` is made on the hot path.
typealias Bytes = UnsafeBufferPointer<UInt8>

/// Byte-level helpers shared by the value parsers.
enum ASCII {
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")
    static let colon = UInt8(ascii: ":")
    static let percent = UInt8(ascii: "%")
    static let space = UInt8(ascii: " ")

    /// Whether the byte is `0`…`9`.
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// ASCII lower case; other bytes unchanged (so UTF-8 sequences pass through).
    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// Whether the byte is an ASCII letter.
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The value without surrounding whitespace. Besides ASCII whitespace this trims U+00A0 and
    /// U+202F (no-break spaces), which spreadsheet exports put around numbers.
    func trimmed() -> Bytes {
        var start = 0
        var end = count
        while start < end {
            let width = Bytes.whitespaceWidth(self, at: start)
            if width == 0 { break }
            start += width
        }
        while end > start {
            let width = Bytes.whitespaceWidthEnding(self, at: end)
            if width == 0 { break }
            end -= width
        }
        return Bytes(rebasing: self[start..<end])
    }

    /// Width of a whitespace character starting at `index`, or 0.
    static func whitespaceWidth(_ bytes: Bytes, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xAF { return 3 }
        return 0
    }

    /// Width of a whitespace character ending just before `end`, or 0.
    static func whitespaceWidthEnding(_ bytes: Bytes, at end: Int) -> Int {
        let byte = bytes[end - 1]
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
        if byte == 0xA0, end >= 2, bytes[end - 2] == 0xC2 { return 2 }
        if byte == 0xAF, end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80 { return 3 }
        return 0
    }

    /// Whether `pattern` occurs at `index`.
    @inline(__always) func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard !pattern.isEmpty, index + pattern.count <= count else { return false }
        for offset in 0..<pattern.count where self[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The bytes as a `String`; used only for values that are kept (text) or reported.
    var string: String { String(decoding: self, as: UTF8.self) }
}

/// A set of tokens matched ignoring case: ASCII case folding on bytes for speed, and full Unicode
/// lower-casing when the value is not ASCII (so `OUI`/`oui` and `SÍ`/`sí` both match); or, when
/// created case-sensitive, byte for byte.
struct CaselessTokens: Sendable {
    /// Each token lower-cased, as UTF-8, with the index of what it means.
    private let tokens: [(bytes: [UInt8], meaning: Int)]
    /// Bit n set when some token is n bytes long (n < 64): most values (numbers, dates) are rejected
    /// by length or first byte without touching the token list, which the null check does for every value.
    private let lengths: UInt64
    /// Bit b set when some token starts with byte b (lower-cased), for b < 128.
    private let firstBytes: (low: UInt64, high: UInt64)
    /// Whether a token is 64 bytes or longer, or starts with a non-ASCII byte (no quick reject then).
    private let unusual: Bool

    /// Whether tokens match only byte for byte (`case-sensitive: true`), not ignoring case.
    private let caseSensitive: Bool

    /// Creates the set from `(token, meaning)` pairs; the first pair wins for a repeated token.
    /// With `caseSensitive`, a value matches a token only when their bytes are equal.
    init(_ pairs: [(String, Int)], caseSensitive: Bool = false) {
        self.caseSensitive = caseSensitive
        tokens = pairs.map { (Array((caseSensitive ? $0.0 : $0.0.lowercased()).utf8), $0.1) }
        var lengths: UInt64 = 0
        var low: UInt64 = 0
        var high: UInt64 = 0
        var unusual = false
        for token in tokens {
            if token.bytes.count < 64 { lengths |= 1 << UInt64(token.bytes.count) } else { unusual = true }
            guard let first = token.bytes.first else { continue }
            if first >= 128 {
                unusual = true
            } else if first < 64 {
                low |= 1 << UInt64(first)
            } else {
                high |= 1 << UInt64(first - 64)
            }
        }
        self.lengths = lengths
        self.firstBytes = (low, high)
        self.unusual = unusual
    }

    /// The meaning of the token the bytes spell, if any.
    func meaning(of bytes: Bytes) -> Int? {
        if !unusual {
            guard bytes.count < 64, lengths & (1 << UInt64(bytes.count)) != 0 else { return nil }
            if let first = bytes.first {
                let byte = caseSensitive ? first : ASCII.lower(first)
                if byte < 64 {
                    guard firstBytes.low & (1 << UInt64(byte)) != 0 else { return nil }
                } else if byte < 128 {
                    guard firstBytes.high & (1 << UInt64(byte - 64)) != 0 else { return nil }
                }
            }
        }
        if caseSensitive {
            search: for token in tokens where token.bytes.count == bytes.count {
                for index in 0..<bytes.count where bytes[index] != token.bytes[index] { continue search }
                return token.meaning
            }
            return nil
        }
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            search: for token in tokens where token.bytes.count == bytes.count {
                for index in 0..<bytes.count where ASCII.lower(bytes[index]) != token.bytes[index] {
                    continue search
                }
                return token.meaning
            }
            return nil
        }
        let folded = Array(bytes.string.lowercased().utf8)
        return tokens.first { $0.bytes == folded }?.meaning
    }
}
