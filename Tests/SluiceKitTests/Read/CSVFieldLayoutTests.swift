import Testing

@testable import SluiceKit

extension ReadTests {
    @Suite struct CSVFieldLayoutTests {
        /// The member-by-member path is the one in use: if `RawField` changes so that its members
        /// no longer tile it, the reader falls back to the initializer and this test says so.
        @Test func rawFieldMembersTileTheStruct() {
            #expect(CSVFieldLayout.fast != nil)
        }

        @Test(arguments: [true, false])
        func madeFieldEqualsTheInitializers(usesLayout: Bool) {
            let layout = usesLayout ? CSVFieldLayout.fast : nil
            let key = "queue with a key longer than fifteen bytes"
            let pointer = UnsafeMutablePointer<RawField>.allocate(capacity: 2)
            defer { pointer.deallocate() }
            CSVFieldLayout.initialize(
                pointer, layout: layout, key: key, value: "Billing, tier 2 of 3", column: 4, line: 17)
            CSVFieldLayout.initialize(pointer + 1, layout: layout, key: "q", value: nil, column: 5, line: 18)
            let made = Array(UnsafeBufferPointer(start: pointer, count: 2))
            pointer.deinitialize(count: 2)
            #expect(
                made == [
                    RawField(key: key, value: "Billing, tier 2 of 3", column: 4, line: 17),
                    RawField(key: "q", value: nil, column: 5, line: 18),
                ])
            #expect(made.map(\.path) == [nil, nil])
        }
    }
}
