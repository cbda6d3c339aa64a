import Testing

@testable import SluiceKit

extension KPITests {
    @Suite struct KPIGroupTablesTests {
        @Test func namesGetIdsInOrderOfFirstUse() {
            var ids = NameIDs()
            #expect(ids.id(of: "V003") == (0, true))
            #expect(ids.id(of: "V001") == (1, true))
            #expect(ids.id(of: "V003") == (0, false))
            #expect(ids.id(of: "") == (2, true))
            #expect(ids.id(of: "") == (2, false))
            #expect(ids.names == ["V003", "V001", ""])
        }

        @Test func equalNamesSpelledWithOtherBytesShareTheFirstSpellingsId() {
            var ids = NameIDs()
            // The Kelvin sign (U+212A) is canonically equivalent to an ASCII K, as in a dictionary.
            #expect(ids.id(of: "\u{212A}elvin") == (0, true))
            #expect(ids.id(of: "Kelvin") == (0, false))
            #expect(ids.id(of: "Kelvin") == (0, false))
            #expect(ids.id(of: "Caf\u{E9}") == (1, true))
            #expect(ids.id(of: "Cafe\u{301}") == (1, false))
            #expect(ids.names == ["\u{212A}elvin", "Caf\u{E9}"])
            var asciiFirst = NameIDs()
            #expect(asciiFirst.id(of: "Kelvin") == (0, true))
            #expect(asciiFirst.id(of: "\u{212A}elvin") == (0, false))
            #expect(asciiFirst.names == ["Kelvin"])
        }

        @Test func manyNamesKeepTheirIdsAsTheTableGrows() {
            var ids = NameIDs()
            let names = (0..<1000).map { "vendor-\($0)-" + String(repeating: "x", count: $0 % 40) }
            for (index, name) in names.enumerated() { #expect(ids.id(of: name) == (index, true)) }
            for (index, name) in names.enumerated().reversed() { #expect(ids.id(of: name) == (index, false)) }
            #expect(ids.names == names)
        }

        @Test func groupKeysFindTheirSlotsAndOnlyTheirs() {
            var slots = KPIGroupSlots()
            var keys: [KPIGroupKey] = []
            for vendor in 0..<10 {
                for contract in -1..<3 {
                    for day in 1...31 {
                        keys.append(
                            KPIGroupKey(
                                vendor: vendor, contract: contract, period: 2026 << 9 | 10 << 5 | day,
                                dimension: day % 3))
                    }
                }
            }
            for (slot, key) in keys.enumerated() {
                #expect(slots.slot(of: key) == nil)
                slots.insert(key, slot: slot)
            }
            #expect(slots.count == 1240)
            for (slot, key) in keys.enumerated() { #expect(slots.slot(of: key) == slot) }
            #expect(
                slots.slot(of: KPIGroupKey(vendor: 10, contract: 0, period: 2026 << 9 | 10 << 5 | 1, dimension: 1))
                    == nil)
            #expect(
                slots.slot(of: KPIGroupKey(vendor: 0, contract: -2, period: 2026 << 9 | 10 << 5 | 1, dimension: 1))
                    == nil)
        }
    }
}
