import Foundation

/// The check stage of a file's staged pipeline (``FileProcessor``): binds and checks records on
/// its own thread and hands them to the writing stage in batches through a ``RecordBatchQueue``.
///
/// With two stages it also reads the file; with three, a ``ReadStage`` reads it on a third
/// thread and hands raw records over. It uses the feed's checker (its unique-key state) alone
/// while the file is read: the writing stage never touches it until the stage has finished.
struct ValidationStage {
    /// Where the raw records come from.
    enum Source {
        /// The stage reads the file itself.
        case reader(any RecordReader)
        /// A read stage on another thread reads it.
        case readStage(ReadStage)
    }

    /// Taken out when the stage runs, so the reader has one owner: the thread reading it.
    var source: Source?
    var binder: RecordBinder
    let checker: FeedChecker
    /// The file as findings name it.
    let file: String
    /// Records per hand-over.
    let batchSize: Int

    /// Starts the stage on a new thread; it ends with `.end` or `.stopped` in `queue`, or
    /// early when the writing stage cancels, and then calls ``BatchQueue/producerFinished()``.
    static func start(_ stage: ValidationStage, into queue: RecordBatchQueue) {
        StageThread.start(named: "sluice.check", stage, owner: queue) { stage in
            var stage = stage
            stage.run(into: queue)
        }
    }

    /// Reads to the end of the file, a file-stopping problem, or the writing stage's cancel.
    mutating func run(into queue: RecordBatchQueue) {
        var batch = Batch(into: queue, size: batchSize)
        guard let source = source.take() else { preconditionFailure("a check stage runs once") }
        switch consume source {
        case .reader(var reader):
            do {
                while let raw = try reader.next() {
                    if let stop = FileProcessor.Stop(encodingOf: raw, masked: !checker.piiIndices.isEmpty) {
                        batch.finish(.stopped(stop))
                        return
                    }
                    guard batch.add(checker.validate(raw, binding: binder.bind(raw), file: file)) else { return }
                }
            } catch {
                batch.finish(.stopped(FileProcessor.Stop(readError: error)))
                return
            }
            batch.finish(.end(dropped: reader.droppedRows.count))
        case .readStage(let stage):
            let raws = BatchQueue<RawRecord>(capacity: stage.queued)
            ReadStage.start(consume stage, masked: !checker.piiIndices.isEmpty, into: raws)
            // Whichever way this ends, the read stage is stopped and its thread has let go of the reader.
            defer {
                raws.cancel()
                raws.waitForProducer()
            }
            while true {
                switch raws.take() {
                case .records(var records):
                    guard batch.add(records, checker: checker, binder: &binder, file: file) else { return }
                    records.removeAll(keepingCapacity: true)
                    raws.giveBack(records)
                case .end(let dropped):
                    batch.finish(.end(dropped: dropped))
                    return
                case .stopped(let stop):
                    batch.finish(.stopped(stop))
                    return
                }
            }
        }
    }

    /// The batch being filled, handed over when full.
    private struct Batch {
        let queue: RecordBatchQueue
        let size: Int
        var records: [ValidatedRecord] = []

        init(into queue: RecordBatchQueue, size: Int) {
            self.queue = queue
            self.size = size
            records.reserveCapacity(size)
        }

        /// Adds a record, handing the batch over when it is full; `false` once the writing stage
        /// has cancelled.
        mutating func add(_ record: ValidatedRecord) -> Bool {
            records.append(record)
            guard records.count == size else { return true }
            return handOver()
        }

        /// Hands the full batch over and takes an emptied one back; `false` once the writing
        /// stage has cancelled.
        private mutating func handOver() -> Bool {
            guard queue.put(.records(records)) else { return false }
            // An array the writing stage has written and given back: its records are freed here,
            // where they were made, and its storage holds the next batch. Freeing them on the
            // writing thread cost measurably more CPU (each free took this thread's malloc arena
            // lock, and the records were cold in that core's cache). (With a read stage,
            // their raw parts were made on the read thread; handing those back to it to be freed
            // there was tried and measured no faster.)
            records = queue.takeWritten() ?? []
            records.removeAll(keepingCapacity: true)
            records.reserveCapacity(size)
            return true
        }

