import Foundation

/// What `sluice describe` saw in one column (CSV, XLSX) or key (XML, JSON) of a sample file:
/// how many values, how many blank, and the distinct values (up to a limit).
struct ColumnProfile: Sendable {
    /// The header cell or key, as in the file.
    let header: String
    /// Non-blank values seen.
    private(set) var valueCount = 0
    /// Blank values (empty, a default null token such as `N/A` or `-`, or a missing key).
    private(set) var blankCount = 0
    /// Distinct non-blank values, trimmed, in first-seen order, up to ``distinctLimit``.
    private(set) var distinct: [String] = []
    /// Whether there were more distinct values than kept.
    private(set) var distinctOverflow = false
    /// Distinct values kept for kind tests and enum values; more means not an enum, and the
    /// kind tests stay cheap whatever the file size.
    static let distinctLimit = 1000
    private var seen: Set<String> = []

    init(header: String) {
        self.header = header
    }

    /// The default null tokens, lower-cased: what counts as blank.
    static let nullTokens = Set(FieldSpec.defaultNullTokens.map { $0.lowercased() })

    /// Counts one value (nil: the record had no such key or cell).
    mutating func add(_ raw: String?) {
        let value = raw?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if Self.nullTokens.contains(value.lowercased()) {
            blankCount += 1
            return
        }
        valueCount += 1
        if seen.count < Self.distinctLimit {
            if seen.insert(value).inserted { distinct.append(value) }
        } else if !seen.contains(value) {
            distinctOverflow = true
        }
    }

    /// A record without this key: blank.
    mutating func addMissing() {
        blankCount += 1
    }

    /// Up to `count` example values, quoted for a comment.
    func examples(_ count: Int = 3) -> String {
        distinct.prefix(count).map { "'\($0)'" }.joined(separator: ", ")
    }
}
