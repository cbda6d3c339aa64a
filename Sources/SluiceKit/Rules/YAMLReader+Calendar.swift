import Yams

/// The calendar keys a contract and a contract-less KPI block share (`period:`, `time-zone:`).
extension YAMLReader {
    /// A `time-zone:` value naming an IANA zone; `nil`, with the error recorded, otherwise.
    func timeZone(_ node: Node) -> String? {
        guard let zone = string(node, "time-zone") else { return nil }
        guard LocalDate.isKnownZone(zone) else {
            fail(node, "unknown time zone '\(zone)'; use an IANA name such as 'Europe/London'")
            return nil
        }
        return zone
    }

    /// A `period:` value; `month` (with the error recorded) when it names no period length.
    func period(_ node: Node) -> PeriodLength {
        choice(node, "period", as: PeriodLength.self) ?? .month
    }
}
