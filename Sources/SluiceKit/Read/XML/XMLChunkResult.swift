#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One chunk of an XML file parsed on a worker thread, with what is needed to place its records
/// in the whole file: their numbers, lines and sibling indices are the chunk's own until the
/// chunks before it are known.
struct XMLChunkResult: @unchecked Sendable {
    /// Where the chunk starts and ends in the file.
    var start: Int
    var end: Int
    /// Whether the chunk runs to the end of the file.
    var isLast: Bool
    /// Whether the records are those the whole file's parser makes there (but for the offsets):
    /// no error, the chunk ended outside any record, comment, CDATA or processing instruction
    /// with the record parent still open, and every record was a child of that parent.
    var clean: Bool
    var records: [RawRecord]
    /// Line breaks in the chunk (from the first record on, for the first chunk).
    var lineBreaks: Int
    /// The record parent's children by name in this chunk.
    var parentChildCounts: [String: Int]
    /// Shared by the records' paths: the records before the chunk, set when they are known.
    var indexOffset = RecordIndexOffset()

    /// Parses chunk `index` of the file; stops early (not clean) once `cancelled` says so.
    static func parse(
        index: Int, plan: XMLChunkPlan, url: String, options: XMLOptions, recordPath: XMLRecordPath, readSize: Int,
        cancelled: () -> Bool
    ) throws(ReadError) -> XMLChunkResult {
        let probe = try XMLFileRange(path: url, displayPath: url, capacity: 4)
        let start = index == 0 ? 0 : try plan.boundary(atOrAfter: plan.nominalStart(of: index), in: probe)
        let end = try plan.boundary(atOrAfter: plan.nominalStart(of: index + 1), in: probe)
        var result = XMLChunkResult(
            start: start, end: max(start, end), isLast: end >= plan.fileSize, clean: true, records: [], lineBreaks: 0,
            parentChildCounts: [:])
        guard start < end else { return result }
        let parser = XMLSAXParser(
            collector: XMLRecordCollector(
                recordPath: recordPath, maxValueBytes: max(options.maxValueBytes, 0),
                chunk: XMLChunkContext(parentDepth: plan.parentDepth), indexOffset: result.indexOffset))
        if index > 0 { plan.prologue.withUnsafeBufferPointer { parser.parse($0) } }
        let source = try XMLFileRange(path: url, displayPath: url, start: start, end: end, capacity: readSize)
        var offset = start
        while !parser.hasStopped && !cancelled() {
            let count = try source.fill()
            if count == 0 { break }
            let bytes = UnsafeBufferPointer(rebasing: source.buffer[0..<count])
            let countFrom = max(0, min(count, plan.firstRecordOffset - offset))
            result.lineBreaks += Self.lineBreaks(in: UnsafeBufferPointer(rebasing: bytes[countFrom...]))
            offset += count
            parser.parse(bytes)
            while let record = parser.collector.pointee.popRecord() { result.records.append(record) }
        }
        let complete = offset == end
        result.parentChildCounts = parser.collector.pointee.parentChildCountsSinceFirstRecord
        if !result.isLast { plan.suffix.withUnsafeBufferPointer { parser.parse($0) } }
        parser.finish()
        while let record = parser.collector.pointee.popRecord() { result.records.append(record) }
        let state = parser.collector.pointee.chunkState
        result.clean =
            complete && !parser.hasStopped && state?.irregular == false
            && (result.isLast || state?.ancestorsClosed == plan.parentDepth)
            && (index > 0 || state?.firstRecordLine == plan.firstRecordLine)
        return result
    }

    /// How many LF bytes `bytes` holds: libxml2 counts lines by LF (a CRLF is one LF).
    static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard var cursor = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        let end = cursor + bytes.count
        var count = 0
        while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
            count += 1
            cursor = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }
}
