import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file through a 1 MiB buffer with write(2), and can roll back to a checkpoint.
///
/// Measured on this machine kind (STACK.md): a buffer flushed with write(2) writes CSV at
/// 480–615 MB/s, `FileHandle.write` per row at 41 MB/s. Rolling back lets a file that turns
/// out broken half-way withdraw everything it wrote, so no partial data is published.
///
/// Each flushed chunk also goes through an incremental SHA-256, and the digest is left in
/// ``WrittenDigests`` on close: the run summary's hashes come from there instead of reading
/// every output back. Every few MiB the disk write-back of what was flushed is started
/// (``WriteBehind``), so closing a large file does not wait for all of it at once.
final class BufferedFileWriter {
    private let path: String
    private var descriptor: Int32
    /// Bytes not yet flushed; freed in `deinit`. Unchecked exclusivity: every access is in this
    /// class, none overlaps another (a line's builder gets the buffer, not the writer), and the
    /// dynamic check cost `swift_beginAccess` + `swift_endAccess`, 91 instructions, per line
    /// written (callgrind, 20k records).
    @exclusivity(unchecked) private var buffer: OutputBuffer
    private var flushed = 0
    /// SHA-256 of the `flushed` bytes on disk.
    private var hasher = SHA256()
    /// Starts the write-back of flushed bytes as the file grows.
    private(set) var writeBehind = WriteBehind()
    /// Flush threshold: a flush happens once the buffer holds this much.
    private static let capacity = 1 << 20
    /// Room past the threshold, so the line that crosses it seldom makes the buffer grow.
    private static let slack = 64 << 10

    /// Creates (or truncates) the file.
    init(url: URL) throws(OutputError) {
        path = url.path
        buffer = OutputBuffer(capacity: Self.capacity + Self.slack)
        // Read and write: a rollback into flushed bytes reads the kept part back to hash it.
        descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.error(path, "cannot create file") }
        WrittenDigests.forget(path: path)
    }

    deinit {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        buffer.deallocate()
    }

    /// Bytes written so far, buffered or not: a checkpoint for `rollback(to:)`.
    var offset: Int { flushed + buffer.count }

    /// Appends text as UTF-8.
    func write(_ text: String) throws(OutputError) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Appends one line built in place in the buffer (no intermediate String or array).
    @inline(__always)
    func writeLine(_ build: (inout OutputBuffer) -> Void) throws(OutputError) {
        build(&buffer)
        buffer.append(10)
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Appends bytes built in place in the buffer.
    @inline(__always)
    func writeBytes(_ build: (inout OutputBuffer) -> Void) throws(OutputError) {
        build(&buffer)
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Drops everything written after a checkpoint.
    func rollback(to checkpoint: Int) throws(OutputError) {
        precondition(checkpoint <= offset, "checkpoint is ahead of the file")
        if checkpoint >= flushed {
            buffer.truncate(to: checkpoint - flushed)
            return
        }
        buffer.truncate(to: 0)
        guard ftruncate(descriptor, off_t(checkpoint)) == 0, lseek(descriptor, off_t(checkpoint), SEEK_SET) >= 0 else {
            throw Self.error(path, "cannot truncate file")
        }
        flushed = checkpoint
        writeBehind.truncated(to: checkpoint)
        try rehashFlushedBytes()
    }

    /// Hashes the kept part of the file again after a rollback into bytes already flushed (rare:
    /// a file quarantined after more than a buffer of its output was written).
    private func rehashFlushedBytes() throws(OutputError) {
        hasher = SHA256()
        guard FileDigest.hash(descriptor: descriptor, length: flushed, into: &hasher) else {
            throw Self.error(path, "cannot read file back")
        }
    }

    /// Writes the buffer out.
    func flush() throws(OutputError) {
        let bytes = buffer.bytes
        hasher.update(bufferPointer: bytes)
        var start = 0
        while start < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + start, bytes.count - start)
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.error(path, "cannot write file")
            }
            start += written
        }
        flushed += bytes.count
        buffer.truncate(to: 0)
        writeBehind.wrote(descriptor: descriptor, flushed: flushed)
    }

    /// Flushes, syncs to disk and closes; the file is complete once this returns.
    func close() throws(OutputError) {
        try flush()
        guard fsync(descriptor) == 0 else { throw Self.error(path, "cannot sync file to disk") }
        if let identity = WrittenDigests.Identity(descriptor: descriptor) {
            WrittenDigests.record(path: path, identity: identity, sha256: FileDigest.hex(hasher.finalize()))
        }
        let result = Glibc.close(descriptor)
        descriptor = -1
        guard result == 0 else { throw Self.error(path, "cannot close file") }
    }

    private static func error(_ path: String, _ what: String) -> OutputError {
        OutputError(path: path, message: "\(what): \(String(cString: strerror(errno)))")
    }
}
