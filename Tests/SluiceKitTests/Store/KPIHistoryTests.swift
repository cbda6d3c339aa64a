import Foundation
import Testing

@testable import SluiceKit

@Suite struct KPIHistoryTests {
    @Test func aLaterFileOfTheFeedSupersedesTheValueAndHistoryKeepsTheLineage() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        try StoreFixtures.commit(
            store, run: "r1",
            RunContributions(
                files: [StoreFixtures.file("acme-oct.csv", sha256: "v1")],
                observations: [
                    StoredObservation.fixture("first_contact_resolution", "71.2", file: "acme-oct.csv"),
                    StoredObservation.fixture("service_level", "82.4", file: "acme-oct.csv", line: 3),
                ]))
        try StoreFixtures.commit(
            store, run: "r2",
            RunContributions(
                files: [StoreFixtures.file("acme-oct-corrected.csv", sha256: "v2")],
                observations: [
                    StoredObservation.fixture("first_contact_resolution", "74.0", file: "acme-oct-corrected.csv")
                ]
            ))
        let current = try store.history.currentObservations()
        #expect(current.map(\.key.kpi) == ["service_level", "first_contact_resolution"])
        #expect(current.map { ExactValueText.encode($0.value) } == ["82.4", "74.0"])
        #expect(current.map(\.file) == ["Inbox/acme-oct.csv", "Inbox/acme-oct-corrected.csv"])
        let history = try store.database.prepare(
            """
            SELECT o.value, o.state, f.display_path, o.superseded_by_run FROM observations o
            LEFT JOIN files f ON f.id = o.superseded_by_file WHERE o.kpi = 'first_contact_resolution' ORDER BY o.id
            """
        ).rows([]) { "\($0.text(0)) \($0.text(1)) \($0.optionalText(2) ?? "-") \($0.optionalText(3) ?? "-")" }
        #expect(history == ["71.2 superseded Inbox/acme-oct-corrected.csv r2", "74.0 current - -"])
    }

    @Test func twoValuesOfOneRunStayCurrentTogether() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        try StoreFixtures.commit(
            store, run: "r1",
            RunContributions(
                files: [StoreFixtures.file("a.csv", sha256: "a"), StoreFixtures.file("b.csv", sha256: "b")],
                observations: [
                    StoredObservation.fixture("service_level", "80", file: "a.csv"),
                    StoredObservation.fixture("service_level", "81", file: "b.csv"),
                ]))
        #expect(
            try store.history.currentObservations().map { ExactValueText.encode($0.value) } == ["80", "81"],
            "a conflict within a run is the evaluator's to report, not the store's to resolve")
    }

    @Test func aggregatesOfDifferentFilesStayCurrentAndASamePathResubmissionReplacesThem() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        func aggregate(_ file: String, records: Int) -> StoredAggregate {
            var state = AggregateState(.count)
            state.records = records
            state.seen = records
            return StoredAggregate(
                feed: "corvia-interactions", key: StoreFixtures.key(""), file: "Inbox/" + file, records: records,
                days: [1, 2], derivations: ["contacts"], states: [state])
        }
        try StoreFixtures.commit(
            store, run: "r1",
            RunContributions(
                files: [StoreFixtures.file("week1.csv", sha256: "w1", feed: "corvia-interactions")],
                aggregates: [aggregate("week1.csv", records: 3)]))
        try StoreFixtures.commit(
            store, run: "r2",
            RunContributions(
                files: [StoreFixtures.file("week2.csv", sha256: "w2", feed: "corvia-interactions")],
                aggregates: [aggregate("week2.csv", records: 4)]))
        #expect(try store.history.currentAggregates().map(\.records) == [3, 4])
        try StoreFixtures.commit(
            store, run: "r3",
            RunContributions(
                files: [StoreFixtures.file("week1.csv", sha256: "w1-fixed", feed: "corvia-interactions")],
                aggregates: [aggregate("week1.csv", records: 5)]))
        let current = try store.history.currentAggregates()
        #expect(current.map(\.records) == [4, 5])
        #expect(current.map(\.file) == ["Inbox/week2.csv", "Inbox/week1.csv"])
        #expect(current.map(\.days) == [[1, 2], [1, 2]])
        #expect(current.map { $0.states.map(\.records) } == [[4], [5]])
    }

    @Test func receiptsAreReadBackWithTheirFiles() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let receipt = StoredReceipt(
            feed: "acme-scorecard", vendor: "ACME", contract: "ACME-CS-2026", period: StoreFixtures.october,
            file: "Inbox/a.csv", receivedOn: CivilDate(year: 2026, month: 11, day: 3))
        try StoreFixtures.commit(
            store, run: "r1", RunContributions(files: [StoreFixtures.file("a.csv", sha256: "a")], receipts: [receipt]))
        #expect(try store.history.receipts() == [receipt])
    }
}

extension StoredObservation {
    static func fixture(_ kpi: String, _ value: String, file: String, line: Int = 2) -> StoredObservation {
        StoreFixtures.observation(kpi, value, file: file, line: line)
    }
}
