import CPrefetch

/// One feed's rules compiled for checking records: normalisers, field rules, comparisons and
/// the unique-key state shared by all of the feed's files in a run.
public final class FeedChecker {
    /// The feed.
    public let feed: FeedSpec
    private let normalisers: [ValueNormaliser]
    private let fieldRules: [[any FieldRule]]
    private let comparisons: [CompareRule]
    // The checker's mutable state is used by one thread at a time, through `validate` and the
    // file hooks, which never overlap: the dynamic exclusivity checks of these three were three
    // `swift_beginAccess` calls per record (callgrind), so they are turned off.
    @exclusivity(unchecked) private var uniqueKey: UniqueKeyRule?
    /// Per field, its `unique` rule (the values seen in the current file), or nil.
    @exclusivity(unchecked) private var uniqueFields: [UniqueRule?]
    @exclusivity(unchecked) private var currentFile: String?
    /// The `unique` checks of the record ``validate(_:binding:file:)`` is checking (reused).
    @exclusivity(unchecked) private var serialDeferred: [DeferredUnique] = []
    /// Per field, whether it has a `unique` rule; read (never the rules' state) by ``checkAlone``.
    private let hasUniqueRule: [Bool]
    /// Whether any field has a `unique` rule or the feed a `unique-key`: else nothing depends on
    /// the records before.
    private let hasUniqueState: Bool
    private let vendorIndex: Int?
    /// The vendor's name when the feed states it (`vendor: Name`), else nil.
    private let vendorName: String?
    /// Fields marked `pii:`, whose values findings must not show.
    let piiIndices: [Int]
    /// Per field, read once here: copying a `FieldSpec` out of the feed for every value of
    /// every record retained and released each of its Strings and arrays.
    private let fieldNames: [String]
    private let requiredSeverities: [Severity?]

    /// Compiles a feed the loader has checked; a rule that does not compile is a rules error.
    public init(feed: FeedSpec) throws(RulesErrors) {
        self.feed = feed
        var errors: [RulesError] = []
        var normalisers: [ValueNormaliser] = []
        var fieldRules: [[any FieldRule]] = []
        for field in feed.fields {
            do {
                let normaliser = try ValueNormaliser(field: field)
                normalisers.append(normaliser)
                fieldRules.append(Self.rules(for: field, normaliser: normaliser, errors: &errors))
            } catch {
                errors.append(RulesError(location: field.declaredAt, message: error.message))
            }
        }
        guard errors.isEmpty else { throw RulesErrors(errors) }
        let index = { (name: String) in feed.fields.firstIndex { $0.name == name } ?? 0 }
        self.normalisers = normalisers
        fieldNames = feed.fields.map(\.name)
        requiredSeverities = feed.fields.map(\.required)
        self.fieldRules = fieldRules
        self.comparisons = feed.comparisons.map {
            CompareRule(spec: $0, leftIndex: index($0.left), rightIndex: index($0.right))
        }
        uniqueFields = feed.fields.map { field in field.unique.map { UniqueRule(severity: $0) } }
        hasUniqueRule = feed.fields.map { $0.unique != nil }
        hasUniqueState = feed.uniqueKey != nil || feed.fields.contains { $0.unique != nil }
        self.uniqueKey = feed.uniqueKey.map { UniqueKeyRule(spec: $0, indices: $0.fields.map(index)) }
        switch feed.vendor {
        case .field(let name):
            vendorIndex = index(name)
            vendorName = nil
        case .constant(let name):
            vendorIndex = nil
            vendorName = name
        }
        piiIndices = feed.fields.indices.filter { feed.fields[$0].pii != nil }
    }

    private static func rules(for field: FieldSpec, normaliser: ValueNormaliser, errors: inout [RulesError])
        -> [any FieldRule]
    {
        field.constraints.compactMap { constraint -> (any FieldRule)? in
            switch constraint {
            case .range(let min, let max, let severity):
                let low = min.flatMap { normaliser.parseBound($0.raw) }
                let high = max.flatMap { normaliser.parseBound($0.raw) }
                if (min != nil && low == nil) || (max != nil && high == nil) {
                    errors.append(
                        RulesError(
                            location: field.declaredAt,
                            message: "range of '\(field.name)' has a bound that is not a valid \(field.kind.rawValue)"))
                }
                return RangeRule(
                    severity: severity, min: low, minExclusive: min?.exclusive ?? false, max: high,
                    maxExclusive: max?.exclusive ?? false)
            case .pattern(let pattern, let severity):
                return PatternRule(pattern: pattern, severity: severity)
            case .maxLength(let limit, let severity):
                return MaxLengthRule(severity: severity, limit: limit)
            }
        }
    }

