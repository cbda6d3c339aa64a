import Foundation
import Testing

@testable import SluiceKit

/// `changes.csv` and the stderr line of each KPI value a resubmission replaced.
@Suite struct ChangesWriterTests {
    static let fcr = KPIChange(
        vendor: "ACME", contract: "ACME-CS-2026", period: "2026-10", kpi: "first_contact_resolution",
        previous: "71.2", current: "74.0", previousSource: "Inbox/acme_scorecard_2026-10.csv:4",
        previousRun: "20261105T020000Z", currentSource: "Inbox/acme_scorecard_2026-10_v2.csv:4")
    static let dropped = KPIChange(
        vendor: "ACME", contract: "ACME-CS-2026", period: "2026-10", kpi: "average_handle_time",
        dimension: "queue=Billing, North", previous: "312", current: "", previousSource: "Inbox/a.csv:6",
        previousRun: "20261105T020000Z", currentSource: "Inbox/b.csv")

    @Test func linesSayWhatChangedAndWhichFiles() {
        #expect(
            Self.fcr.line
                == "ACME 2026-10 first_contact_resolution 71.2 → 74.0 (Inbox/acme_scorecard_2026-10.csv:4 of run 20261105T020000Z, replaced by Inbox/acme_scorecard_2026-10_v2.csv:4)"
        )
        #expect(
            Self.dropped.line
                == "ACME 2026-10 average_handle_time [queue=Billing, North] 312 → no value (Inbox/a.csv:6 of run 20261105T020000Z, replaced by Inbox/b.csv)"
        )
    }

    @Test func writesSortedRowsUnderTheHeader() throws {
        let text = try withTemporaryFolder { folder in
            try ChangesWriter.write([Self.fcr, Self.dropped], to: folder)
            return try contents(folder.appendingPathComponent("changes.csv"))
        }
        #expect(
            text == """
                vendor,contract,period,kpi,dimension,previous,current,previous_source,previous_run,current_source
                ACME,ACME-CS-2026,2026-10,average_handle_time,"queue=Billing, North",312,,Inbox/a.csv:6,20261105T020000Z,Inbox/b.csv
                ACME,ACME-CS-2026,2026-10,first_contact_resolution,,71.2,74.0,Inbox/acme_scorecard_2026-10.csv:4,20261105T020000Z,Inbox/acme_scorecard_2026-10_v2.csv:4

                """)
    }

    @Test func noChangesIsAHeaderOnly() throws {
        let text = try withTemporaryFolder { folder in
            try ChangesWriter.write([], to: folder)
            return try contents(folder.appendingPathComponent("changes.csv"))
        }
        #expect(
            text
                == "vendor,contract,period,kpi,dimension,previous,current,previous_source,previous_run,current_source\n"
        )
    }

    @Test func summaryKeysAreSnakeCase() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(Self.fcr), as: UTF8.self)
        #expect(
            json
                == #"{"contract":"ACME-CS-2026","current":"74.0","current_source":"Inbox/acme_scorecard_2026-10_v2.csv:4","dimension":"","kpi":"first_contact_resolution","period":"2026-10","previous":"71.2","previous_run":"20261105T020000Z","previous_source":"Inbox/acme_scorecard_2026-10.csv:4","vendor":"ACME"}"#
        )
    }
}
