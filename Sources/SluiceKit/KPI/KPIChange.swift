/// A published KPI value that a resubmission replaced: what it was, what it is now, and
/// which files (and runs) it came from. One per changed vendor × contract × period × KPI.
public struct KPIChange: Codable, Sendable, Hashable, Comparable {
    public var vendor: String
    public var contract: String
    /// The period label (`2026-10`, `2026-W42`).
    public var period: String
    public var kpi: String
    /// `queue=Billing`, or empty for the whole period.
    public var dimension: String
    /// The replaced value as published (rounded to the KPI's decimals).
    public var previous: String
    /// The replacing value; empty when the resubmission no longer has one.
    public var current: String
    /// The file (`file:line`, or the records' files) the replaced value came from.
    public var previousSource: String
    /// The run that published the replaced value.
    public var previousRun: String
    /// The file the replacing value came from.
    public var currentSource: String

    enum CodingKeys: String, CodingKey {
        case vendor, contract, period, kpi, dimension, previous, current
        case previousSource = "previous_source"
        case previousRun = "previous_run"
        case currentSource = "current_source"
    }

    /// Creates a change.
    public init(
        vendor: String, contract: String, period: String, kpi: String, dimension: String = "", previous: String,
        current: String, previousSource: String, previousRun: String, currentSource: String
    ) {
        self.vendor = vendor
        self.contract = contract
        self.period = period
        self.kpi = kpi
        self.dimension = dimension
        self.previous = previous
        self.current = current
        self.previousSource = previousSource
        self.previousRun = previousRun
        self.currentSource = currentSource
    }

    /// The line on stderr:
    /// `ACME 2026-10 first_contact_resolution 71.2 → 74.0 (Inbox/a.csv:5 of run 20261105T020000Z, replaced by Inbox/b.csv:5)`.
    public var line: String {
        let what = dimension.isEmpty ? kpi : "\(kpi) [\(dimension)]"
        let now = current.isEmpty ? "no value" : current
        return
            "\(vendor) \(period) \(what) \(previous) → \(now) (\(previousSource) of run \(previousRun), replaced by \(currentSource))"
    }

    /// The columns of `changes.csv`, in order.
    static let csvHeader = [
        "vendor", "contract", "period", "kpi", "dimension", "previous", "current", "previous_source", "previous_run",
        "current_source",
    ]

    /// This change as a `changes.csv` row.
    var csvRow: [String] {
        [vendor, contract, period, kpi, dimension, previous, current, previousSource, previousRun, currentSource]
    }

    /// By vendor, contract, period, KPI, dimension.
    public static func < (lhs: KPIChange, rhs: KPIChange) -> Bool {
        (lhs.vendor, lhs.contract, lhs.period, lhs.kpi, lhs.dimension)
            < (rhs.vendor, rhs.contract, rhs.period, rhs.kpi, rhs.dimension)
    }
}
