import Foundation

/// The thread-crossing pieces of a file's staged pipeline (``FileProcessor``): the bounded
/// queue of record batches between two stages and the box that moves a stage's state to its
/// thread. They are the only `@unchecked Sendable` types of the pipeline; each says why it is safe.

/// A bounded first-in first-out hand-over of record batches from one stage (the producer, on
/// its own thread) to the next (the consumer): raw records from the read stage to the check
/// stage, checked records from the check stage to the writing stage.
///
/// It holds at most `capacity` batches, so the producer waits for the consumer and memory stays
/// bounded whatever the file's size. The producer's last word (``Item/end(dropped:)`` or
/// ``Item/stopped(_:)``) goes through the same queue, after the batches that came before it, so
/// the consumer handles records in file order and stops at exactly the record where a serial run
/// stops. The consumer may cancel at any time (an output error): the producer's next hand-over
/// returns `false` and it stops; ``waitForProducer()`` then returns once its thread has let go of
/// what it used (the reader, the checker).
///
/// `@unchecked Sendable`: every mutable property is read and written under `condition`.
final class BatchQueue<Element: Sendable>: @unchecked Sendable {
    /// One hand-over.
    enum Item: Sendable {
        /// Records in file order.
        case records([Element])
        /// The file ended; the reader dropped this many title or footer rows.
        case end(dropped: Int)
        /// The file cannot be used (a read error, bytes not in the file's encoding).
        case stopped(FileProcessor.Stop)
    }

    private let condition = NSCondition()
    private let capacity: Int
    private var items: [Item] = []
    private var cancelled = false
    private var producerDone = false
    /// Batches the consumer is done with, back for the producer to free and reuse (at most `capacity`).
    private var written: [[Element]] = []

    /// A queue holding up to `capacity` batches (at least one).
    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The producer: waits for room and adds a batch, or adds its last word (which never
    /// waits). `false` once the consumer has cancelled: the producer must stop.
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if case .records = item {
            while items.count >= capacity && !cancelled { condition.wait() }
        }
        if cancelled { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The consumer: the next item, waiting for the producer. The producer always ends with
    /// `.end` or `.stopped` unless cancelled, so this never waits for ever.
    func take() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// The consumer: a batch it is done with, handed back for the producer to reuse its storage
    /// (and, for checked records, to free them on the thread that made them: see
    /// ``ValidationStage``).
    func giveBack(_ batch: consuming [Element]) {
        condition.lock()
        defer { condition.unlock() }
        if written.count < capacity { written.append(batch) }
    }

    /// The producer: a batch to free and reuse, if the consumer has given one back.
    func takeWritten() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        return written.popLast()
    }

    /// The consumer: stop the producer (the consumer will take nothing more). Batches not taken are dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The producer's thread: it has returned and released everything it used.
    func producerFinished() {
        condition.lock()
        producerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer: waits until the producer's thread has finished (after ``cancel()`` or its last word).
    func waitForProducer() {
        condition.lock()
        defer { condition.unlock() }
        while !producerDone { condition.wait() }
    }
}

/// Checked records from the check stage to the writing stage.
typealias RecordBatchQueue = BatchQueue<ValidatedRecord>

/// Moves one value that is not `Sendable` (a stage's reader, binder and checker) to the thread
/// that uses it.
///
/// `@unchecked Sendable`: the creating thread puts the value in before starting the other
/// thread and never touches it again; the other thread takes it out once (``take()``), and
/// `Thread.start()` orders the two. After that only one thread ever holds the value. The
/// checker object is shared by reference with the calling thread, which touches it again
/// (``FeedChecker/withdrawFile()``, the next file) only after ``RecordBatchQueue/waitForProducer()``.
final class ThreadHandoff<Value>: @unchecked Sendable {
    private var value: Value?

    /// Holds `value` until ``take()``.
    init(_ value: Value) {
        self.value = value
    }

    /// The value, once; the box keeps nothing.
    func take() -> Value {
        guard let taken = value else { preconditionFailure("a thread hand-off taken twice") }
        value = nil
        return taken
    }
}
