/// The allocation-free CSV state machine: RFC 4180 plus what Excel really writes.
///
/// Bytes go in chunk by chunk; a row comes out as field bytes in one reused buffer with
/// per-field end offsets and lines, so no memory is allocated per row once the buffers have
/// grown to the widest row. CR LF, LF and a lone CR each end one line. Quoted fields may hold
/// delimiters, doubled quotes and line ends. A quote inside an unquoted field and text
/// after a closing quote are kept literally, as Excel does, rather than rejected.
///
/// The buffers are raw memory shared by copies of a scanner: use one copy only.
struct CSVScanner {
    private enum State {
        /// At the start of a field (or of a row).
        case fieldStart
        /// Inside a field that did not start with a quote.
        case unquoted
        /// Inside a quoted field.
        case quoted
        /// Just after a quote inside a quoted field: a doubled quote or the closing one.
        case quoteInQuoted
    }

    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// The delimiter byte.
    let delimiter: UInt8
    /// The quote byte.
    let quote: UInt8

    // Raw buffers, not Arrays: `Array.append(contentsOf:)` per run of a field's bytes plus two
    // `append`s per field were 40 % of the scanner's instructions (callgrind, 100k CSV rows).
    /// The bytes of the current row's fields: a plain row as it is, delimiters and all; the
    /// fields of others one after another.
    private var byteBuffer = ScanBuffer<UInt8>(capacity: 4096)
    /// The start offset in ``bytes`` of each field of the current row.
    private var startBuffer = ScanBuffer<Int>(capacity: 64)
    /// The end offset in ``bytes`` of each field of the current row.
    private var endBuffer = ScanBuffer<Int>(capacity: 64)
    /// The 1-based line each field of the current row starts on.
    private var lineBuffer = ScanBuffer<Int>(capacity: 64)
    /// The number of bytes in ``bytes``.
    private var byteCount = 0
    /// Where the field being read starts in ``bytes``.
    private var fieldStart = 0
    /// The number of fields in the current row.
    private(set) var fieldCount = 0
    /// The 1-based line the current row starts on.
    private(set) var rowLine = 0

    /// The line the scanner is on now.
    private(set) var line: Int
    private var state = State.fieldStart
    /// The row ended with a CR: an LF right after it belongs to the same line end.
    private var skipLineFeed = false
    /// The previous byte was a CR inside a quoted field (there, CR LF counts as one line).
    private var afterCarriageReturn = false
    /// Some byte of the current row has been consumed.
    private var rowOpen = false
    private var rowComplete = true
    private var fieldLine = 0
    /// Where the open quoted field started, for the "never closed" error.
    private var quoteLine = 0
    private var quoteColumn = 0

    /// Creates a scanner whose first byte is on `firstLine`.
    init(delimiter: UInt8, quote: UInt8, firstLine: Int = 1) {
        self.delimiter = delimiter
        self.quote = quote
        self.line = firstLine
    }

