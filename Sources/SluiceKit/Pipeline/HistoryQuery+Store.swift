import Foundation

extension HistoryQuery {
    /// `sluice history`: loads the rules (for KPI names, targets and statuses), opens the
    /// outbox's store read-only (never creating or migrating it), and renders the listing.
    public static func run(
        _ options: RunOptions, vendor: String, kpi: String?, contract: String?
    ) throws(SluiceError) -> String {
        let rules = try Pipeline.loadRules(options)
        let url = options.outbox.appendingPathComponent(Store.fileName)
        let shown = options.displayBase.map { DisplayPath.of(url, relativeTo: $0) } ?? url.path
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .input(
                path: shown,
                message:
                    "no store here: 'sluice run' creates it with its first published run (or name the outbox with --outbox)"
            )
        }
        let items: [Item]
        do {
            items = try KPIHistory(database: Database(path: url.path, readOnly: true)).historyItems()
        } catch {
            throw .input(path: shown, message: "cannot read the store: \(error.message)")
        }
        return try render(vendor: vendor, kpi: kpi, contract: contract, rules: rules, items: items)
    }
}
