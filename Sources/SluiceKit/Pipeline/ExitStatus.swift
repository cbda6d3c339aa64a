/// How a command ended, and the process exit code for it: decided here and nowhere else.
public enum ExitStatus: Int32, Sendable, Hashable, CaseIterable {
    /// The run completed; data findings are normal business.
    case success = 0
    /// Something unexpected failed (an output could not be written, an internal error).
    case failure = 1
    /// Bad command line (including a file argument that cannot be used) or broken rules
    /// files: nothing was processed.
    case usageOrRules = 2
    /// The run completed but needs a person: a file was quarantined, or error findings exceed
    /// the rules' `max-error-findings`.
    case attention = 3
    /// Another run holds the outbox: this one did nothing (cron started it while the last
    /// one was still working).
    case locked = 4

    /// The status of a completed run.
    public static func of(quarantined: Int, errorFindings: Int, settings: RunSettings) -> ExitStatus {
        if quarantined > 0 { return .attention }
        if let limit = settings.maxErrorFindings, errorFindings > limit { return .attention }
        return .success
    }

    /// The status for an error a command threw.
    public static func of(_ error: Error) -> ExitStatus {
        switch error {
        case is RulesErrors: return .usageOrRules
        case let error as SluiceError:
            switch error {
            case .rules, .input: return .usageOrRules
            case .inbox, .output, .store: return .failure
            case .locked: return .locked
            }
        default: return .failure
        }
    }
}
