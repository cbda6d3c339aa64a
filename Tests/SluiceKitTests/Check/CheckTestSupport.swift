@testable import SluiceKit

/// The value a field of `kind` normalises `raw` to; fails the test run when it does not parse.
func value(_ raw: String, _ kind: ValueKind, _ configure: (inout FieldSpec) -> Void = { _ in }) -> NormalisedValue {
    guard case .value(let value) = normalise(raw, kind, configure) else {
        preconditionFailure("'\(raw)' is not a \(kind.rawValue) in a test table")
    }
    return value
}

/// A bound as the rules compile it, parsed with the field's own parser.
func bound(_ raw: String?, _ kind: ValueKind, _ configure: (inout FieldSpec) -> Void = { _ in }) -> NormalisedValue? {
    guard let raw else { return nil }
    var field = FieldSpec(name: "f", kind: kind)
    configure(&field)
    guard let bound = try! ValueNormaliser(field: field).parseBound(raw) else {
        preconditionFailure("bound '\(raw)' is not a \(kind.rawValue) in a test table")
    }
    return bound
}
