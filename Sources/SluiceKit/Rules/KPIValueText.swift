import Foundation
import Yams

/// Reads the numbers and dates written in the KPI and contract parts of a rules file.
enum KPIValueText {
    private static let dateReader = try! ValueNormaliser(
        field: FieldSpec(name: "date", kind: .date, formats: ["yyyy-MM-dd"]))
    private static let numberReader = try! ValueNormaliser(field: FieldSpec(name: "number", kind: .decimal))
    private static let durationReader = try! ValueNormaliser(field: FieldSpec(name: "duration", kind: .duration))

    /// A `yyyy-MM-dd` date.
    static func date(_ node: Node, reader: YAMLReader) -> CivilDate? {
        guard let text = reader.string(node, "date") else { return nil }
        guard case .value(.date(let date)) = dateReader.normalise(text) else {
            reader.fail(node, "'\(text)' is not a date; write yyyy-MM-dd")
            return nil
        }
        return date
    }

    /// A plain number (`120000`, `12.5`).
    static func number(_ node: Node, reader: YAMLReader) -> ExactDecimal? {
        guard let text = reader.string(node, "number") else { return nil }
        guard case .value(.decimal(let value)) = numberReader.normalise(text) else {
            reader.fail(node, "'\(text)' is not a number")
            return nil
        }
        return value
    }

    /// A KPI amount: a number, a percentage (`92.5%`), or a duration (`05:00` = 300 seconds).
    static func amount(_ node: Node, reader: YAMLReader) -> ExactDecimal? {
        guard var text = reader.string(node, "value") else { return nil }
        text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") { text.removeLast() }
        if case .value(.decimal(let value)) = numberReader.normalise(text) { return value }
        if case .value(.duration(let seconds)) = durationReader.normalise(text) { return seconds }
        reader.fail(node, "'\(text)' is not a number, percentage or duration (mm:ss)")
        return nil
    }

    /// `percent` % of `amount`, exact, rounded half away from zero to cents.
    static func percent(_ percent: ExactDecimal, of amount: ExactDecimal) -> ExactDecimal {
        let numerator = Int128(amount.significand) * Int128(percent.significand)
        let denominator = ExactRatio.power(amount.scale + percent.scale) * 100
        return ExactRatio(numerator, denominator).rounded(decimals: 2)
    }
}
