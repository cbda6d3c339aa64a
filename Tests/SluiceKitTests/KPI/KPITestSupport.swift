import Testing

@testable import SluiceKit

/// Groups the KPI tests so that `swift test --filter KPITests` selects them.
@Suite enum KPITests {}

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

/// `2026-10-28` as a date; the test wrote a valid one.
func day(_ text: String) -> CivilDate {
    let parts = text.split(separator: "-").map { Int($0)! }
    precondition(parts.count == 3 && CivilDate.isValid(year: parts[0], month: parts[1], day: parts[2]), text)
    return CivilDate(year: parts[0], month: parts[1], day: parts[2])
}

/// `92.5` as an exact decimal; the test wrote a plain decimal.
func decimal(_ text: String) -> ExactDecimal {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    return ExactDecimal(significand: Int64(String(parts[0]) + fraction)!, scale: fraction.count)
}

/// A month of 2026.
func month(_ number: Int) -> PeriodKey {
    PeriodKey.containing(CivilDate(year: 2026, month: number, day: 1), length: .month)
}
