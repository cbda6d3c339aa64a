import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one large XML file on several cores: consecutive chunks (``XMLChunkPlan``) are parsed
/// at once by worker threads, each with its own libxml2 parser, and their records are returned
/// in file order, exactly as ``XMLRecordReader`` returns them (numbers, lines, paths with their
/// sibling indices, values, errors).
///
/// A chunk's records are returned only once every chunk before it ended cleanly, which proves
/// the chunk started at a real record. When a chunk did not end cleanly (an error in the file,
/// or a cut at `<record` text inside a comment, CDATA or a nested element), the rest of the
/// file from that chunk's start is read by one ``XMLRecordReader`` resumed there, which finds
/// the same records and errors the whole file's reader does. Measured on 1M records (384 MB,
/// 2 cores): libxml2 and the collector are ~11 s of the 12.8 s CPU a run takes, on one thread.
///
/// The reader owns its worker threads; they stop and are joined when it is dropped.
struct XMLParallelRecordReader {
    /// Bytes between chunk starts: 1 MiB, about 2 700 records of the benchmark's (≈3 MiB of
    /// records held per chunk). Measured on 1M records: 2 MiB chunks with three taken ahead
    /// peaked at 110–120 MiB against 72 MiB for one thread.
    static let defaultChunkSize = 1 << 20

    private let reading: XMLParallelReading

    /// The reader for an XML file: this one when the file is large enough, can be split safely
    /// and more than one thread may be used; else ``XMLRecordReader``.
    static func reader(url: URL, displayPath: String, options: XMLOptions) throws(ReadError) -> any RecordReader {
        let sequential = try XMLRecordReader(url: url, displayPath: displayPath, options: options)
        let environment = ProcessInfo.processInfo.environment
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let number = { (name: String) in RecordStaging.positiveNumber(name, in: environment) }
        let threads = number("SLUICE_THREADS") ?? cores
        let workers = min(threads, cores, 4)
        guard threads > 1,
            let parallel = try XMLParallelRecordReader(
                url: url, displayPath: displayPath, options: options, workers: workers,
                chunkSize: number("SLUICE_XML_CHUNK_BYTES") ?? defaultChunkSize, minimumChunks: 4,
                ahead: number("SLUICE_XML_CHUNKS_AHEAD") ?? workers)
        else { return sequential }
        return parallel
    }

    /// A reader with `workers` threads and chunks of `chunkSize` bytes (tests use tiny ones), at
    /// most `ahead` of them parsed past the one being returned; `nil` when the file is smaller
    /// than `minimumChunks` chunks or cannot be split safely.
    init?(
        url: URL, displayPath: String, options: XMLOptions, workers: Int, chunkSize: Int, minimumChunks: Int,
        ahead: Int? = nil, readSize: Int = FileByteSource.defaultCapacity
    ) throws(ReadError) {
        guard options.fieldIDs == nil, workers > 1, let recordPath = XMLRecordPath(options.recordPath) else {
            return nil
        }
        let file = try XMLFileRange(path: url.path, displayPath: displayPath, capacity: XMLChunkPlan.headLength)
        let size = try file.size()
        let headCount = try file.fill()
        guard
            let plan = XMLChunkPlan(
                head: UnsafeBufferPointer(rebasing: file.buffer[0..<headCount]), fileSize: size,
                recordPath: recordPath, chunkSize: chunkSize)
        else { return nil }
        guard size / minimumChunks >= chunkSize else { return nil }
        let chunkCount = 1 + (size - plan.firstRecordOffset + chunkSize - 1) / chunkSize
        reading = XMLParallelReading(
            url: url, displayPath: displayPath, options: options, recordPath: recordPath, plan: plan,
            chunkCount: chunkCount, workers: workers, ahead: ahead ?? workers, readSize: readSize)
    }

    /// The chunk from which the file is being read by one sequential reader, if any (for tests).
    var fallbackChunk: Int? { reading.fallbackChunk }
    /// The workers' scheduler (tests check the workers are gone with the reader).
    var scheduler: XMLChunkScheduler { reading.scheduler }
}

extension XMLParallelRecordReader: RecordReader {
    /// Always `nil`: each record names its own keys.
    var fixedHeader: [String]? { nil }
    /// Always 0: XML has no header line.
    var headerLine: Int { 0 }
    /// Always empty: nothing is dropped.
    var droppedRows: [Int] { [] }

    /// The next record in file order, or `nil` at the end of the file.
    mutating func next() throws(ReadError) -> RawRecord? {
        try reading.next()
    }
}

