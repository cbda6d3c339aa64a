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
final class SpillFile {
    private let descriptor: Int32
    private var pending: [UInt8] = []
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
        pending.reserveCapacity(Self.bufferSize)
    }

    deinit {
        _ = close(descriptor)
    }

    /// The folder spilled files go to: `TMPDIR`, or the system's temporary folder.
    static var temporaryDirectory: String {
        FileManager.default.temporaryDirectory.path
    }

    /// Appends bytes; false when the disk refused them.
    func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        pending.append(contentsOf: bytes)
        size += bytes.count
        return pending.count < Self.bufferSize || flush()
    }

    /// Writes what is buffered; false when the disk refused it.
    func flush() -> Bool {
        var written = 0
        let ok = pending.withUnsafeBytes { bytes in
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
        pending.removeAll(keepingCapacity: true)
        return ok
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
