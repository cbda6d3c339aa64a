/// Why a run could not complete: an operational error that names what failed.
public enum SluiceError: Error, Sendable, CustomStringConvertible {
    /// The rules files are broken; nothing was processed.
    case rules(RulesErrors)
    /// The inbox cannot be listed.
    case inbox(InboxError)
    /// An output could not be written; nothing was published.
    case output(OutputError)
    /// A file named on the command line cannot be used.
    case input(path: String, message: String)
    /// Another run holds the outbox's lock; this run did nothing.
    case locked(path: String)
    /// The store (`Outbox/sluice.sqlite`) cannot be opened, migrated, read or written.
    case store(StoreError)

    /// The message for stderr.
    public var description: String {
        switch self {
        case .rules(let errors): return errors.description
        case .inbox(let error): return error.description
        case .output(let error): return error.description
        case .input(let path, let message): return "\(path): \(message)"
        case .locked(let path): return "\(path): another sluice run is working on this outbox; this run did nothing"
        case .store(let error): return error.description
        }
    }
}
