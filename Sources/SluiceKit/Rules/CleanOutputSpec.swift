/// Where a feed's cleaned dataset is written and which columns it has (`clean:` in a feed).
public struct CleanOutputSpec: Sendable, Hashable {
    /// The columns a cleaned dataset can have besides the feed's fields.
    public static let extraColumns = ["vendor", "source_file", "source_line", "source_record"]
    /// Files of the run folder a cleaned dataset must not replace.
    static let reservedFiles = [
        "changes.csv", "credits.csv", "exceptions.csv", "kpi-wide.csv", "kpi.csv", "quality.csv", "submissions.csv",
        "worklist.csv",
    ]
    /// Folders of the run folder that hold other outputs.
    static let reservedFolders = ["rejected", "quarantine"]

    /// The path in the run folder, `/`-separated, or `nil` for `clean/<feed>.csv`.
    public var file: String?
    /// Column names in order, or `nil` for `vendor`, every field, then the three source columns.
    public var columns: [String]?
    /// Where `clean:` is declared.
    public var declaredAt: RulesLocation?

    /// Creates the options; the defaults are the standard layout.
    public init(file: String? = nil, columns: [String]? = nil, declaredAt: RulesLocation? = nil) {
        self.file = file
        self.columns = columns
        self.declaredAt = declaredAt
    }

    /// The path of the feed's cleaned dataset in the run folder.
    public func path(feed: String) -> String { file ?? "clean/\(feed).csv" }

    /// Why `path` cannot be a cleaned dataset's file, if it cannot.
    static func problem(with path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            return "file must be a relative path inside the run folder such as 'cleaned.csv', not '\(path)'"
        }
        if !path.lowercased().hasSuffix(".csv") || path.count <= 4 {
            return "file must name a .csv file, not '\(path)'"
        }
        if parts.count == 1, reservedFiles.contains(path.lowercased()) {
            return "file '\(path)' is another output of the run; choose another name"
        }
        if parts.count > 1, reservedFolders.contains(String(parts[0]).lowercased()) {
            return "file '\(path)' is inside the run's '\(parts[0])/' folder; choose another place"
        }
        return nil
    }
}
