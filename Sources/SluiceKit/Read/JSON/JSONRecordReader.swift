import Foundation

/// Reads a JSON or NDJSON file as a stream of ``RawRecord``s: the read stage's entry point for JSON.
///
/// JSON: the records are the elements of the array at the records path (`records`,
/// `data.items`; empty: the top-level array). Everything before and after that array is
/// validated and skipped, so a truncated or malformed document is an error even after its
/// records were read. NDJSON: every non-blank line is one record.
///
/// Each record must be an object; it is flattened to dotted keys (`metrics.service_level`,
/// `metrics.0.value`) with each value's text as written (numbers unchanged, `null` as `nil`)
/// and its JSON pointer from the document root (`/records/3/metrics/service_level`; NDJSON:
/// from the line's object, `/metrics/service_level`, since the record number and line already
/// say which line). Memory is one read buffer plus the current record, whatever the file size.
/// The reader owns an open file; copies share it, so use one copy only.
public struct JSONRecordReader {
    /// JSON and NDJSON records name their own keys: there is no header row.
    public var fixedHeader: [String]? { nil }
    /// There is no header line.
    public var headerLine: Int { 0 }
    /// Nothing is dropped.
    public var droppedRows: [Int] { [] }

    let displayPath: String
    let lines: Bool
    let recordsPath: String
    /// The records path split at dots, as UTF-8 to compare with keys without making Strings.
    let pathTokens: [[UInt8]]
    /// The JSON pointer of the records array: `/data/items`.
    let recordsPointer: String
    /// Bytes handed to the tokenizer at once: the read size, or less in tests.
    let sliceSize: Int
    var input: UTF8ChunkSource
    var tokenizer: JSONTokenizer
    var chunk: UnsafeBufferPointer<UInt8>?
    var chunkIndex = 0
    var atEnd = false
    var phase = Phase.records
    var recordCount = 0
    /// The member names of the previous record by position, with their JSON pointer tokens (and
    /// those as the tail of a top-level member's path): a record that repeats them (almost every
    /// one) reuses those instead of making and escaping one per member.
    /// `bytes` counts both Strings' UTF-8, for ``bufferedBytesHighWater``.
    var recentKeys: [(key: String, escaped: String, bytes: Int, tail: FieldPathTail)] = []
    /// Those names' bytes back to back, and where each ends.
    var recentKeyBytes: [UInt8] = []
    var recentKeyEnds: [Int] = []
    /// The open containers of the record being read, kept to reuse their storage.
    var recordFrames: [Frame] = []
    /// The most bytes of keys, values and pointers held for one record, plus the token being read.
    var bufferedBytesHighWater = 0

    enum Phase { case records, trailing, done }

    /// Opens the file and, for JSON, reads up to the first record.
    ///
    /// - Parameter lines: `true` for NDJSON (one object per line).
    /// - Throws: ``ReadError`` when the file cannot be opened or read, is empty, looks binary,
    ///   is not valid JSON, or has no array at the records path.
    public init(url: URL, displayPath: String, options: JSONOptions, lines: Bool) throws(ReadError) {
        try self.init(
            url: url, displayPath: displayPath, options: options, lines: lines,
            chunkSize: FileByteSource.defaultCapacity)
    }

    /// Creates a reader that feeds the tokenizer `chunkSize` bytes at a time; tests use tiny chunks.
    init(url: URL, displayPath: String, options: JSONOptions, lines: Bool, chunkSize: Int) throws(ReadError) {
        precondition(chunkSize > 0, "chunks must hold at least one byte")
        self.displayPath = displayPath
        self.lines = lines
        recordsPath = options.recordsPath
        let tokens = recordsPath.isEmpty ? [] : recordsPath.split(separator: ".", omittingEmptySubsequences: false)
        pathTokens = tokens.map { Array($0.utf8) }
        recordsPointer = JSONPointer.pointer(tokens.map(String.init))
        sliceSize = chunkSize
        if lines && !recordsPath.isEmpty {
            throw ReadError(
                path: displayPath,
                message: "records path '\(recordsPath)' does not apply to NDJSON: each line is a record")
        }
        input = try UTF8ChunkSource(
            path: url.path, displayPath: displayPath, declared: .utf8, capacity: max(chunkSize, 4))
        tokenizer = JSONTokenizer(lineDelimited: lines)
        if !lines { try locateRecords() }
    }

    /// The next record, or `nil` once the whole file is read and valid.
    public mutating func next() throws(ReadError) -> RawRecord? {
        while true {
            switch phase {
            case .records:
                guard let token = try nextToken() else {
                    phase = .done
                    return nil
                }
                if token == .beginObject {
                    recordCount += 1
                    return try readRecord()
                }
                if token == .endArray && !lines {
                    phase = .trailing
                    continue
                }
                throw failure(
                    "record \(recordCount + 1) at line \(tokenizer.tokenLine) is \(token.valueDescription), not an object"
                )
            case .trailing:
                try readToEnd()
                phase = .done
            case .done:
                return nil
            }
        }
    }

    /// The next token of the file, reading chunks as needed; `nil` at the valid end.
    mutating func nextToken() throws(ReadError) -> JSONToken? {
        while true {
            if let chunk, chunkIndex < chunk.count {
                if sliceSize >= chunk.count - chunkIndex {
                    // The rest of the chunk, as it is: no slice made per token.
                    var index = chunkIndex
                    let token: JSONToken?
                    do throws(JSONSyntaxError) {
                        token = try tokenizer.next(in: chunk, at: &index)
                    } catch {
                        throw failure(error.description)
                    }
                    chunkIndex = index
                    if let token { return token }
                    continue
                }
                let piece = UnsafeBufferPointer(rebasing: chunk[chunkIndex..<min(chunk.count, chunkIndex + sliceSize)])
                var index = 0
                let token: JSONToken?
                do throws(JSONSyntaxError) {
                    token = try tokenizer.next(in: piece, at: &index)
                } catch {
                    throw failure(error.description)
                }
                chunkIndex += index
                if let token { return token }
            } else if atEnd {
                do throws(JSONSyntaxError) {
                    return try tokenizer.finish()
                } catch {
                    throw failure(error.description)
                }
            } else {
                chunk = try input.next()
                chunkIndex = 0
                atEnd = chunk == nil
            }
        }
    }

    /// An error naming this file.
    func failure(_ message: String) -> ReadError {
        ReadError(path: displayPath, message: message)
    }
}

extension JSONRecordReader: RecordReader {}
