/// KPI observations, record-level aggregate states and receipts, with their lineage: what is
/// current, and which file (and run) replaced what is not.
struct KPIHistory {
    let database: Database

    /// Marks every current observation and aggregate of `files` superseded by `file` in `runID`.
    func supersedeContents(of files: [Int64], byFile file: Int64, runID: String) throws(StoreError) {
        for table in ["observations", "aggregates"] {
            let update = try database.prepare(
                """
                UPDATE \(table) SET state = 'superseded', superseded_by_file = ?, superseded_by_run = ?
                WHERE file_id = ? AND state = 'current'
                """)
            for old in files { try update.run([.integer(file), .text(runID), .integer(old)]) }
        }
    }

    /// Adds an observation of `file`; earlier runs' current observations of the same feed and
    /// key are superseded by it.
    func add(_ observation: StoredObservation, file: Int64, runID: String) throws(StoreError) {
        let key = Self.keyValues(observation.key)
        try database.prepare(
            """
            UPDATE observations SET state = 'superseded', superseded_by_file = ?, superseded_by_run = ?
            WHERE feed = ? AND vendor = ? AND contract = ? AND period = ? AND period_length = ? AND kpi = ?
                AND dimension = ? AND state = 'current' AND run_id <> ?
            """
        ).run([.integer(file), .text(runID), .text(observation.feed)] + key + [.text(runID)])
        try database.prepare(
            """
            INSERT INTO observations (file_id, run_id, feed, vendor, contract, period, period_length, kpi, dimension,
                value, line, record, column_number, evidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).run(
            [.integer(file), .text(runID), .text(observation.feed)] + key + [
                .text(ExactValueText.encode(observation.value)), .int(observation.line), .int(observation.record),
                .int(observation.column), .text(observation.evidence),
            ])
    }

    /// Adds one file's partial aggregate states.
    func add(_ aggregate: StoredAggregate, file: Int64, runID: String) throws(StoreError) {
        try database.prepare(
            """
            INSERT INTO aggregates (file_id, run_id, feed, vendor, contract, period, period_length, dimension,
                records, days, derivations, states)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).run([
            .integer(file), .text(runID), .text(aggregate.feed), .text(aggregate.key.vendor),
            .text(aggregate.key.contract), .text(aggregate.key.period.label),
            .text(aggregate.key.period.length.rawValue), .text(aggregate.key.dimension), .int(aggregate.records),
            .text(aggregate.days.sorted().map(String.init).joined(separator: ",")),
            .text(aggregate.derivations.joined(separator: ",")),
            .text(aggregate.states.map(AggregateStateText.encode).joined(separator: "|")),
        ])
    }

    /// Adds a receipt.
    func add(_ receipt: StoredReceipt, file: Int64, runID: String) throws(StoreError) {
        try database.prepare(
            """
            INSERT OR IGNORE INTO receipts (file_id, run_id, feed, vendor, contract, period, period_length,
                received_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).run([
            .integer(file), .text(runID), .text(receipt.feed), .text(receipt.vendor), .text(receipt.contract),
            .text(receipt.period.label), .text(receipt.period.length.rawValue), .text(receipt.receivedOn.description),
        ])
    }

    /// Every current observation, in insertion order.
    func currentObservations() throws(StoreError) -> [StoredObservation] {
        try database.prepare(
            """
            SELECT o.feed, o.vendor, o.contract, o.period, o.period_length, o.kpi, o.dimension, o.value,
                f.display_path, o.line, o.record, o.column_number, o.evidence
            FROM observations o JOIN files f ON f.id = o.file_id
            WHERE o.state = 'current' ORDER BY o.id
            """
        ).rows([]) { (row) throws(StoreError) in
            guard let key = Self.key(row, vendor: 1, kpi: 5, dimension: 6),
                let value = ExactValueText.decode(row.text(7))
            else { throw StoreError(path: database.path, message: "unreadable observation '\(row.text(7))'") }
            return StoredObservation(
                feed: row.text(0), key: key, value: value, file: row.text(8), line: row.optionalInt(9),
                record: row.optionalInt(10), column: row.optionalInt(11), evidence: row.text(12))
        }
    }

    /// Every current aggregate, in insertion order.
    func currentAggregates() throws(StoreError) -> [StoredAggregate] {
        try database.prepare(
            """
            SELECT a.feed, a.vendor, a.contract, a.period, a.period_length, a.dimension, f.display_path, a.records,
                a.days, a.derivations, a.states
            FROM aggregates a JOIN files f ON f.id = a.file_id
            WHERE a.state = 'current' ORDER BY a.id
            """
        ).rows([]) { (row) throws(StoreError) in
            let states = row.text(10).split(separator: "|", omittingEmptySubsequences: false).map {
                AggregateStateText.decode(String($0))
            }
            guard let key = Self.key(row, vendor: 1, kpi: nil, dimension: 5), !states.contains(where: { $0 == nil })
            else { throw StoreError(path: database.path, message: "unreadable aggregate '\(row.text(10))'") }
            return StoredAggregate(
                feed: row.text(0), key: key, file: row.text(6), records: row.int(7),
                days: Set(row.text(8).split(separator: ",").compactMap { Int($0) }),
                derivations: row.text(9).split(separator: ",", omittingEmptySubsequences: false).map(String.init),
                states: states.compactMap { $0 })
        }
    }

    /// Every receipt.
    func receipts() throws(StoreError) -> [StoredReceipt] {
        try database.prepare(
            """
            SELECT r.feed, r.vendor, r.contract, r.period, r.period_length, f.display_path, r.received_on
            FROM receipts r JOIN files f ON f.id = r.file_id ORDER BY f.id
            """
        ).rows([]) { (row) throws(StoreError) in
            guard let length = PeriodLength(rawValue: row.text(4)),
                let period = PeriodKey.parse(label: row.text(3), length: length),
                let day = CivilDate.iso(row.text(6))
            else { throw StoreError(path: database.path, message: "unreadable receipt '\(row.text(3))'") }
            return StoredReceipt(
                feed: row.text(0), vendor: row.text(1), contract: row.text(2), period: period, file: row.text(5),
                receivedOn: day)
        }
    }

    /// vendor, contract, period, period_length, kpi, dimension.
    private static func keyValues(_ key: KPIKey) -> [SQLValue] {
        [
            .text(key.vendor), .text(key.contract), .text(key.period.label), .text(key.period.length.rawValue),
            .text(key.kpi), .text(key.dimension),
        ]
    }

    /// A key from columns vendor, contract, period, period_length (consecutive from `vendor`).
    private static func key(_ row: Statement, vendor: Int32, kpi: Int32?, dimension: Int32) -> KPIKey? {
        guard let length = PeriodLength(rawValue: row.text(vendor + 3)),
            let period = PeriodKey.parse(label: row.text(vendor + 2), length: length)
        else { return nil }
        return KPIKey(
            vendor: row.text(vendor), contract: row.text(vendor + 1), period: period, kpi: kpi.map(row.text) ?? "",
            dimension: row.text(dimension))
    }
}
