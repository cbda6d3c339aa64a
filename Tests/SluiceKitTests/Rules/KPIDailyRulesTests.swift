import Testing

@testable import SluiceKit

/// Rules for KPIs without a contract (`kpi: { contract: none, period: day }`) and for the wide
/// table's file and columns (`settings: kpi-wide:`): what loads, and each mistake at its place.
@Suite struct KPIDailyRulesTests {
    static let catalogue = """
        kpis:
          - { id: sl, name: SL, unit: percent, direction: higher, target: 80 }
          - { id: aht, name: AHT, unit: seconds, direction: lower }
        feeds:
          - name: calls
            vendor: { field: vendor }
            files: [calls.csv]
            fields:
              - { name: vendor, kind: text }
              - { name: wait, kind: integer }
              - { name: started, kind: timestamp }
              - { name: day, kind: date }

        """

    /// `catalogue` + `kpi` (the feed's kpi block, one line) + `settings`.
    private func load(kpi: String, settings: String = "") throws(RulesErrors) -> RuleSet {
        try RulesLoader.parse(sources: [("Rules/kpi.yaml", Self.catalogue + kpi + settings)])
    }

    private func errors(kpi: String, settings: String = "") -> [String] {
        do {
            _ = try load(kpi: kpi, settings: settings)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    static let daily =
        "    kpi: { layout: records, contract: none, period: day, time: started, derive: [{ kpi: sl, share: \"wait <= 20\" }] }\n"

    @Test func aFeedWithoutAContractLoadsWithItsPeriodAndZone() throws {
        let rules = try load(
            kpi:
                "    kpi: { layout: records, contract: none, period: week, time-zone: Europe/Paris, time: started, derive: [{ kpi: sl, count: true }] }\n"
        )
        let spec = try #require(rules.feeds[0].kpi)
        #expect(spec.withoutContract)
        #expect(spec.contract == nil)
        #expect(spec.period == .week)
        #expect(spec.timeZone == "Europe/Paris")
        let monthly = try #require(
            try load(
                kpi: "    kpi: { layout: records, contract: none, time: day, derive: [{ kpi: sl, count: true }] }\n"
            )
            .feeds[0].kpi)
        #expect(monthly.withoutContract && monthly.period == .month && monthly.timeZone == "UTC")
    }

    @Test func theWideTableTakesItsFileColumnsAndHeaders() throws {
        let rules = try load(
            kpi: Self.daily,
            settings: """
                settings:
                  kpi-layout: wide
                  kpi-wide: { file: kpi.csv, columns: [{ column: vendor, as: vendor_id }, period_start, sl, sl_status] }

                """)
        let wide = rules.settings.kpiWide
        #expect(wide.file == "kpi.csv")
        #expect(wide.columns?.map(\.column) == ["vendor", "period_start", "sl", "sl_status"])
        #expect(wide.columns?.map(\.header) == ["vendor_id", "period_start", "sl", "sl_status"])
        #expect(try load(kpi: Self.daily).settings.kpiWide == KPIWideSpec())
    }

    @Test(arguments: [
        (
            "    kpi: { layout: long, contract: none, period: day, name: vendor, value: vendor }\n", "",
            "Rules/kpi.yaml:13:36: 'contract: none' needs 'layout: records'; long and wide layouts report a contract's KPIs"
        ),
        (
            "    kpi: { layout: records, period: day, time: started, derive: [{ kpi: sl, count: true }] }\n", "",
            "Rules/kpi.yaml:13:29: 'period' of a records kpi layout needs 'contract: none'; with a contract, the contract's period applies"
        ),
        (
            "    kpi: { layout: records, contract: none, period: hour, time: started, derive: [{ kpi: sl, count: true }] }\n",
            "",
            "Rules/kpi.yaml:13:53: unknown period 'hour' (known: month, week, day)"
        ),
        (
            "    kpi: { layout: records, contract: none, time-zone: Mars/Olympus, time: started, derive: [{ kpi: sl, count: true }] }\n",
            "",
            "Rules/kpi.yaml:13:56: unknown time zone 'Mars/Olympus'; use an IANA name such as 'Europe/London'"
        ),
        (
            daily, "settings:\n  kpi-layout: wide\n  kpi-wide: { columns: [vendor, period_strat, sl] }\n",
            "Rules/kpi.yaml:16:33: unknown kpi-wide column 'period_strat'; did you mean 'period_start'?; use vendor, contract, period, period_start, period_end, a KPI id or '<KPI id>_status'"
        ),
        (
            daily, "settings:\n  kpi-layout: wide\n  kpi-wide: { columns: [vendor, sl_stats] }\n",
            "Rules/kpi.yaml:16:33: unknown kpi-wide column 'sl_stats'; did you mean 'sl_status'?; use vendor, contract, period, period_start, period_end, a KPI id or '<KPI id>_status'"
        ),
        (
            daily, "settings:\n  kpi-layout: both\n  kpi-wide: { file: kpi.csv }\n",
            "Rules/kpi.yaml:16:21: file 'kpi.csv' is the long KPI table; it can be the wide table's only with 'kpi-layout: wide'"
        ),
        (
            daily, "settings:\n  kpi-wide: { file: daily.csv }\n",
            "Rules/kpi.yaml:15:3: 'kpi-wide' needs 'kpi-layout: wide' or 'both'; the long layout writes no wide table"
        ),
        (
            daily, "settings:\n  kpi-layout: wide\n  kpi-wide: { file: out/daily.csv }\n",
            "Rules/kpi.yaml:16:21: file must be a .csv file name such as 'kpi-daily.csv', not 'out/daily.csv'"
        ),
        (
            daily, "settings:\n  kpi-layout: wide\n  kpi-wide: { file: credits.csv }\n",
            "Rules/kpi.yaml:16:21: file 'credits.csv' is another output of the run; choose another name"
        ),
        (
            daily, "settings:\n  kpi-layout: wide\n  kpi-wide: { columns: [sl, { column: aht, as: sl }] }\n",
            "Rules/kpi.yaml:16:39: kpi-wide header 'sl' is already used at Rules/kpi.yaml:16"
        ),
        (
            daily, "settings:\n  kpi-layout: wide\n  kpi-wide: { columns: [{ column: sl, ass: x }] }\n",
            "Rules/kpi.yaml:16:39: unknown key 'ass' in a kpi-wide column; did you mean 'as'? (known: column, as)"
        ),
    ])
    func reportsProblemsAtTheirPlace(kpi: String, settings: String, expected: String) {
        #expect(errors(kpi: kpi, settings: settings).first == expected)
    }

    @Test func theWideFileMustNotBeACleanedDataset() {
        let yaml = Self.catalogue.replacingOccurrences(
            of: "    files: [calls.csv]\n", with: "    files: [calls.csv]\n    clean: { file: daily.csv }\n")
        let settings = "settings:\n  kpi-layout: wide\n  kpi-wide: { file: Daily.csv }\n"
        do {
            _ = try RulesLoader.parse(sources: [("Rules/kpi.yaml", yaml + Self.daily + settings)])
            Issue.record("loaded")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "Rules/kpi.yaml:17:21: file 'Daily.csv' is the cleaned dataset of feed 'calls'; choose another name"
                ])
        }
    }
}
