import Testing

@testable import SluiceKit

extension KPITests {
    @Suite struct DerivationPlanTests {
        @Test(arguments: [
            (
                Aggregation.sum("wait_tme_s"),
                "unknown field 'wait_tme_s' in the sum of KPI 'k'; did you mean 'wait_time_s'?"
            ),
            (.mean("colour"), "unknown field 'colour' in the mean of KPI 'k'"),
            (
                .mean("channel"),
                "the mean of KPI 'k' needs a number, but 'channel' holds enum values; "
                    + "use an integer, decimal, percent or duration field"
            ),
            (
                .min("opened"),
                "the min of KPI 'k' needs a number, but 'opened' holds date values; "
                    + "use an integer, decimal, percent or duration field"
            ),
            (
                .ratio(numerator: "csat", denominator: "queue"),
                "the ratio denominator of KPI 'k' needs a number, but 'queue' holds text values; "
                    + "use an integer, decimal, percent or duration field"
            ),
            (
                .ratio(numerator: "csta", denominator: "tickets"),
                "unknown field 'csta' in the ratio numerator of KPI 'k'; did you mean 'csat'?"
            ),
            (
                .percentile("wait_time_s", ExactDecimal(101)),
                "percentile 101 of KPI 'k' is out of range; use a p from 0 to 100"
            ),
            (
                .percentile("wait_time_s", ExactDecimal(significand: -5, scale: 1)),
                "percentile -0.5 of KPI 'k' is out of range; use a p from 0 to 100"
            ),
            (
                .share(
                    Condition(
                        clauses: [.init(field: "resolved", op: .lessThan, literal: "true")], text: "resolved < true")),
                "'resolved' holds boolean values, which have no order; use == or != in 'resolved < true'"
            ),
        ])
        func errors(aggregation: Aggregation, message: String) {
            #expect(
                conditionError {
                    _ = try DerivationPlan(Derivation(kpi: "k", aggregation: aggregation), fields: contactFields)
                }
                    == ConditionError(message: message))
        }

        @Test func filterErrorsSurface() throws {
            let derivation = Derivation(
                kpi: "k", aggregation: .count, filter: try ConditionParser.parse("chanel == voice"))
            #expect(
                conditionError { _ = try DerivationPlan(derivation, fields: contactFields) }
                    == ConditionError(
                        message: "unknown field 'chanel' in condition 'chanel == voice'; did you mean 'channel'?"))
        }

        @Test(arguments: ["0", "100", "99.9", "0.001"])
        func percentilesWithinRangeAreAccepted(p: String) throws {
            _ = try DerivationPlan(
                Derivation(kpi: "k", aggregation: .percentile("wait_time_s", decimal(p))), fields: contactFields)
        }
    }
}
