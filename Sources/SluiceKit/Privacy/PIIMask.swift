/// Masks personal data for people's eyes: each word keeps its first character and the rest
/// become `*` (`John Doe` → `J*** D**`, `jane.roe@example.com` → `j*******************`), so an
/// associate can still tell values apart and see their shape, but not read them.
enum PIIMask {
    /// The masked text; spaces stay where they are.
    static func mask(_ text: String) -> String {
        var result = ""
        var atWordStart = true
        for character in text {
            if character.isWhitespace {
                result.append(character)
                atWordStart = true
            } else if atWordStart {
                result.append(character)
                atWordStart = false
            } else {
                result.append("*")
            }
        }
        return result
    }

    /// `text` with every quoted occurrence of `value` (`'John Doe'`, as messages quote
    /// values) masked; messages say which value was wrong, and must not say it for personal
    /// data.
    static func maskQuoted(_ value: String, in text: String) -> String {
        guard !value.isEmpty else { return text }
        return text.replacingOccurrences(of: "'\(value)'", with: "'\(mask(value))'")
    }
}
