/// What `exceptions.html` shows, collected as findings stream past in bounded memory: counts
/// per vendor → file → rule and only the first examples of each group (the rest are in
/// `exceptions.csv`). A file that is quarantined half-way withdraws its findings: the digest
/// remembers what changed since the last mark, per group (not per finding, and not a copy of
/// every group per file, which would cost groups × files).
struct ExceptionsDigest: Sendable {
    /// One vendor → file → rule group.
    struct GroupKey: Hashable, Comparable, Sendable {
        /// Empty when the finding has no vendor (an unrouted file, a rules-level finding).
        let vendor: String
        let file: String
        let rule: String

        static func < (lhs: GroupKey, rhs: GroupKey) -> Bool {
            (lhs.vendor.isEmpty ? 1 : 0, lhs.vendor, lhs.file, lhs.rule)
                < (rhs.vendor.isEmpty ? 1 : 0, rhs.vendor, rhs.file, rhs.rule)
        }
    }

    /// A group's counts and first examples.
    struct Group: Sendable {
        var errors = 0
        var warnings = 0
        var examples: [Finding] = []

        /// Every finding of the group, shown or not.
        var total: Int { errors + warnings }
        /// Findings counted but not kept (they are in `exceptions.csv`).
        var omitted: Int { total - examples.count }
    }

    /// Examples kept per group.
    let examplesPerGroup: Int
    /// Examples kept in the whole report: beyond it groups keep counts only.
    let examplesInTotal: Int
    private(set) var groups: [GroupKey: Group] = [:]
    private(set) var kept = 0
    /// What each group gained since the last mark: errors, warnings, examples kept.
    private var sinceMark: [GroupKey: (errors: Int, warnings: Int, examples: Int)] = [:]

    /// Creates an empty digest with its limits.
    init(examplesPerGroup: Int = 50, examplesInTotal: Int = 5_000) {
        self.examplesPerGroup = examplesPerGroup
        self.examplesInTotal = examplesInTotal
    }

    /// Counts a finding, keeping it as an example while its group and the report have room.
    mutating func add(_ finding: Finding) {
        let key = GroupKey(vendor: finding.vendor ?? "", file: finding.location.file, rule: finding.ruleID)
        let keep = kept < examplesInTotal && (groups[key]?.examples.count ?? 0) < examplesPerGroup
        if keep { kept += 1 }
        // Mutated in place through the dictionary's default subscript: no copy of the group.
        switch finding.severity {
        case .error: groups[key, default: Group()].errors += 1
        case .warning: groups[key, default: Group()].warnings += 1
        }
        if keep { groups[key, default: Group()].examples.append(finding) }
        let error = finding.severity == .error ? 1 : 0
        sinceMark[key, default: (0, 0, 0)].errors += error
        sinceMark[key, default: (0, 0, 0)].warnings += 1 - error
        sinceMark[key, default: (0, 0, 0)].examples += keep ? 1 : 0
    }

    /// Marks the place `rollbackToMark` returns to (before each input file).
    mutating func mark() {
        sinceMark.removeAll(keepingCapacity: true)
    }

    /// Withdraws every finding added since the last mark.
    mutating func rollbackToMark() {
        for (key, delta) in sinceMark {
            guard var group = groups[key] else { continue }
            group.errors -= delta.errors
            group.warnings -= delta.warnings
            group.examples.removeLast(delta.examples)
            kept -= delta.examples
            groups[key] = group.total == 0 ? nil : group
        }
        sinceMark.removeAll(keepingCapacity: true)
    }

    /// The groups in report order: vendors by name (findings without a vendor last), then
    /// file, then rule.
    var sortedGroups: [(key: GroupKey, group: Group)] {
        groups.sorted { $0.key < $1.key }.map { (key: $0.key, group: $0.value) }
    }
}
