import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `fsync(2)` for folders and whole trees, so a rename that publishes them survives a power cut
/// (files written with `BufferedFileWriter` are synced when closed; copies and sub-folders are not).
enum DurableFolder {
    /// Syncs a folder's entries.
    static func sync(_ url: URL) throws(OutputError) {
        try syncPath(url.path, flags: O_RDONLY | O_DIRECTORY)
    }

    /// Syncs every file and folder under `url`, then `url` itself.
    static func syncTree(_ url: URL) throws(OutputError) {
        let manager = FileManager.default
        if let children = try? manager.contentsOfDirectory(atPath: url.path) {
            for child in children {
                let path = url.appendingPathComponent(child)
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: path.path, isDirectory: &isFolder) else { continue }
                if isFolder.boolValue {
                    try syncTree(path)
                } else {
                    try syncPath(path.path, flags: O_RDONLY)
                }
            }
        }
        try sync(url)
    }

    private static func syncPath(_ path: String, flags: Int32) throws(OutputError) {
        let descriptor = open(path, flags | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(path: path, message: "cannot open for syncing: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw OutputError(path: path, message: "cannot sync to disk: \(String(cString: strerror(errno)))")
        }
    }
}
