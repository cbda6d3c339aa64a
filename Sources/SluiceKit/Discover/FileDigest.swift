import Crypto
import Foundation

/// SHA-256 of a file, streamed in 1 MiB chunks (swift-crypto: Foundation on Linux has no digest API).
public enum FileDigest {
    /// Lower-case hex digest.
    public static func sha256(of url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hex(hasher.finalize())
    }

    /// Bytes as lower-case hex, two digits each (digests, pseudonyms, fingerprints).
    static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        bytes.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
