/// Which source column feeds each canonical field of a feed, found through aliases.
public struct HeaderBinding: Sendable {
    /// 0-based source column per feed field, or nil when no header matches.
    public var columns: [Int?]
    /// Source headers no field claims: 0-based column and header.
    public var unclaimed: [(index: Int, header: String)]
    /// Fields matched by more than one header: field index and the extra columns ignored.
    public var duplicates: [(field: Int, ignored: [Int])]

    /// Binds a header row to a feed's fields. A header matches a field when its key equals the
    /// key of the field's name or of one of its aliases (see `HeaderKey`); the first match wins.
    public init(feed: FeedSpec, header: [String]) {
        let headerKeys = header.map(HeaderKey.of)
        var columns: [Int?] = []
        var claimed = Set<Int>()
        var duplicates: [(field: Int, ignored: [Int])] = []
        for (fieldIndex, field) in feed.fields.enumerated() {
            let wanted = Set(([field.name] + field.aliases).map(HeaderKey.of))
            let matches = headerKeys.indices.filter { wanted.contains(headerKeys[$0]) && !claimed.contains($0) }
            columns.append(matches.first)
            claimed.formUnion(matches)
            if matches.count > 1 { duplicates.append((fieldIndex, Array(matches.dropFirst()))) }
        }
        self.columns = columns
        self.unclaimed = header.indices.filter { !claimed.contains($0) }.map { ($0, header[$0]) }
        self.duplicates = duplicates
    }
}

/// The comparable form of a header or alias: lower case, letters and digits only.
///
/// `Service Level %`, `service_level` and `SERVICE-LEVEL` all become `servicelevel`.
public enum HeaderKey {
    /// The key of a header.
    public static func of(_ header: String) -> String {
        String(
            header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
                .map(Character.init))
    }
}
