/// Strings, escapes, numbers and literals: the lexemes that can straddle chunks.
extension JSONTokenizer {
    /// Where a number is in the RFC 8259 grammar `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    enum NumberState {
        case afterMinus, zero, integer, afterPoint, fraction, afterExponent, afterExponentSign, exponent

        /// Whether the number may end here.
        var isComplete: Bool {
            switch self {
            case .zero, .integer, .fraction, .exponent: true
            case .afterMinus, .afterPoint, .afterExponent, .afterExponentSign: false
            }
        }
    }

    /// Starts a key or string value after its opening quote.
    mutating func startString(isKey: Bool) {
        stringIsKey = isKey
        textIsInChunk = false
        // Most strings are left in the chunk, so this is mostly empty already; emptying an
        // empty array still cost a call to replaceSubrange (~60 instructions a string).
        if !ownedText.isEmpty { ownedText.removeAll(keepingCapacity: true) }
        replacedLoneSurrogate = false
        pendingHighSurrogate = nil
        lexeme = .string
    }

    /// Scans string content: a run of plain ASCII at once, then one special byte.
    mutating func scanString(_ chunk: UnsafeBufferPointer<UInt8>, at index: inout Int) throws(JSONSyntaxError)
        -> JSONToken?
    {
        let end = Self.plainRunEnd(chunk, from: index)
        if end > index {
            // The whole string in one run ending at its quote: its bytes are left in the chunk.
            if end < chunk.count && chunk[end] == JSONByte.quote && ownedText.isEmpty
                && pendingHighSurrogate == nil && end - index <= maxValueBytes
            {
                chunkText = UnsafeBufferPointer(rebasing: chunk[index..<end])
                textIsInChunk = true
                column += end - index + 1
                lastWasCarriageReturn = false
                index = end + 1
                return closeString()
            }
            flushHighSurrogate()
            ownedText.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[index..<end]))
            column += end - index
            lastWasCarriageReturn = false
            index = end
            try checkLength()
            // The byte that ended the run is handled now rather than on the next call: most
            // strings are one run and their closing quote.
            if index == chunk.count { return nil }
        }
        let byte = chunk[index]
        if byte == JSONByte.quote {
            flushHighSurrogate()
            column += 1
            index += 1
            return closeString()
        }
        if byte == JSONByte.backslash {
            column += 1
            index += 1
            lexeme = .escape
            return nil
        }
        if byte < 0x20 {
            let what = byte == JSONByte.lineFeed || byte == JSONByte.carriageReturn ? "line break" : "control character"
            throw fail("\(what) \(Self.hex(byte)) inside a string; it must be escaped")
        }
        // The lead byte of a UTF-8 sequence; the bounds reject overlong forms, surrogates and > U+10FFFF.
        switch byte {
        case 0xC2...0xDF: beginSequence(1, 0x80, 0xBF)
        case 0xE0: beginSequence(2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: beginSequence(2, 0x80, 0xBF)
        case 0xED: beginSequence(2, 0x80, 0x9F)
        case 0xF0: beginSequence(3, 0x90, 0xBF)
        case 0xF1...0xF3: beginSequence(3, 0x80, 0xBF)
        case 0xF4: beginSequence(3, 0x80, 0x8F)
        default: throw fail("invalid UTF-8 byte \(Self.hex(byte)) in a string")
        }
        flushHighSurrogate()
        ownedText.append(byte)
        column += 1
        index += 1
        try checkLength()
        return nil
    }

    /// The index of the first byte at or after `start` that ends a run of plain string bytes:
    /// a quote, a backslash, a control byte or a non-ASCII byte; `chunk.count` if none does.
    ///
    /// Eight bytes at a time: with the byte-by-byte loop `scanString` took 66 M instructions
    /// for 20k records (keys and values of ~12 bytes), with this 47 M (callgrind).
    @inline(__always)
    static func plainRunEnd(_ chunk: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = chunk.count
        if let base = chunk.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let high: UInt64 = 0x8080_8080_8080_8080
            while count - index >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let quotes = word ^ (ones &* UInt64(JSONByte.quote))
                let backslashes = word ^ (ones &* UInt64(JSONByte.backslash))
                // A byte's high bit is set where it is below 0x20, zero after the XOR, or non-ASCII;
                // borrows can mark bytes after the first marked one, never before it.
                let controls = (word &- ones &* 0x20) & ~word
                let special =
                    (controls | (quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes | word) & high
                if special != 0 { return index + special.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count {
            let byte = chunk[index]
            if byte == JSONByte.quote || byte == JSONByte.backslash || byte < 0x20 || byte >= 0x80 { break }
            index += 1
        }
        return index
    }

    /// After a string's closing quote: a key expects its colon, a value its separator.
    @inline(__always)
    private mutating func closeString() -> JSONToken {
        lexeme = .between
        if stringIsKey {
            expect = .colon
            return .key
        }
        valueDone()
        return .string
    }

    private mutating func beginSequence(_ remaining: Int, _ lower: UInt8, _ upper: UInt8) {
        utf8Remaining = remaining
        utf8Lower = lower
        utf8Upper = upper
        lexeme = .utf8Continuation
    }

    /// The byte after a backslash.
    mutating func scanEscape(_ byte: UInt8) throws(JSONSyntaxError) {
        let decoded: UInt8
        switch byte {
        case JSONByte.quote, JSONByte.backslash, JSONByte.slash: decoded = byte
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = JSONByte.lineFeed
        case UInt8(ascii: "r"): decoded = JSONByte.carriageReturn
        case UInt8(ascii: "t"): decoded = JSONByte.tab
        case UInt8(ascii: "u"):
            escapeValue = 0
            escapeDigits = 0
            column += 1
            lexeme = .unicodeEscape
            return
        default:
            throw fail("invalid escape '\\' followed by \(Self.describe(byte)) in a string")
        }
        flushHighSurrogate()
        ownedText.append(decoded)
        column += 1
        lexeme = .string
    }

    /// One of the four hex digits of `\uXXXX`.
    mutating func scanUnicodeEscape(_ byte: UInt8) throws(JSONSyntaxError) {
        let digit: UInt32
        switch byte {
        case JSONByte.zero...JSONByte.nine: digit = UInt32(byte - JSONByte.zero)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
        default: throw fail("invalid \\u escape: expected 4 hex digits, found \(Self.describe(byte))")
        }
        escapeValue = escapeValue << 4 | digit
        escapeDigits += 1
        column += 1
        guard escapeDigits == 4 else { return }
        lexeme = .string
        let unit = escapeValue
        if let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                appendScalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))
                return
            }
            appendReplacement()
        }
        switch unit {
        case 0xD800...0xDBFF: pendingHighSurrogate = unit
        case 0xDC00...0xDFFF: appendReplacement()
        default: appendScalar(unit)
        }
    }

    /// A high surrogate not followed by a low one becomes U+FFFD.
    mutating func flushHighSurrogate() {
        if pendingHighSurrogate != nil {
            pendingHighSurrogate = nil
            appendReplacement()
        }
    }

    private mutating func appendReplacement() {
        replacedLoneSurrogate = true
        appendScalar(0xFFFD)
    }

    /// Appends a scalar value (never a surrogate) as UTF-8.
    private mutating func appendScalar(_ value: UInt32) {
        switch value {
        case 0..<0x80:
            ownedText.append(UInt8(value))
        case 0x80..<0x800:
            ownedText.append(UInt8(0xC0 | value >> 6))
            ownedText.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            ownedText.append(UInt8(0xE0 | value >> 12))
            ownedText.append(UInt8(0x80 | value >> 6 & 0x3F))
            ownedText.append(UInt8(0x80 | value & 0x3F))
        default:
            ownedText.append(UInt8(0xF0 | value >> 18))
            ownedText.append(UInt8(0x80 | value >> 12 & 0x3F))
            ownedText.append(UInt8(0x80 | value >> 6 & 0x3F))
            ownedText.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Takes `byte` into the number; `true` when the number ended before it (the byte is left for the next token).
    mutating func scanNumber(_ byte: UInt8) throws(JSONSyntaxError) -> Bool {
        let isDigit = byte >= JSONByte.zero && byte <= JSONByte.nine
        let isExponent = byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        switch numberState {
        case .afterMinus:
            guard isDigit else { throw fail("expected a digit after '-', found \(Self.describe(byte))") }
            numberState = byte == JSONByte.zero ? .zero : .integer
        case .zero:
            if isDigit { throw fail("leading zeros are not allowed in a number") }
            if byte == JSONByte.point {
                numberState = .afterPoint
            } else if isExponent {
                numberState = .afterExponent
            } else {
                return true
            }
        case .integer, .fraction:
            if isDigit {
                break
            } else if byte == JSONByte.point && numberState == .integer {
                numberState = .afterPoint
            } else if isExponent {
                numberState = .afterExponent
            } else {
                return true
            }
        case .afterPoint:
            guard isDigit else { throw fail("expected a digit after '.', found \(Self.describe(byte))") }
            numberState = .fraction
        case .afterExponent:
            if byte == JSONByte.plus || byte == JSONByte.minus {
                numberState = .afterExponentSign
            } else if isDigit {
                numberState = .exponent
            } else {
                throw fail("expected a digit in the exponent, found \(Self.describe(byte))")
            }
        case .afterExponentSign:
            guard isDigit else { throw fail("expected a digit in the exponent, found \(Self.describe(byte))") }
            numberState = .exponent
        case .exponent:
            if !isDigit { return true }
        }
        ownedText.append(byte)
        column += 1
        try checkLength()
        return false
    }

    /// Takes `byte` into `true`, `false` or `null`; `true` when the literal is complete.
    mutating func scanLiteral(_ byte: UInt8) throws(JSONSyntaxError) -> Bool {
        let spelling = Self.spelling(literalToken)
        guard byte == spelling.utf8Start[literalIndex] else {
            throw fail("unexpected \(Self.describe(byte)); expected '\(spelling)'")
        }
        advance(past: byte)
        literalIndex += 1
        return literalIndex == spelling.utf8CodeUnitCount
    }

    /// `true`, `false` or `null`: a StaticString, since an array's bytes cost a retain and a
    /// release per byte read.
    static func spelling(_ token: JSONToken) -> StaticString {
        switch token {
        case .literalTrue: "true"
        case .literalFalse: "false"
        default: "null"
        }
    }

    private func checkLength() throws(JSONSyntaxError) {
        if ownedText.count > maxValueBytes {
            throw fail("a value longer than \(maxValueBytes) bytes")
        }
    }
}
