/// Brings the outbox back to a consistent state after a run that died part-way (a crash, a
/// SIGKILL, a power cut). Runs at the start of every run, under the outbox lock, so nothing
/// else is writing.
///
/// A run goes through: staging → rename into `runs/` → store transaction (`committed`) →
/// top-level datasets and `latest` (`published`). Dying at any point leaves one of:
/// * a staging folder: removed (nothing of it was visible);
/// * a run folder in `runs/` whose store transaction never happened (state `started`): the
///   folder is withdrawn and the run marked `rolled-back`; its inbox files are not in the ledger,
///   so this run processes them again;
/// * a committed run whose datasets and `latest` may be stale: they are rebuilt from the store.
struct RunRecovery {
    /// What recovery did.
    struct Outcome: Sendable, Hashable {
        /// Runs withdrawn because their store transaction never happened.
        var rolledBack: [String] = []
        /// Committed runs whose top-level datasets and `latest` were not yet written.
        var unpublished: [String] = []
    }

    let publisher: RunPublisher
    let store: Store

    /// Clears staging and rolls back unfinished runs; reports committed runs still to publish.
    func recover() throws(SluiceError) -> Outcome {
        var outcome = Outcome()
        do {
            try publisher.clearStaging()
            for run in try store.ledger.runs(in: .started) {
                try publisher.withdraw(runID: run.id)
                try store.ledger.set(runID: run.id, to: .rolledBack)
                outcome.rolledBack.append(run.id)
            }
            outcome.unpublished = try store.ledger.runs(in: .committed).map(\.id)
        } catch let error as OutputError {
            throw .output(error)
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
        return outcome
    }

    /// After the top-level datasets are rebuilt: points `latest` at the newest committed run and
    /// marks every committed run published.
    func finishPublishing() throws(SluiceError) {
        do {
            let committed = try store.ledger.runs(in: .committed)
            guard let newest = committed.last else { return }
            try publisher.pointLatest(at: newest.id)
            for run in committed { try store.ledger.set(runID: run.id, to: .published) }
        } catch let error as OutputError {
            throw .output(error)
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }
}
