import Foundation
import Testing

@testable import SluiceKit

/// `sluice prune` on real run folders.
@Suite struct RunPrunerTests {
    /// An outbox with seven runs (two in the same second, `-2` and `-10`), `latest` pointing at
    /// an old one, the store, an archive, and things in `runs/` that are not runs.
    static func outbox() throws -> URL {
        let work = try TestPaths.temporaryFolder()
        let outbox = work.appendingPathComponent("Outbox")
        let runs = outbox.appendingPathComponent("runs")
        let manager = FileManager.default
        for run in [
            "20261101T020000Z", "20261102T020000Z", "20261103T020000Z", "20261103T020000Z-2", "20261103T020000Z-10",
            "20261104T020000Z", "20261105T020000Z",
        ] {
            try manager.createDirectory(
                at: runs.appendingPathComponent("\(run)/clean"), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: runs.appendingPathComponent("\(run)/clean/acme.csv"))
        }
        try manager.createDirectory(at: runs.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: runs.appendingPathComponent("20261001T020000Z.txt"))
        try manager.createSymbolicLink(
            atPath: outbox.appendingPathComponent("latest").path, withDestinationPath: "runs/20261102T020000Z")
        try Data("db".utf8).write(to: outbox.appendingPathComponent("sluice.sqlite"))
        try Data("wal".utf8).write(to: outbox.appendingPathComponent("sluice.sqlite-wal"))
        try manager.createDirectory(
            at: outbox.appendingPathComponent("archive/2026-11-01"), withIntermediateDirectories: true)
        return work
    }

    static func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func keepsTheNewestAndLatestAndRemovesTheRestOldestFirst() throws {
        let work = try Self.outbox()
        defer { try? FileManager.default.removeItem(at: work) }
        let outbox = work.appendingPathComponent("Outbox")
        let outcome = try RunPruner(outbox: outbox, displayBase: work).prune(keep: 2, dryRun: false)
        #expect(
            outcome.removed == [
                "Outbox/runs/20261101T020000Z", "Outbox/runs/20261103T020000Z", "Outbox/runs/20261103T020000Z-2",
                "Outbox/runs/20261103T020000Z-10",
            ])
        #expect(
            outcome.kept == [
                "Outbox/runs/20261102T020000Z", "Outbox/runs/20261104T020000Z", "Outbox/runs/20261105T020000Z",
            ])
        #expect(
            try Self.entries(outbox.appendingPathComponent("runs")) == [
                "20261001T020000Z.txt", "20261102T020000Z", "20261104T020000Z", "20261105T020000Z", "notes",
            ])
        #expect(
            try Self.entries(outbox) == [
                ".sluice.lock", "archive", "latest", "runs", "sluice.sqlite", "sluice.sqlite-wal",
            ])
        #expect(try String(contentsOf: outbox.appendingPathComponent("latest/clean/acme.csv"), encoding: .utf8) == "x")
    }

    @Test func aDryRunRemovesNothing() throws {
        let work = try Self.outbox()
        defer { try? FileManager.default.removeItem(at: work) }
        let outbox = work.appendingPathComponent("Outbox")
        let outcome = try RunPruner(outbox: outbox, displayBase: work).prune(keep: 6, dryRun: true)
        #expect(outcome.removed == ["Outbox/runs/20261101T020000Z"])
        #expect(try Self.entries(outbox.appendingPathComponent("runs")).count == 9)
    }

    @Test func keepZeroLeavesOnlyTheLatest() throws {
        let work = try Self.outbox()
        defer { try? FileManager.default.removeItem(at: work) }
        let outbox = work.appendingPathComponent("Outbox")
        _ = try RunPruner(outbox: outbox, displayBase: work).prune(keep: 0, dryRun: false)
        #expect(
            try Self.entries(outbox.appendingPathComponent("runs")) == [
                "20261001T020000Z.txt", "20261102T020000Z", "notes",
            ])
    }

    @Test func aRunHoldingTheOutboxLockStopsThePrune() throws {
        let work = try Self.outbox()
        defer { try? FileManager.default.removeItem(at: work) }
        let outbox = work.appendingPathComponent("Outbox")
        let descriptor = open(outbox.appendingPathComponent(".sluice.lock").path, O_RDWR | O_CREAT, 0o644)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        #expect {
            _ = try RunPruner(outbox: outbox, displayBase: work).prune(keep: 1, dryRun: false)
        } throws: { error in
            "\(error)" == "Outbox: another sluice run is working on this outbox; this run did nothing"
        }
        #expect(try Self.entries(outbox.appendingPathComponent("runs")).count == 9)
    }

    @Test func leftoversOfAnInterruptedPruneAreEmptiedNextTime() throws {
        let work = try Self.outbox()
        defer { try? FileManager.default.removeItem(at: work) }
        let outbox = work.appendingPathComponent("Outbox")
        try FileManager.default.createDirectory(
            at: outbox.appendingPathComponent(".pruning/20261001T020000Z/clean"), withIntermediateDirectories: true)
        _ = try RunPruner(outbox: outbox, displayBase: work).prune(keep: 10, dryRun: false)
        #expect(!FileManager.default.fileExists(atPath: outbox.appendingPathComponent(".pruning").path))
    }

    @Test(arguments: [
        ("20261129T131105Z", true), ("20261129T131105Z-2", true), ("20261129T131105Z-1", false),
        ("20261129T131105", false), ("notes", false), ("2026112xT131105Z", false), ("20261129T131105Z-x", false),
    ])
    func onlyRunIDsAreRuns(_ name: String, _ isRun: Bool) {
        #expect((RunPruner.runID(name) != nil) == isRun)
    }
}
