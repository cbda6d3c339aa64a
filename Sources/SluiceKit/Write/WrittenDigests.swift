import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SHA-256s of files as ``BufferedFileWriter`` wrote them, so a run's summary does not read its
/// outputs back to hash them (that re-read was ~10 % of a run's instructions at 20k rows).
///
/// A digest is kept under the file's path and used only while the file on disk is still the
/// one written: same device, inode, size and modification time as when the writer closed it.
/// Anything else (a file written by another writer, replaced, or touched since) is hashed by
/// reading it. Writers may close on any thread, hence the lock.
enum WrittenDigests {
    /// What identifies the file a digest belongs to.
    struct Identity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modifiedSeconds: Int64
        var modifiedNanoseconds: Int64

        /// The identity of the file at `path` (not following a final symlink); `nil` when it cannot be read.
        init?(path: String) {
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            self.init(info)
        }

        /// The identity of an open file.
        init?(descriptor: Int32) {
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { return nil }
            self.init(info)
        }

        private init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modifiedSeconds = Int64(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
        }
    }

    private struct Entry: Sendable {
        var identity: Identity
        var sha256: String
    }

    private static let entries = Mutex<[String: Entry]>([:])

    /// Records the digest of the file just closed at `path`.
    static func record(path: String, identity: Identity, sha256: String) {
        entries.withLock { $0[path] = Entry(identity: identity, sha256: sha256) }
    }

    /// Forgets `path` (a writer is about to replace the file).
    static func forget(path: String) {
        _ = entries.withLock { $0.removeValue(forKey: path) }
    }

    /// Takes the recorded digest of `path` when the file is still the one written; forgets it either way.
    static func take(path: String, identity: Identity) -> String? {
        let entry = entries.withLock { $0.removeValue(forKey: path) }
        guard let entry, entry.identity == identity else { return nil }
        return entry.sha256
    }
}
