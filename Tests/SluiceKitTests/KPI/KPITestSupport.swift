@testable import SluiceKit

/// Groups the KPI tests so that `swift test --filter KPITests` selects them.
enum KPITests {}

/// A contact-level feed with one field of each kind a condition or aggregation meets.
let contactFields: [FieldSpec] = [
    FieldSpec(
        name: "channel", kind: .enum,
        enumValues: [
            EnumValue(value: "voice", synonyms: ["phone", "inbound call"]),
            EnumValue(value: "chat"),
            EnumValue(value: "email"),
        ]),
    FieldSpec(name: "resolved", kind: .boolean),
    FieldSpec(name: "wait_time_s", kind: .integer),
    FieldSpec(name: "handle_time", kind: .duration),
    FieldSpec(name: "csat", kind: .decimal),
    FieldSpec(name: "queue", kind: .text),
    FieldSpec(name: "opened", kind: .date),
    FieldSpec(name: "sla_met", kind: .percent),
    FieldSpec(name: "tickets", kind: .integer),
]

/// One record of `contactFields` from raw text by field name, normalised as a run would; fields not
/// named are empty.
func contact(_ raw: [String: String]) -> [NormalisedValue?] {
    contactFields.map { field in
        guard let text = raw[field.name] else { return nil }
        switch try! ValueNormaliser(field: field).normalise(text) {
        case .value(let value): return value
        case .null: return nil
        case .invalid(let problem): preconditionFailure("test record: \(problem.message)")
        }
    }
}

/// The error `body` throws, or nil.
func conditionError(_ body: () throws -> Void) -> ConditionError? {
    do {
        try body()
        return nil
    } catch let error as ConditionError {
        return error
    } catch {
        preconditionFailure("not a condition error: \(error)")
    }
}

/// An exact decimal from text with a `.`.
func decimal(_ text: String) -> ExactDecimal {
    guard
        case .value(.decimal(let value)) = try! ValueNormaliser(field: FieldSpec(name: "p", kind: .decimal)).normalise(
            text)
    else { preconditionFailure("not a decimal: \(text)") }
    return value
}
