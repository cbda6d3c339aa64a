import CPrefetch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The in-memory part of a ``KeyIndex``: a compact hash set of keys, each with the place it was
/// first seen.
///
/// Key bytes live end to end in one arena and the hash table holds 32-bit entry numbers, so
/// a key costs its bytes plus about 28 bytes. Measured with 1M twelve-character keys: a
/// `[String: (file: String, line: Int, record: Int)]` dictionary took 175 MiB of peak RSS;
/// this layout takes a fraction of that. It is emptied (keeping its storage) each time the
/// index spills it to disk, so it never grows past the index's spill threshold.
struct KeyTable {
    private struct Entry {
        let offset: UInt32
        let length: UInt32
        let place: KeyIndex.Place
    }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    /// Open addressing with linear probing; 0 is empty, otherwise entry number + 1 in the low
    /// 32 bits and the high 32 bits of the key's hash above them. Comparing that hash first
    /// means a probe past another key rarely touches its entry or bytes: with 1M record ids
    /// (all the same length) the entry and byte comparisons of a plain index table were most
    /// of the unique-key check's time (perf), for 8 more bytes per slot.
    private var table = [UInt64](repeating: 0, count: 1024)
    /// Random per index, so which keys collide cannot be known in advance.
    private let seed: UInt64

    init() {
        seed = UInt64.random(in: .min ... .max)
    }

    /// An empty table that hashes keys like `other` (so the spilled part of the index keeps
    /// one hash per key), sized for as many keys as `other` holds without growing.
    init(hashingLike other: KeyTable) {
        seed = other.seed
        table = [UInt64](repeating: 0, count: other.table.count)
        entries.reserveCapacity(other.entries.count)
        arena.reserveCapacity(other.arena.count)
    }

    var count: Int { entries.count }

