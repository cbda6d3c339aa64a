import Foundation
import SluiceKit

extension Terminal {
    /// One stderr line per KPI value a resubmission replaced (`changed: ACME 2026-10 …`), the
    /// first `limit` of them, then a count pointing at `changes.csv`.
    static func changes(_ changes: [KPIChange], limit: Int, runFolder: URL) {
        for change in changes.prefix(limit) { error("changed: \(change.line)") }
        if changes.count > limit {
            let folder = DisplayPath.of(runFolder, relativeTo: Folders.current)
            error("… and \(changes.count - limit) more changes in \(folder)/changes.csv")
        }
    }
}
