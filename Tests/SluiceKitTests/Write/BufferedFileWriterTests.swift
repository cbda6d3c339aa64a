import Foundation
import Testing

@testable import SluiceKit

/// The SHA-256 a writer makes while writing: what the run summary reports instead of reading
/// its outputs back.
@Suite struct BufferedFileWriterTests {
    /// The digest the writer left for `url`, if the file is still the one it wrote.
    private static func writtenDigest(_ url: URL) throws -> String? {
        let identity = try #require(WrittenDigests.Identity(path: url.path))
        return WrittenDigests.take(path: url.path, identity: identity)
    }

    /// `count` bytes of text, lines numbered from `first`.
    private static func lines(_ first: Int, _ count: Int) -> String {
        var text = ""
        var number = first
        while text.utf8.count < count {
            text += "line \(number),value \(number * 7)\n"
            number += 1
        }
        return text
    }

    @Test(arguments: [0, 10, 3 << 20])
    func theDigestMadeWhileWritingIsTheFilesSHA256(size: Int) throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("out.csv")
            let writer = try BufferedFileWriter(url: url)
            try writer.write(Self.lines(1, size))
            try writer.close()
            #expect(try Self.writtenDigest(url) == (try FileDigest.sha256(of: url)))
            #expect(try Self.writtenDigest(url) == nil, "taken once")
        }
    }

    @Test(arguments: [100, 1_500_000])
    func aRollbackKeepsTheDigestRight(checkpointAfter: Int) throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("out.csv")
            let writer = try BufferedFileWriter(url: url)
            try writer.write(Self.lines(1, checkpointAfter))
            let checkpoint = writer.offset
            try writer.write(Self.lines(1_000_000, 2_500_000))
            try writer.rollback(to: checkpoint)
            try writer.write("last\n")
            try writer.close()
            let bytes = try Data(contentsOf: url)
            #expect(bytes.count == checkpoint + 5)
            #expect(try Self.writtenDigest(url) == (try FileDigest.sha256(of: url)))
        }
    }

    /// A file larger than a few write-back steps has its write-back started on the way (on
    /// Linux), and is still written completely, with the right digest.
    @Test func aLargeFileStartsItsWriteBackOnTheWayAndIsComplete() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("out.csv")
            let writer = try BufferedFileWriter(url: url)
            let text = Array(Self.lines(1, 3 * WriteBehind.step + 12_345).utf8)
            // In 64 KiB pieces, as rows come: the writer flushes at each MiB.
            for start in stride(from: 0, to: text.count, by: 1 << 16) {
                try writer.write(String(decoding: text[start..<min(start + (1 << 16), text.count)], as: UTF8.self))
            }
            try writer.close()
            #if os(Linux)
                #expect(writer.writeBehind.ranges == 3)
            #endif
            #expect(writer.writeBehind.start == 3 * WriteBehind.step)
            #expect(try Data(contentsOf: url) == Data(text))
            #expect(try Self.writtenDigest(url) == (try FileDigest.sha256(of: url)))
        }
    }

    /// A rollback to before bytes whose write-back was started: the next step counts from the
    /// checkpoint, and the file holds exactly what was kept and written after.
    @Test func aRollbackBehindTheWriteBackKeepsTheFileRight() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("out.csv")
            let writer = try BufferedFileWriter(url: url)
            let kept = Self.lines(1, 1_000)
            try writer.write(kept)
            let checkpoint = writer.offset
            try writer.write(Self.lines(1_000_000, 2 * WriteBehind.step))
            #expect(writer.writeBehind.start > WriteBehind.step, "one flush of the whole text")
            try writer.rollback(to: checkpoint)
            #expect(writer.writeBehind.start == checkpoint)
            let after = Self.lines(5_000_000, WriteBehind.step + 10)
            try writer.write(after)
            try writer.close()
            #expect(try Data(contentsOf: url) == Data((kept + after).utf8))
            #expect(try Self.writtenDigest(url) == (try FileDigest.sha256(of: url)))
        }
    }

    @Test func aFileChangedAfterItWasWrittenIsReadAgain() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("out.csv")
            let writer = try BufferedFileWriter(url: url)
            try writer.write("a,b\n1,2\n")
            try writer.close()
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("3,4\n".utf8))
            try handle.close()
            #expect(try Self.writtenDigest(url) == nil)
            let described = try RunOutputs.describeFiles(in: folder)
            #expect(described.map(\.path) == ["out.csv"])
            #expect(described.map(\.size) == [12])
            #expect(described.map(\.sha256) == [try FileDigest.sha256(of: url)])
        }
    }

    @Test func fileDigestIsSHA256() throws {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("abc.txt")
            try Data("abc".utf8).write(to: url)
            #expect(
                try FileDigest.sha256(of: url) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
            let empty = folder.appendingPathComponent("empty.txt")
            try Data().write(to: empty)
            #expect(
                try FileDigest.sha256(of: empty) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            #expect(throws: (any Error).self) { try FileDigest.sha256(of: folder.appendingPathComponent("missing")) }
        }
    }

    @Test func theRunSummaryHashesAreThoseOfTheFilesWritten() throws {
        let work = try StoreWorkFolder()
        try work.drop("scorecard_2026-10.csv", "month,sl\n2026-10,82.5\n2026-13,x\n")
        try work.drop("contacts_2026-10.csv", "id,day,wait\n1,2026-10-01,12\n2,2026-10-02,oops\n")
        try work.drop("unknown.csv", "a\n1\n")
        let report = try work.run()
        let outputs = report.summary.outputs
        #expect(outputs.count >= 10, "\(outputs.map(\.path))")
        #expect(outputs.contains { $0.path == "exceptions.csv" })
        #expect(outputs.contains { $0.path == "clean/contacts.csv" })
        #expect(outputs.contains { $0.path.hasPrefix("quarantine/") })
        for output in outputs {
            let url = report.runFolder.appendingPathComponent(output.path)
            #expect(output.sha256 == (try FileDigest.sha256(of: url)), "\(output.path)")
            #expect(output.size == (try Data(contentsOf: url)).count, "\(output.path)")
        }
        let json = try Data(contentsOf: report.runFolder.appendingPathComponent("summary.json"))
        let text = try #require(String(data: json, encoding: .utf8))
        for output in outputs { #expect(text.contains(output.sha256)) }
    }
}
