import Foundation

/// Hands inflated chunks from the thread that inflates a worksheet to the reader's thread.
///
/// ZIPFoundation inflates by pushing chunks into a closure until the entry ends, while a
/// ``RecordReader`` is pulled one record at a time; a second thread bridges the two. The
/// channel holds at most `capacity` chunks, so the producer waits for the reader and memory
/// stays bounded whatever the sheet's size. The two sides also overlap inflating and parsing.
///
/// `@unchecked Sendable`: every mutable property is read and written under `condition`.
final class XLSXChunkChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var chunks: [Data] = []
    private var finished = false
    private var failure: ReadError?
    private var cancelled = false

    /// Creates a channel holding up to `capacity` chunks.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Producer: waits for room and adds a chunk; throws `CancellationError` once the reader is gone.
    func put(_ chunk: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        chunks.append(chunk)
        condition.broadcast()
    }

    /// Producer: the entry ended, with `failure` when it could not be inflated.
    func finish(failure: ReadError?) {
        condition.lock()
        self.failure = failure
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Reader: the next chunk, or `nil` at the end; rethrows the producer's failure after the
    /// chunks that came before it.
    func take() throws(ReadError) -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished { condition.wait() }
        if !chunks.isEmpty {
            let chunk = chunks.removeFirst()
            condition.broadcast()
            return chunk
        }
        if let failure { throw failure }
        return nil
    }

    /// Reader: stop the producer (the reader was dropped before the end).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
