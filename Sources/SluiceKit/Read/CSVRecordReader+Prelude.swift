extension CSVRecordReader {
    /// What is known before the scanner starts: where the header may start and the delimiter.
    struct Prelude {
        /// Bytes read so far.
        var bytes: [UInt8]
        /// Offset in `bytes` after the skipped title lines.
        var headerStart: Int
        /// The physical line at `headerStart`.
        var headerStartLine: Int
        /// The declared or detected delimiter.
        var delimiter: UInt8
        /// The whole file is in `bytes`.
        var reachedEnd: Bool
    }

    /// Skips `options.skipLines` physical lines and detects the delimiter when none is declared.
    ///
    /// Title lines are skipped as physical lines, not CSV rows, because export banners often
    /// hold a stray quote that would otherwise swallow the header. Reads only as far as the
    /// header line, so memory stays bounded by that line.
    static func readPrelude(from input: UTF8ChunkSource, options: CSVOptions) throws(ReadError) -> Prelude {
        var bytes: [UInt8] = []
        var reachedEnd = false
        func readMore() throws(ReadError) {
            if let chunk = try input.next() {
                bytes.append(contentsOf: chunk)
            } else {
                reachedEnd = true
            }
        }
        let lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var start = 0
        var line = 1
        var skipped = 0
        while skipped < options.skipLines {
            guard let end = bytes[start...].firstIndex(where: { $0 == lineFeed || $0 == carriageReturn }) else {
                if reachedEnd {
                    start = bytes.count
                    break
                }
                try readMore()
                continue
            }
            if bytes[end] == carriageReturn && end + 1 == bytes.count && !reachedEnd {
                // A CR at the end of what we have: the next byte may be its LF.
                try readMore()
                continue
            }
            let crlf = bytes[end] == carriageReturn && end + 1 < bytes.count && bytes[end + 1] == lineFeed
            start = end + (crlf ? 2 : 1)
            skipped += 1
            line += 1
        }
        var delimiter = options.delimiter
        let detector = DelimiterDetector(quote: options.quote)
        while delimiter == nil {
            switch detector.detect(in: bytes[start...], isComplete: reachedEnd) {
            case .detected(let found): delimiter = found
            case .needsMoreInput: try readMore()
            }
        }
        return Prelude(
            bytes: bytes, headerStart: start, headerStartLine: line, delimiter: delimiter!, reachedEnd: reachedEnd)
    }
}
