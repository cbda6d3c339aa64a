import Testing

@testable import SluiceKit

/// A mixed sample: every field sometimes empty, decimals of different scales, negatives, repeats.
private let sample: [[String: String]] = [
    ["channel": "voice", "resolved": "yes", "wait_time_s": "12", "csat": "4.5", "tickets": "2"],
    ["channel": "chat", "resolved": "no", "wait_time_s": "40", "csat": "3.25", "tickets": "1"],
    ["channel": "phone", "resolved": "yes", "wait_time_s": "12", "tickets": "3"],
    ["channel": "voice", "wait_time_s": "-2", "csat": "5", "tickets": ""],
    ["resolved": "no", "csat": "1.125", "tickets": "4"],
    ["channel": "voice", "resolved": "no", "wait_time_s": "90", "csat": "2.50", "tickets": "1"],
    ["channel": "email", "resolved": "yes", "wait_time_s": "7", "csat": "0.1", "tickets": "0"],
]

extension KPITests {
    @Suite struct MergeTests {
        private static let aggregations: [Aggregation] = [
            .count, .sum("csat"), .mean("wait_time_s"), .min("csat"), .max("wait_time_s"),
            .share(try! ConditionParser.parse("resolved == true")),
            .ratio(numerator: "csat", denominator: "tickets"),
            .percentile("wait_time_s", ExactDecimal(90)),
        ]

        /// Splitting the records anywhere between two workers and merging gives the single-pass state.
        @Test(arguments: aggregations, [nil, "channel == voice"])
        func mergeEqualsSinglePass(aggregation: Aggregation, filter: String?) throws {
            let plan = try DerivationPlan(
                Derivation(kpi: "k", aggregation: aggregation, filter: filter.map(ConditionParser.parse)),
                fields: contactFields)
            let records = sample.map(contact)
            var single = plan.makeState()
            for record in records { plan.add(record, to: &single) }
            for split in 0...records.count {
                var first = plan.makeState()
                var second = plan.makeState()
                for record in records[..<split] { plan.add(record, to: &first) }
                for record in records[split...] { plan.add(record, to: &second) }
                first.merge(second)
                #expect(first == single, "split at \(split)")
                #expect(first.value == single.value)
                #expect(first.records == single.records)
            }
        }

        @Test(arguments: aggregations)
        func mergingEmptyStatesStaysEmpty(aggregation: Aggregation) throws {
            let plan = try DerivationPlan(Derivation(kpi: "k", aggregation: aggregation), fields: contactFields)
            var state = plan.makeState()
            state.merge(plan.makeState())
            #expect(state.value == nil)
            #expect(state.records == 0)
        }
    }
}
