/// Numbers the data records of a tabular file (CSV, XLSX) and holds back the last
/// `dropLastRows` of them, which are a footer (a "Total" row without a marker) and dropped.
struct FooterBuffer {
    let dropLastRows: Int
    private var held: [RawRecord] = []
    private var count = 0

    init(dropLastRows: Int) {
        self.dropLastRows = dropLastRows
    }

    /// The record to emit now, numbered; nil while the footer window is filling.
    mutating func push(_ record: RawRecord) -> RawRecord? {
        var ready = record
        if dropLastRows > 0 {
            held.append(record)
            guard held.count > dropLastRows else { return nil }
            ready = held.removeFirst()
        }
        count += 1
        ready.number = count
        return ready
    }

    /// At the end of the file: the lines of the held-back footer rows, which are dropped.
    mutating func finish() -> [Int] {
        defer { held.removeAll() }
        return held.map(\.line)
    }
}

extension FooterBuffer {
    /// Compiles a feed's `drop-rows-matching` pattern (the rules loader has checked it already).
    static func dropPattern(_ pattern: String?, displayPath: String) throws(ReadError) -> Regex<AnyRegexOutput>? {
        guard let pattern else { return nil }
        do {
            return try Regex(pattern)
        } catch {
            throw ReadError(
                path: displayPath, message: "drop-rows pattern '\(pattern)' is not a valid regular expression")
        }
    }
}
