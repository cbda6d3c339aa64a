#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file through one reused buffer with POSIX `read(2)`.
///
/// Measured (STACK.md): a reused ~1 MiB buffer reads at memory speed and keeps RSS flat;
/// mmap was no faster and grows RSS to the file size. A class, so the descriptor is closed
/// exactly once, in `deinit`.
final class FileByteSource {
    /// The default buffer size: 1 MiB.
    static let defaultCapacity = 1 << 20

    /// The buffer; valid bytes are `buffer[0..<count]` after ``fill()``.
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private let descriptor: Int32
    private let displayPath: String

    /// Opens the file; the error names the OS reason.
    init(path: String, displayPath: String, capacity: Int = FileByteSource.defaultCapacity) throws(ReadError) {
        precondition(capacity >= 4, "the buffer must hold a byte order mark")
        self.displayPath = displayPath
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw ReadError(path: displayPath, message: "cannot open file: \(Self.describe(errno))")
        }
        descriptor = fd
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// Fills the buffer from the start and returns how many bytes it holds; 0 means end of file.
    ///
    /// It keeps reading until the buffer is full or the file ends, so only the last chunk is
    /// short: the first chunk then always holds a whole byte order mark.
    func fill() throws(ReadError) -> Int {
        var count = 0
        while count < buffer.count {
            let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            if got < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: displayPath, message: "cannot read file: \(Self.describe(errno))")
            }
            if got == 0 { break }
            count += got
        }
        return count
    }

    /// The OS message for an errno, starting lower case to match the message style.
    private static func describe(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
