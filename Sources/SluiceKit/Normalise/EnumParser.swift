/// Parses enum values: each allowed value or one of its synonyms, ignoring case unless the field is
/// `case-sensitive`, becomes the canonical value.
struct EnumParser: Sendable {
    let values: [String]
    let tokens: CaselessTokens
    /// Every spelling with its value index, for did-you-mean hints.
    let spellings: [(String, Int)]

    init(field: FieldSpec) {
        values = field.enumValues.map(\.value)
        var spellings: [(String, Int)] = []
        for (index, value) in field.enumValues.enumerated() {
            spellings.append((value.value, index))
            for synonym in value.synonyms { spellings.append((synonym, index)) }
        }
        self.spellings = spellings
        tokens = CaselessTokens(spellings, caseSensitive: field.caseSensitive)
    }

    func parse(_ bytes: Bytes, raw: String) -> ValueOutcome {
        if let index = tokens.meaning(of: bytes) { return .value(.enumeration(values[index])) }
        return .invalid(
            ValueProblem(
                ruleID: "enum",
                message: "\(quoted(raw)) is not one of \(values.joined(separator: ", "))",
                hint: hint(for: bytes.string)))
    }

    /// A did-you-mean when a spelling is within two edits, otherwise how to accept the value.
    private func hint(for text: String) -> String {
        let lowered = Array(text.lowercased())
        var best: (distance: Int, value: Int)?
        for (spelling, index) in spellings {
            let distance = editDistance(lowered, Array(spelling.lowercased()))
            if distance <= 2 && distance < (best?.distance ?? Int.max) { best = (distance, index) }
        }
        if let best { return "did you mean '\(values[best.value])'?" }
        return "if it means one of these, add it as a synonym of that value"
    }
}

/// Levenshtein distance; only for hints, off the hot path.
func editDistance(_ left: [Character], _ right: [Character]) -> Int {
    if left.isEmpty { return right.count }
    var previous = Array(0...right.count)
    var current = previous
    for (i, leftCharacter) in left.enumerated() {
        current[0] = i + 1
        for (j, rightCharacter) in right.enumerated() {
            let substitution = previous[j] + (leftCharacter == rightCharacter ? 0 : 1)
            current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[right.count]
}
