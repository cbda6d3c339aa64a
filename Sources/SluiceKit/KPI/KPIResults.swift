/// What the KPI stage publishes for a run: the KPI dataset, credits, submissions, data
/// quality, and the dataset-level findings.
struct KPIResults: Sendable {
    /// One KPI of one vendor, contract and period (and dimension) against its target.
    struct Row: Sendable {
        let key: KPIKey
        let kpi: KPISpec
        let actual: ExactRatio?
        let target: SLATarget?
        let status: SLAStatus?
        /// `reported`, `derived`, `conflict`, or empty when there is no value.
        let source: String
        let evidence: String
    }

    /// Service credits of one contract for one period.
    struct Credit: Sendable {
        let contract: ContractSpec
        let period: PeriodKey
        let breached: [String]
        let result: CreditResult
    }

    /// One expected submission and what arrived.
    struct Submission: Sendable {
        let contract: ContractSpec
        let feed: String
        let period: PeriodKey
        let due: CivilDate
        let graceUntil: CivilDate
        let receivedOn: CivilDate?
        let status: SubmissionStatus
        let files: [String]
    }

    /// Errors per 100 data points of one vendor in one feed (the team's accuracy measure).
    struct Quality: Sendable {
        let vendor: String
        let feed: String
        let records: Int
        let dataPoints: Int
        let errors: Int

        /// Errors per 100 data points, exact.
        var errorsPer100: ExactRatio? {
            dataPoints == 0 ? nil : ExactRatio(Int128(errors) * 100, Int128(dataPoints))
        }

        /// The team's target: under 2 errors per 100 data points.
        static let target = ExactDecimal(2)

        /// `met` when under the target.
        var status: SLAStatus {
            guard let value = errorsPer100 else { return .noData }
            return value < ExactRatio(Self.target) ? .met : .breached
        }
    }

    var rows: [Row] = []
    var credits: [Credit] = []
    var submissions: [Submission] = []
    var quality: [Quality] = []
    var findings: [Finding] = []
}
