import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run at a time per outbox: an advisory `flock(2)` on `Outbox/.sluice.lock`, held for the
/// whole run and released by the kernel when the process ends, even on a crash or SIGKILL.
final class OutboxLock {
    private let descriptor: Int32

    /// Takes the lock, or throws `.locked` at once when another run holds it.
    init(outbox: URL, displayBase: URL?) throws(SluiceError) {
        let display = DisplayPath.of(outbox, relativeTo: displayBase)
        do {
            try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        } catch {
            throw .output(
                OutputError(path: outbox.path, message: "cannot create the outbox: \(error.localizedDescription)"))
        }
        let path = outbox.appendingPathComponent(".sluice.lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .output(
                OutputError(path: path, message: "cannot open the lock file: \(String(cString: strerror(errno)))"))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .locked(path: display)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
