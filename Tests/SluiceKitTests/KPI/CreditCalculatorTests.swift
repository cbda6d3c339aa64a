import Testing

@testable import SluiceKit

extension KPITests {
    @Suite struct CreditCalculatorTests {
        struct Case: Sendable, CustomStringConvertible {
            var name: String
            var breached: [String]
            var atRisk = "10000"
            var allocation = ["service_level": "40", "aht": "25", "quality": "20", "fcr": "15", "csat": "30"]
            var critical: Set<String> = ["service_level", "aht", "quality", "fcr"]
            var perKPI: [(String, String)]
            var uncapped: String
            var total: String
            var capped = false
            var unallocated: [String] = []

            var description: String { name }
        }

        @Test(arguments: [
            Case(
                name: "one breach", breached: ["service_level"], perKPI: [("service_level", "4000.00")],
                uncapped: "4000.00", total: "4000.00"),
            Case(
                name: "several, sorted by KPI", breached: ["service_level", "aht"],
                perKPI: [("aht", "2500.00"), ("service_level", "4000.00")], uncapped: "6500.00", total: "6500.00"),
            Case(name: "nothing breached", breached: [], perKPI: [], uncapped: "0.00", total: "0.00"),
            Case(
                name: "non-critical breach earns nothing", breached: ["csat"], perKPI: [], uncapped: "0.00",
                total: "0.00"),
            Case(
                name: "non-critical beside critical", breached: ["csat", "quality"], perKPI: [("quality", "2000.00")],
                uncapped: "2000.00", total: "2000.00"),
            Case(
                name: "a KPI listed twice counts once", breached: ["fcr", "fcr"], perKPI: [("fcr", "1500.00")],
                uncapped: "1500.00", total: "1500.00"),
            Case(
                name: "cap reached exactly", breached: ["quality", "fcr", "aht", "service_level"],
                perKPI: [("aht", "2500.00"), ("fcr", "1500.00"), ("quality", "2000.00"), ("service_level", "4000.00")],
                uncapped: "10000.00", total: "10000.00"),
            Case(
                name: "cap exceeded", breached: ["service_level", "aht"],
                allocation: ["service_level": "60", "aht": "50"],
                perKPI: [("aht", "5000.00"), ("service_level", "6000.00")], uncapped: "11000.00", total: "10000.00",
                capped: true),
            Case(
                name: "cap exceeded by a cent", breached: ["a", "b"], atRisk: "100.00",
                allocation: ["a": "50.005", "b": "50"], critical: ["a", "b"],
                perKPI: [("a", "50.01"), ("b", "50.00")], uncapped: "100.01", total: "100.00", capped: true),
            Case(
                name: "rounds half away from zero", breached: ["a"], atRisk: "100.05", allocation: ["a": "50"],
                critical: ["a"], perKPI: [("a", "50.03")], uncapped: "50.03", total: "50.03"),
            Case(
                name: "rounds down below half", breached: ["a"], atRisk: "12345.67", allocation: ["a": "12.4"],
                critical: ["a"], perKPI: [("a", "1530.86")], uncapped: "1530.86", total: "1530.86"),
            Case(
                name: "rounds up above half", breached: ["a"], atRisk: "12345.67", allocation: ["a": "12.5"],
                critical: ["a"], perKPI: [("a", "1543.21")], uncapped: "1543.21", total: "1543.21"),
            Case(
                name: "thirds are rounded each, then summed", breached: ["a", "b", "c"],
                allocation: ["a": "33.333333", "b": "33.333333", "c": "33.333334"], critical: ["a", "b", "c"],
                perKPI: [("a", "3333.33"), ("b", "3333.33"), ("c", "3333.33")], uncapped: "9999.99",
                total: "9999.99"),
            Case(
                name: "critical without an allocation is reported", breached: ["service_level", "handle"],
                critical: ["service_level", "handle"], perKPI: [("service_level", "4000.00")], uncapped: "4000.00",
                total: "4000.00", unallocated: ["handle"]),
        ])
        func credits(_ test: Case) {
            let terms = CreditTerms(
                atRiskAmount: decimal(test.atRisk), allocation: test.allocation.mapValues(decimal), currency: "EUR")
            let result = CreditCalculator.credits(breached: test.breached, terms: terms, criticalKPIs: test.critical)
            #expect(result.perKPI.map(\.kpi) == test.perKPI.map(\.0))
            // Compare the text, so that the 2 decimals are checked too.
            #expect(result.perKPI.map(\.amount.description) == test.perKPI.map(\.1))
            #expect(result.uncapped.description == test.uncapped)
            #expect(result.total.description == test.total)
            #expect(result.capped == test.capped)
            #expect(result.unallocated == test.unallocated)
        }

        @Test func resultsCompareByValue() {
            let terms = CreditTerms(atRiskAmount: decimal("500"), allocation: ["sl": decimal("10")])
            let result = CreditCalculator.credits(breached: ["sl"], terms: terms, criticalKPIs: ["sl"])
            let expected = CreditResult(
                perKPI: [(kpi: "sl", amount: decimal("50"))], uncapped: decimal("50.0"), total: decimal("50"),
                capped: false)
            #expect(result == expected)
            #expect(result.description == "sl=50.00 uncapped=50.00 total=50.00")
        }
    }
}
