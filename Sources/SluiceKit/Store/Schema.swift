/// The store's tables, as SQL. One table per kind of fact:
///
/// * `runs` — every run that started, with its state: `started` (working, or crashed before
///   its store transaction), `committed` (its store transaction is in), `published` (the
///   top-level datasets and `latest` show it), `rolled-back` (crashed; its folder was removed);
///   and the SHA-256 of the rules files it read.
/// * `files` — the ledger: every inbox file a committed run dealt with, by content hash and
///   path, with its outcome. Lineage: `superseded_by` names the later file with the same path
///   and feed that replaced it.
/// * `observations` — KPI values vendors reported, per file, with their exact value and their
///   lineage: `state` is `current` or `superseded`, and `superseded_by_file` / `_run` say which
///   file (and run) replaced them.
/// * `aggregates` — per file, the partial aggregate states of record-level KPIs for one
///   vendor × contract × period × dimension; the current ones are merged into the published value.
/// * `receipts` — which file brought data for which feed, vendor, contract and period, and
///   when: expected submissions are judged against every receipt, not only the run's files.
/// * `views_state` (version 2) — what the top-level datasets were last built from (``ViewsState``).
enum Schema {
    static let version1 = """
        CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            started TEXT NOT NULL,
            finished TEXT,
            as_of TEXT NOT NULL,
            exit_code INTEGER,
            state TEXT NOT NULL CHECK (state IN ('started', 'committed', 'published', 'rolled-back')),
            rules_sha256 TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL,
            path TEXT NOT NULL,
            display_path TEXT NOT NULL,
            size INTEGER NOT NULL,
            received_on TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            run_id TEXT NOT NULL REFERENCES runs(id),
            outcome TEXT NOT NULL CHECK (outcome IN ('processed', 'quarantined', 'duplicate')),
            feed TEXT,
            reason TEXT,
            duplicate_of INTEGER REFERENCES files(id),
            superseded_by INTEGER REFERENCES files(id),
            UNIQUE (sha256, path)
        );
        CREATE INDEX files_by_sha256 ON files(sha256);
        CREATE INDEX files_by_path ON files(path, feed);
        CREATE TABLE observations (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES files(id),
            run_id TEXT NOT NULL REFERENCES runs(id),
            feed TEXT NOT NULL,
            vendor TEXT NOT NULL,
            contract TEXT NOT NULL,
            period TEXT NOT NULL,
            period_length TEXT NOT NULL,
            kpi TEXT NOT NULL,
            dimension TEXT NOT NULL DEFAULT '',
            value TEXT NOT NULL,
            line INTEGER,
            record INTEGER,
            column_number INTEGER,
            evidence TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'current' CHECK (state IN ('current', 'superseded')),
            superseded_by_file INTEGER REFERENCES files(id),
            superseded_by_run TEXT REFERENCES runs(id)
        );
        CREATE INDEX observations_by_key ON observations(feed, vendor, contract, period, kpi, dimension, state);
        CREATE TABLE aggregates (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES files(id),
            run_id TEXT NOT NULL REFERENCES runs(id),
            feed TEXT NOT NULL,
            vendor TEXT NOT NULL,
            contract TEXT NOT NULL,
            period TEXT NOT NULL,
            period_length TEXT NOT NULL,
            dimension TEXT NOT NULL DEFAULT '',
            records INTEGER NOT NULL,
            days TEXT NOT NULL,
            derivations TEXT NOT NULL,
            states TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'current' CHECK (state IN ('current', 'superseded')),
            superseded_by_file INTEGER REFERENCES files(id),
            superseded_by_run TEXT REFERENCES runs(id)
        );
        CREATE INDEX aggregates_by_file ON aggregates(file_id);
        CREATE TABLE receipts (
            file_id INTEGER NOT NULL REFERENCES files(id),
            run_id TEXT NOT NULL REFERENCES runs(id),
            feed TEXT NOT NULL,
            vendor TEXT NOT NULL,
            contract TEXT NOT NULL,
            period TEXT NOT NULL,
            period_length TEXT NOT NULL,
            received_on TEXT NOT NULL,
            PRIMARY KEY (file_id, feed, vendor, contract, period)
        );
        """

    static let version2 = """
        CREATE TABLE views_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            as_of TEXT NOT NULL,
            rules_sha256 TEXT NOT NULL,
            store_state TEXT NOT NULL,
            files TEXT NOT NULL
        );
        """
}
