/// The KPI catalogue as ``KPIEvaluator`` reads it per period, looked up once per run.
///
/// Why: the evaluator asked, for each of a run's periods, which KPIs the contract targets (two
/// arrays mapped, joined and made a `Set`), looked each KPI up by a linear scan of the
/// catalogue, and made a `Set` of each KPI's dimensions. The answers do not change from one
/// period to the next; in callgrind (20k benchmark records, 372 periods, three evaluations a run)
/// the `Set`s alone were 13.6 M instructions.
struct KPICatalogue {
    /// The catalogue's KPIs by id; the first declared wins, as `RuleSet.kpi(_:)` finds it.
    private let byID: [String: KPISpec]
    /// KPIs with a default target (`target:` in the catalogue).
    private let defaultTargeted: [String]

    init(_ rules: RuleSet) {
        byID = Dictionary(rules.kpis.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        defaultTargeted = rules.kpis.filter { $0.defaultTarget != nil }.map(\.id)
    }

    /// The KPI with this id.
    func kpi(_ id: String) -> KPISpec? {
        byID[id]
    }

    /// The KPIs with a target for `contract`: its own and the catalogue's defaults. `cache` holds
    /// the answer per contract id (the evaluator's contracts are unique by id).
    func targeted(by contract: ContractSpec, cache: inout [String: Set<String>]) -> Set<String> {
        if let known = cache[contract.id] { return known }
        let targeted = Set(contract.targets.map(\.kpi) + defaultTargeted)
        cache[contract.id] = targeted
        return targeted
    }

    /// The dimensions with the whole period (`""`) among them, sorted; only `[""]` when there are no
    /// others (the usual case: no breakdowns), without making a `Set`.
    static func sortedWithWhole(_ dimensions: Set<String>?) -> [String] {
        guard let dimensions, dimensions.contains(where: { !$0.isEmpty }) else { return [""] }
        return dimensions.union([""]).sorted()
    }
}