    /// The bytes holding the current row's fields (see ``fieldRange(_:)``); valid until the
    /// next ``feed(_:at:)`` or ``finish()``.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: byteBuffer.base, count: byteCount)
    }

    /// The byte range of field `index` in ``bytes``.
    func fieldRange(_ index: Int) -> Range<Int> {
        precondition(index >= 0 && index < fieldCount, "field index out of range")
        return startBuffer.base[index]..<endBuffer.base[index]
    }

    /// `true` when every field holds only spaces, tabs, CRs and LFs (a row of those is not a record).
    var rowIsBlank: Bool {
        for index in 0..<fieldCount where !FieldText.isBlank(fieldBytes(index)) {
            return false
        }
        return true
    }

    /// The bytes of field `index`; valid until the next ``feed(_:at:)`` or ``finish()``.
    func fieldBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let range = fieldRange(index)
        return UnsafeBufferPointer(start: byteBuffer.base + range.lowerBound, count: range.count)
    }

    /// The 1-based line field `index` of the current row starts on.
    func fieldLine(_ index: Int) -> Int {
        precondition(index >= 0 && index < fieldCount, "field index out of range")
        return lineBuffer.base[index]
    }

    /// The 1-based line each field of the current row starts on.
    var fieldLines: [Int] {
        Array(UnsafeBufferPointer(start: lineBuffer.base, count: fieldCount))
    }

    /// Where a quoted field was opened and never closed, when the input ended inside one.
    var unclosedQuote: (line: Int, column: Int)? {
        state == .quoted ? (quoteLine, quoteColumn) : nil
    }

    /// Consumes bytes from `input[index...]` until a row is complete; returns `true` then.
    ///
    /// `index` is left after the last byte consumed. The previous row's data is discarded on
    /// the first call after it was complete.
    mutating func feed(_ input: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Bool {
        if rowComplete {
            byteCount = 0
            fieldStart = 0
            fieldCount = 0
            rowOpen = false
            rowComplete = false
        }
        guard let base = input.baseAddress else { return false }
        var i = index
        let end = input.count
        precondition(i >= 0 && i <= end, "index out of range")
        while i < end {
            let byte = base[i]
            if skipLineFeed {
                skipLineFeed = false
                if byte == Self.lineFeed {
                    i += 1
                    continue
                }
            }
            if !rowOpen {
                rowOpen = true
                rowLine = line
                fieldLine = line
                if scanPlainRow(base, from: &i, to: end) {
                    index = i
                    return true
                }
                continue
            }
            switch state {
            case .quoted:
                if byte == quote {
                    state = .quoteInQuoted
                    afterCarriageReturn = false
                    i += 1
                } else if byte == Self.carriageReturn || byte == Self.lineFeed {
                    append(base + i, count: 1)
                    if byte == Self.carriageReturn || !afterCarriageReturn {
                        line += 1
                    }
                    afterCarriageReturn = byte == Self.carriageReturn
                    i += 1
                } else {
                    let runEnd = Self.firstIndex(
                        in: base, from: i + 1, to: end, of: quote, Self.lineFeed, Self.carriageReturn)
                    append(base + i, count: runEnd - i)
                    afterCarriageReturn = false
                    i = runEnd
                }
            case .fieldStart where byte == quote:
                state = .quoted
                quoteLine = line
                quoteColumn = fieldCount + 1
                i += 1
            case .quoteInQuoted where byte == quote:
                append(base + i, count: 1)
                state = .quoted
                i += 1
            case .fieldStart, .unquoted, .quoteInQuoted:
                if byte == delimiter {
                    endField()
                    i += 1
                } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                    endField()
                    line += 1
                    skipLineFeed = byte == Self.carriageReturn
                    rowComplete = true
                    index = i + 1
                    return true
                } else {
                    // A quote in an unquoted field, or text after a closing quote: kept literally.
                    // The rest of the plain run is found eight bytes at a time and copied in one go.
                    let runEnd = Self.firstIndex(
                        in: base, from: i + 1, to: end, of: delimiter, Self.lineFeed, Self.carriageReturn)
                    append(base + i, count: runEnd - i)
                    i = runEnd
                    state = .unquoted
                }
            }
        }
        index = i
        return false
    }

    /// Completes the last row at end of input; returns `true` when there was one.
    ///
    /// Check ``unclosedQuote`` first: input that ends inside a quoted field has no last row.
    mutating func finish() -> Bool {
        precondition(unclosedQuote == nil, "input ended inside a quoted field")
        if rowComplete || !rowOpen { return false }
        endField()
        rowComplete = true
        return true
    }

    private mutating func append(_ source: UnsafePointer<UInt8>, count: Int) {
        if byteCount + count > byteBuffer.capacity {
            byteBuffer.grow(toAtLeast: byteCount + count, keeping: byteCount)
        }
        (byteBuffer.base + byteCount).update(from: source, count: count)
        byteCount += count
    }

    private mutating func endField() {
        if fieldCount == endBuffer.capacity { growFieldBuffers() }
        startBuffer.base[fieldCount] = fieldStart
        endBuffer.base[fieldCount] = byteCount
        lineBuffer.base[fieldCount] = fieldLine
        fieldCount += 1
        fieldStart = byteCount
        fieldLine = line
        state = .fieldStart
    }

    private mutating func growFieldBuffers() {
        startBuffer.grow(toAtLeast: fieldCount + 1, keeping: fieldCount)
        endBuffer.grow(toAtLeast: fieldCount + 1, keeping: fieldCount)
        lineBuffer.grow(toAtLeast: fieldCount + 1, keeping: fieldCount)
    }

    /// Reads a row that starts at `base[i]` as plain fields to its line end, all in this input:
    /// the row's bytes are copied at once, delimiters and all, and each field is the range
    /// between two delimiters. Returns `true` with the row complete and `i` after its line end.
    ///
    /// At a quote, or at the input's end, the fields before it are kept and `i` is left at
    /// the start of the field that holds it, for the byte-by-byte states to go on from there.
    /// The states cost ~177 instructions a field (a dispatch per field and per delimiter, and a
    /// copy per field); this loop about a third of that (callgrind, 20k rows of 11 fields).
    private mutating func scanPlainRow(_ base: UnsafePointer<UInt8>, from i: inout Int, to end: Int) -> Bool {
        let rowStart = i
        var start = i
        var count = fieldCount
        let line = self.line
        var complete = false
        var at = i
        while true {
            at = Self.firstIndex(in: base, from: at, to: end, of: delimiter, quote, Self.lineFeed, Self.carriageReturn)
            if at == end { break }
            let byte = base[at]
            if byte == quote { break }
            if count == endBuffer.capacity {
                fieldCount = count
                growFieldBuffers()
            }
            startBuffer.base[count] = start - rowStart
            endBuffer.base[count] = at - rowStart
            lineBuffer.base[count] = line
            count += 1
            at += 1
            start = at
            if byte != delimiter {
                complete = true
                skipLineFeed = byte == Self.carriageReturn
                break
            }
        }
        // The bytes up to the last field kept (a complete row: its line end, not needed).
        let kept = (complete ? at - 1 : start) - rowStart
        if kept > byteBuffer.capacity { byteBuffer.grow(toAtLeast: kept, keeping: 0) }
        byteBuffer.base.update(from: base + rowStart, count: kept)
        byteCount = kept
        fieldStart = kept
        fieldCount = count
        i = start
        if complete {
            self.line += 1
            rowComplete = true
        }
        return complete
    }

    /// The index of the first of four bytes in `base[start..<end]`, or `end`.
    ///
    /// Eight bytes at a time (a word's zero bytes after XOR with each wanted byte): the
    /// byte-by-byte loop with three comparisons per byte was most of the scanner's own cost.
    /// Only the lowest flagged byte of a word is exact, and that is the one taken.
    @inline(__always)
    private static func firstIndex(
        in base: UnsafePointer<UInt8>, from start: Int, to end: Int, of first: UInt8, _ second: UInt8, _ third: UInt8,
        _ fourth: UInt8
    ) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let firstMask = ones &* UInt64(first)
        let secondMask = ones &* UInt64(second)
        let thirdMask = ones &* UInt64(third)
        let fourthMask = ones &* UInt64(fourth)
        let raw = UnsafeRawPointer(base)
        var i = start
        while i + 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let a = word ^ firstMask
            let b = word ^ secondMask
            let c = word ^ thirdMask
            let d = word ^ fourthMask
            let found = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c | (d &- ones) & ~d) & highs
            if found != 0 {
                return i + found.trailingZeroBitCount / 8
            }
            i += 8
        }
        while i < end {
            let byte = base[i]
            if byte == first || byte == second || byte == third || byte == fourth { return i }
            i += 1
        }
        return end
    }

    /// The index of the first of three bytes in `base[start..<end]`, or `end` (the four-byte
    /// search with the third byte twice: one more XOR a word).
    @inline(__always)
    private static func firstIndex(
        in base: UnsafePointer<UInt8>, from start: Int, to end: Int, of first: UInt8, _ second: UInt8, _ third: UInt8
    ) -> Int {
        firstIndex(in: base, from: start, to: end, of: first, second, third, third)
    }
}

/// A growable raw buffer for ``CSVScanner``: a pointer kept in the scanner itself (no class
/// property access per byte), owned by a class that frees it.
struct ScanBuffer<Element: BitwiseCopyable> {
    private final class Owner {
        let pointer: UnsafeMutablePointer<Element>
        init(capacity: Int) { pointer = .allocate(capacity: capacity) }
        deinit { pointer.deallocate() }
    }

    private var owner: Owner
    /// The first element.
    private(set) var base: UnsafeMutablePointer<Element>
    /// How many elements fit.
    private(set) var capacity: Int

    init(capacity: Int) {
        owner = Owner(capacity: capacity)
        base = owner.pointer
        self.capacity = capacity
    }

    /// Grows to hold at least `minimum` elements, keeping the first `count`.
    mutating func grow(toAtLeast minimum: Int, keeping count: Int) {
        let newCapacity = max(minimum, capacity * 2)
        let newOwner = Owner(capacity: newCapacity)
        newOwner.pointer.update(from: base, count: count)
        owner = newOwner
        base = newOwner.pointer
        capacity = newCapacity
    }
}
