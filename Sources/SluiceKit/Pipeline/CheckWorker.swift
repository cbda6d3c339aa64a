import Foundation

/// One of the check workers of a file's parallel check stage: takes raw batches from a
/// ``CheckHandover`` in turn with the other workers, binds and checks their records as far as
/// each record alone decides (``FeedChecker/checkAlone(_:binding:file:record:deferred:)``), and
/// hands the checked batches back under their numbers. The writing stage makes the checks that
/// depend on the records before (`unique`, `unique-key`) in file order.
///
/// The workers share the feed's checker: `checkAlone` reads only what the checker's initialiser
/// set, and the writing stage alone uses its `unique` state. Each worker has its own binder.
struct CheckWorker {
    var binder: RecordBinder
    let checker: FeedChecker
    /// The file as findings name it.
    let file: String

    /// Starts the worker on a new thread; it ends when the read stage's batches are all taken or
    /// the writing stage cancels, and then calls ``CheckHandover/producerFinished()``.
    static func start(_ worker: CheckWorker, on handover: CheckHandover) {
        StageThread.start(named: "sluice.check", worker, owner: handover) { worker in
            var worker = worker
            worker.run(on: handover)
        }
    }

    mutating func run(on handover: CheckHandover) {
        while let (number, raws, reuse) = handover.takeRaw() {
            // A batch the writing stage has written: its records are freed here, and its
            // storage holds this batch.
            var batch = reuse ?? CheckHandover.Checked()
            batch.records.removeAll(keepingCapacity: true)
            batch.deferred.removeAll(keepingCapacity: true)
            batch.records.reserveCapacity(raws.count)
            checker.checkAlone(raws[...], binder: &binder, file: file, into: &batch.records, deferred: &batch.deferred)
            var emptied = consume raws
            emptied.removeAll(keepingCapacity: true)
            guard handover.put(batch, number: number, emptied: emptied) else { return }
        }
    }
}