    /// Starts a file: unique keys it adds can be withdrawn if the file is quarantined, and
    /// field `unique` rules start empty (their scope is one file).
    public func beginFile() {
        currentFile = nil
        endFile()
    }

    /// Ends a file: drops the values field `unique` rules remembered for it.
    public func endFile() {
        for index in uniqueFields.indices where uniqueFields[index] != nil { uniqueFields[index]?.reset() }
    }

    /// Withdraws the current file's unique keys (its records will not be published).
    public func withdrawFile() {
        if let currentFile { uniqueKey?.forget(file: currentFile) }
        currentFile = nil
    }

    /// Maps, normalises and checks one record of a file: ``checkAlone(_:binding:file:record:deferred:)``
    /// then, at once, ``checkInOrder(_:deferred:file:)``. Records must come in file order.
    public func validate(_ raw: RawRecord, binding: HeaderBinding, file: String) -> ValidatedRecord {
        serialDeferred.removeAll(keepingCapacity: true)
        var record = checkAlone(raw, binding: binding, file: file, record: 0, deferred: &serialDeferred)
        checkInOrder(&record, deferred: serialDeferred[...], file: file)
        return record
    }

    /// Checks a batch of a file's records in file order, as ``validate(_:binding:file:)`` does one
    /// by one, appending them to `records`; the batch's `unique` look-ups are prefetched first
    /// (``prefetch(_:deferred:)``).
    func validate(
        _ raws: ArraySlice<RawRecord>, binder: inout RecordBinder, file: String, into records: inout [ValidatedRecord]
    ) {
        let first = records.count
        serialDeferred.removeAll(keepingCapacity: true)
        checkAlone(raws, binder: &binder, file: file, into: &records, deferred: &serialDeferred)
        checkInOrder(&records, from: first, deferred: serialDeferred, file: file)
    }

    /// ``checkAlone(_:binding:file:record:deferred:)`` for each of a batch of a file's records,
    /// appended to `records` (their `deferred` checks give their index in it). Each record's
    /// fields are prefetched while the one before is checked.
    func checkAlone(
        _ raws: ArraySlice<RawRecord>, binder: inout RecordBinder, file: String, into records: inout [ValidatedRecord],
        deferred: inout [DeferredUnique]
    ) {
        if let head = raws.first { Self.prefetchFields(of: head) }
        var position = raws.startIndex
        while position < raws.endIndex {
            let raw = raws[position]
            position += 1
            if position < raws.endIndex { Self.prefetchFields(of: raws[position]) }
            records.append(
                checkAlone(raw, binding: binder.bind(raw), file: file, record: records.count, deferred: &deferred))
        }
    }

    /// Starts loading a record's fields while the record before is checked. The read stage wrote
    /// them on another core, so reading each cache line of them was a wait (perf annotate: the
    /// first load of a field's value was checkAlone's hottest instruction).
    @inline(__always)
    private static func prefetchFields(of raw: RawRecord) {
        raw.fields.withUnsafeBytes { bytes in
            guard let start = bytes.baseAddress else { return }
            for offset in stride(from: 0, to: bytes.count, by: 64) { sluice_prefetch(start + offset) }
        }
    }

    /// ``checkInOrder(_:deferred:file:)`` for each of `records` from `first` on, whose `deferred`
    /// checks give their index in `records`, after prefetching their look-ups (``prefetch(_:deferred:)``).
    func checkInOrder(
        _ records: inout [ValidatedRecord], from first: Int, deferred: [DeferredUnique], file: String
    ) {
        guard hasUniqueState else { return }
        prefetch(records, deferred: deferred)
        var next = 0
        for index in first..<records.count {
            var end = next
            while end < deferred.count, deferred[end].record == index { end += 1 }
            checkInOrder(&records[index], deferred: deferred[next..<end], file: file)
            next = end
        }
    }

    /// Starts loading, for the `unique` checks ``checkInOrder(_:deferred:file:)`` will make for
    /// `records`, the memory their look-ups start with, so that the processor waits for those
    /// cache misses together rather than one record at a time (see ``KeyIndex/prefetch(_:)``).
    private func prefetch(_ records: [ValidatedRecord], deferred: [DeferredUnique]) {
        for entry in deferred {
            guard let value = records[Int(entry.record)].values[Int(entry.field)] else { continue }
            uniqueFields[Int(entry.field)]?.prefetch(value)
        }
    }

