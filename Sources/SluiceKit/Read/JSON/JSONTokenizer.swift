/// A strict RFC 8259 pull tokenizer over chunks of bytes: the JSON and NDJSON readers' core.
///
/// The caller hands it one chunk at a time; a token may straddle any number of chunks, so
/// every lexeme (string, escape, UTF-8 sequence, number, literal) is a resumable state.
/// It validates the whole grammar as it goes (structure, escapes, UTF-8, numbers, literals)
/// and is iterative: nesting is an explicit stack capped at ``maxDepth``, so hostile input
/// cannot overflow the call stack. Memory is the stack plus the current token's bytes.
///
/// Lone surrogate escapes (`"\uD800"`, a high surrogate not followed by a low one) cannot
/// become Swift text. Rather than quarantine a whole file for one damaged value (JavaScript's
/// `JSON.stringify` emits them when a string is cut mid-pair), each becomes U+FFFD and
/// ``replacedLoneSurrogate`` is set so the reader reports it on the record. Raw bytes that are
/// not UTF-8 are an error: RFC 8259 requires UTF-8, and a declared encoding cannot help.
struct JSONTokenizer {
    /// The default nesting limit.
    static let defaultMaxDepth = 512
    /// The default limit on one key, string or number: 16 MiB keeps memory bounded.
    static let defaultMaxValueBytes = 16 << 20

    /// Deepest nesting of objects and arrays accepted.
    let maxDepth: Int
    /// Longest key, string or number accepted, in bytes.
    let maxValueBytes: Int
    /// NDJSON: one top-level value per line, blank lines allowed, no line break inside a value.
    let lineDelimited: Bool

    /// The bytes of the last key, string (unescaped) or number (as written), as a new array;
    /// the reader uses ``withText(_:)``, which copies nothing.
    var text: [UInt8] { textIsInChunk ? Array(chunkText) : ownedText }
    /// The last token's bytes when they were copied: an escape, a non-ASCII byte, a number,
    /// or a token cut by the chunk's end.
    var ownedText: [UInt8] = []
    /// The last key or string where it lies in the chunk, when it was read in one run with no
    /// escape: most are, and copying them cost an append per token (callgrind, 20k records).
    /// Valid until the next call, while the chunk is.
    var chunkText = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var textIsInChunk = false
    /// 1-based line and column where the last token starts.
    var tokenLine = 1
    var tokenColumn = 1
    /// 1-based line and column of the next byte.
    var line = 1
    var column = 1
    /// Whether the last key or string had a lone surrogate escape, replaced by U+FFFD.
    var replacedLoneSurrogate = false
    /// How many objects and arrays are open.
    var depth: Int { containers.count }

    enum Expect { case value, valueAfterComma, valueOrEndArray, keyOrEndObject, keyAfterComma, colon, commaOrEnd, end }
    enum Lexeme { case between, string, escape, unicodeEscape, utf8Continuation, number, literal }
    /// An open object or array and where it starts, for "the file ends inside…" messages.
    struct Container {
        var isObject: Bool
        var line: Int
        var column: Int
    }

    var expect = Expect.value
    var lexeme = Lexeme.between
    var containers: [Container] = []
    var lastWasCarriageReturn = false
    var sawValue = false
    var stringIsKey = false
    var utf8Remaining = 0
    var utf8Lower: UInt8 = 0x80
    var utf8Upper: UInt8 = 0xBF
    var escapeValue: UInt32 = 0
    var escapeDigits = 0
    var pendingHighSurrogate: UInt32?
    var numberState = NumberState.afterMinus
    var literalToken = JSONToken.null
    var literalIndex = 0

    /// Creates a tokenizer at the start of a document.
    init(
        lineDelimited: Bool = false, maxDepth: Int = JSONTokenizer.defaultMaxDepth,
        maxValueBytes: Int = JSONTokenizer.defaultMaxValueBytes
    ) {
        self.lineDelimited = lineDelimited
        self.maxDepth = maxDepth
        self.maxValueBytes = maxValueBytes
    }

