import Foundation
import Testing

@testable import SluiceKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Operational faults: a clear error naming the path, nothing partially published, a non-zero exit.
///
/// Permissions are real: when the tests run as root (which ignores them), `sluice` runs as
/// `nobody` through `setpriv`; where neither works the tests are skipped with that reason.
@Suite struct FaultTests {
    static let reason: Comment = "root ignores file permissions and /usr/bin/setpriv is missing to drop them"

    @Test(.enabled(if: StoreProcess.permissionsEnforceable, reason))
    func aReadOnlyOutboxIsAnErrorNamingItAndChangesNothing() throws {
        let (work, _) = try StoreProcess.multiFileWork(contactFiles: 1, perFile: 10)
        defer { try? FileManager.default.removeItem(at: work) }
        let outbox = work.appendingPathComponent("Outbox")
        #expect(try StoreProcess.runUnprivileged(["run", "--as-of", "2026-11-20"], in: work).status == 0)
        let runs = try FileManager.default.contentsOfDirectory(atPath: outbox.appendingPathComponent("runs").path)
        let store = try Data(contentsOf: outbox.appendingPathComponent("sluice.sqlite"))
        let kpi = try Data(contentsOf: outbox.appendingPathComponent("kpi.csv"))
        try Data("month,sl\n2026-11,90\n".utf8).write(to: work.appendingPathComponent("Inbox/scorecard_2026-11.csv"))
        chmod(outbox.path, 0o555)
        defer { chmod(outbox.path, 0o755) }
        let result = try StoreProcess.runUnprivileged(["run", "--as-of", "2026-11-20"], in: work)
        #expect(result.status == 1)
        #expect(
            result.stderr == "sluice: Outbox: cannot write to the outbox (Permission denied); nothing was published\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.appendingPathComponent("runs").path) == runs)
        #expect(try Data(contentsOf: outbox.appendingPathComponent("sluice.sqlite")) == store)
        #expect(try Data(contentsOf: outbox.appendingPathComponent("kpi.csv")) == kpi)
    }

    @Test(.enabled(if: StoreProcess.permissionsEnforceable, reason))
    func anUnreadableInboxFileIsAnErrorNamingItAndNothingIsPublished() throws {
        let (work, _) = try StoreProcess.multiFileWork(contactFiles: 2, perFile: 10)
        defer { try? FileManager.default.removeItem(at: work) }
        let locked = work.appendingPathComponent("Inbox/contacts_2026-10-2.csv")
        let result = try StoreProcess.runUnprivileged(
            ["run", "--as-of", "2026-11-20"], in: work, before: { chmod(locked.path, 0o000) })
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "sluice: Inbox/contacts_2026-10-2.csv: cannot read the inbox file (Permission denied); nothing was published\n"
        )
        let outbox = work.appendingPathComponent("Outbox")
        #expect(!FileManager.default.fileExists(atPath: outbox.appendingPathComponent("runs").path))
        #expect(!FileManager.default.fileExists(atPath: outbox.appendingPathComponent("kpi.csv").path))
        chmod(locked.path, 0o644)
        #expect(try StoreProcess.runUnprivileged(["run", "--as-of", "2026-11-20"], in: work).status == 0)
    }

    @Test(
        .enabled(
            if: StoreProcess.canMountTmpfs,
            "filling a disk needs a small tmpfs, which only root with CAP_SYS_ADMIN can mount"))
    func aFullDiskIsAnErrorNamingThePathAndNothingIsPublished() throws {
        let (work, _) = try StoreProcess.multiFileWork(contactFiles: 4, perFile: 3000)
        defer { try? FileManager.default.removeItem(at: work) }
        let outbox = work.appendingPathComponent("Outbox")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        try #require(StoreProcess.tool("/bin/mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", outbox.path]) == 0)
        defer { StoreProcess.tool("/bin/umount", [outbox.path]) }
        let result = try ExecutableTests.run(["run", "--as-of", "2026-11-20"], in: work)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("sluice: \(outbox.path)/.staging/"), "names the file it could not write")
        #expect(result.stderr.hasSuffix(": No space left on device\n"))
        #expect(!FileManager.default.fileExists(atPath: outbox.appendingPathComponent("runs").path))
        #expect(!FileManager.default.fileExists(atPath: outbox.appendingPathComponent("kpi.csv").path))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: outbox.path).sorted() == [
                ".sluice.lock", "sluice.sqlite",
            ],
            "no staging left, nothing published")
        #expect(try Store(outbox: outbox).ledger.allRuns().map(\.state) == [.rolledBack])
    }

    @Test func aFileDeletedAfterTheInboxWasListedIsAnErrorNamingIt() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-10.csv", "month,sl\n2026-10,82.5\n")
        let listed = try InboxScanner.scan(work.inbox, displayBase: work.root)
        try work.remove("scorecard_2026-10.csv")
        try FileManager.default.createDirectory(at: work.outbox, withIntermediateDirectories: true)
        let session = try StoreSession(
            options: RunOptions(
                inbox: work.inbox, rules: work.root.appendingPathComponent("Rules"), outbox: work.outbox,
                displayBase: work.root),
            publisher: RunPublisher(outbox: work.outbox))
        #expect(throws: SluiceError.self) { try session.intake(listed, runID: "r1") }
        do {
            _ = try session.intake(listed, runID: "r1")
        } catch {
            #expect(
                error.description
                    == "Inbox/scorecard_2026-10.csv: cannot read the inbox file (No such file or directory); nothing was published"
            )
        }
    }

    @Test func aFileDeletedWhileBeingReadIsAnErrorNamingIt() throws {
        let work = try StoreWorkFolder()
        try work.drop("notes.txt", "hello")
        let listed = try InboxScanner.scan(work.inbox, displayBase: work.root)
        try work.remove("notes.txt")
        let folder = work.root.appendingPathComponent("quarantine")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(
            throws: OutputError(
                path: "Inbox/notes.txt",
                message:
                    "the inbox file cannot be read any more (deleted or made unreadable during the run); nothing was published"
            )
        ) { try Quarantine(folder: folder).add(listed[0], reason: "unrouted") }
    }
}