    /// A field's `unique` check left for ``checkInOrder(_:deferred:file:)``: it depends on the
    /// records before, so it is made in file order, where a parallel check stage can make it.
    struct DeferredUnique: Sendable {
        /// The record's index in its batch.
        let record: Int32
        /// The feed field.
        let field: Int32
        /// Where its finding goes among the record's findings (the field's own position).
        let position: Int32
    }

    /// Maps, normalises and checks one record as far as it depends on that record alone: every
    /// check but the `unique` rules, whose checks are appended to `deferred` (with `record` as
    /// the record's index) for ``checkInOrder(_:deferred:file:)``.
    ///
    /// Reads only what the initialiser set, never the `unique` state: several threads may call
    /// it at once, while another makes the in-order checks.
    ///
    /// One pass over the fields: each raw value is read from `raw` through the binding (no
    /// per-record arrays of raw values, columns or outcomes), normalised, and checked at once.
    /// Findings are rare; those made before the vendor is known get it at the end.
    func checkAlone(
        _ raw: RawRecord, binding: HeaderBinding, file: String, record: Int, deferred: inout [DeferredUnique]
    ) -> ValidatedRecord {
        let count = normalisers.count
        let fieldColumns = binding.columns
        var values: [NormalisedValue?] = []
        values.reserveCapacity(count)
        var problems: [ValidatedRecord.FieldProblem] = []
        var findings: [Finding] = []
        if !raw.problems.isEmpty { findings = readFindings(raw, file: file) }
        for index in 0..<count {
            let rawValue = Self.rawValue(of: index, in: raw, fieldColumns: fieldColumns)
            guard let rawValue else {
                values.append(nil)
                if let severity = requiredSeverities[index] {
                    let violation = RequiredRule.violation(field: fieldNames[index], raw: nil)
                    findings.append(
                        finding(severity, RequiredRule.id, violation, field: index, raw, fieldColumns, file))
                }
                continue
            }
            switch normalisers[index].normalise(rawValue) {
            case .null:
                values.append(nil)
                if let severity = requiredSeverities[index] {
                    let violation = RequiredRule.violation(field: fieldNames[index], raw: rawValue)
                    findings.append(
                        finding(severity, RequiredRule.id, violation, field: index, raw, fieldColumns, file))
                }
            case .invalid(let problem):
                values.append(nil)
                problems.append(ValidatedRecord.FieldProblem(field: index, problem: problem))
                let violation = RuleViolation(
                    message: "field '\(fieldNames[index])': \(problem.message)", hint: problem.hint)
                findings.append(finding(.error, problem.ruleID, violation, field: index, raw, fieldColumns, file))
            case .value(let value):
                var passed = true
                for rule in fieldRules[index] {
                    if let violation = rule.violation(of: value, field: fieldNames[index]) {
                        findings.append(
                            finding(rule.severity, rule.id, violation, field: index, raw, fieldColumns, file))
                        if rule.severity == .error { passed = false }
                    }
                }
                // At the field's own position, so a record's findings stay in field order.
                if passed, hasUniqueRule[index] {
                    deferred.append(
                        DeferredUnique(
                            record: Int32(truncatingIfNeeded: record), field: Int32(truncatingIfNeeded: index),
                            position: Int32(truncatingIfNeeded: findings.count)))
                }
                values.append(value)
            }
        }
        for rule in comparisons {
            if let violation = rule.violation(left: values[rule.leftIndex], right: values[rule.rightIndex]) {
                findings.append(
                    finding(rule.spec.severity, rule.id, violation, field: rule.leftIndex, raw, fieldColumns, file))
            }
        }
        let vendor: String
        if let vendorName {
            vendor = vendorName
        } else if let vendorIndex {
            vendor =
                values[vendorIndex]?.cleanText ?? Self.rawValue(of: vendorIndex, in: raw, fieldColumns: fieldColumns)
                ?? ""
        } else {
            vendor = ""
        }
        if !findings.isEmpty {
            for index in findings.indices { findings[index].vendor = vendor }
            if !piiIndices.isEmpty { maskPII(&findings, raw: raw, fieldColumns: fieldColumns, values: values) }
        }
        return ValidatedRecord(
            raw: raw, fieldColumns: fieldColumns, values: values, problems: problems, vendor: vendor, findings: findings
        )
    }

