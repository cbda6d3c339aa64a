/// `unique`: a field's value does not repeat an earlier record's value of that field in the same
/// file; the repeat names the first occurrence.
///
/// Unlike `unique-key` (accepted records, across the run), every earlier record of the file
/// counts, accepted or rejected, as long as its value of the field passed the field's own
/// checks: a repeat of a rejected record is still a repeat (SPEC §3.2 of the benchmark job).
/// State is one `KeyIndex` of the file's distinct values, dropped when the file ends.
struct UniqueRule: Sendable {
    static let id = "unique"

    let severity: Severity
    private var seen = KeyIndex()

    init(severity: Severity) {
        self.severity = severity
    }

    /// The text compared: the clean text, with decimals reduced so `12.5` and `12.50` are equal.
    static func key(of value: NormalisedValue) -> String {
        if case .decimal(let number) = value { return number.reduced.description }
        return value.cleanText
    }

    /// Remembers the value at this record, or returns the violation when an earlier record of
    /// the file had it (one probe of the index).
    mutating func check(
        _ value: NormalisedValue, field: String, line: Int, record: Int
    ) -> RuleViolation? {
        let place = KeyIndex.Place(file: 0, line: Int32(clamping: line), record: Int32(clamping: record))
        guard let first = seen.insertOrFind(Self.key(of: value), at: place) else { return nil }
        // The message quotes the value as cleaned (not the reduced key), which personal-data
        // masking recognises: a `pii:` field's value never shows in the finding.
        return RuleViolation(
            message: "\(field) \(quoted(value.cleanText)) repeats record \(first.record) (line \(first.line))",
            hint: "each record needs its own \(field); remove the repeat or ask the vendor which record is right")
    }

    /// Starts loading the memory ``check(_:field:line:record:)`` will read for this value (see ``KeyIndex/prefetch(_:)``).
    func prefetch(_ value: NormalisedValue) {
        seen.prefetch(Self.key(of: value))
    }

    /// Forgets every value (a new file starts).
    mutating func reset() {
        seen = KeyIndex()
    }
}
