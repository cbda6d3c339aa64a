import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one writer of stderr: log lines and the progress line share it, so a log line never
/// lands in the middle of the progress line (the progress line is cleared first and redrawn on
/// its next tick).
final class StandardError: @unchecked Sendable {
    /// The process's stderr.
    static let shared = StandardError(descriptor: 2)

    private let descriptor: Int32
    private let lock = NSLock()
    private var progressShown = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Writes one line (a newline is added).
    func line(_ text: String) {
        lock.withLock {
            if progressShown {
                emit(Self.clear)
                progressShown = false
            }
            emit(text + "\n")
        }
    }

    /// Replaces the progress line with `text` (no newline: the cursor stays on the line).
    func progress(_ text: String) {
        lock.withLock {
            emit("\r" + text + "\u{1B}[K")
            progressShown = true
        }
    }

    /// Whether the progress line is on the screen now.
    var showsProgress: Bool {
        lock.withLock { progressShown }
    }

    /// Removes the progress line, if shown.
    func clearProgress() {
        lock.withLock {
            if progressShown { emit(Self.clear) }
            progressShown = false
        }
    }

    /// Carriage return, then erase to the end of the line.
    static let clear = "\r\u{1B}[K"

    private func emit(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return  // stderr is gone: nothing better to do than drop the line
            }
            offset += written
        }
    }
}