    /// The checks of a record that depend on the records before it: the `unique` checks
    /// ``checkAlone(_:binding:file:record:deferred:)`` left for it, then `unique-key` (only a
    /// record with no error so far has its key remembered). Records must come in file order,
    /// on one thread at a time.
    func checkInOrder(_ record: inout ValidatedRecord, deferred: ArraySlice<DeferredUnique>, file: String) {
        guard hasUniqueState else { return }
        let fieldColumns = record.fieldColumns
        var added: [Finding] = []
        var inserted = 0
        for entry in deferred {
            let index = Int(entry.field)
            guard let value = record.values[index],
                let violation = uniqueFields[index]?.check(
                    value, field: fieldNames[index], line: record.raw.line, record: record.raw.number),
                let severity = uniqueFields[index]?.severity
            else { continue }
            added = [finding(severity, UniqueRule.id, violation, field: index, record.raw, fieldColumns, file)]
            settle(&added, of: record, fieldColumns: fieldColumns)
            record.findings.insert(added[0], at: Int(entry.position) + inserted)
            inserted += 1
        }
        if uniqueKey != nil, !record.isRejected, let key = uniqueKey?.key(of: record.values) {
            // Accessed through the optional each time so the key set is never copied.
            let raw = record.raw
            let place = UniqueKeyRule.FirstSeen(file: file, line: raw.line, record: raw.number)
            if let violation = uniqueKey?.check(key: key, values: record.values, at: place), let spec = uniqueKey?.spec
            {
                added = [
                    finding(
                        spec.severity, UniqueKeyRule.id, violation, field: uniqueKey?.indices.first, raw, fieldColumns,
                        file)
                ]
                settle(&added, of: record, fieldColumns: fieldColumns)
                record.findings.append(added[0])
            } else {
                currentFile = file
            }
        }
    }

    /// Gives findings made in order the record's vendor and masks their personal data, as
    /// ``checkAlone(_:binding:file:record:deferred:)`` does for the others.
    private func settle(_ findings: inout [Finding], of record: ValidatedRecord, fieldColumns: [Int?]) {
        for index in findings.indices { findings[index].vendor = record.vendor }
        if !piiIndices.isEmpty {
            maskPII(&findings, raw: record.raw, fieldColumns: fieldColumns, values: record.values)
        }
    }

    /// The raw text of a feed field in a record (`nil` when its column is absent or the row is short).
    @inline(__always)
    static func rawValue(of field: Int, in raw: RawRecord, fieldColumns: [Int?]) -> String? {
        guard field < fieldColumns.count, let column = fieldColumns[field], column < raw.fields.count else {
            return nil
        }
        return raw.fields[column].value
    }

    /// The findings of the problems a reader found in a record.
    private func readFindings(_ raw: RawRecord, file: String) -> [Finding] {
        raw.problems.map { problem in
            var location = SourceLocation(file: file, line: problem.line, column: problem.column, record: raw.number)
            if let column = problem.column, column - 1 < raw.fields.count {
                location.field = raw.fields[column - 1].key
            }
            return Finding(
                severity: .error, ruleID: problem.ruleID, feed: feed.name, location: location,
                rawValue: problem.rawValue, message: problem.message, hint: problem.hint)
        }
    }

    /// A finding about a record, or about one of its fields (at the value's own place: a quoted
    /// value may start on a later line than the record). Its vendor is set by the caller.
    private func finding(
        _ severity: Severity, _ ruleID: String, _ violation: RuleViolation, field index: Int?, _ raw: RawRecord,
        _ fieldColumns: [Int?], _ file: String
    ) -> Finding {
        var location = SourceLocation(file: file, line: raw.line, record: raw.number)
        var fieldName: String?
        var rawValue: String?
        if let index {
            fieldName = fieldNames[index]
            if index < fieldColumns.count, let column = fieldColumns[index], column < raw.fields.count {
                let field = raw.fields[column]
                location.line = field.line
                location.column = field.column
                location.field = field.key
                location.path = field.path
                rawValue = field.value
            }
        }
        return Finding(
            severity: severity, ruleID: ruleID, feed: feed.name, location: location, field: fieldName,
            rawValue: rawValue, message: violation.message, hint: violation.hint)
    }
}
