import Testing

@testable import SluiceKit

extension KPITests {
    @Suite struct KPICatalogueTests {
        private static func spec(_ id: String, name: String = "", target: String? = nil) -> KPISpec {
            var kpi = KPISpec(id: id, name: name, unit: .percent, direction: .higher)
            kpi.defaultTarget = target.map { SLATarget(kpi: id, target: decimal($0)) }
            return kpi
        }

        private static func contract(_ id: String, targets: [String]) -> ContractSpec {
            ContractSpec(
                id: id, vendor: "ACME", start: day("2026-01-01"), end: day("2026-12-31"),
                targets: targets.map { SLATarget(kpi: $0, target: decimal("80")) })
        }

        @Test func kpisAreFoundByIdAndTheFirstDeclaredWins() {
            let rules = RuleSet(
                feeds: [], kpis: [Self.spec("aht", name: "first"), Self.spec("csat"), Self.spec("aht", name: "second")])
            let catalogue = KPICatalogue(rules)
            #expect(catalogue.kpi("aht")?.name == "first")
            #expect(catalogue.kpi("aht")?.name == rules.kpi("aht")?.name)
            #expect(catalogue.kpi("csat")?.id == "csat")
            #expect(catalogue.kpi("fcr") == nil)
        }

        @Test func targetedKPIsAreTheContractsAndTheDefaultsOncePerContract() {
            let rules = RuleSet(
                feeds: [], kpis: [Self.spec("sl", target: "80"), Self.spec("aht"), Self.spec("fcr", target: "70")])
            let catalogue = KPICatalogue(rules)
            var cache: [String: Set<String>] = [:]
            let first = Self.contract("C1", targets: ["aht", "sl"])
            #expect(catalogue.targeted(by: first, cache: &cache) == ["aht", "sl", "fcr"])
            #expect(catalogue.targeted(by: Self.contract("C2", targets: []), cache: &cache) == ["sl", "fcr"])
            #expect(cache == ["C1": ["aht", "sl", "fcr"], "C2": ["sl", "fcr"]])
            // A contract id seen before answers from the cache (the evaluator's contracts are unique by id).
            #expect(
                catalogue.targeted(by: Self.contract("C1", targets: ["csat"]), cache: &cache) == ["aht", "sl", "fcr"])
        }

        @Test(
            arguments: [
                (nil, [""]),
                ([], [""]),
                ([""], [""]),
                (["queue=Sales", ""], ["", "queue=Sales"]),
                (["queue=Sales", "queue=Billing"], ["", "queue=Billing", "queue=Sales"]),
            ] as [(Set<String>?, [String])])
        func dimensionsComeSortedWithTheWholePeriodFirst(dimensions: Set<String>?, expected: [String]) {
            #expect(KPICatalogue.sortedWithWhole(dimensions) == expected)
            // The same as the evaluator's earlier `Set(dimensions + [""]).sorted()`.
            #expect(Set(Array(dimensions ?? []) + [""]).sorted() == expected)
        }

        @Test func kpiKeysSortAsTheirFieldsInOrder() {
            func key(_ vendor: String, _ contract: String, _ period: Int, _ kpi: String, _ dimension: String) -> KPIKey
            {
                KPIKey(vendor: vendor, contract: contract, period: month(period), kpi: kpi, dimension: dimension)
            }
            let sorted = [
                key("ACME", "A-1", 9, "sl", ""),
                key("ACME", "A-1", 10, "aht", ""),
                key("ACME", "A-1", 10, "sl", ""),
                key("ACME", "A-1", 10, "sl", "queue=Billing"),
                key("ACME", "A-2", 1, "aht", ""),
                key("Beta", "", 1, "aht", ""),
                key("Caf\u{E9}", "", 1, "aht", ""),
                key("b", "", 1, "aht", ""),
            ]
            for (index, left) in sorted.enumerated() {
                for (other, right) in sorted.enumerated() {
                    #expect((left < right) == (index < other), "\(left) < \(right)")
                    let tuple =
                        (left.vendor, left.contract, left.period.start, left.kpi, left.dimension)
                        < (right.vendor, right.contract, right.period.start, right.kpi, right.dimension)
                    #expect((left < right) == tuple)
                }
            }
            #expect(sorted.reversed().sorted() == sorted)
        }
    }
}
