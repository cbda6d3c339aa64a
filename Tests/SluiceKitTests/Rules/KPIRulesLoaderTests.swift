import Testing

@testable import SluiceKit

/// Rules-file errors in the KPI catalogue, contracts and feed `kpi:` blocks, at their line and column.
@Suite struct KPIRulesLoaderTests {
    static let catalogue = """
        kpis:
          - { id: service_level, name: SL, unit: percent, direction: higher }
          - { id: aht, name: AHT, unit: seconds, direction: lower }
        feeds:
          - name: calls
            vendor: V
            files: [calls.csv]
            fields:
              - { name: wait, kind: integer }
              - { name: channel, kind: enum, values: [voice, chat] }
              - { name: day, kind: date }

        """

    private func errors(_ yaml: String) -> [String] {
        do {
            _ = try RulesLoader.parse(sources: [("Rules/kpi.yaml", Self.catalogue + yaml)])
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test(arguments: [
        (
            "    kpi: { layout: records, time: day, derive: [{ kpi: service_level, share: \"wiat <= 20\" }] }\n",
            "Rules/kpi.yaml:12:78: unknown field 'wiat' in condition 'wiat <= 20'; did you mean 'wait'?"
        ),
        (
            "    kpi: { layout: records, time: day, derive: [{ kpi: service_lvl, count: true }] }\n",
            "Rules/kpi.yaml:12:49: unknown KPI 'service_lvl'; did you mean 'service_level'?; declare it under 'kpis:'"
        ),
        (
            "    kpi: { layout: records, time: day, derive: [{ kpi: aht, mean: channel }] }\n",
            "Rules/kpi.yaml:12:67: 'channel' is enum; this aggregation needs an integer, decimal, percent or duration field"
        ),
        (
            "    kpi: { layout: tall, period: day }\n",
            "Rules/kpi.yaml:12:20: unknown layout 'tall' (known: long, wide, records)"
        ),
        (
            "    kpi: { layout: wide, period: wait, columns: [wait] }\n",
            "Rules/kpi.yaml:12:34: 'period' must name a date field; 'wait' is integer"
        ),
        (
            "contracts:\n  - { id: C, vendor: V, start: 2026-01-01, end: 2026-12-31, time-zone: Europe/Lodnon }\n",
            "Rules/kpi.yaml:13:72: unknown time zone 'Europe/Lodnon'; use an IANA name such as 'Europe/London'"
        ),
        (
            "contracts:\n  - id: C\n    vendor: V\n    start: 2026-01-01\n    end: 2026-12-31\n    targets:\n      - { kpi: sl, target: 80 }\n",
            "Rules/kpi.yaml:18:9: unknown KPI 'sl'; declare it under 'kpis:'"
        ),
        (
            "contracts:\n  - id: C\n    vendor: V\n    start: 2026-01-01\n    end: 2026-12-31\n    targets:\n      - { kpi: aht, target: \"05:00\", warning: \"05:30\" }\n",
            "Rules/kpi.yaml:18:9: the warning level of 'aht' must be below its target (lower is better), or it never fires"
        ),
        (
            "contracts:\n  - id: C\n    vendor: V\n    start: 2026-01-01\n    end: 2026-12-31\n    submissions:\n      - { feed: call, due-day: 5 }\n",
            "Rules/kpi.yaml:18:9: unknown feed 'call'; did you mean 'calls'?"
        ),
        (
            "contracts:\n  - id: C\n    vendor: V\n    start: 2026-13-01\n    end: 2026-12-31\n",
            "Rules/kpi.yaml:15:12: '2026-13-01' is not a date; write yyyy-MM-dd"
        ),
    ])
    func reportsKPIProblemsAtTheirPlace(yaml: String, expected: String) {
        #expect(errors(yaml).first == expected)
    }

    @Test func aValidRecordsLayoutLoads() throws {
        let rules = try RulesLoader.parse(sources: [
            (
                "Rules/kpi.yaml",
                Self.catalogue
                    + "    kpi: { layout: records, time: day, derive: [{ kpi: service_level, share: \"wait <= 20\", where: \"channel == voice\" }] }\n"
            )
        ])
        guard case .records(let time, let dimensions, let derivations)? = rules.feeds[0].kpi?.layout else {
            Issue.record("not a records layout")
            return
        }
        #expect(time == "day")
        #expect(dimensions.isEmpty)
        #expect(derivations.map(\.kpi) == ["service_level"])
        #expect(derivations[0].filter?.text == "channel == voice")
    }
}
