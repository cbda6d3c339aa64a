import Testing

@testable import SluiceKit

@Suite struct KeyIndexTests {
    @Test func findsEveryKeyAfterTheTableGrows() {
        var index = KeyIndex()
        for number in 0..<5000 {
            index.insert("key-\(number)", at: .init(file: 0, line: Int32(number + 2), record: Int32(number + 1)))
        }
        #expect(index.count == 5000)
        #expect(index.place(of: "key-0") == .init(file: 0, line: 2, record: 1))
        #expect(index.place(of: "key-4999") == .init(file: 0, line: 5001, record: 5000))
        #expect(index.place(of: "key-5000") == nil)
        #expect(index.place(of: "key-") == nil)
    }

    @Test func theFirstPlaceIsKept() {
        var index = KeyIndex()
        index.insert("a", at: .init(file: 0, line: 2, record: 1))
        index.insert("a", at: .init(file: 1, line: 9, record: 8))
        #expect(index.count == 1)
        #expect(index.place(of: "a") == .init(file: 0, line: 2, record: 1))
    }

    @Test func emptyAndMultiByteKeys() {
        var index = KeyIndex()
        index.insert("", at: .init(file: 0, line: 2, record: 1))
        index.insert("Österreich\u{1F}2026", at: .init(file: 0, line: 3, record: 2))
        #expect(index.place(of: "") == .init(file: 0, line: 2, record: 1))
        #expect(index.place(of: "Österreich\u{1F}2026") == .init(file: 0, line: 3, record: 2))
        #expect(index.place(of: "Osterreich\u{1F}2026") == nil)
    }

    @Test func removingAFileForgetsOnlyItsKeys() {
        var index = KeyIndex()
        for number in 0..<3000 {
            index.insert("k\(number)", at: .init(file: Int32(number % 3), line: Int32(number), record: Int32(number)))
        }
        index.removeAll(fromFile: 1)
        #expect(index.count == 2000)
        #expect(index.place(of: "k1") == nil)
        #expect(index.place(of: "k2998") == nil)
        #expect(index.place(of: "k2999") == .init(file: 2, line: 2999, record: 2999))
        #expect(index.place(of: "k3") == .init(file: 0, line: 3, record: 3))
        index.insert("k1", at: .init(file: 4, line: 1, record: 1))
        #expect(index.place(of: "k1") == .init(file: 4, line: 1, record: 1))
    }

    @Test func insertOrFindAddsOnceAndThenReturnsTheFirstPlace() {
        var index = KeyIndex()
        for number in 0..<3000 {
            #expect(index.insertOrFind("id-\(number)", at: .init(file: 0, line: Int32(number), record: 1)) == nil)
        }
        #expect(
            index.insertOrFind("id-7", at: .init(file: 1, line: 99, record: 2)) == .init(file: 0, line: 7, record: 1))
        #expect(index.count == 3000)
        #expect(index.place(of: "id-2999") == .init(file: 0, line: 2999, record: 1))
    }

    @Test func keysOfEveryLengthUpToSeveralWordsAreToldApart() {
        var index = KeyIndex()
        let keys =
            (0...40).map { String(repeating: "a", count: $0) }
            + (1...40).map { String(repeating: "b", count: $0) + "a" }
        for (number, key) in keys.enumerated() {
            #expect(index.insertOrFind(key, at: .init(file: 0, line: Int32(number), record: 0)) == nil, "\(key)")
        }
        #expect(index.count == keys.count)
        for (number, key) in keys.enumerated() {
            #expect(index.place(of: key) == .init(file: 0, line: Int32(number), record: 0), "\(key)")
        }
    }
}
