/// Binds each record of a file to the feed's fields: once for formats with a header row
/// (CSV, XLSX), per record for keyed formats (XML, JSON), where most records repeat the
/// previous record's keys, so the binding is recomputed only when the keys change.
struct RecordBinder {
    private let feed: FeedSpec
    private let fixed: Bool
    private var keys: [String] = []
    /// The binding of the last record bound (of the header, for formats with one).
    private(set) var binding: HeaderBinding

    /// A binder for a file with this header row, or none (`nil`) for a keyed format.
    init(feed: FeedSpec, header: [String]?) {
        self.feed = feed
        fixed = header != nil
        binding = HeaderBinding(feed: feed, header: header ?? [])
    }

    /// The binding for a record.
    mutating func bind(_ record: RawRecord) -> HeaderBinding {
        guard !fixed else { return binding }
        // Compared in place: most records repeat the previous keys (readers hand out the same
        // String storage for them, so each comparison is a pointer check), and building the key
        // array for every record was an allocation per record.
        var same = record.fields.count == keys.count
        if same {
            for index in keys.indices where record.fields[index].key != keys[index] {
                same = false
                break
            }
        }
        if !same {
            keys = record.fields.map(\.key)
            binding = HeaderBinding(feed: feed, header: keys)
        }
        return binding
    }
}
