import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SHA-256 of a file (swift-crypto: Foundation on Linux has no digest API).
public enum FileDigest {
    /// Bytes read at once.
    static let chunkSize = 1 << 20

    /// Lower-case hex digest.
    ///
    /// Reads with pread(2) into one reused buffer: `FileHandle.read(upToCount:)` made a new
    /// `Data` per chunk.
    public static func sha256(of url: URL) throws -> String {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var hasher = SHA256()
        guard hash(descriptor: descriptor, into: &hasher) else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        return hex(hasher.finalize())
    }

    /// Feeds `hasher` an open file's bytes from its start: the first `length` of them, or all
    /// (`nil`). `false` on a read error (`errno` says which) or when the file is shorter.
    static func hash(descriptor: Int32, length: Int? = nil, into hasher: inout SHA256) -> Bool {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 64)
        defer { chunk.deallocate() }
        var position = 0
        while position < length ?? Int.max {
            let wanted = min(chunk.count, (length ?? Int.max) - position)
            let count = pread(descriptor, chunk.baseAddress!, wanted, off_t(position))
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            if count == 0 { return length == nil }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
            position += count
        }
        return true
    }

    /// Bytes as lower-case hex, two digits each (digests, pseudonyms, fingerprints).
    static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
