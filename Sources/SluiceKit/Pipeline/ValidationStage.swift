import Foundation

/// Stage A of a file's two-stage pipeline (``FileProcessor``): reads, binds and checks records
/// on its own thread and hands them to stage B in batches through a ``RecordBatchQueue``.
///
/// It owns the file's reader and binder, and uses the feed's checker (its unique-key state)
/// alone while the file is read: stage B never touches either until the stage has finished.
struct ValidationStage {
    var reader: any RecordReader
    var binder: RecordBinder
    let checker: FeedChecker
    /// The file as findings name it.
    let file: String
    /// Records per hand-over.
    let batchSize: Int

    /// Starts the stage on a new thread; it ends with `.end` or `.stopped` in `queue`, or
    /// early when stage B cancels, and then calls ``RecordBatchQueue/producerFinished()``.
    static func start(_ stage: ValidationStage, into queue: RecordBatchQueue) {
        let handoff = ThreadHandoff(stage)
        let thread = Thread {
            run(handoff.take(), into: queue)
            queue.producerFinished()
        }
        thread.name = "sluice.check"
        // The same stack as the main thread: readers and checks were written for it.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The stage is a local of this function: the reader (its open file) and the records are
    /// released before stage B hears that the thread has finished.
    private static func run(_ stage: consuming ValidationStage, into queue: RecordBatchQueue) {
        var stage = stage
        stage.run(into: queue)
    }

    /// Reads to the end of the file, a file-stopping problem, or stage B's cancel.
    mutating func run(into queue: RecordBatchQueue) {
        var batch: [ValidatedRecord] = []
        batch.reserveCapacity(batchSize)
        do {
            while let raw = try reader.next() {
                if let stop = FileProcessor.Stop(encodingOf: raw, masked: !checker.piiIndices.isEmpty) {
                    if !batch.isEmpty { guard queue.put(.records(batch)) else { return } }
                    _ = queue.put(.stopped(stop))
                    return
                }
                batch.append(checker.validate(raw, binding: binder.bind(raw), file: file))
                if batch.count == batchSize {
                    guard queue.put(.records(batch)) else { return }
                    // An array stage B has written and given back: its records are freed here,
                    // where they were made, and its storage holds the next batch.
                    batch = queue.takeWritten() ?? []
                    batch.removeAll(keepingCapacity: true)
                    batch.reserveCapacity(batchSize)
                }
            }
        } catch {
            if !batch.isEmpty { guard queue.put(.records(batch)) else { return } }
            _ = queue.put(.stopped(FileProcessor.Stop(readError: error)))
            return
        }
        if !batch.isEmpty { guard queue.put(.records(batch)) else { return } }
        _ = queue.put(.end(dropped: reader.droppedRows.count))
    }
}
