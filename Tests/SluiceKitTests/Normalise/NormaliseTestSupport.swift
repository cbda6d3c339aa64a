@testable import SluiceKit

/// What a test expects from normalising one raw value.
enum Expected: Sendable, Hashable, CustomStringConvertible {
    case null
    /// The value's `cleanText`.
    case clean(String)
    /// A problem's rule id and exact message.
    case problem(String, String)

    var description: String {
        switch self {
        case .null: return "null"
        case .clean(let text): return "clean(\(text))"
        case .problem(let rule, let message): return "[\(rule)] \(message)"
        }
    }

    /// A `type` problem.
    static func type(_ message: String) -> Expected { .problem("type", message) }
}

extension ValueOutcome {
    /// The outcome in the shape tests compare.
    var expected: Expected {
        switch self {
        case .null: return .null
        case .value(let value): return .clean(value.cleanText)
        case .invalid(let problem): return .problem(problem.ruleID, problem.message)
        }
    }

    /// The problem's hint, if any.
    var hint: String? {
        if case .invalid(let problem) = self { return problem.hint }
        return nil
    }
}

/// Normalises `raw` for a field of `kind` built with `configure`.
func normalise(_ raw: String, _ kind: ValueKind, _ configure: (inout FieldSpec) -> Void = { _ in }) -> ValueOutcome {
    var field = FieldSpec(name: "f", kind: kind)
    configure(&field)
    return try! ValueNormaliser(field: field).normalise(raw)
}

/// Groups the normalise tests so that `swift test --filter Normalise` selects them.
enum NormaliseTests {}
