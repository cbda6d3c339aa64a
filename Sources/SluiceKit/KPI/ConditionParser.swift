/// Reads `field OP value [and field OP value …]` into a `Condition`.
///
/// OP is one of `<` `<=` `>` `>=` `==` `!=`; `=` is read as `==` and `<>` as `!=` because that is how
/// spreadsheet users write them. `and` is matched ignoring case. A value is quoted with `'…'` or `"…"`
/// to hold spaces or operator characters; there are no escapes, so a value holding one kind of quote is
/// quoted with the other. Operators need no spaces around them: `wait_time_s<=20` reads.
public enum ConditionParser {
    /// Parses a condition; the text is kept as written for messages.
    public static func parse(_ text: String) throws(ConditionError) -> Condition {
        var tokens = try tokenise(text)[...]
        guard !tokens.isEmpty else {
            throw ConditionError(message: "condition is empty; \(grammar)")
        }
        var clauses: [Condition.Clause] = []
        while true {
            guard case .word(let field)? = tokens.popFirst(),
                case .symbol(let symbol)? = tokens.popFirst()
            else { throw unreadable(text) }
            guard let op = operatorSpellings[symbol] else {
                throw ConditionError(
                    message: "cannot read condition \(quoted(text)): \(quoted(symbol)) is not an operator; "
                        + "use one of \(operatorList)")
            }
            let literal: String
            switch tokens.popFirst() {
            case .word(let word)?, .quoted(let word)?: literal = word
            default: throw unreadable(text)
            }
            clauses.append(Condition.Clause(field: field, op: op, literal: literal))
            guard let next = tokens.popFirst() else { break }
            guard case .word(let joiner) = next, joiner.lowercased() == "and" else {
                throw unexpected(next, in: text)
            }
        }
        return Condition(clauses: clauses, text: text)
    }

    /// `field OP value`, for messages.
    static let grammar = "write 'field OP value', OP one of \(operatorList)"

    private static let operatorList = ComparisonOperator.allCases.map(\.rawValue).joined(separator: " ")

    private static let operatorSpellings: [String: ComparisonOperator] = {
        var spellings = Dictionary(uniqueKeysWithValues: ComparisonOperator.allCases.map { ($0.rawValue, $0) })
        spellings["="] = .equal
        spellings["<>"] = .notEqual
        return spellings
    }()

    private enum Token {
        /// A run of characters that are neither spaces, quotes at its start, nor operator characters.
        case word(String)
        /// A run of operator characters (`<`, `>`, `=`, `!`), valid or not.
        case symbol(String)
        /// A quoted value, without its quotes.
        case quoted(String)
    }

    private static func isOperatorCharacter(_ character: Character) -> Bool {
        character == "<" || character == ">" || character == "=" || character == "!"
    }

    private static func tokenise(_ text: String) throws(ConditionError) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
            } else if character == "'" || character == "\"" {
                let start = text.index(after: index)
                guard let end = text[start...].firstIndex(of: character) else {
                    throw ConditionError(
                        message: "cannot read condition \(quoted(text)): the quote \(character) is not closed; "
                            + "end the value with \(character)")
                }
                tokens.append(.quoted(String(text[start..<end])))
                index = text.index(after: end)
            } else if isOperatorCharacter(character) {
                let end = text[index...].firstIndex { !isOperatorCharacter($0) } ?? text.endIndex
                tokens.append(.symbol(String(text[index..<end])))
                index = end
            } else {
                let end = text[index...].firstIndex { $0.isWhitespace || isOperatorCharacter($0) } ?? text.endIndex
                tokens.append(.word(String(text[index..<end])))
                index = end
            }
        }
        return tokens
    }

    private static func unreadable(_ text: String) -> ConditionError {
        ConditionError(message: "cannot read condition \(quoted(text)); \(grammar)")
    }

    /// Something other than `and` after a complete clause.
    private static func unexpected(_ token: Token, in text: String) -> ConditionError {
        let found: String
        switch token {
        case .word(let word):
            if word.lowercased() == "or" {
                return ConditionError(
                    message: "cannot read condition \(quoted(text)): 'or' is not supported; "
                        + "every clause must hold, joined with 'and'")
            }
            found = word
        case .symbol(let symbol): found = symbol
        case .quoted(let value): found = value
        }
        return ConditionError(
            message: "cannot read condition \(quoted(text)): expected 'and' before \(quoted(found))")
    }
}
