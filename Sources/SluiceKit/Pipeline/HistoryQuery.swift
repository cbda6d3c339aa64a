/// `sluice history`: a vendor's KPI values over time with their sources, read-only from the
/// store. Names are matched like headers (case, spaces and punctuation ignored; a KPI also by
/// its name or an alias); an unknown one is a usage error with a did-you-mean.
public enum HistoryQuery {
    /// One stored value of a vendor's KPI.
    public struct Item: Sendable, Hashable {
        public var vendor: String
        public var kpi: String
        public var entry: HistoryEntry

        /// Creates an item.
        public init(vendor: String, kpi: String, entry: HistoryEntry) {
            self.vendor = vendor
            self.kpi = kpi
            self.entry = entry
        }
    }

    /// The listing of `vendor` (one KPI, or each the vendor has values of, in catalogue order),
    /// optionally of one contract.
    public static func render(
        vendor: String, kpi: String?, contract: String?, rules: RuleSet, items: [Item]
    ) throws(SluiceError) -> String {
        let vendors = Array(Set(items.map(\.vendor) + rules.contracts.map(\.vendor))).sorted()
        guard let vendorName = vendors.first(where: { HeaderKey.of($0) == HeaderKey.of(vendor) }) else {
            throw unknown("--vendor", "vendor", vendor, among: vendors)
        }
        var mine = items.filter { $0.vendor == vendorName }
        if let contract {
            let contracts = Array(
                Set(mine.map(\.entry.contract) + rules.contracts.filter { $0.vendor == vendorName }.map(\.id))
            ).sorted()
            guard let id = contracts.first(where: { HeaderKey.of($0) == HeaderKey.of(contract) }) else {
                throw unknown("--contract", "contract of \(vendorName)", contract, among: contracts)
            }
            mine = mine.filter { $0.entry.contract == id }
        }
        let chosen: [KPISpec]
        if let kpi {
            let key = HeaderKey.of(kpi)
            guard
                let spec = rules.kpis.first(where: { spec in
                    ([spec.id, spec.name] + spec.aliases).contains { HeaderKey.of($0) == key }
                })
            else { throw unknown("--kpi", "KPI", kpi, among: rules.kpis.map(\.id)) }
            chosen = [spec]
        } else {
            let observed = Set(mine.map(\.kpi))
            chosen = rules.kpis.filter { observed.contains($0.id) }
            if chosen.isEmpty { return "\(vendorName): no KPI values in the store yet" }
        }
        return chosen.map { spec in
            HistoryListing.render(
                vendor: vendorName, kpi: spec, entries: mine.filter { $0.kpi == spec.id }.map(\.entry),
                contracts: rules.contracts)
        }.joined(separator: "\n\n")
    }

    private static func unknown(_ option: String, _ what: String, _ name: String, among known: [String])
        -> SluiceError
    {
        let list = known.isEmpty ? "none yet" : known.joined(separator: ", ")
        return .input(
            path: option,
            message: "unknown \(what) '\(name)'\(DidYouMean.clause(for: name, among: known)) (known: \(list))")
    }
}