        /// Checks raw records (as a batch: see ``FeedChecker/validate(_:binder:file:into:)``) and adds
        /// them, handing the batch over each time it is full; `false` once the writing stage has cancelled.
        mutating func add(
            _ raws: [RawRecord], checker: FeedChecker, binder: inout RecordBinder, file: String
        ) -> Bool {
            var start = 0
            while start < raws.count {
                let end = min(raws.count, start + size - records.count)
                checker.validate(raws[start..<end], binder: &binder, file: file, into: &records)
                start = end
                guard records.count == size else { continue }
                guard handOver() else { return false }
            }
            return true
        }

        /// Hands over what is left, then the stage's last word.
        mutating func finish(_ last: RecordBatchQueue.Item) {
            if !records.isEmpty { guard queue.put(.records(records)) else { return } }
            records = []
            _ = queue.put(last)
        }
    }
}

/// Where a read stage hands its raw records: the check stage's queue (``BatchQueue``) or the
/// parallel check workers' ``CheckHandover``.
protocol RawRecordSink: StageThreadOwner {
    /// Hands over a batch (waiting for room) or the last word; `false` once the consumer has cancelled.
    func put(_ item: BatchQueue<RawRecord>.Item) -> Bool
    /// An emptied array to hold the next batch, if the consumer has given one back.
    func takeWritten() -> [RawRecord]?
}

extension BatchQueue<RawRecord>: RawRecordSink {}

/// The read stage of a three-stage pipeline: reads a file's raw records on its own thread and
/// hands them to the check stage in batches. It stops at a record with bytes that are not text
/// in the file's encoding (the file is quarantined), as the other stagings do.
struct ReadStage {
    var reader: any RecordReader
    /// Records per hand-over.
    let batchSize: Int
    /// Batches waiting for the check stage, at most.
    let queued: Int

    /// Starts the stage on a new thread; it ends with `.end` or `.stopped` in `sink`, or early
    /// when the consumer cancels, and then calls ``StageThreadOwner/producerFinished()``.
    static func start(_ stage: ReadStage, masked: Bool, into sink: some RawRecordSink) {
        StageThread.start(named: "sluice.read", stage, owner: sink) { stage in
            var stage = stage
            stage.run(masked: masked, into: sink)
        }
    }

    mutating func run(masked: Bool, into sink: some RawRecordSink) {
        var batch: [RawRecord] = []
        batch.reserveCapacity(batchSize)
        func finish(_ last: BatchQueue<RawRecord>.Item) {
            if !batch.isEmpty { guard sink.put(.records(batch)) else { return } }
            _ = sink.put(last)
        }
        do {
            while let raw = try reader.next() {
                if let stop = FileProcessor.Stop(encodingOf: raw, masked: masked) {
                    finish(.stopped(stop))
                    return
                }
                batch.append(raw)
                if batch.count == batchSize {
                    guard sink.put(.records(batch)) else { return }
                    // An emptied array the check stage gives back: its storage holds the next batch.
                    batch = sink.takeWritten() ?? []
                    batch.reserveCapacity(batchSize)
                }
            }
        } catch {
            finish(.stopped(FileProcessor.Stop(readError: error)))
            return
        }
        finish(.end(dropped: reader.droppedRows.count))
    }
}

/// What a stage's thread tells when it has finished: the hand-over its consumer waits on.
protocol StageThreadOwner: AnyObject, Sendable {
    /// The thread has returned and released everything it used.
    func producerFinished()
}

extension BatchQueue: StageThreadOwner {}

/// Starts a stage's thread.
enum StageThread {
    /// Runs `body` with `state` on a new thread, then tells `owner` the thread is done. The state
    /// is a local of the thread's closure: what it holds (an open file, records) is released
    /// before the consumer hears that the thread has finished.
    static func start<State>(
        named name: String, _ state: State, owner: some StageThreadOwner,
        _ body: @escaping @Sendable (consuming State) -> Void
    ) {
        let handoff = ThreadHandoff(state)
        let thread = Thread {
            body(handoff.take())
            owner.producerFinished()
        }
        thread.name = name
        // The same stack as the main thread: readers and checks were written for it.
        thread.stackSize = 8 << 20
        thread.start()
    }
}
