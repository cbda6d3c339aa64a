/// The allocation-free CSV state machine: RFC 4180 plus what Excel really writes.
///
/// Bytes go in chunk by chunk; a row comes out as field bytes in one reused buffer with
/// per-field end offsets, so no memory is allocated per row once the buffers have grown
/// to the widest row. CR LF, LF and a lone CR each end one line. Quoted fields may hold
/// delimiters, doubled quotes and line ends. A quote inside an unquoted field and text
/// after a closing quote are kept literally, as Excel does, rather than rejected.
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

    /// The bytes of the current row's fields, one after another.
    private(set) var bytes: [UInt8] = []
    /// The end offset in ``bytes`` of each field of the current row.
    private(set) var fieldEnds: [Int] = []
    /// The 1-based line each field of the current row starts on.
    private(set) var fieldLines: [Int] = []
    /// The 1-based line the current row starts on.
    private(set) var rowLine = 0

    /// The line the scanner is on now.
    private(set) var line: Int
    private var state = State.fieldStart
    /// The row ended with a CR: an LF right after it belongs to the same line end.
    private var skipLineFeed = false
    /// The previous byte was a CR (inside a quoted field, CR LF counts as one line).
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
        bytes.reserveCapacity(4096)
        fieldEnds.reserveCapacity(64)
        fieldLines.reserveCapacity(64)
    }

    /// The number of fields in the current row.
    var fieldCount: Int { fieldEnds.count }

    /// The byte range of field `index` in ``bytes``.
    func fieldRange(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]
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
            bytes.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
            fieldLines.removeAll(keepingCapacity: true)
            rowOpen = false
            rowComplete = false
        }
        var i = index
        let end = input.count
        while i < end {
            let byte = input[i]
            i += 1
            let wasCarriageReturn = afterCarriageReturn
            afterCarriageReturn = byte == Self.carriageReturn
            if skipLineFeed {
                skipLineFeed = false
                if byte == Self.lineFeed { continue }
            }
            if !rowOpen {
                rowOpen = true
                rowLine = line
                fieldLine = line
            }
            switch state {
            case .fieldStart, .unquoted, .quoteInQuoted:
                if byte == delimiter {
                    endField()
                } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                    endField()
                    line += 1
                    skipLineFeed = byte == Self.carriageReturn
                    rowComplete = true
                    index = i
                    return true
                } else if byte == quote && state == .fieldStart {
                    state = .quoted
                    quoteLine = line
                    quoteColumn = fieldEnds.count + 1
                } else if byte == quote && state == .quoteInQuoted {
                    bytes.append(quote)
                    state = .quoted
                } else {
                    // A quote in an unquoted field, or text after a closing quote: kept literally.
                    // The rest of the plain run is copied in one go: appending byte by byte
                    // spent most of the time in Array's uniqueness checks (measured with perf).
                    var runEnd = i
                    while runEnd < end {
                        let next = input[runEnd]
                        if next == delimiter || next == Self.lineFeed || next == Self.carriageReturn { break }
                        runEnd += 1
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[(i - 1)..<runEnd]))
                    i = runEnd
                    state = .unquoted
                }
            case .quoted:
                if byte == quote {
                    state = .quoteInQuoted
                } else if byte == Self.carriageReturn || byte == Self.lineFeed {
                    bytes.append(byte)
                    if byte == Self.carriageReturn || !wasCarriageReturn {
                        line += 1
                    }
                } else {
                    var runEnd = i
                    while runEnd < end {
                        let next = input[runEnd]
                        if next == quote || next == Self.lineFeed || next == Self.carriageReturn { break }
                        runEnd += 1
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[(i - 1)..<runEnd]))
                    i = runEnd
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

    private mutating func endField() {
        fieldEnds.append(bytes.count)
        fieldLines.append(fieldLine)
        fieldLine = line
        state = .fieldStart
    }
}
