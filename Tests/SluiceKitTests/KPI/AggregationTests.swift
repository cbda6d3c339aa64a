import Testing

@testable import SluiceKit

/// Records holding only `field`, one per raw value (`""` is an empty value).
private func column(_ field: String, _ raws: [String]) -> [[String: String]] {
    raws.map { [field: $0] }
}

/// The state after adding `records` one by one, as a run does.
private func aggregate(
    _ aggregation: Aggregation, filter: String? = nil, _ records: [[String: String]]
) throws -> AggregateState {
    let plan = try DerivationPlan(
        Derivation(kpi: "k", aggregation: aggregation, filter: filter.map(ConditionParser.parse)),
        fields: contactFields)
    var state = plan.makeState()
    for record in records { plan.add(contact(record), to: &state) }
    return state
}

extension KPITests {
    @Suite struct AggregationTests {
        @Test(
            arguments: [
                (nil, [], nil),
                (nil, [[:], [:], [:]], ExactRatio(3, 1)),
                (
                    "channel == voice", [["channel": "voice"], ["channel": "chat"], ["channel": "phone"]],
                    ExactRatio(2, 1)
                ),
                // Records were seen but none passed: a count of zero, not a gap.
                ("channel == voice", [["channel": "chat"], [:]], ExactRatio(0, 1)),
            ] as [(String?, [[String: String]], ExactRatio?)])
        func count(filter: String?, records: [[String: String]], expected: ExactRatio?) throws {
            let state = try aggregate(.count, filter: filter, records)
            #expect(state.value == expected)
        }

        @Test(
            arguments: [
                ("wait_time_s", [], nil),
                ("wait_time_s", ["", ""], nil),
                ("wait_time_s", ["10", "20", "-5"], ExactRatio(25, 1)),
                ("wait_time_s", ["-10", "", "-5"], ExactRatio(-15, 1)),
                ("csat", ["1.5", "0.25", "2"], ExactRatio(375, 100)),
                ("csat", ["-1.5", "0.50"], ExactRatio(-1, 1)),
                (
                    "csat", ["0.000000000000000001", "1"],
                    ExactRatio(1_000_000_000_000_000_001, 1_000_000_000_000_000_000)
                ),
                ("handle_time", ["05:00", "0.5"], ExactRatio(3005, 10)),
            ] as [(String, [String], ExactRatio?)])
        func sum(field: String, raws: [String], expected: ExactRatio?) throws {
            #expect(try aggregate(.sum(field), column(field, raws)).value == expected)
        }

        @Test(
            arguments: [
                ("wait_time_s", [], nil),
                ("wait_time_s", [""], nil),
                ("wait_time_s", ["10", "20", "25"], ExactRatio(55, 3)),
                // Empty values are not counted: (10 + 20) / 2, not / 3.
                ("wait_time_s", ["10", "", "20"], ExactRatio(15, 1)),
                ("wait_time_s", ["-3", "1"], ExactRatio(-1, 1)),
                ("csat", ["0.1", "0.25"], ExactRatio(175, 1000)),
                ("handle_time", ["05:00", "300.5"], ExactRatio(30025, 100)),
                ("sla_met", ["90%", "95.5%", "100%"], ExactRatio(2855, 30)),
            ] as [(String, [String], ExactRatio?)])
        func mean(field: String, raws: [String], expected: ExactRatio?) throws {
            #expect(try aggregate(.mean(field), column(field, raws)).value == expected)
        }

        @Test(
            arguments: [
                ("wait_time_s", [], nil, nil),
                ("wait_time_s", ["", ""], nil, nil),
                ("wait_time_s", ["3", "-7", "", "12"], ExactRatio(-7, 1), ExactRatio(12, 1)),
                ("wait_time_s", ["5", "5"], ExactRatio(5, 1), ExactRatio(5, 1)),
                ("csat", ["1.50", "1.5", "0.25"], ExactRatio(1, 4), ExactRatio(3, 2)),
                ("csat", ["-0.001", "-0.01"], ExactRatio(-1, 100), ExactRatio(-1, 1000)),
            ] as [(String, [String], ExactRatio?, ExactRatio?)])
        func minAndMax(field: String, raws: [String], min: ExactRatio?, max: ExactRatio?) throws {
            #expect(try aggregate(.min(field), column(field, raws)).value == min)
            #expect(try aggregate(.max(field), column(field, raws)).value == max)
        }

        @Test(
            arguments: [
                (nil, [], nil),
                (nil, [["resolved": "yes"], ["resolved": "no"], ["resolved": "true"]], ExactRatio(200, 3)),
                (nil, [["resolved": "no"], ["resolved": "no"]], ExactRatio(0, 1)),
                // A record with no answer is among the records but never a match.
                (nil, [["resolved": "yes"], [:]], ExactRatio(50, 1)),
                (
                    "channel == voice",
                    [
                        ["channel": "voice", "resolved": "yes"], ["channel": "phone", "resolved": "no"],
                        ["channel": "chat", "resolved": "yes"], ["channel": "voice", "resolved": "yes"],
                    ],
                    ExactRatio(200, 3)
                ),
                ("channel == voice", [["channel": "chat", "resolved": "yes"]], nil),
            ] as [(String?, [[String: String]], ExactRatio?)])
        func share(filter: String?, records: [[String: String]], expected: ExactRatio?) throws {
            let state = try aggregate(.share(ConditionParser.parse("resolved == true")), filter: filter, records)
            #expect(state.value == expected)
        }

