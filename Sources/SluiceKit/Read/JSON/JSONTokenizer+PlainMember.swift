/// One object member read at once: the common case of a flat record, taken in one call.
extension JSONTokenizer {
    /// A member read by ``nextPlainMember(in:at:)``: its value's token and its name's bytes.
    struct PlainMember {
        /// `.string`, `.literalTrue`, `.literalFalse` or `.null`; a string's bytes are in ``JSONTokenizer/withText(_:)``.
        var token: JSONToken
        /// The member's name, where it lies in the chunk.
        var name: UnsafeBufferPointer<UInt8>
    }

    /// Reads `[,] "name" : value` from `chunk[index...]` when the whole member is there, its
    /// name and a string value are plain ASCII runs (no escape, no control or non-ASCII byte)
    /// and the value is a string or a literal (whitespace between the tokens as the grammar
    /// allows it; NDJSON: no line break). Otherwise
    /// returns `nil` and consumes nothing: the token-by-token way reads the member then,
    /// with its errors and positions.
    ///
    /// Afterwards the tokenizer is where ``next(in:at:)`` would have left it after the value:
    /// position, token line and column, text (a literal leaves the name, as a key does).
    /// Token by token, a member of a flat record cost two calls of ~270 instructions each
    /// (callgrind, 20k NDJSON records).
    mutating func nextPlainMember(in chunk: UnsafeBufferPointer<UInt8>, at index: inout Int) -> PlainMember? {
        guard lexeme == .between, let base = chunk.baseAddress else { return nil }
        let end = chunk.count
        var i = index
        // The position, kept here until the member is known to be whole.
        var line = self.line
        var column = self.column
        var afterCarriageReturn = lastWasCarriageReturn
        /// Skips whitespace as ``advance(past:)`` counts it; `false` at an NDJSON line break.
        func skipWhitespace() -> Bool {
            while i < end {
                switch base[i] {
                case JSONByte.space, JSONByte.tab:
                    column += 1
                    afterCarriageReturn = false
                case JSONByte.lineFeed:
                    if lineDelimited { return false }
                    if !afterCarriageReturn { line += 1 }
                    column = 1
                    afterCarriageReturn = false
                case JSONByte.carriageReturn:
                    line += 1
                    column = 1
                    afterCarriageReturn = true
                default:
                    return true
                }
                i += 1
            }
            return true
        }
        switch expect {
        case .keyOrEndObject, .keyAfterComma:
            break
        case .commaOrEnd:
            guard i < end, base[i] == JSONByte.comma, containers[containers.count - 1].isObject else { return nil }
            i += 1
            column += 1
            afterCarriageReturn = false
        default:
            return nil
        }
        guard skipWhitespace(), i < end, base[i] == JSONByte.quote else { return nil }
        let nameColumn = column
        let nameStart = i + 1
        let nameEnd = Self.plainRunEnd(chunk, from: nameStart)
        guard nameEnd < end, base[nameEnd] == JSONByte.quote, nameEnd - nameStart <= maxValueBytes else { return nil }
        i = nameEnd + 1
        column = nameColumn + (i - nameStart + 1)
        afterCarriageReturn = false
        guard skipWhitespace(), i < end, base[i] == JSONByte.colon else { return nil }
        i += 1
        column += 1
        guard skipWhitespace(), i < end else { return nil }
        let valueStart = i
        let valueColumn = column
        let token: JSONToken
        var text = UnsafeBufferPointer(start: base + nameStart, count: nameEnd - nameStart)
        switch base[i] {
        case JSONByte.quote:
            let runEnd = Self.plainRunEnd(chunk, from: i + 1)
            guard runEnd < end, base[runEnd] == JSONByte.quote, runEnd - i - 1 <= maxValueBytes else { return nil }
            text = UnsafeBufferPointer(start: base + i + 1, count: runEnd - i - 1)
            token = .string
            i = runEnd + 1
        case UInt8(ascii: "n"): token = .null
        case UInt8(ascii: "t"): token = .literalTrue
        case UInt8(ascii: "f"): token = .literalFalse
        default: return nil
        }
        if token != .string {
            let spelling = Self.spelling(token)
            let length = spelling.utf8CodeUnitCount
            guard end - i >= length else { return nil }
            for offset in 0..<length where base[i + offset] != spelling.utf8Start[offset] {
                return nil
            }
            i += length
        }
        // The member is whole and valid: the state the token-by-token way ends in.
        tokenLine = line
        tokenColumn = valueColumn
        self.line = line
        self.column = valueColumn + (i - valueStart)
        lastWasCarriageReturn = false
        sawValue = true
        stringIsKey = false
        replacedLoneSurrogate = false
        chunkText = text
        textIsInChunk = true
        expect = .commaOrEnd
        index = i
        return PlainMember(token: token, name: UnsafeBufferPointer(start: base + nameStart, count: nameEnd - nameStart))
    }
}
