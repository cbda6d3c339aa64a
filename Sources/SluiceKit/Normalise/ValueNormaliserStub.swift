// TEMPORARY until the normalise branch lands.
public struct ValueNormaliser: Sendable {
    public init(field: FieldSpec) throws(FormatError) {}
    public func normalise(_ raw: String) -> ValueOutcome { .value(.text(raw)) }
    public func parseBound(_ raw: String) -> NormalisedValue? { .text(raw) }
}
public enum ValueOutcome: Sendable, Hashable {
    case null
    case value(NormalisedValue)
    case invalid(ValueProblem)
}
public struct ValueProblem: Sendable, Hashable {
    public var ruleID: String
    public var message: String
    public var hint: String?
}
public struct FormatError: Error, Sendable, Hashable {
    public var format: String
    public var message: String
}
extension NormalisedValue {
    public var cleanText: String { "" }
    public func compare(to other: NormalisedValue) -> Int? { nil }
}
