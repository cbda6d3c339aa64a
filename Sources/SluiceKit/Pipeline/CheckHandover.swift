import Foundation

/// The hand-overs of a file's parallel check stage (``RecordStaging/parallel(checkers:batchSize:queued:)``):
/// numbered batches of raw records from the read stage to whichever check worker is free, and
/// checked batches from the workers to the writing stage, in file order.
///
/// Batches are numbered as the read stage hands them over; a worker may finish batch 8 before
/// another finishes batch 7, and the writing stage still takes 7 first. The read stage's last
/// word (``Item/end(dropped:)`` or ``Item/stopped(_:)``) takes the next number, so the writing
/// stage meets it after every batch read before it, and stops exactly where a serial run stops.
/// At most `capacity` batches are between the read stage and the writing stage (waiting, being
/// checked, or checked and waiting), so memory stays bounded whatever the file's size.
///
/// The writing stage may cancel at any time (an output error): every other thread's next
/// hand-over fails and it stops; ``waitForThreads()`` then returns once every thread has let go
/// of what it used (the reader, the checker).
///
/// `@unchecked Sendable`: every mutable property is read and written under `condition`.
final class CheckHandover: @unchecked Sendable, RawRecordSink {
    /// A checked batch: its records and the `unique` checks left for the writing stage, which
    /// makes them in file order (``FeedChecker/checkInOrder(_:deferred:file:)``).
    struct Checked: Sendable {
        var records: [ValidatedRecord] = []
        var deferred: [FeedChecker.DeferredUnique] = []
    }

    /// What the writing stage takes.
    enum Item: Sendable {
        case records(Checked)
        case end(dropped: Int)
        case stopped(FileProcessor.Stop)
    }

    private let condition = NSCondition()
    private let capacity: Int
    /// Raw batches not yet taken by a worker, oldest first, with their numbers.
    private var waiting: [(number: Int, records: [RawRecord])] = []
    /// The number the next batch (or the last word) gets.
    private var nextNumber = 0
    /// The read stage's last word and its number, once said.
    private var last: (number: Int, item: Item)?
    /// Checked batches by number, until the writing stage reaches them.
    private var checked: [Int: Checked] = [:]
    /// The number the writing stage takes next.
    private var nextToWrite = 0
    private var cancelled = false
    /// Threads started on this hand-over that have not finished.
    private var running: Int
    /// Emptied raw arrays for the read stage to reuse, and written batches for the workers to
    /// free and reuse (at most `capacity` each).
    private var emptiedRaw: [[RawRecord]] = []
    private var written: [Checked] = []

    /// A hand-over for `threads` threads (the read stage and the workers) holding up to
    /// `capacity` batches in flight (at least one).
    init(capacity: Int, threads: Int) {
        self.capacity = max(1, capacity)
        running = threads
    }

    /// The read stage: waits for room and hands over a batch, or says its last word (which never
    /// waits). `false` once the writing stage has cancelled: the read stage must stop.
    func put(_ item: BatchQueue<RawRecord>.Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        switch item {
        case .records(let records):
            while nextNumber - nextToWrite >= capacity && !cancelled { condition.wait() }
            if cancelled { return false }
            waiting.append((nextNumber, records))
        case .end(let dropped):
            if cancelled { return false }
            last = (nextNumber, .end(dropped: dropped))
        case .stopped(let stop):
            if cancelled { return false }
            last = (nextNumber, .stopped(stop))
        }
        nextNumber += 1
        condition.broadcast()
        return true
    }

    /// The read stage: an emptied array to hold its next batch, if a worker has given one back.
    func takeWritten() -> [RawRecord]? {
        condition.lock()
        defer { condition.unlock() }
        return emptiedRaw.popLast()
    }

    /// A worker: the oldest raw batch not yet taken, with its number and a written batch to free
    /// and reuse; `nil` when the read stage has said its last word and every batch is taken, or
    /// the writing stage has cancelled.
    func takeRaw() -> (number: Int, records: [RawRecord], reuse: Checked?)? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && last == nil && !cancelled { condition.wait() }
        guard !cancelled, !waiting.isEmpty else { return nil }
        let batch = waiting.removeFirst()
        return (batch.number, batch.records, written.popLast())
    }

    /// A worker: a checked batch, and the raw batch's emptied array for the read stage. `false`
    /// once the writing stage has cancelled: the worker must stop.
    func put(_ batch: Checked, number: Int, emptied: consuming [RawRecord]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if cancelled { return false }
        checked[number] = batch
        if emptiedRaw.count < capacity { emptiedRaw.append(emptied) }
        condition.broadcast()
        return true
    }

    /// The writing stage: the next batch in file order, or the last word after every batch
    /// before it, waiting for the others. The read stage always ends with a last word unless
    /// cancelled, so this never waits for ever.
    func take() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let batch = checked.removeValue(forKey: nextToWrite) {
                nextToWrite += 1
                condition.broadcast()
                return .records(batch)
            }
            if let last, last.number == nextToWrite { return last.item }
            condition.wait()
        }
    }

    /// The writing stage: a batch it is done with, for a worker to free its records and reuse its storage.
    func giveBack(_ batch: consuming Checked) {
        condition.lock()
        defer { condition.unlock() }
        if written.count < capacity { written.append(batch) }
    }

    /// The writing stage: stop every other thread (it will take nothing more). Batches not taken are dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        waiting.removeAll()
        checked.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// One of the threads has returned and released everything it used.
    func producerFinished() {
        condition.lock()
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// The writing stage: waits until every thread has finished (after ``cancel()`` or the last word).
    func waitForThreads() {
        condition.lock()
        defer { condition.unlock() }
        while running > 0 { condition.wait() }
    }
}
