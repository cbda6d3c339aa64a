/// What the outbox's top-level datasets (`kpi.csv`, `credits.csv`, …) were last built from:
/// the as-of date, the rules, the committed runs and the dataset format. A run with nothing new
/// whose inputs to those datasets are all unchanged leaves them as they are, without
/// evaluating or writing anything (start-up of an empty run: 4 staged files and 5 fsyncs saved).
struct ViewsState: Sendable, Hashable {
    /// The as-of date the datasets were evaluated for.
    var asOf: String
    /// ``RulesFingerprint`` of the rules they were evaluated with.
    var rulesSHA256: String
    /// ``ViewsMarker/storeState()`` when they were built.
    var storeState: String
    /// The datasets then written, as named under the outbox.
    var files: [String]
}

/// The store's record of ``ViewsState`` (table `views_state`, one row at most).
struct ViewsMarker {
    let database: Database

    /// What the datasets were last built from; `nil` before the first build with this marker.
    func current() throws(StoreError) -> ViewsState? {
        let statement = try database.prepare("SELECT as_of, rules_sha256, store_state, files FROM views_state")
        guard try statement.step() else { return nil }
        let files = statement.text(3)
        return ViewsState(
            asOf: statement.text(0), rulesSHA256: statement.text(1), storeState: statement.text(2),
            files: files.isEmpty ? [] : files.split(separator: "\n").map(String.init))
    }

    /// Records what the datasets were just built from.
    func record(_ state: ViewsState) throws(StoreError) {
        try database.prepare(
            "INSERT OR REPLACE INTO views_state (id, as_of, rules_sha256, store_state, files) VALUES (1, ?, ?, ?, ?)"
        ).run([
            .text(state.asOf), .text(state.rulesSHA256), .text(state.storeState),
            .text(state.files.joined(separator: "\n")),
        ])
    }

    /// The part of the store the datasets are built from, as a token that changes whenever it
    /// does: committed runs only ever get added (a run's store transaction is the only writer
    /// of observations, aggregates and receipts, and a committed run is never rolled back).
    func storeState() throws(StoreError) -> String {
        let statement = try database.prepare(
            "SELECT count(*), ifnull(max(id), '') FROM runs WHERE state IN ('committed', 'published')")
        guard try statement.step() else { return "" }
        return "\(statement.int(0)) \(statement.text(1))"
    }
}
