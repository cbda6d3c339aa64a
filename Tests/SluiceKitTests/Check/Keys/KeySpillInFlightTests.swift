import Foundation
import Testing

@testable import SluiceKit

/// Spills run on their own thread while the index goes on: every answer must be the one an
/// index that never spills gives, whenever a spill is in flight, taken, or refused.
@Suite struct KeySpillInFlightTests {
    private func place(_ step: Int, file: Int32) -> KeyIndex.Place {
        .init(file: file, line: Int32(step + 2), record: Int32(step + 1))
    }

    /// Inserts `steps` random keys (about a third repeats) into both indexes, file by file,
    /// withdrawing files at `withdrawals`, and compares every answer; then every key's place.
    private func compare(
        _ index: inout KeyIndex, steps: Int, keys: Int, withdrawals: Set<Int> = [], seed: UInt64
    ) -> (answers: Int, duplicates: Int) {
        var reference = KeyIndex(spillThreshold: .max)
        var random = SeededRandom(state: seed)
        var answers = 0
        var duplicates = 0
        for step in 0..<steps {
            let key = "IR\(random.next() % UInt64(keys))"
            let file = Int32(step / 1000)
            let expected = reference.insertOrFind(key, at: place(step, file: file))
            let answer = index.insertOrFind(key, at: place(step, file: file))
            if answer == expected { answers += 1 }
            if expected != nil { duplicates += 1 }
            if withdrawals.contains(step) {
                reference.removeAll(fromFile: file - 1)
                index.removeAll(fromFile: file - 1)
                #expect(index.count == reference.count)
            }
            // Look-ups between inserts, while a spill may be in flight.
            let probe = "IR\(random.next() % UInt64(keys))"
            if index.place(of: probe) == reference.place(of: probe) { answers += 1 }
        }
        #expect(index.count == reference.count)
        for number in 0..<keys {
            #expect(index.place(of: "IR\(number)") == reference.place(of: "IR\(number)"), "IR\(number)")
        }
        return (answers, duplicates)
    }

    @Test func manySpillsAnswerLikeAnIndexThatNeverSpills() {
        var index = KeyIndex(spillThreshold: 50)
        let result = compare(&index, steps: 20_000, keys: 15_000, seed: 7)
        #expect(result.answers == 40_000)
        #expect(result.duplicates > 4_000)
        #expect(index.spilledRuns >= 3)
    }

    @Test func withdrawalsBetweenSpillsAnswerLikeAnIndexThatNeverSpills() {
        var index = KeyIndex(spillThreshold: 64)
        // Each withdrawal forgets the file before: 1000 steps each, while spills are in flight.
        let result = compare(
            &index, steps: 12_000, keys: 9_000, withdrawals: [2_000, 2_001, 5_500, 9_999, 11_000], seed: 11)
        #expect(result.answers == 24_000)
        #expect(index.spilledRuns > 0)
    }

    @Test func aRefusingFolderKeepsEveryKeyInMemoryWithTheSameAnswers() {
        var index = KeyIndex(spillThreshold: 40, spillDirectory: "/nonexistent-sluice-folder")
        let result = compare(&index, steps: 5_000, keys: 4_000, withdrawals: [3_500], seed: 3)
        #expect(result.answers == 10_000)
        #expect(index.spilledRuns == 0)
    }

    @Test func aFolderThatStopsTakingSpillsMovesTheRefusedKeysBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var index = KeyIndex(spillThreshold: 100, spillDirectory: folder.path)
        var reference = KeyIndex(spillThreshold: .max)
        for number in 0..<450 {
            index.insert("k\(number)", at: place(number, file: 0))
            reference.insert("k\(number)", at: place(number, file: 0))
        }
        // Four spills taken (the last one waited for); the fifth cannot make its files.
        #expect(index.spilledRuns == 1)
        try FileManager.default.removeItem(at: folder)
        for number in 450..<1_000 {
            #expect(
                index.insertOrFind("k\(number % 700)", at: place(number, file: 1))
                    == reference.insertOrFind("k\(number % 700)", at: place(number, file: 1)))
        }
        #expect(index.spilledRuns == 1)
        #expect(index.count == 700)
        for number in 0..<700 { #expect(index.place(of: "k\(number)") == place(number, file: number < 450 ? 0 : 1)) }
        // The run cannot be rewritten without file 0 either: look-ups pass over its keys.
        index.removeAll(fromFile: 0)
        #expect(index.place(of: "k449") == nil)
        #expect(index.place(of: "k0") == nil)
        #expect(index.place(of: "k450") == place(450, file: 1))
    }

    @Test func hashOrderSortsLikeTheStandardLibrary() {
        var random = SeededRandom(state: 5)
        let uniform = (0..<10_000).map { HashedEntry(hash: random.next(), entry: Int32($0)) }
        // Many equal hashes, and hashes sharing their top bits (one large bucket).
        let repeated = (0..<5_000).map { HashedEntry(hash: random.next() % 40, entry: Int32($0)) }
        let small = (0..<7).map { HashedEntry(hash: random.next(), entry: Int32($0)) }
        for items in [uniform, repeated, small, uniform + repeated, []] {
            let sorted = HashOrder.sorted(items)
            #expect(sorted.map(\.hash) == items.map(\.hash).sorted())
            #expect(Set(sorted.map(\.entry)) == Set(items.map(\.entry)))
        }
    }

    @Test func keysLargerThanTheWriteBufferSurviveTheDisk() {
        var index = KeyIndex(spillThreshold: 2)
        let keys = [String(repeating: "y", count: 300_000), "a", String(repeating: "z", count: 70_000), "", "b"]
        for (number, key) in keys.enumerated() { index.insert(key, at: place(number, file: 0)) }
        #expect(index.spilledRuns >= 1)
        for (number, key) in keys.enumerated() { #expect(index.place(of: key) == place(number, file: 0)) }
        #expect(index.place(of: String(repeating: "y", count: 299_999) + "z") == nil)
    }
}
