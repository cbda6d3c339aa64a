/// A value after normalisation: typed, exact, with one canonical text form.
public enum NormalisedValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case decimal(ExactDecimal)
    /// Percent points: 92.5 means 92.5 %.
    case percent(ExactDecimal)
    /// Seconds.
    case duration(ExactDecimal)
    case date(CivilDate)
    case timestamp(CivilDateTime)
    case boolean(Bool)
    /// The canonical value of an enum field.
    case enumeration(String)
}
