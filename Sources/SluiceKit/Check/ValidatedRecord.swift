/// A record after mapping, normalising and checking: its values and its findings.
public struct ValidatedRecord: Sendable {
    /// The record as read.
    public var raw: RawRecord
    /// Raw text per feed field (`nil` when the column is absent or the row is short).
    public var rawValues: [String?]
    /// Source column per feed field, when the column exists.
    public var columns: [Int?]
    /// Normalised value per feed field; `nil` when empty or invalid.
    public var values: [NormalisedValue?]
    /// The outcome of normalising each feed field.
    public var outcomes: [ValueOutcome]
    /// The record's vendor.
    public var vendor: String
    /// Everything found wrong with it.
    public var findings: [Finding]

    /// Whether an error finding keeps the record out of the cleaned data.
    public var isRejected: Bool {
        findings.contains { $0.severity == .error }
    }
}
