/// The file as a stream of UTF-8 chunks: reads raw bytes, picks the encoding, transcodes.
///
/// Memory is two fixed buffers (the raw one and, for non-UTF-8 files, a transcoded one of
/// three times its size) whatever the file size. A chunk stays valid until the next call.
final class UTF8ChunkSource {
    /// Only this many bytes at the start are checked for NUL: enough to catch binary files
    /// (spreadsheets, archives) without scanning every byte of every file.
    static let binaryCheckLength = 8 * 1024

    /// The encoding used.
    let encoding: ResolvedEncoding
    private let source: FileByteSource
    private var transcoder: TextTranscoder
    private let output: UnsafeMutableBufferPointer<UInt8>
    private let displayPath: String
    private let checksForBinary: Bool
    /// Bytes of the first fill, handed out by the first ``next()`` call (the byte order mark skipped).
    private var firstFill: Int?
    private var byteOrderMarkLength: Int
    /// File offset of the raw buffer's first byte.
    private var rawOffset = 0
    /// Bytes of the previous fill, to advance ``rawOffset``.
    private var lastCount = 0
    private var finished = false

    /// Opens the file and decides its encoding from the first bytes and the declared one.
    init(path: String, displayPath: String, declared: TextEncoding, capacity: Int) throws(ReadError) {
        self.displayPath = displayPath
        source = try FileByteSource(path: path, displayPath: displayPath, capacity: capacity)
        let count = try source.fill()
        if count == 0 {
            throw ReadError(path: displayPath, message: "file is empty")
        }
        let (encoding, markLength) = TextTranscoder.resolve(
            declared: declared, prefix: UnsafeBufferPointer(rebasing: source.buffer[0..<count]))
        self.encoding = encoding
        byteOrderMarkLength = markLength
        transcoder = TextTranscoder(encoding: encoding)
        // A UTF-16 file is full of NUL bytes; so is a file that merely says it is UTF-16.
        let isUTF16 = encoding.form == .utf16LittleEndian || encoding.form == .utf16BigEndian
        checksForBinary = declared != .utf16 && !isUTF16
        output = .allocate(capacity: transcoder.passesThrough ? 0 : capacity * TextTranscoder.maximumExpansion + 16)
        firstFill = count
    }

    deinit {
        output.deallocate()
    }

    /// The next chunk of UTF-8 bytes (possibly empty), or `nil` at end of file.
    func next() throws(ReadError) -> UnsafeBufferPointer<UInt8>? {
        if finished { return nil }
        let count: Int
        if let first = firstFill {
            firstFill = nil
            count = first
        } else {
            rawOffset += lastCount
            count = try source.fill()
        }
        lastCount = count
        if count == 0 {
            finished = true
            var written = 0
            transcoder.finish(into: output, written: &written)
            return written == 0 ? nil : UnsafeBufferPointer(rebasing: output[0..<written])
        }
        let raw = UnsafeBufferPointer(rebasing: source.buffer[0..<count])
        if checksForBinary && rawOffset < Self.binaryCheckLength {
            let end = min(count, Self.binaryCheckLength - rawOffset)
            if let at = raw[0..<end].firstIndex(of: 0) {
                throw ReadError(path: displayPath, message: "file looks binary: NUL byte at offset \(rawOffset + at)")
            }
        }
        let text = UnsafeBufferPointer(rebasing: raw[byteOrderMarkLength...])
        byteOrderMarkLength = 0
        if transcoder.passesThrough { return text }
        var written = 0
        transcoder.transcode(text, into: output, written: &written)
        return UnsafeBufferPointer(rebasing: output[0..<written])
    }
}
