/// A record-level KPI group of one file: vendor id, contract (the position among the vendor's
/// candidates, -1 for a feed without a contract), period start (year, month and day packed) and
/// dimension (0: the whole period, else a position in the file's dimension keys).
struct KPIGroupKey: Equatable {
    var vendor: Int
    var contract: Int
    var period: Int
    var dimension: Int
}

/// Group keys to their slot numbers, in an open-addressing table with a multiply-mix hash.
///
/// Why not `[KPIGroupKey: Int]`: records seldom come grouped by vendor and day, so nearly every
/// record looks its group up, and `Dictionary` hashes the four integers with SipHash: 475
/// instructions a look-up in callgrind (20k benchmark records, 19,470 look-ups). Slots are never
/// removed.
struct KPIGroupSlots {
    /// Per table position: the key and its slot, or nil.
    private var entries: [(key: KPIGroupKey, slot: Int)?]
    private var mask: Int
    private(set) var count = 0

    init() {
        entries = Array(repeating: nil, count: 64)
        mask = 63
    }

    /// The slot of `key`, if it has one.
    @inline(__always)
    func slot(of key: KPIGroupKey) -> Int? {
        var position = Self.hash(key) & mask
        while let entry = entries[position] {
            if entry.key == key { return entry.slot }
            position = (position &+ 1) & mask
        }
        return nil
    }

    /// Gives `key`, which has no slot yet, the slot `slot`.
    mutating func insert(_ key: KPIGroupKey, slot: Int) {
        if (count + 1) * 2 > entries.count { grow() }
        var position = Self.hash(key) & mask
        while entries[position] != nil { position = (position &+ 1) & mask }
        entries[position] = (key, slot)
        count += 1
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: nil, count: old.count * 2)
        mask = entries.count - 1
        count = 0
        for case let (key, slot)? in old { insert(key, slot: slot) }
    }

    /// The four integers multiplied by odd constants, folded, and mixed once more so the low bits
    /// (the table position) depend on all of them.
    @inline(__always)
    private static func hash(_ key: KPIGroupKey) -> Int {
        var mixed = UInt64(bitPattern: Int64(key.vendor)) &* 0x9E37_79B9_7F4A_7C15
        mixed ^= UInt64(bitPattern: Int64(key.contract)) &* 0xC2B2_AE3D_27D4_EB4F
        mixed ^= UInt64(bitPattern: Int64(key.period)) &* 0x1656_67B1_9E37_79F9
        mixed ^= UInt64(bitPattern: Int64(key.dimension)) &* 0x27D4_EB2F_1656_67C5
        mixed ^= mixed >> 29
        mixed &*= 0xBF58_476D_1CE4_E5B9
        mixed ^= mixed >> 32
        return Int(truncatingIfNeeded: mixed)
    }
}

/// Names (vendors, dimension values) to small ids, in order of first use.
///
/// Why not only `[String: Int]`: a file's records name their vendor in any order, and `Dictionary`
/// hashes each name with SipHash: 313 instructions a look-up in callgrind (20k benchmark records,
/// names of four bytes). ASCII names are looked up first in an open-addressing table hashed with
/// FNV-1a over their bytes, a few dozen instructions. Other names go through the dictionary, which
/// compares Strings by canonical equivalence: two ASCII names are equal only when their bytes are,
/// but an ASCII name can equal a non-ASCII one (`K` and the Kelvin sign U+212A), so an ASCII name
/// not in the table is looked up in the dictionary (which holds every name) before it gets an id.
struct NameIDs {
    /// Names by id, as first seen.
    private(set) var names: [String] = []
    /// Every name seen, by id.
    private var byName: [String: Int] = [:]
    /// Per table position: an index into the `ascii…` arrays + 1, or 0 for none.
    private var table: [Int32]
    private var mask: Int
    /// The ASCII names seen, each with its hash and id.
    private var asciiNames: [String] = []
    private var asciiHashes: [UInt64] = []
    private var asciiIDs: [Int] = []

    init() {
        table = Array(repeating: 0, count: 32)
        mask = 31
    }

    /// The id of `name`; `isNew` the first time the name (or one equal to it) is seen.
    @inline(__always)
    mutating func id(of name: String) -> (id: Int, isNew: Bool) {
        guard let hash = Self.asciiHash(name) else { return dictionaryID(of: name) }
        var position = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(table[position])
            if entry == 0 { break }
            if asciiHashes[entry - 1] == hash, asciiNames[entry - 1] == name { return (asciiIDs[entry - 1], false) }
            position = (position &+ 1) & mask
        }
        let found = dictionaryID(of: name)
        asciiNames.append(name)
        asciiHashes.append(hash)
        asciiIDs.append(found.id)
        table[position] = Int32(asciiNames.count)
        if asciiNames.count * 2 > table.count { grow() }
        return found
    }

    private mutating func dictionaryID(of name: String) -> (id: Int, isNew: Bool) {
        if let known = byName[name] { return (known, false) }
        let id = names.count
        names.append(name)
        byName[name] = id
        return (id, true)
    }

    private mutating func grow() {
        table = Array(repeating: 0, count: table.count * 2)
        mask = table.count - 1
        for (index, hash) in asciiHashes.enumerated() {
            var position = Int(truncatingIfNeeded: hash) & mask
            while table[position] != 0 { position = (position &+ 1) & mask }
            table[position] = Int32(index + 1)
        }
    }

    /// FNV-1a of the name's bytes, or nil when a byte is not ASCII.
    @inline(__always)
    private static func asciiHash(_ name: String) -> UInt64? {
        if let hash = name.utf8.withContiguousStorageIfAvailable(asciiHash(bytes:)) { return hash }
        var copy = name
        return copy.withUTF8(asciiHash(bytes:))
    }

    @inline(__always)
    private static func asciiHash(bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var high: UInt8 = 0
        for byte in bytes {
            high |= byte
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return high < 0x80 ? hash : nil
    }
}
