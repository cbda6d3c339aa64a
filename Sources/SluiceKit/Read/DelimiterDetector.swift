/// Picks a CSV delimiter from the header line when the feed does not declare one.
///
/// Counts `,` `;` tab and `|` outside quotes on the first non-blank line; the most frequent
/// wins, ties go to the earlier in that order, and a line with none of them (a one-column
/// file) is read with `,`.
struct DelimiterDetector {
    /// The candidates, in tie-breaking order.
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// What the detector concluded from the bytes it was given.
    enum Outcome: Equatable {
        /// The header line is complete and this delimiter wins.
        case detected(UInt8)
        /// The header line does not end within the bytes given; call again with more.
        case needsMoreInput
    }

    /// The quote byte; delimiters between quotes do not count.
    let quote: UInt8

    /// Examines `bytes`; `isComplete` says there are no more bytes after them (end of file).
    func detect(in bytes: some Collection<UInt8>, isComplete: Bool) -> Outcome {
        var counts = [Int](repeating: 0, count: Self.candidates.count)
        var inQuotes = false
        var seenContent = false
        for byte in bytes {
            if byte == quote {
                inQuotes.toggle()
                seenContent = true
            } else if !inQuotes && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) {
                // Blank lines before the header are skipped; a line end after content ends the header.
                if seenContent { return .detected(Self.winner(counts)) }
            } else {
                seenContent = true
                if !inQuotes, let slot = Self.candidates.firstIndex(of: byte) {
                    counts[slot] += 1
                }
            }
        }
        return isComplete ? .detected(Self.winner(counts)) : .needsMoreInput
    }

    private static func winner(_ counts: [Int]) -> UInt8 {
        var best = 0
        for slot in counts.indices where counts[slot] > counts[best] {
            best = slot
        }
        return counts[best] == 0 ? UInt8(ascii: ",") : candidates[best]
    }
}
