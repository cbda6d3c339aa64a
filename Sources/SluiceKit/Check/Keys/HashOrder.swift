/// A key's hash with its entry number in a ``KeyTable``: the order a run is written in.
struct HashedEntry {
    var hash: UInt64
    var entry: Int32
}

/// Sorts a spilled table's entries by hash in linear time: a counting pass on the hash's top
/// bits (about one bucket per entry), then an insertion sort of each bucket (one entry on
/// average: the hashes are seeded and uniform).
///
/// Written here rather than calling `sort(by:)`: sorting the `(hash, entry)` pairs with a
/// closure was about a third of a spill's time on the check thread (perf, 1M record ids:
/// 2.1 % of all samples of 6.1 %).
enum HashOrder {
    /// Buckets larger than this (only when many hashes share their top bits) are sorted by the
    /// standard library, so no input is quadratic.
    private static let largestInsertionSort = 32

    /// The items sorted by hash (the order of equal hashes is not specified: a table never
    /// holds one key twice, and a run look-up compares every entry of a matching hash).
    static func sorted(_ items: [HashedEntry]) -> [HashedEntry] {
        let count = items.count
        guard count > 64 else { return items.sorted { $0.hash < $1.hash } }
        let bits = min(Int.bitWidth - (count - 1).leadingZeroBitCount, 24)
        let shift = UInt64(64 - bits)
        var starts = [Int](repeating: 0, count: (1 << bits) + 1)
        return starts.withUnsafeMutableBufferPointer { starts in
            for item in items { starts[Int(item.hash >> shift) + 1] += 1 }
            for bucket in 1..<starts.count { starts[bucket] += starts[bucket - 1] }
            return [HashedEntry](unsafeUninitializedCapacity: count) { output, initialized in
                // `starts[bucket]` moves from the bucket's start to its end while it is filled.
                for item in items {
                    let bucket = Int(item.hash >> shift)
                    (output.baseAddress! + starts[bucket]).initialize(to: item)
                    starts[bucket] += 1
                }
                initialized = count
                var start = 0
                for bucket in 0..<(starts.count - 1) {
                    let end = starts[bucket]
                    if end - start > 1 { sortBucket(output, start, end) }
                    start = end
                }
            }
        }
    }

    private static func sortBucket(_ items: UnsafeMutableBufferPointer<HashedEntry>, _ start: Int, _ end: Int) {
        guard end - start <= largestInsertionSort else {
            var bucket = UnsafeMutableBufferPointer(rebasing: items[start..<end])
            bucket.sort { $0.hash < $1.hash }
            return
        }
        for index in (start + 1)..<end {
            let item = items[index]
            var position = index
            while position > start && items[position - 1].hash > item.hash {
                items[position] = items[position - 1]
                position -= 1
            }
            items[position] = item
        }
    }
}
