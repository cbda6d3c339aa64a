import Foundation

/// Hands chunk numbers to worker threads and their results to the reader, in file order.
///
/// Workers take chunks only a few ahead of the one being delivered (`ahead`), so at most that
/// many chunks' records are held whatever the file's size. `@unchecked Sendable`: every mutable
/// property is read and written under `condition`.
final class XMLChunkScheduler: @unchecked Sendable {
    private let condition = NSCondition()
    private let chunkCount: Int
    private let ahead: Int
    private var nextToTake = 0
    private var nextToDeliver = 0
    private var results: [Int: Result<XMLChunkResult, ReadError>] = [:]
    private var cancelled = false
    private var running = 0

    /// Schedules chunks `0..<chunkCount`, at most `ahead` of them past the one being delivered.
    init(chunkCount: Int, ahead: Int) {
        self.chunkCount = chunkCount
        self.ahead = max(ahead, 1)
    }

    /// Worker: the next chunk to parse, once there is room; `nil` when there is none left or
    /// the reader is gone.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && nextToTake < chunkCount && nextToTake >= nextToDeliver + ahead { condition.wait() }
        guard !cancelled, nextToTake < chunkCount else { return nil }
        nextToTake += 1
        return nextToTake - 1
    }

    /// Worker: chunk `index` is parsed.
    func put(_ index: Int, _ result: Result<XMLChunkResult, ReadError>) {
        condition.lock()
        if !cancelled { results[index] = result }
        condition.broadcast()
        condition.unlock()
    }

    /// Reader: waits for chunk `index`'s result and lets workers take one more chunk.
    func result(of index: Int) -> Result<XMLChunkResult, ReadError> {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
        nextToDeliver = index + 1
        condition.broadcast()
        return results.removeValue(forKey: index).unsafelyUnwrapped
    }

    /// Worker: starts or ends its loop.
    func enter() { locked { running += 1 } }
    func leave() { locked { running -= 1 } }

    /// Workers inside their loop (tests check none is left once the reader is gone).
    var runningWorkers: Int { locked { running } }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }

    /// Whether the reader has stopped the workers.
    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Reader: no more chunks are wanted; workers stop at their next read.
    func cancel() {
        condition.lock()
        cancelled = true
        results.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
