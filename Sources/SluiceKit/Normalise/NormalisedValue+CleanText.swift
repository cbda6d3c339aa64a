extension NormalisedValue {
    /// The canonical text written to cleaned data.
    ///
    /// Decimals keep the source's scale (`12.50`: the vendor's precision is information);
    /// percentages and durations are reduced (`92.5`, `312`) because their scale is an artefact
    /// of the written form (`0.925` and `92.5%` are the same value).
    public var cleanText: String {
        switch self {
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .decimal(let value): return value.description
        case .percent(let value): return value.reduced.description
        case .duration(let value): return value.reduced.description
        case .date(let date): return date.description
        case .timestamp(let timestamp): return timestamp.description
        case .boolean(let value): return value ? "true" : "false"
        case .enumeration(let value): return value
        }
    }
}
