/// The stand-in contract of feeds declared with `contract: none`: their KPIs are evaluated per
/// vendor × period against the catalogue's default targets (`target:` on a KPI), with no
/// contract dates, credits or submissions. Its id is empty, so outputs show an empty contract.
enum OpenContract {
    /// The id KPI keys of contract-less feeds carry.
    static let id = ""

    /// The contract itself: open-ended, no targets of its own, no credits, no submissions.
    static let shared = ContractSpec(
        id: id, vendor: "", start: CivilDate(year: 1, month: 1, day: 1),
        end: CivilDate(year: 9999, month: 12, day: 31), period: .month, timeZone: "UTC")
}
