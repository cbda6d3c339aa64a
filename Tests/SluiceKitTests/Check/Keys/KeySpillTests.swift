import Foundation
import Testing

@testable import SluiceKit

@Suite struct KeySpillTests {
    private func place(_ number: Int, file: Int32 = 0) -> KeyIndex.Place {
        .init(file: file, line: Int32(number + 1), record: Int32(number))
    }

    @Test func keysSpilledToDiskAreFoundWithTheirFirstPlace() {
        var index = KeyIndex(spillThreshold: 100)
        for number in 0..<5000 {
            #expect(index.insertOrFind("IR\(number)", at: place(number)) == nil)
        }
        #expect(index.count == 5000)
        #expect(index.spilledRuns > 0)
        // 50 spills of 100 merge like a binary counter: 50 = 0b110010, three runs.
        #expect(index.spilledRuns == 3)
        #expect(index.place(of: "IR0") == place(0))
        #expect(index.place(of: "IR4321") == place(4321))
        #expect(index.place(of: "IR5000") == nil)
        #expect(index.insertOrFind("IR17", at: place(9999)) == place(17))
        #expect(index.count == 5000)
    }

    @Test func emptyLongAndMultiByteKeysSurviveTheDisk() {
        var index = KeyIndex(spillThreshold: 3)
        let keys = ["", String(repeating: "x", count: 5000), "Österreich\u{1F}2026", "a", "ab", "abc", "abcd"]
        for (number, key) in keys.enumerated() { index.insert(key, at: place(number)) }
        #expect(index.spilledRuns > 0)
        for (number, key) in keys.enumerated() { #expect(index.place(of: key) == place(number), "\(key.prefix(10))") }
        #expect(index.place(of: String(repeating: "x", count: 4999)) == nil)
        #expect(index.place(of: "Osterreich\u{1F}2026") == nil)
    }

    @Test func withdrawingAFileDropsItsSpilledKeysOnly() {
        var index = KeyIndex(spillThreshold: 64)
        for number in 0..<1000 { index.insert("k\(number)", at: place(number, file: Int32(number % 2))) }
        index.removeAll(fromFile: 1)
        #expect(index.count == 500)
        #expect(index.place(of: "k1") == nil)
        #expect(index.place(of: "k999") == nil)
        #expect(index.place(of: "k998") == place(998, file: 0))
        #expect(index.insertOrFind("k1", at: place(5, file: 2)) == nil)
        #expect(index.place(of: "k1") == place(5, file: 2))
    }

    @Test func answersLikeADictionaryThroughSpillsMergesAndWithdrawals() {
        var generator = SystemRandomNumberGenerator()
        var index = KeyIndex(spillThreshold: 37)
        var reference: [String: KeyIndex.Place] = [:]
        for step in 0..<4000 {
            let key = "id-\(Int.random(in: 0..<2500, using: &generator))"
            let file = Int32(step / 1000)
            let here = place(step, file: file)
            #expect(index.insertOrFind(key, at: here) == reference[key])
            if reference[key] == nil { reference[key] = here }
            if step == 2500 {
                index.removeAll(fromFile: 1)
                reference = reference.filter { $0.value.file != 1 }
            }
        }
        #expect(index.count == reference.count)
        for (key, first) in reference { #expect(index.place(of: key) == first) }
    }

    @Test func keysStayInMemoryWhenNothingCanBeWrittenToDisk() {
        var index = KeyIndex(spillThreshold: 10, spillDirectory: "/nonexistent-sluice-folder")
        for number in 0..<500 { index.insert("k\(number)", at: place(number)) }
        #expect(index.spilledRuns == 0)
        #expect(index.count == 500)
        #expect(index.place(of: "k0") == place(0))
        #expect(index.insertOrFind("k499", at: place(1)) == place(499))
    }

    @Test func theFilterNeverForgetsAKeyAndRarelyClaimsANewOne() {
        var filter = KeyFilter(capacity: 100_000)
        var generator = SystemRandomNumberGenerator()
        let stored = (0..<100_000).map { _ in UInt64.random(in: .min ... .max, using: &generator) }
        for hash in stored { filter.insert(hash) }
        #expect(stored.allSatisfy { filter.mayContain($0) })
        let falsePositives = (0..<100_000).filter { _ in filter.mayContain(UInt64.random(in: .min ... .max)) }.count
        // 12 bits per key in 256-bit blocks: measured 0.55 % at 100k and 1M keys.
        #expect(falsePositives < 1500)
    }

    @Test func spilledFilesHaveNoNameInTheFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var index = KeyIndex(spillThreshold: 10, spillDirectory: folder.path)
        for number in 0..<100 { index.insert("k\(number)", at: place(number)) }
        #expect(index.spilledRuns > 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }
}
