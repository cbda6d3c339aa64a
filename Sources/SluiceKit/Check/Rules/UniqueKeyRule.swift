/// `unique-key`: the combined key fields do not repeat within a feed; a duplicate names the first.
///
/// State is compact (`KeyIndex`): the bytes of each distinct key of accepted records and
/// where it was first seen, never the records themselves.
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
    private var seen = KeyIndex()
    /// File names by number, so each remembered key costs a 4-byte file number, not a string.
    private var files: [String] = []

    init(spec: UniqueKeySpec, indices: [Int]) {
        self.spec = spec
        self.indices = indices
    }

    /// The key text of a record, or nil when a key field has no value (required catches that).
    /// Decimals are compared reduced, so `12.5` and `12.50` are the same key.
    func key(of values: [NormalisedValue?]) -> String? {
        if indices.count == 1 {
            // One key field (the usual record id): its text is the key, no joined copy.
            guard let value = values[indices[0]] else { return nil }
            if case .decimal(let number) = value { return number.reduced.description }
            return value.cleanText
        }
        var parts: [String] = []
        for index in indices {
            guard let value = values[index] else { return nil }
            if case .decimal(let number) = value {
                parts.append(number.reduced.description)
            } else {
                parts.append(value.cleanText)
            }
        }
        return parts.joined(separator: "\u{1F}")
    }

    /// A violation when the key was already seen in an accepted record.
    func violation(key: String, values: [NormalisedValue?]) -> RuleViolation? {
        seen.place(of: key).map { violation($0, values: values) }
    }

    /// Remembers an accepted record's key, or returns the violation when it was seen before:
    /// one probe of the key index instead of a look-up and then an insert.
    mutating func check(key: String, values: [NormalisedValue?], at first: FirstSeen) -> RuleViolation? {
        if files.last != first.file { files.append(first.file) }
        let place = KeyIndex.Place(file: Int32(files.count - 1), line: Int32(first.line), record: Int32(first.record))
        guard let earlier = seen.insertOrFind(key, at: place) else { return nil }
        return violation(earlier, values: values)
    }

    private func violation(_ first: KeyIndex.Place, values: [NormalisedValue?]) -> RuleViolation {
        let described = zip(spec.fields, indices).map { name, index in "\(name) '\(values[index]?.cleanText ?? "")'" }
        return RuleViolation(
            message:
                "duplicate of record \(first.record) (\(files[Int(first.file)]):\(first.line)) for \(described.joined(separator: ", "))",
            hint: "remove the duplicate row or ask the vendor which figure is right")
    }

    /// Remembers an accepted record's key, unless already known.
    mutating func remember(key: String, at first: FirstSeen) {
        if files.last != first.file { files.append(first.file) }
        let place = KeyIndex.Place(file: Int32(files.count - 1), line: Int32(first.line), record: Int32(first.record))
        seen.insert(key, at: place)
    }

    /// Forgets the keys first seen in a file, when its records are withdrawn (the file was
    /// quarantined half-way).
    mutating func forget(file: String) {
        for (number, name) in files.enumerated() where name == file {
            seen.removeAll(fromFile: Int32(number))
        }
    }
}
