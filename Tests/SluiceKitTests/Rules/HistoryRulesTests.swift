import Testing

@testable import SluiceKit

/// The KPI catalogue's `history:` block: what loads, and each mistake at its line and column.
@Suite struct HistoryRulesTests {
    /// A catalogue of one KPI whose fifth line is `history: <block>`, and a feed.
    static func catalogue(_ block: String) -> String {
        """
        kpis:
          - id: average_handle_time
            unit: seconds
            direction: lower
            history: \(block)
        feeds:
          - { name: calls, vendor: V, files: [calls.csv], fields: [{ name: aht, kind: duration }] }

        """
    }

    private func errors(_ block: String) -> [String] {
        do {
            _ = try RulesLoader.parse(sources: [("Rules/kpis.yaml", Self.catalogue(block))])
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func aFullBlockLoads() throws {
        let rules = try RulesLoader.parse(sources: [
            (
                "Rules/kpis.yaml",
                Self.catalogue(
                    "{ max-change: \"00:30\", max-change-percent: 12.5, band-periods: 6, band-margin: 5, severity: error }"
                )
            )
        ])
        #expect(
            rules.kpis[0].history
                == HistorySpec(
                    maxChange: ExactDecimal(30), maxChangePercent: ExactDecimal(significand: 125, scale: 1),
                    bandPeriods: 6, bandMargin: ExactDecimal(5), severity: .error,
                    declaredAt: RulesLocation(file: "Rules/kpis.yaml", line: 5, column: 14)))
    }

    @Test func defaultsAreAWarningWithoutMargin() throws {
        let rules = try RulesLoader.parse(sources: [("Rules/kpis.yaml", Self.catalogue("{ band-periods: 3 }"))])
        #expect(rules.kpis[0].history?.severity == .warning)
        #expect(rules.kpis[0].history?.bandMargin == ExactDecimal(0))
        #expect(rules.kpis[0].history?.maxChange == nil)
    }

    @Test(arguments: [
        (
            "{ max-chnage: 10 }",
            "Rules/kpis.yaml:5:16: unknown key 'max-chnage' in the history of KPI 'average_handle_time'; did you mean 'max-change'? (known: max-change, max-change-percent, band-periods, band-margin, severity)"
        ),
        ("{ band-periods: 1 }", "Rules/kpis.yaml:5:30: band-periods must be a whole number of at least 2, not '1'"),
        ("{ max-change: -3 }", "Rules/kpis.yaml:5:28: max-change must not be negative, not '-3'"),
        ("{ max-change: ten }", "Rules/kpis.yaml:5:28: 'ten' is not a number, percentage or duration (mm:ss)"),
        (
            "{ max-change-percent: 0 }",
            "Rules/kpis.yaml:5:36: max-change-percent must be more than 0, not '0'"
        ),
        (
            "{ band-margin: 2 }",
            "Rules/kpis.yaml:5:16: 'band-margin' needs 'band-periods' in the history of KPI 'average_handle_time'"
        ),
        (
            "{ max-change: 1, severity: fatal }",
            "Rules/kpis.yaml:5:41: unknown severity 'fatal' (known: error, warning)"
        ),
        (
            "{}",
            "Rules/kpis.yaml:5:14: the history of KPI 'average_handle_time' declares no check; give 'max-change', 'max-change-percent' or 'band-periods'"
        ),
        (
            "10",
            "Rules/kpis.yaml:5:14: the history of KPI 'average_handle_time' must be a mapping of keys to values"
        ),
    ])
    func reportsMistakesAtTheirPlace(block: String, expected: String) {
        #expect(errors(block) == [expected])
    }
}
