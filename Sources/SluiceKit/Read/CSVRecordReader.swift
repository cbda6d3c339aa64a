import Foundation

/// Reads a CSV file as a stream of ``RawRecord``s: the read stage's entry point for CSV.
///
/// The file is read through one reused buffer, transcoded to UTF-8 (a byte order mark wins
/// over the declared encoding), scanned (plain runs eight bytes at a time), and only the emitted values become
/// Strings. Memory is the buffers plus the current row (plus `dropLastRows` records held
/// back), whatever the file size. The reader owns an open file; copies share it, so use one
/// copy only.
public struct CSVRecordReader {
    /// The header cells, trimmed; an empty cell is named `column N`.
    public private(set) var header: [String]
    /// The 1-based line of the header row.
    public private(set) var headerLine: Int
    /// Lines of data rows dropped by `dropRowsMatching` or `dropLastRows`, ascending once the file is read.
    public private(set) var droppedRows: [Int] = []
    /// The delimiter in use: the declared one, or the one detected on the header line.
    public private(set) var detectedDelimiter: UInt8
    /// The encoding in use, and whether a byte order mark or the feed decided it.
    public private(set) var encoding: ResolvedEncoding

    let displayPath: String
    let options: CSVOptions
    var input: UTF8ChunkSource
    var scanner: CSVScanner
    /// Bytes read ahead to skip title lines and detect the delimiter, scanned before `chunk`.
    var prelude: [UInt8]
    var preludeIndex: Int
    var chunk: UnsafeBufferPointer<UInt8>?
    var chunkIndex = 0
    var atEnd = false
    let dropPattern: Regex<AnyRegexOutput>?
    /// Records held back until `dropLastRows` more follow them: the last ones are a footer.
    var footer: FooterBuffer

    /// Opens the file, decides encoding and delimiter, skips title lines and reads the header.
    ///
    /// - Throws: ``ReadError`` when the file cannot be opened or read, is empty, looks binary,
    ///   has no header row, or ends inside a quoted field.
    public init(url: URL, displayPath: String, options: CSVOptions) throws(ReadError) {
        try self.init(url: url, displayPath: displayPath, options: options, bufferSize: FileByteSource.defaultCapacity)
    }

    /// Creates a reader with a chosen buffer size; tests use tiny buffers to cross chunk boundaries.
    init(url: URL, displayPath: String, options: CSVOptions, bufferSize: Int) throws(ReadError) {
        self.displayPath = displayPath
        self.options = options
        footer = FooterBuffer(dropLastRows: options.dropLastRows)
        dropPattern = try FooterBuffer.dropPattern(options.dropRowsMatching, displayPath: displayPath)
        input = try UTF8ChunkSource(
            path: url.path, displayPath: displayPath, declared: options.encoding, capacity: bufferSize)
        encoding = input.encoding
        let prelude = try Self.readPrelude(from: input, options: options)
        self.prelude = prelude.bytes
        preludeIndex = prelude.headerStart
        atEnd = prelude.reachedEnd
        detectedDelimiter = prelude.delimiter
        scanner = CSVScanner(delimiter: prelude.delimiter, quote: options.quote, firstLine: prelude.headerStartLine)
        header = []
        headerLine = 0
        try readHeader()
    }

    /// The next data record, or `nil` at end of file.
    ///
    /// Blank rows and rows of empty values are skipped; dropped rows are listed in ``droppedRows``.
    public mutating func next() throws(ReadError) -> RawRecord? {
        while try nextRow() {
            if scanner.rowIsBlank { continue }
            // Tested for nil first: binding the optional Regex copied it for every row (callgrind).
            if dropPattern != nil, rowMatchesDropPattern() {
                droppedRows.append(scanner.rowLine)
                continue
            }
            if let record = footer.push(makeRecord()) { return record }
        }
        droppedRows.append(contentsOf: footer.finish())
        droppedRows.sort()
        return nil
    }

    /// Scans the next row into `scanner`; `false` at end of file.
    mutating func nextRow() throws(ReadError) -> Bool {
        while true {
            if preludeIndex < prelude.count {
                let bytes = prelude
                var index = preludeIndex
                let complete = bytes.withUnsafeBufferPointer { scanner.feed($0, at: &index) }
                preludeIndex = index
                if preludeIndex == prelude.count {
                    prelude = []
                    preludeIndex = 0
                }
                if complete { return true }
            } else if let chunk, chunkIndex < chunk.count {
                var index = chunkIndex
                let complete = scanner.feed(chunk, at: &index)
                chunkIndex = index
                if complete { return true }
            } else if atEnd {
                if let open = scanner.unclosedQuote {
                    throw ReadError(
                        path: displayPath,
                        message: "quoted field opened at line \(open.line), column \(open.column) is never closed; "
                            + "the file may be truncated")
                }
                return scanner.finish()
            } else {
                chunk = try input.next()
                chunkIndex = 0
                atEnd = chunk == nil
            }
        }
    }

    /// Reads rows up to the first one with a value: that is the header.
    private mutating func readHeader() throws(ReadError) {
        while try nextRow() {
            if scanner.rowIsBlank { continue }
            headerLine = scanner.rowLine
            header = (0..<scanner.fieldCount).map { index in
                let name = fieldString(index).value.trimmingCharacters(in: .whitespacesAndNewlines)
                return name.isEmpty ? "column \(index + 1)" : name
            }
            return
        }
        let after = options.skipLines > 0 ? " after the \(options.skipLines) skipped lines" : ""
        throw ReadError(path: displayPath, message: "no header row\(after): the file has only blank lines")
    }

    /// Field `index` of the current row as text, with whether its bytes were valid.
    func fieldString(_ index: Int) -> (value: String, isValid: Bool) {
        FieldText.decode(scanner.fieldBytes(index))
    }

    /// Whether the current row's first non-empty value, trimmed, matches the drop pattern.
    private func rowMatchesDropPattern() -> Bool {
        guard let pattern = dropPattern else { return false }
        for index in 0..<scanner.fieldCount {
            let value = fieldString(index).value.trimmingCharacters(in: .whitespacesAndNewlines)
            if value.isEmpty { continue }
            return (try? pattern.firstMatch(in: value)) != nil
        }
        return false
    }
}
