import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A scratch file for spilled keys: created in the temporary folder (`TMPDIR`) and unlinked at
/// once, so it has no name, nobody else can open it, and the system frees it when the
/// descriptor closes, even when the process is killed. Appends go through a buffer; reads are
/// positioned (`pread`), so several readers can share it.
///
/// Appends are written into the buffer in place (``append(reserving:_:)``): a run's 32-byte
/// entries were appended through `[UInt8].append(contentsOf:)`, and that copy and its
/// capacity checks were most of `KeyRun.Builder.append` (perf, 1M record ids).
///
/// `@unchecked Sendable`: a file is written by one thread (the one building its run); once
/// ``finishWriting()`` has returned, nothing in it changes and any thread may read it
/// (`pread` at an offset, no shared position).
final class SpillFile: @unchecked Sendable {
    private let descriptor: Int32
    /// The write buffer; empty once writing has finished.
    private var pending: UnsafeMutableRawBufferPointer
    private var used = 0
    /// Bytes appended so far, buffered or not.
    private(set) var size = 0
    private static let bufferSize = 256 << 10

    /// A new empty file in `directory`, or nil when none can be made.
    init?(directory: String) {
        var template = Array("\(directory)/sluice-keys.XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
        pending = .allocate(byteCount: Self.bufferSize, alignment: 8)
    }

    deinit {
        pending.deallocate()
        _ = close(descriptor)
    }

    /// The folder spilled files go to: `TMPDIR`, or the system's temporary folder.
    static var temporaryDirectory: String {
        FileManager.default.temporaryDirectory.path
    }

    /// Appends bytes; false when the disk refused them.
    func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !bytes.isEmpty else { return true }
        if used + bytes.count > pending.count {
            guard flush() else { return false }
            if bytes.count > pending.count {
                size += bytes.count
                return writeAll(bytes)
            }
        }
        (pending.baseAddress! + used).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        used += bytes.count
        size += bytes.count
        return true
    }

    /// Appends `count` bytes (at most 256) that `body` stores into the buffer; false when the
    /// disk refused what was buffered before.
    @inline(__always)
    func append(reserving count: Int, _ body: (UnsafeMutableRawPointer) -> Void) -> Bool {
        if used + count > pending.count {
            guard flush() else { return false }
        }
        body(pending.baseAddress! + used)
        used += count
        size += count
        return true
    }

    /// Writes what is buffered; false when the disk refused it.
    func flush() -> Bool {
        let ok = writeAll(UnsafeRawBufferPointer(rebasing: pending[0..<used]))
        used = 0
        return ok
    }

    /// Writes what is buffered and frees the buffer: the file is only read from now on.
    /// False when the disk refused the last bytes.
    func finishWriting() -> Bool {
        let ok = flush()
        pending.deallocate()
        pending = UnsafeMutableRawBufferPointer(start: nil, count: 0)
        return ok
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var written = 0
        while written < bytes.count {
            let result = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                return false
            }
            written += result
        }
        return true
    }

    /// Reads `buffer.count` bytes at `offset` (flushed bytes only).
    ///
    /// A file this process wrote and still holds open can fail to read back only when the disk
    /// fails; the index cannot answer without it, so that stops the process (nothing of the
    /// run is published).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        var done = 0
        while done < buffer.count {
            let result = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                fatalError("cannot read back spilled unique keys: \(String(cString: strerror(errno)))")
            }
            done += result
        }
    }
}

/// Reads a ``SpillFile`` from start to end through a buffer.
final class SpillReader {
    let file: SpillFile
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    /// File offset of the byte after `buffer[end - 1]`.
    private var position = 0

    init(_ file: SpillFile, bufferSize: Int = 64 << 10) {
        self.file = file
        buffer = .allocate(byteCount: bufferSize, alignment: 8)
    }

    deinit {
        buffer.deallocate()
    }

    /// The next `count` bytes, valid until the next call; nil past the end of the file.
    func next(_ count: Int) -> UnsafeRawBufferPointer? {
        if end - start < count {
            guard position + count - (end - start) <= file.size else { return nil }
            refill(atLeast: count)
        }
        defer { start += count }
        return UnsafeRawBufferPointer(rebasing: buffer[start..<(start + count)])
    }

    private func refill(atLeast count: Int) {
        let kept = end - start
        if buffer.count < count {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 8)
            larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
            buffer.deallocate()
            buffer = larger
        } else if kept > 0 {
            buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: kept)
        }
        let readCount = min(buffer.count - kept, file.size - position)
        file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[kept..<(kept + readCount)]), at: position)
        position += readCount
        start = 0
        end = kept + readCount
    }
}
