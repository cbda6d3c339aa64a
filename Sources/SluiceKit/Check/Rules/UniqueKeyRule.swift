/// `unique-key`: the combined key fields do not repeat within a feed; a duplicate names the first.
///
/// State is compact: one dictionary entry per distinct key of accepted records (the key's
/// text and where it was first seen), never the records themselves.
struct UniqueKeyRule: Sendable {
    static let id = "unique-key"

    /// Where a key was first seen.
    struct FirstSeen: Sendable {
        let file: String
        let line: Int
        let record: Int
    }

    let spec: UniqueKeySpec
    let indices: [Int]
    private var seen: [String: FirstSeen] = [:]

    init(spec: UniqueKeySpec, indices: [Int]) {
        self.spec = spec
        self.indices = indices
    }

    /// The key text of a record, or nil when a key field has no value (required catches that).
    func key(of values: [NormalisedValue?]) -> String? {
        var parts: [String] = []
        for index in indices {
            guard let value = values[index] else { return nil }
            parts.append(value.cleanText)
        }
        return parts.joined(separator: "\u{1F}")
    }

    /// A violation when the key was already seen in an accepted record.
    func violation(key: String, values: [NormalisedValue?]) -> RuleViolation? {
        guard let first = seen[key] else { return nil }
        let described = zip(spec.fields, indices).map { name, index in "\(name) '\(values[index]?.cleanText ?? "")'" }
        return RuleViolation(
            message:
                "duplicate of record \(first.record) (\(first.file):\(first.line)) for \(described.joined(separator: ", "))",
            hint: "remove the duplicate row or ask the vendor which figure is right")
    }

    /// Remembers an accepted record's key.
    mutating func remember(key: String, at first: FirstSeen) {
        if seen[key] == nil { seen[key] = first }
    }

    /// Forgets keys, when a file's records are withdrawn (the file was quarantined mid-way).
    mutating func forget(keys: [String]) {
        for key in keys { seen[key] = nil }
    }
}
