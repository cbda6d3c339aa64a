/// Parses booleans against the field's true and false tokens, ignoring case unless the field is
/// `case-sensitive`.
struct BooleanParser: Sendable {
    let tokens: CaselessTokens
    let expected: String

    init(field: FieldSpec) {
        // Meaning 1 is true, 0 is false; true tokens are listed first so they win a clash.
        tokens = CaselessTokens(
            field.trueTokens.map { ($0, 1) } + field.falseTokens.map { ($0, 0) }, caseSensitive: field.caseSensitive)
        expected = field.trueTokens.joined(separator: ", ") + " or " + field.falseTokens.joined(separator: ", ")
    }

    func parse(_ bytes: Bytes, raw: String) -> ValueOutcome {
        guard let meaning = tokens.meaning(of: bytes) else {
            return .invalid(
                .type(
                    "\(quoted(raw)) is not a boolean; expected \(expected)",
                    hint: "add the vendor's spelling to the field's true or false tokens if it means one of them"))
        }
        return .value(.boolean(meaning == 1))
    }
}
