/// Where the output encoders (``CSVLine``, ``JSONText``) append bytes: a writer's
/// ``OutputBuffer``, or a byte array (headers, tests).
protocol ByteSink {
    /// Appends one byte.
    mutating func append(_ byte: UInt8)
    /// Appends bytes.
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
    /// Appends `count` bytes that `fill` writes in place (each of them).
    mutating func append(count: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Void)
}

extension Array: ByteSink where Element == UInt8 {
    mutating func append(count: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Void) {
        let start = self.count
        append(contentsOf: repeatElement(0, count: count))
        withUnsafeMutableBufferPointer { fill($0.baseAddress! + start) }
    }
}

/// A growable byte buffer over manually managed memory, for the writers' hot path.
///
/// Why not `[UInt8]`: every `Array.append` checks uniqueness and capacity and goes through
/// generic `append(contentsOf:)`; in a callgrind profile of 100k benchmark rows, appending a
/// cleaned row's values to an array cost about 3 000 instructions per row. Here an append is one
/// capacity compare and a store or `memcpy`. The owner (``BufferedFileWriter``) frees it.
struct OutputBuffer: ByteSink {
    private(set) var base: UnsafeMutablePointer<UInt8>
    /// Bytes in the buffer.
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        base = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    /// Frees the memory; the buffer must not be used afterwards.
    func deallocate() {
        base.deallocate()
    }

    /// The bytes written.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        let length = bytes.count
        guard length > 0 else { return }
        if length > capacity - count { grow(toHold: count + length) }
        (base + count).initialize(from: bytes.baseAddress!, count: length)
        count += length
    }

    @inline(__always)
    mutating func append(count length: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Void) {
        if length > capacity - count { grow(toHold: count + length) }
        fill(base + count)
        count += length
    }

    /// Keeps only the first `kept` bytes.
    mutating func truncate(to kept: Int) {
        precondition(kept >= 0 && kept <= count, "truncating outside the buffer")
        count = kept
    }

    /// Moves the bytes to a bigger block: at least double, so appends stay amortised O(1).
    private mutating func grow(toHold needed: Int) {
        let newCapacity = Swift.max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
