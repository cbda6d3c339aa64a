#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a byte range of a file through one reused buffer with `pread(2)`, so several readers
/// of one file (the chunks of ``XMLParallelRecordReader``) each keep their own position.
///
/// Like ``FileByteSource`` (a reused buffer, measured at memory speed), but starting anywhere.
final class XMLFileRange {
    /// The buffer; valid bytes are `buffer[0..<count]` after ``fill()``.
    let buffer: UnsafeMutableBufferPointer<UInt8>
    /// The file offset of the next byte ``fill()`` reads.
    private(set) var position: Int
    /// The offset where reading stops; `Int.max` reads to the end of the file.
    private let end: Int
    private let descriptor: Int32
    private let displayPath: String

    /// Opens the file to read `[start, end)`; the error names the OS reason.
    init(path: String, displayPath: String, start: Int = 0, end: Int = .max, capacity: Int) throws(ReadError) {
        self.displayPath = displayPath
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw ReadError(path: displayPath, message: "cannot open file: \(Self.describe(errno))")
        }
        descriptor = fd
        position = start
        self.end = end
        buffer = .allocate(capacity: max(capacity, 4))
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// The file's size in bytes.
    func size() throws(ReadError) -> Int {
        var status = stat()
        if fstat(descriptor, &status) != 0 {
            throw ReadError(path: displayPath, message: "cannot read file: \(Self.describe(errno))")
        }
        return Int(status.st_size)
    }

    /// Fills the buffer from the start and returns how many bytes it holds; 0 means the range
    /// ended. Only the last fill of a range is short.
    func fill() throws(ReadError) -> Int {
        var count = 0
        let wanted = min(buffer.count, end - position)
        while count < wanted {
            let got = pread(descriptor, buffer.baseAddress! + count, wanted - count, off_t(position + count))
            if got < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: displayPath, message: "cannot read file: \(Self.describe(errno))")
            }
            if got == 0 { break }
            count += got
        }
        position += count
        return count
    }

    /// Reads up to `count` bytes at `offset` without moving the position.
    func read(at offset: Int, count: Int) throws(ReadError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let result = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + got, count - got, off_t(offset + got))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: displayPath, message: "cannot read file: \(Self.describe(errno))")
            }
            if result == 0 { break }
            got += result
        }
        bytes.removeLast(count - got)
        return bytes
    }

    /// The OS message for an errno, starting lower case to match the message style.
    private static func describe(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