    /// The next token from `chunk` starting at `index`, advancing `index`; `nil` when the
    /// chunk is used up (feed the next one, or call ``finish()`` at end of input).
    mutating func next(in chunk: UnsafeBufferPointer<UInt8>, at index: inout Int) throws(JSONSyntaxError) -> JSONToken?
    {
        while index < chunk.count {
            switch lexeme {
            case .between:
                let byte = chunk[index]
                // Most bytes between tokens open a key or a string value, or are the ':' or ','
                // after one: taken here without the general dispatch (~40 instructions each).
                if byte == JSONByte.quote && expect != .colon && expect != .commaOrEnd && expect != .end {
                    tokenLine = line
                    tokenColumn = column
                    let isKey = expect == .keyOrEndObject || expect == .keyAfterComma
                    if !isKey { sawValue = true }
                    startString(isKey: isKey)
                    column += 1
                    lastWasCarriageReturn = false
                    index += 1
                    if index < chunk.count, let token = try scanString(chunk, at: &index) { return token }
                    continue
                }
                if byte == JSONByte.colon && expect == .colon {
                    expect = .value
                    column += 1
                    lastWasCarriageReturn = false
                    index += 1
                    continue
                }
                if byte == JSONByte.comma && expect == .commaOrEnd {
                    expect = containers[containers.count - 1].isObject ? .keyAfterComma : .valueAfterComma
                    column += 1
                    lastWasCarriageReturn = false
                    index += 1
                    continue
                }
                if byte == JSONByte.space || byte == JSONByte.tab || byte == JSONByte.carriageReturn {
                    advance(past: byte)
                    index += 1
                    continue
                }
                if byte == JSONByte.lineFeed {
                    if lineDelimited { try lineEnds() }
                    advance(past: byte)
                    index += 1
                    continue
                }
                tokenLine = line
                tokenColumn = column
                // Punctuation, or the first byte of a scalar (its lexeme continues from the next byte).
                let token = try structure(byte)
                advance(past: byte)
                index += 1
                if let token { return token }
            case .string:
                if let token = try scanString(chunk, at: &index) { return token }
            case .escape:
                try scanEscape(chunk[index])
                index += 1
            case .unicodeEscape:
                try scanUnicodeEscape(chunk[index])
                index += 1
            case .utf8Continuation:
                let byte = chunk[index]
                guard byte >= utf8Lower && byte <= utf8Upper else {
                    throw fail("invalid UTF-8 byte \(Self.hex(byte)) in a string")
                }
                ownedText.append(byte)
                index += 1
                utf8Remaining -= 1
                utf8Lower = 0x80
                utf8Upper = 0xBF
                if utf8Remaining == 0 { lexeme = .string }
            case .number:
                if try scanNumber(chunk[index]) {
                    lexeme = .between
                    valueDone()
                    return .number
                }
                index += 1
            case .literal:
                if try scanLiteral(chunk[index]) {
                    index += 1
                    lexeme = .between
                    valueDone()
                    return literalToken
                }
                index += 1
            }
        }
        return nil
    }

