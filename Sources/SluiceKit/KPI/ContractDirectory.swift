/// Finds the contract a vendor's value belongs to, by vendor and date.
struct ContractDirectory: Sendable {
    /// Why no contract was found.
    enum Miss: Error {
        /// The vendor has no contract at all.
        case noContract
        /// The vendor's contracts do not cover the date.
        case outside([ContractSpec])
    }

    private let byVendor: [String: [ContractSpec]]
    private let byID: [String: ContractSpec]

    init(_ contracts: [ContractSpec]) {
        byVendor = Dictionary(grouping: contracts) { HeaderKey.of($0.vendor) }
        byID = Dictionary(contracts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The contract for a vendor on a date; `id` pins one contract (a feed's `contract:`).
    func contract(vendor: String, on date: CivilDate, id: String?) -> Result<ContractSpec, Miss> {
        Self.contract(among: candidates(vendor: vendor, id: id), on: date)
    }

    /// The contracts a vendor's values may belong to; `id` pins one.
    func candidates(vendor: String, id: String?) -> [ContractSpec] {
        id.flatMap { byID[$0].map { [$0] } } ?? byVendor[HeaderKey.of(vendor)] ?? []
    }

    /// The one of `candidates` covering `date`.
    static func contract(among candidates: [ContractSpec], on date: CivilDate) -> Result<ContractSpec, Miss> {
        contractIndex(among: candidates, on: date).map { candidates[$0] }
    }

    /// Where in `candidates` the one covering `date` is: the first that does.
    static func contractIndex(among candidates: [ContractSpec], on date: CivilDate) -> Result<Int, Miss> {
        guard !candidates.isEmpty else { return .failure(.noContract) }
        if let index = candidates.firstIndex(where: { $0.start <= date && date <= $0.end }) { return .success(index) }
        return .failure(.outside(candidates))
    }
}
