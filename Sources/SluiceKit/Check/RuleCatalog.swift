/// Every rule id a finding can carry, with what it means: the registry the README's rules
/// table is checked against.
public enum RuleCatalog {
    /// One rule.
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var summary: String
    }

    /// All rules, in the order the README lists them.
    public static let all: [Entry] = [
        Entry(id: RequiredRule.id, summary: "a required field has a value"),
        Entry(id: "type", summary: "the value is of the field's kind"),
        Entry(id: "ambiguous-date", summary: "no two declared formats read the value differently"),
        Entry(id: "enum", summary: "the value is a declared value or synonym"),
        Entry(id: "range", summary: "the value lies within the declared range"),
        Entry(id: "pattern", summary: "the value matches the declared pattern"),
        Entry(id: "max-length", summary: "the value is not longer than declared"),
        Entry(id: "compare", summary: "two fields of a record stand in the declared order"),
        Entry(id: UniqueKeyRule.id, summary: "the key fields do not repeat within the feed"),
        Entry(id: "ragged-row", summary: "the row has as many values as the header"),
        Entry(id: "invalid-encoding", summary: "the bytes are valid in the file's encoding"),
        Entry(id: "unknown-column", summary: "every column is claimed by a field"),
        Entry(id: "missing-column", summary: "every field has a column"),
        Entry(id: "duplicate-column", summary: "no two columns match the same field"),
        Entry(id: "unrouted-file", summary: "exactly one feed claims the file"),
        Entry(id: "unreadable-file", summary: "the file can be read"),
    ]
}
