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
        Entry(id: UniqueRule.id, summary: "a field's value does not repeat within its file"),
        Entry(id: "ragged-row", summary: "the row has as many values as the header"),
        Entry(id: "invalid-encoding", summary: "the bytes are valid in the file's encoding"),
        Entry(id: "unknown-column", summary: "every column is claimed by a field"),
        Entry(id: "missing-column", summary: "every field has a column"),
        Entry(id: "duplicate-column", summary: "no two columns match the same field"),
        Entry(
            id: "duplicate-submission", summary: "a file's content has not been dealt with before under another name"),
        Entry(id: "unrouted-file", summary: "exactly one feed claims the file"),
        Entry(id: "unreadable-file", summary: "the file can be read"),
    ]

    /// The KPI stage's findings, in the order the README lists them.
    public static let kpi: [Entry] = [
        Entry(id: "missing-kpi", summary: "every targeted KPI has a value for a vendor-period that sent data"),
        Entry(id: "duplicate-kpi", summary: "a KPI is reported once per vendor-period"),
        Entry(id: "conflicting-kpi", summary: "repeated reports of a KPI agree"),
        Entry(id: "reported-vs-derived", summary: "reported and recomputed values agree within tolerance"),
        Entry(id: "missing-submission", summary: "expected submissions arrive by their due date and grace"),
        Entry(id: "late-submission", summary: "submissions arrive on time"),
        Entry(id: "early-submission", summary: "submissions arrive after their period ends"),
        Entry(id: "missing-days", summary: "record-level feeds cover every day of a period"),
        Entry(id: "unknown-kpi", summary: "long-layout KPI names are in the catalogue"),
        Entry(id: "future-period", summary: "periods are not after the as-of date"),
        Entry(id: "outside-contract", summary: "dates fall within the vendor's contract"),
        Entry(id: "no-contract", summary: "the vendor has a contract"),
    ]
}
