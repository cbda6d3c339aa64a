import CPrefetch

/// A split-block Bloom filter over 64-bit key hashes: whether a key may have been spilled to
/// disk. "No" is certain; "maybe" is wrong for about one new key in 200 (measured 0.55 %), and
/// costs a disk look-up then.
///
/// Each key sets one bit in each of the eight 32-bit words of one 256-bit block, so a test
/// touches one cache line: the layout of Parquet's Bloom filters, whose salts these are.
/// Written here because no package in the mirror offers one; it is 12 bits per key (1.5 bytes),
/// against the in-memory table's ~50 bytes per key it stands in for.
struct KeyFilter {
    private static let salts: [UInt32] = [
        0x47B6_137B, 0x4497_4D91, 0x8824_AD5B, 0xA2B7_289D, 0x7054_95C7, 0x2DF1_424B, 0x9EFC_4947, 0x5C6B_FB31,
    ]
    static let bitsPerKey = 12

    /// Eight words per block.
    private var words: [UInt32]
    private let blockCount: Int
    /// How many keys it was sized for.
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        blockCount = max(1, (capacity * Self.bitsPerKey + 255) / 256)
        words = [UInt32](repeating: 0, count: blockCount * 8)
    }

    mutating func insert(_ hash: UInt64) {
        let base = block(of: hash)
        let low = UInt32(truncatingIfNeeded: hash)
        words.withUnsafeMutableBufferPointer { words in
            for lane in 0..<8 { words[base + lane] |= 1 << ((low &* Self.salts[lane]) >> 27) }
        }
    }

    func mayContain(_ hash: UInt64) -> Bool {
        let base = block(of: hash)
        let low = UInt32(truncatingIfNeeded: hash)
        return words.withUnsafeBufferPointer { words in
            for lane in 0..<8 where words[base + lane] & (1 << ((low &* Self.salts[lane]) >> 27)) == 0 {
                return false
            }
            return true
        }
    }

    /// Starts loading the hash's block, so that ``mayContain(_:)`` finds it in the cache.
    @inline(__always)
    func prefetch(_ hash: UInt64) {
        let base = block(of: hash)
        words.withUnsafeBufferPointer { sluice_prefetch($0.baseAddress! + base) }
    }

    /// The first word of the hash's block: its high 32 bits scaled to the block count.
    @inline(__always)
    private func block(of hash: UInt64) -> Int {
        Int(((hash >> 32) &* UInt64(blockCount)) >> 32) * 8
    }
}
