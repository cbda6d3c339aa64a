/// The associate's chase list for a run: per vendor, what to chase and a request text ready
/// to send. Built from the collected record problems, the KPI stage's results (missing and
/// conflicting KPIs, missing, late and early submissions) and the quarantined files.
struct Worklist: Equatable {
    /// One vendor's items and request text.
    struct Vendor: Equatable {
        /// The vendor; empty for files no vendor could be told for.
        let name: String
        let items: [WorklistItem]
        let request: String
    }

    let vendors: [Vendor]

    /// The vendor heading used for files whose vendor is unknown.
    static let unknownVendor = "(unknown vendor)"

    init(vendors: [Vendor]) {
        self.vendors = vendors
    }

    /// Assembles the worklist; vendors sorted by name, files of unknown vendors last.
    init(collected: [WorklistItem], results: KPIResults, inputs: [InputSummary], feeds: [FeedSpec]) {
        var items = collected
        items += Self.quarantined(inputs, feeds: feeds, results: results)
        // Late and early receipts of earlier runs (seeded from the store) were listed by the run
        // that received them; only this run's files are news.
        let own = Set(inputs.filter { $0.status == "processed" || $0.status == "quarantined" }.map(\.path))
        items += Self.submissions(results, own: own)
        items += Self.kpis(results)
        let byVendor = Dictionary(grouping: items, by: \.vendor)
        let names = byVendor.keys.sorted { lhs, rhs in
            lhs.isEmpty != rhs.isEmpty ? !lhs.isEmpty : lhs < rhs
        }
        vendors = names.map { name in
            let vendorItems = byVendor[name]!.enumerated().sorted { lhs, rhs in
                let left = (Self.rank(lhs.element.problem), lhs.offset)
                let right = (Self.rank(rhs.element.problem), rhs.offset)
                return left < right
            }.map(\.element)
            return Vendor(
                name: name, items: vendorItems, request: WorklistRequest.text(vendor: name, items: vendorItems))
        }
    }

    /// Files first (what cannot be used at all), then field problems, KPIs, and notes.
    private static func rank(_ problem: WorklistItem.Problem) -> Int {
        switch problem {
        case .quarantinedFile: return 0
        case .missingSubmission: return 1
        case .missingValue, .invalidValue, .repeatedValue, .ambiguousValue, .badRow: return 2
        case .missingKPI: return 3
        case .conflictingKPI: return 4
        case .earlySubmission: return 5
        case .lateSubmission: return 6
        }
    }

    /// Quarantined files, under the feed's vendor when it can be told: the feed's constant
    /// vendor, else the one vendor that sent the feed's other files or that a contract expects
    /// it from.
    private static func quarantined(_ inputs: [InputSummary], feeds: [FeedSpec], results: KPIResults)
        -> [WorklistItem]
    {
        func vendor(of feedName: String?) -> String {
            guard let feedName, let feed = feeds.first(where: { $0.name == feedName }) else { return "" }
            if case .constant(let name) = feed.vendor { return name }
            var vendors = Set(results.quality.filter { $0.feed == feedName }.map(\.vendor))
            if vendors.isEmpty {
                vendors = Set(results.submissions.filter { $0.feed == feedName }.map(\.contract.vendor))
            }
            return vendors.count == 1 ? vendors.first! : ""
        }
        return inputs.filter { $0.status == "quarantined" }.map { input in
            WorklistItem(
                vendor: vendor(of: input.feed), feed: input.feed ?? "", period: "", problem: .quarantinedFile,
                field: "", count: 1, examples: [WorklistExample(file: input.path)], detail: input.reason ?? "")
        }
    }

    private static func submissions(_ results: KPIResults, own: Set<String>) -> [WorklistItem] {
        results.submissions.compactMap { row in
            if row.status == .late || row.status == .early, !row.files.contains(where: own.contains) { return nil }
            let problem: WorklistItem.Problem
            let detail: String
            let received = row.receivedOn.map { "\($0)" } ?? ""
            switch row.status {
            case .missing:
                problem = .missingSubmission
                detail = "due on \(row.due) (grace until \(row.graceUntil)); not received"
            case .late:
                problem = .lateSubmission
                detail = "received \(received), due \(row.due), grace until \(row.graceUntil)"
            case .early:
                problem = .earlySubmission
                detail = "received \(received), before the period ended on \(row.period.end)"
            case .received, .pending:
                return nil
            }
            return WorklistItem(
                vendor: row.contract.vendor, feed: row.feed, period: row.period.label, problem: problem, field: "",
                count: 1, examples: row.files.map { WorklistExample(file: $0) }, detail: detail)
        }
    }

    /// KPIs without a value in a period that sent data (the `missing-kpi` findings), and KPIs
    /// reported with conflicting values.
    private static func kpis(_ results: KPIResults) -> [WorklistItem] {
        var sentData = Set<String>()
        for row in results.rows where !row.source.isEmpty {
            sentData.insert(periodID(row))
        }
        var items: [WorklistItem] = []
        for row in results.rows where row.key.dimension.isEmpty && row.actual == nil {
            if row.source == "conflict" {
                items.append(
                    WorklistItem(
                        vendor: row.key.vendor, feed: "", period: row.key.period.label, problem: .conflictingKPI,
                        field: row.kpi.name, count: 1, examples: [],
                        detail: "reported with different values at \(row.evidence)"))
            } else if row.source.isEmpty, row.target != nil, sentData.contains(periodID(row)) {
                items.append(
                    WorklistItem(
                        vendor: row.key.vendor, feed: "", period: row.key.period.label, problem: .missingKPI,
                        field: row.kpi.name, count: 1, examples: [],
                        detail: "no value of \(row.kpi.id) (contract \(row.key.contract))"))
            }
        }
        return items
    }

    private static func periodID(_ row: KPIResults.Row) -> String {
        "\(row.key.vendor)\u{1F}\(row.key.contract)\u{1F}\(row.key.period.label)"
    }
}