        @Test func shareOfTwoInThreeIsExact() throws {
            let state = try aggregate(
                .share(ConditionParser.parse("wait_time_s <= 20")), column("wait_time_s", ["20", "21", "3"]))
            #expect(state.value == ExactRatio(200, 3))
            #expect(state.value?.rounded(decimals: 2) == ExactDecimal(significand: 6667, scale: 2))
            #expect(state.records == 3)
        }

        @Test(
            arguments: [
                ([], nil),
                ([("300", "2"), ("150", "1")], ExactRatio(150, 1)),
                // Pairs with an empty side are skipped on both sides.
                ([("300", "2"), ("100", ""), ("", "5"), ("150", "1")], ExactRatio(150, 1)),
                ([("300", "0")], nil),
                ([("300", "2"), ("0", "-2")], nil),
                ([("0", "3")], ExactRatio(0, 1)),
                ([("10.5", "-3"), ("0.25", "1")], ExactRatio(-1075, 200)),
            ] as [([(String, String)], ExactRatio?)])
        func ratio(pairs: [(String, String)], expected: ExactRatio?) throws {
            let records = pairs.map { ["csat": $0.0, "tickets": $0.1].filter { !$0.value.isEmpty } }
            #expect(try aggregate(.ratio(numerator: "csat", denominator: "tickets"), records).value == expected)
        }

        @Test func ratioAlignsScales() throws {
            let records = [["csat": "1.5", "sla_met": "50%"], ["csat": "0.25", "sla_met": "25.5%"]]
            let state = try aggregate(.ratio(numerator: "csat", denominator: "sla_met"), records)
            #expect(state.value == ExactRatio(175, 7550))
        }

        /// Nearest rank: the smallest value with at least ⌈p/100 × n⌉ values at or below it; never interpolated.
        @Test(
            arguments: [
                (["15", "20", "35", "40", "50"], "0", ExactRatio(15, 1)),
                (["15", "20", "35", "40", "50"], "30", ExactRatio(20, 1)),
                (["15", "20", "35", "40", "50"], "50", ExactRatio(35, 1)),
                (["15", "20", "35", "40", "50"], "90", ExactRatio(50, 1)),
                (["15", "20", "35", "40", "50"], "100", ExactRatio(50, 1)),
                (["40", "10", "30", "20"], "50", ExactRatio(20, 1)),
                (["40", "10", "30", "20"], "75", ExactRatio(30, 1)),
                (["40", "10", "30", "20"], "75.1", ExactRatio(40, 1)),
                (["3", "1", "2", "2", "2", "5", "4", "4", "4", "4"], "0", ExactRatio(1, 1)),
                (["3", "1", "2", "2", "2", "5", "4", "4", "4", "4"], "12.5", ExactRatio(2, 1)),
                (["3", "1", "2", "2", "2", "5", "4", "4", "4", "4"], "50", ExactRatio(3, 1)),
                (["3", "1", "2", "2", "2", "5", "4", "4", "4", "4"], "90", ExactRatio(4, 1)),
                (["3", "1", "2", "2", "2", "5", "4", "4", "4", "4"], "100", ExactRatio(5, 1)),
                (["-3", "2", "", "-1"], "50", ExactRatio(-1, 1)),
                (["7"], "0", ExactRatio(7, 1)),
                ([], "50", nil),
                ([""], "90", nil),
            ] as [([String], String, ExactRatio?)])
        func percentile(raws: [String], p: String, expected: ExactRatio?) throws {
            let state = try aggregate(.percentile("wait_time_s", decimal(p)), column("wait_time_s", raws))
            #expect(state.value == expected)
        }

        @Test func percentileCountsEqualDecimalsAsOneValue() throws {
            let state = try aggregate(.percentile("csat", decimal("50")), column("csat", ["1.50", "0.25", "1.5"]))
            #expect(state.value == ExactRatio(3, 2))
            guard case .percentile(_, let counts) = state.accumulator else {
                Issue.record("not a percentile state")
                return
            }
            #expect(counts.count == 2)
        }

        @Test func filterAppliesBeforeAggregation() throws {
            let records = [
                ["channel": "voice", "wait_time_s": "10"], ["channel": "chat", "wait_time_s": "1000"],
                ["channel": "phone", "wait_time_s": "30"], ["wait_time_s": "500"],
            ]
            let state = try aggregate(.mean("wait_time_s"), filter: "channel == voice", records)
            #expect(state.value == ExactRatio(20, 1))
            #expect(state.records == 2)
        }
    }
}
