import Foundation
import Testing

@testable import SluiceKit

@Suite struct MigrationsTests {
    @Test func aNewStoreIsAtTheLatestVersionWithEveryTable() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try store.database.userVersion == Migrations.latest)
        let tables = try store.database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .rows([]) { $0.text(0) }
        #expect(tables == ["aggregates", "files", "observations", "receipts", "runs", "views_state"])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("sluice.sqlite").path))
    }

    @Test func openingAgainAppliesNothing() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.ledger.begin(runID: "r1", started: "s", asOf: "2026-11-06", rulesSHA256: "")
        let again = try Store(outbox: folder)
        #expect(try again.ledger.allRuns().map(\.id) == ["r1"])
    }

    @Test func aStoreFromANewerSluiceIsRefusedNamingItsVersion() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sluice.sqlite").path
        try Database(path: path).execute("PRAGMA user_version = 99")
        #expect(
            throws: StoreError(
                path: path,
                message:
                    "the store has schema version 99, newer than this sluice knows (\(Migrations.latest)); run it with the sluice version that wrote it, or a newer one"
            )
        ) { try Store(path: path) }
    }

    @Test func aFailingMigrationLeavesThePreviousVersionWhole() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try Database(path: folder.appendingPathComponent("test.sqlite").path)
        let migrations = [
            Migrations.Migration(version: 1, sql: "CREATE TABLE a (x INTEGER)"),
            Migrations.Migration(version: 2, sql: "CREATE TABLE b (x INTEGER); INSERT INTO missing VALUES (1)"),
        ]
        try Migrations.migrate(database, migrations: Array(migrations.prefix(1)))
        #expect(
            throws: StoreError(
                path: database.path, message: "cannot migrate the store to version 2: no such table: missing")
        ) { try Migrations.migrate(database, migrations: migrations) }
        #expect(try database.userVersion == 1)
        let tables = try database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .rows([]) { $0.text(0) }
        #expect(tables == ["a"], "table b of the failed migration was rolled back with it")
    }

    @Test func aNewStoreIsCreatedWholeOrNotAtAll() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try Database(path: folder.appendingPathComponent("test.sqlite").path)
        let migrations = [
            Migrations.Migration(version: 1, sql: "CREATE TABLE a (x INTEGER)"),
            Migrations.Migration(version: 2, sql: "CREATE TABLE b (x INTEGER); INSERT INTO missing VALUES (1)"),
        ]
        #expect(
            throws: StoreError(
                path: database.path, message: "cannot migrate the store to version 2: no such table: missing")
        ) { try Migrations.migrate(database, migrations: migrations) }
        #expect(try database.userVersion == 0)
        let tables = try database.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").rows([]) { $0.text(0) }
        #expect(tables.isEmpty, "table a of the first migration was rolled back too")
    }

    @Test func anUnopenableStoreNamesItsPath() throws {
        let path = "/nonexistent-sluice-folder/sluice.sqlite"
        #expect(throws: StoreError(path: path, message: "cannot open the store: unable to open database file")) {
            try Store(path: path)
        }
    }

    @Test func theStoreUsesARollbackJournalSyncedInFull() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mode = try store.database.prepare("PRAGMA journal_mode")
        #expect(try mode.step() && mode.text(0) == "delete")
        let synchronous = try store.database.prepare("PRAGMA synchronous")
        #expect(try synchronous.step() && synchronous.int(0) == 2)
    }

    @Test func aVersion1StoreGainsTheViewsStateAndKeepsItsRuns() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sluice.sqlite").path
        do {
            let database = try Database(path: path)
            try Migrations.migrate(database, migrations: [Migrations.all[0]])
            try database.execute(
                "INSERT INTO runs (id, started, as_of, state) VALUES ('20261101T000000Z', 'x', '2026-11-01', 'published')"
            )
        }
        let store = try Store(path: path)
        #expect(try store.database.userVersion == 2)
        #expect(try store.ledger.allRuns().map(\.id) == ["20261101T000000Z"])
        #expect(try store.views.current() == nil)
        #expect(try store.views.storeState() == "1 20261101T000000Z")
    }
}