    /// The slot holding the key, or the empty slot where it would go.
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash keyHash: UInt64) -> Int {
        let mask = table.count - 1
        let tag = keyHash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: keyHash) & mask
        while table[slot] != 0 {
            guard table[slot] & 0xFFFF_FFFF_0000_0000 == tag else {
                slot = (slot + 1) & mask
                continue
            }
            let entry = entries[Self.entryIndex(table[slot])]
            if Int(entry.length) == bytes.count {
                let start = Int(entry.offset)
                let same = arena.withUnsafeBufferPointer { stored in
                    bytes.count == 0 || memcmp(stored.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
                }
                if same { return slot }
            }
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// Starts loading the slot a look-up of this hash starts at, so that the look-up finds it in the cache.
    @inline(__always)
    func prefetch(hash keyHash: UInt64) {
        table.withUnsafeBufferPointer {
            sluice_prefetch($0.baseAddress! + (Int(truncatingIfNeeded: keyHash) & ($0.count - 1)))
        }
    }

    /// The place of the key in `slot`, or nil when the slot is empty.
    func place(inSlot slot: Int) -> KeyIndex.Place? {
        table[slot] == 0 ? nil : entries[Self.entryIndex(table[slot])].place
    }

    /// Puts a key that ``find(_:hash:)`` did not find into the empty `slot` it returned.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash keyHash: UInt64, at place: KeyIndex.Place, slot: Int)
    {
        entries.append(Entry(offset: UInt32(arena.count), length: UInt32(bytes.count), place: place))
        arena.append(contentsOf: bytes)
        table[slot] = Self.slotValue(entry: entries.count - 1, hash: keyHash)
        if entries.count * 4 > table.count * 3 { rebuild(capacity: table.count * 2) }
    }

    /// Calls `body` with entry `index`'s key bytes and place (entries are numbered in insertion order).
    func withEntry<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>, KeyIndex.Place) -> Result) -> Result {
        let entry = entries[index]
        return arena.withUnsafeBufferPointer { stored in
            body(
                UnsafeBufferPointer(rebasing: stored[Int(entry.offset)..<Int(entry.offset + entry.length)]), entry.place
            )
        }
    }

    /// Forgets every key, keeping the storage for the keys that follow.
    mutating func removeAll() {
        arena.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        table.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// Adds every key of `other`, a table hashing like this one whose keys this one does not hold.
    mutating func insert(contentsOf other: KeyTable) {
        precondition(other.seed == seed, "tables merged must hash alike")
        for index in other.entries.indices {
            other.withEntry(index) { bytes, place in
                let keyHash = hash(bytes)
                insert(bytes, hash: keyHash, at: place, slot: find(bytes, hash: keyHash))
            }
        }
    }

    /// Every entry's hash and number, in hash order: the order of a spilled run.
    func entriesInHashOrder() -> [HashedEntry] {
        let unsorted = arena.withUnsafeBufferPointer { stored in
            entries.enumerated().map { index, entry in
                HashedEntry(
                    hash: hash(
                        UnsafeBufferPointer(rebasing: stored[Int(entry.offset)..<Int(entry.offset + entry.length)])),
                    entry: Int32(index))
            }
        }
        return HashOrder.sorted(unsorted)
    }

    /// Calls `body` with the key bytes and place of each entry of `order`, in that order.
    func forEachEntry(
        in order: [HashedEntry], _ body: (_ hash: UInt64, _ key: UnsafeRawBufferPointer, KeyIndex.Place) -> Void
    ) {
        arena.withUnsafeBytes { stored in
            entries.withUnsafeBufferPointer { entries in
                for item in order {
                    let entry = entries[Int(item.entry)]
                    body(
                        item.hash,
                        UnsafeRawBufferPointer(rebasing: stored[Int(entry.offset)..<Int(entry.offset + entry.length)]),
                        entry.place)
                }
            }
        }
    }

    /// Forgets every key first seen in a file.
    mutating func removeAll(fromFile file: Int32) {
        let kept = entries.filter { $0.place.file != file }
        guard kept.count != entries.count else { return }
        let oldArena = arena
        arena = []
        entries = []
        for entry in kept {
            entries.append(Entry(offset: UInt32(arena.count), length: entry.length, place: entry.place))
            arena.append(contentsOf: oldArena[Int(entry.offset)..<Int(entry.offset + entry.length)])
        }
        rebuild(capacity: table.count)
    }

    /// A seeded hash of the key's bytes, eight at a time, each step folded through a full-width
    /// multiply (the wyhash mixing step). Written here rather than using `Hasher`: SipHash
    /// through `Hasher` was about half of an insert's instructions for 12-byte record ids
    /// (callgrind); this mixes as well for a table, in a fraction of the instructions, and the
    /// random seed keeps collisions unpredictable. The spilled part of the index keeps the same
    /// hashes, so a key is hashed once per look-up.
    func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(bytes)
        var state = seed ^ (UInt64(raw.count) &* 0x9E37_79B9_7F4A_7C15)
        var offset = 0
        while offset + 8 <= raw.count {
            state = Self.mix(state ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self), 0xA076_1D64_78BD_642F)
            offset += 8
        }
        if offset < raw.count {
            var tail: UInt64 = 0
            for index in offset..<raw.count { tail = tail << 8 | UInt64(raw[index]) }
            state = Self.mix(state ^ tail, 0xE703_7ED1_A0B4_28DB)
        }
        return Self.mix(state, 0x8EBC_6AF0_9C88_C6E3)
    }

    @inline(__always)
    private static func mix(_ left: UInt64, _ right: UInt64) -> UInt64 {
        let product = left.multipliedFullWidth(by: right)
        return product.high ^ product.low
    }

    /// A table slot's value for entry number `entry`: never 0.
    @inline(__always)
    private static func slotValue(entry: Int, hash: UInt64) -> UInt64 {
        (hash & 0xFFFF_FFFF_0000_0000) | UInt64(entry + 1)
    }

    @inline(__always)
    private static func entryIndex(_ slotValue: UInt64) -> Int {
        Int(slotValue & 0xFFFF_FFFF) - 1
    }

    private mutating func rebuild(capacity: Int) {
        table = [UInt64](repeating: 0, count: capacity)
        for index in entries.indices {
            let entry = entries[index]
            let (slot, keyHash) = arena.withUnsafeBufferPointer { stored in
                let bytes = UnsafeBufferPointer(rebasing: stored[Int(entry.offset)..<Int(entry.offset + entry.length)])
                let keyHash = hash(bytes)
                return (find(bytes, hash: keyHash), keyHash)
            }
            table[slot] = Self.slotValue(entry: index, hash: keyHash)
        }
    }
}
