import Foundation

/// The two thread-crossing pieces of a file's two-stage pipeline (``FileProcessor``): the
/// bounded queue of checked record batches and the box that moves stage A's state to its thread.
/// They are the only `@unchecked Sendable` types of the pipeline; each says why it is safe.

/// A bounded first-in first-out hand-over of checked record batches from stage A (reading and
/// checking, on its own thread) to stage B (writing, on the calling thread).
///
/// It holds at most `capacity` batches, so stage A waits for stage B and memory stays bounded
/// whatever the file's size. The stage's last word (``Item/end(dropped:)`` or
/// ``Item/stopped(_:)``) goes through the same queue, after the batches that came before it, so
/// stage B handles records in file order and stops at exactly the record where a serial run
/// stops. Stage B may cancel at any time (an output error): stage A's next hand-over returns
/// `false` and it stops; ``waitForProducer()`` then returns once its thread has let go of the
/// reader and the checker.
///
/// `@unchecked Sendable`: every mutable property is read and written under `condition`.
final class RecordBatchQueue: @unchecked Sendable {
    /// One hand-over.
    enum Item: Sendable {
        /// Records in file order, checked.
        case records([ValidatedRecord])
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
    /// Batches stage B has written, back for stage A to free and reuse (at most `capacity`).
    private var written: [[ValidatedRecord]] = []

    /// A queue holding up to `capacity` batches (at least one).
    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Stage A: waits for room and adds a batch, or adds the stage's last word (which never
    /// waits). `false` once stage B has cancelled: stage A must stop.
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

    /// Stage B: the next item, waiting for stage A. Stage A always ends with `.end` or
    /// `.stopped` unless cancelled, so this never waits for ever.
    func take() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// Stage B: a batch it has written, handed back so that its records are freed on stage A's
    /// thread, whose allocator made them. Freeing them here cost measurably more CPU: each free
    /// of memory another thread allocated takes that thread's malloc arena lock, and the batch
    /// is cold in this core's cache.
    func giveBack(_ batch: consuming [ValidatedRecord]) {
        condition.lock()
        defer { condition.unlock() }
        if written.count < capacity { written.append(batch) }
    }

    /// Stage A: a written batch to free and reuse, if stage B has given one back.
    func takeWritten() -> [ValidatedRecord]? {
        condition.lock()
        defer { condition.unlock() }
        return written.popLast()
    }

    /// Stage B: stop stage A (stage B will take nothing more). Batches not taken are dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// Stage A's thread: it has returned and released everything it used.
    func producerFinished() {
        condition.lock()
        producerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stage B: waits until stage A's thread has finished (after ``cancel()`` or its last word).
    func waitForProducer() {
        condition.lock()
        defer { condition.unlock() }
        while !producerDone { condition.wait() }
    }
}

/// Moves one value that is not `Sendable` (stage A's reader, binder and checker) to the thread
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