    /// Calls `body` with the bytes of the last key, string or number.
    @inline(__always)
    func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if textIsInChunk { return body(chunkText) }
        return ownedText.withUnsafeBufferPointer(body)
    }

    /// How many bytes the last key, string or number has.
    var textCount: Int { textIsInChunk ? chunkText.count : ownedText.count }

    /// Ends the input: returns a number that was still open, then `nil`; throws when the
    /// document is incomplete (the usual sign of a cut-off upload).
    mutating func finish() throws(JSONSyntaxError) -> JSONToken? {
        let cutOff = "; the file may be cut off"
        switch lexeme {
        case .between:
            break
        case .number:
            if numberState.isComplete {
                lexeme = .between
                valueDone()
                return .number
            }
            throw fail("the file ends inside a number" + cutOff)
        case .literal:
            throw fail(
                "the file ends inside '\(Self.spelling(literalToken))'" + cutOff)
        case .string, .escape, .unicodeEscape, .utf8Continuation:
            throw fail("the file ends inside \(stringIsKey ? "a key" : "a string")" + cutOff)
        }
        if let open = containers.last {
            let kind = open.isObject ? "object" : "array"
            throw fail("the file ends inside the \(kind) opened at line \(open.line), column \(open.column)" + cutOff)
        }
        if !sawValue && !lineDelimited {
            throw fail("the file holds only whitespace, no JSON value")
        }
        return nil
    }

    /// Handles a byte between tokens: punctuation, or the first byte of a value or key.
    private mutating func structure(_ byte: UInt8) throws(JSONSyntaxError) -> JSONToken? {
        switch expect {
        case .value, .valueAfterComma, .valueOrEndArray:
            if byte == JSONByte.closeBracket && expect != .value {
                if expect == .valueAfterComma {
                    throw fail("unexpected ']' after ','; trailing commas are not allowed")
                }
                return close()
            }
            return try startValue(byte)
        case .keyOrEndObject, .keyAfterComma:
            if byte == JSONByte.quote {
                startString(isKey: true)
                return nil
            }
            if byte == JSONByte.closeBrace {
                if expect == .keyAfterComma {
                    throw fail("unexpected '}' after ','; trailing commas are not allowed")
                }
                return close()
            }
            let place = expect == .keyAfterComma ? " after ','" : " or '}'"
            throw fail("unexpected \(Self.describe(byte)); expected a key in double quotes\(place)")
        case .colon:
            guard byte == JSONByte.colon else { throw fail("expected ':' after an object key") }
            expect = .value
            return nil
        case .commaOrEnd:
            let inObject = containers[containers.count - 1].isObject
            if byte == JSONByte.comma {
                expect = inObject ? .keyAfterComma : .valueAfterComma
                return nil
            }
            if byte == (inObject ? JSONByte.closeBrace : JSONByte.closeBracket) { return close() }
            throw fail(
                inObject ? "expected ',' or '}' after an object member" : "expected ',' or ']' after an array element")
        case .end:
            if lineDelimited {
                throw fail("unexpected \(Self.describe(byte)) after the value; each line must hold one JSON object")
            }
            throw fail("unexpected \(Self.describe(byte)) after the end of the JSON document")
        }
    }

    /// Starts the value whose first byte is `byte`; returns the token for `{` and `[`.
    private mutating func startValue(_ byte: UInt8) throws(JSONSyntaxError) -> JSONToken? {
        sawValue = true
        switch byte {
        case JSONByte.openBrace, JSONByte.openBracket:
            guard containers.count < maxDepth else { throw fail("nesting deeper than \(maxDepth) levels") }
            let isObject = byte == JSONByte.openBrace
            containers.append(Container(isObject: isObject, line: line, column: column))
            expect = isObject ? .keyOrEndObject : .valueOrEndArray
            return isObject ? .beginObject : .beginArray
        case JSONByte.quote:
            startString(isKey: false)
        case JSONByte.minus, JSONByte.zero...JSONByte.nine:
            textIsInChunk = false
            ownedText.removeAll(keepingCapacity: true)
            ownedText.append(byte)
            numberState = byte == JSONByte.minus ? .afterMinus : byte == JSONByte.zero ? .zero : .integer
            lexeme = .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            literalToken = byte == UInt8(ascii: "t") ? .literalTrue : byte == UInt8(ascii: "f") ? .literalFalse : .null
            literalIndex = 1
            lexeme = .literal
        default:
            let place = expect == .valueAfterComma ? " after ','" : ""
            throw fail("unexpected \(Self.describe(byte)); expected a value\(place)")
        }
        return nil
    }

    /// Closes the innermost container.
    private mutating func close() -> JSONToken {
        let closed = containers.removeLast()
        valueDone()
        return closed.isObject ? .endObject : .endArray
    }

    /// After a whole value: a separator, or the end of the document (or line).
    mutating func valueDone() {
        expect = containers.isEmpty ? .end : .commaOrEnd
    }

    /// NDJSON: a line break is allowed only between values.
    private mutating func lineEnds() throws(JSONSyntaxError) {
        if expect == .end {
            expect = .value
        } else if !(expect == .value && containers.isEmpty) {
            throw fail("the line ends before its JSON value is complete; each line must hold one whole object")
        }
    }

    /// Moves the position past `byte`: CR, LF and CRLF end a line; continuation bytes take no column.
    @inline(__always)
    mutating func advance(past byte: UInt8) {
        if byte == JSONByte.lineFeed {
            if !lastWasCarriageReturn { line += 1 }
            column = 1
            lastWasCarriageReturn = false
        } else if byte == JSONByte.carriageReturn {
            line += 1
            column = 1
            lastWasCarriageReturn = true
        } else {
            lastWasCarriageReturn = false
            if byte & 0xC0 != 0x80 { column += 1 }
        }
    }

    /// An error at the current position.
    func fail(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: column, message: message)
    }

    /// `'x'` for a visible ASCII byte, `byte 0x07` otherwise.
    static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte \(hex(byte))"
    }

    /// `0x0A`.
    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" : "") + digits
    }
}
