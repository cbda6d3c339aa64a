import Foundation
import Testing

@testable import SluiceKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Two `sluice run`s started on one outbox at the same time: one works, the other exits 4.
@Suite struct ConcurrencyTests {
    @Test func aSecondSimultaneousRunExitsFourAndTheFirstPublishesAlone() throws {
        let (work, ids) = try StoreProcess.multiFileWork(contactFiles: 4, perFile: 2500)
        defer { try? FileManager.default.removeItem(at: work) }
        let outbox = work.appendingPathComponent("Outbox")
        let first = try StoreProcess.start(in: work)
        // The first run is inside its lock once it has a staging folder.
        let staging = outbox.appendingPathComponent(".staging")
        while first.isRunning && !FileManager.default.fileExists(atPath: staging.path) { usleep(200) }
        try #require(first.isRunning, "the first run ended before the second could start; make the inbox larger")
        let second = try ExecutableTests.run(["run", "--as-of", "2026-11-20"], in: work)
        first.waitUntilExit()
        #expect(second.status == 4)
        #expect(
            second.stderr
                == "sluice: Outbox: another sluice run is working on this outbox; this run did nothing\n")
        #expect(first.terminationStatus == 0)
        let runs = try FileManager.default.contentsOfDirectory(atPath: outbox.appendingPathComponent("runs").path)
        #expect(runs.count == 1)
        #expect(try StoreProcess.publishedRecords(in: outbox) == ids.sorted())
    }
}
