import Foundation

/// `required`: a field has a value (not empty, not a null token, not missing from a short row).
enum RequiredRule {
    static let id = "required"

    static func violation(field: String, raw: String?) -> RuleViolation {
        let message: String
        switch raw {
        case nil: message = "field '\(field)' has no value in this row; expected a value"
        // The normaliser trims line ends as well as spaces, so a quoted cell of line breaks is empty too.
        case let text? where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
            message = "field '\(field)' is empty; expected a value"
        case let text?: message = "field '\(field)' is '\(text)', which means no value; expected a value"
        }
        return RuleViolation(message: message, hint: "ask the vendor to fill in '\(field)'")
    }
}