/// The state behind ``XMLParallelRecordReader``: a class, so the workers are stopped and joined
/// exactly once, when the last copy of the reader goes.
final class XMLParallelReading {
    private let url: URL
    private let displayPath: String
    private let options: XMLOptions
    private let plan: XMLChunkPlan
    let scheduler: XMLChunkScheduler
    private var threads: [pthread_t] = []
    /// The chunk being delivered and its records.
    private var chunk = 0
    private var records: [RawRecord] = []
    private var head = 0
    /// Offsets of the chunk being delivered: records and line breaks before it.
    private var recordsBefore = 0
    private var linesBefore = 0
    /// Totals of the chunks delivered so far, for the next chunk.
    private var recordTotal = 0
    private var lineTotal = 0
    private var parentChildCounts: [String: Int] = [:]
    private var atEnd = false
    private var fallback: XMLRecordReader?
    private(set) var fallbackChunk: Int?
    private var failure: ReadError?
    private let workersStarted: Bool

    init(
        url: URL, displayPath: String, options: XMLOptions, recordPath: XMLRecordPath, plan: XMLChunkPlan,
        chunkCount: Int, workers: Int, ahead: Int, readSize: Int
    ) {
        self.url = url
        self.displayPath = displayPath
        self.options = options
        self.plan = plan
        let scheduler = XMLChunkScheduler(chunkCount: chunkCount, ahead: ahead)
        self.scheduler = scheduler
        let path = url.path
        var started: [pthread_t] = []
        for _ in 0..<workers {
            scheduler.enter()
            let work = XMLChunkWorker {
                defer { scheduler.leave() }
                while let index = scheduler.take() {
                    let result = Result { () throws(ReadError) in
                        try XMLChunkResult.parse(
                            index: index, plan: plan, url: path, options: options, recordPath: recordPath,
                            readSize: readSize, cancelled: { scheduler.isCancelled })
                    }
                    scheduler.put(index, result)
                }
            }
            if let thread = work.start() { started.append(thread) } else { scheduler.leave() }
        }
        threads = started
        workersStarted = !started.isEmpty
    }

    deinit {
        stopWorkers()
    }

    /// Stops the workers and waits for them to end.
    private func stopWorkers() {
        scheduler.cancel()
        for thread in threads { pthread_join(thread, nil) }
        threads = []
    }

    func next() throws(ReadError) -> RawRecord? {
        if fallback != nil { return try fallback!.next() }
        if let failure { throw failure }
        // No worker could be started: one reader reads the whole file.
        if !workersStarted { return try fallBack(at: 0) }
        while true {
            if head < records.count {
                var record = records[head]
                records[head] = Self.placeholder
                head += 1
                if recordsBefore > 0 || linesBefore > 0 {
                    Self.place(&record, recordsBefore: recordsBefore, linesBefore: linesBefore)
                }
                return record
            }
            if atEnd { return nil }
            let result: XMLChunkResult
            do {
                result = try scheduler.result(of: chunk).get()
            } catch {
                stopWorkers()
                failure = error
                throw error
            }
            guard result.clean else {
                return try fallBack(at: result.start)
            }
            result.indexOffset.value = recordTotal
            records = result.records
            head = 0
            recordsBefore = recordTotal
            linesBefore = lineTotal
            recordTotal += result.records.count
            lineTotal += result.lineBreaks
            parentChildCounts.merge(result.parentChildCounts, uniquingKeysWith: +)
            if result.isLast {
                atEnd = true
                stopWorkers()
            }
            chunk += 1
        }
    }

    /// Reads the rest of the file from `offset`, chunk `chunk`'s start, with one reader.
    private func fallBack(at offset: Int) throws(ReadError) -> RawRecord? {
        stopWorkers()
        fallbackChunk = chunk
        records = []
        let resume =
            chunk == 0
            ? nil
            : XMLResumePoint(
                prologue: plan.prologue, lineBreaks: lineTotal, offset: offset,
                context: XMLChunkContext(
                    parentDepth: plan.parentDepth, recordOffset: recordTotal, parentChildCounts: parentChildCounts))
        fallback = try XMLRecordReader(
            url: url, displayPath: displayPath, options: options, chunkSize: FileByteSource.defaultCapacity,
            resume: resume)
        return try fallback!.next()
    }

    private static let placeholder = RawRecord(number: 0, line: 0, fields: [])

    /// Moves a chunk's record to its place in the file: its number and lines.
    private static func place(_ record: inout RawRecord, recordsBefore: Int, linesBefore: Int) {
        record.number += recordsBefore
        record.line += linesBefore
        // Paths need nothing: their shared ``RecordIndexOffset`` was set with the chunk.
        guard linesBefore > 0 else { return }
        for index in record.fields.indices { record.fields[index].line += linesBefore }
    }
}

/// A worker thread's body, started with `pthread_create` so the reader can join it.
private final class XMLChunkWorker {
    let body: () -> Void

    init(_ body: @escaping () -> Void) {
        self.body = body
    }

    /// Starts the thread; `nil` when the system refuses one (the reader then has fewer workers).
    func start() -> pthread_t? {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(
            &thread, nil,
            { context in
                let worker = Unmanaged<XMLChunkWorker>.fromOpaque(context!).takeRetainedValue()
                worker.body()
                return nil
            }, context)
        if status != 0 {
            Unmanaged<XMLChunkWorker>.fromOpaque(context).release()
            return nil
        }
        return thread
    }
}
