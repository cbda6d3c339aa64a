/// A feed's KPI layout compiled against its fields: indices resolved, derivations planned,
/// value parsers per KPI unit built once.
enum KPIFeedLayout {
    case long(period: Int, name: Int, value: Int, parsers: [KPIUnit: ValueNormaliser])
    case wide(period: Int, columns: [(index: Int, kpi: String)])
    case records(
        time: Int, dimensions: [(index: Int, name: String)], derivations: [(kpi: String, plan: DerivationPlan)])

    init(feed: FeedSpec, spec: FeedKPISpec) throws(RulesErrors) {
        func index(_ name: String) -> Int { feed.fields.firstIndex { $0.name == name } ?? 0 }
        switch spec.layout {
        case .long(let period, let kpi, let value, _):
            let valueField = feed.fields[index(value)]
            var parsers: [KPIUnit: ValueNormaliser] = [:]
            for unit in KPIUnit.allCases {
                var field = valueField
                field.kind = unit.valueKind
                field.formats = []
                field.constraints = []
                // A field declared as text leaves separators at their defaults; fine for KPI values.
                parsers[unit] = try? ValueNormaliser(field: field)
            }
            self = .long(period: index(period), name: index(kpi), value: index(value), parsers: parsers)
        case .wide(let period, let columns):
            self = .wide(period: index(period), columns: columns.map { (index($0.field), $0.kpi) })
        case .records(let time, let dimensions, let derivations):
            var plans: [(kpi: String, plan: DerivationPlan)] = []
            for derivation in derivations {
                do {
                    plans.append((derivation.kpi, try DerivationPlan(derivation, fields: feed.fields)))
                } catch {
                    throw RulesErrors([RulesError(location: derivation.declaredAt, message: error.message)])
                }
            }
            self = .records(time: index(time), dimensions: dimensions.map { (index($0), $0) }, derivations: plans)
        }
    }
}

extension KPIUnit {
    /// The value kind a vendor's figure in this unit is read as.
    var valueKind: ValueKind {
        switch self {
        case .percent: return .percent
        case .seconds: return .duration
        case .count, .score: return .decimal
        }
    }
}
