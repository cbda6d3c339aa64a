import Testing

@testable import SluiceKit

/// Groups the KPI tests so that `swift test --filter KPITests` selects them.
@Suite enum KPITests {}

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
