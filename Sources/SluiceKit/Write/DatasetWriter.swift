import Foundation

/// Streams one feed's accepted records to `clean/<feed>.csv` and rejected ones to
/// `rejected/<feed>.csv`.
///
/// Clean columns: `vendor`, the feed's canonical fields with normalised values, then
/// `source_file`, `source_line`, `source_record`. Rejected rows keep each field's raw text
/// and list the rules that rejected them, so nothing read is lost. Values of `pii:` fields are
/// masked in rejected rows (people read them); in clean rows, `pii: pseudonymise` fields hold
/// their pseudonym and `pii: true` fields their value.
final class DatasetWriter {
    private let feed: FeedSpec
    private let clean: BufferedFileWriter
    private let rejected: BufferedFileWriter
    private let fieldIndices: [Int]
    private let pii: [PIIHandling?]
    private let pseudonymiser: Pseudonymiser?
    private(set) var acceptedCount = 0
    private(set) var rejectedCount = 0

    init(feed: FeedSpec, folder: URL, pseudonymiser: Pseudonymiser? = nil) throws(OutputError) {
        self.feed = feed
        self.pseudonymiser = pseudonymiser
        let cleanFolder = folder.appendingPathComponent("clean")
        let rejectedFolder = folder.appendingPathComponent("rejected")
        clean = try BufferedFileWriter(url: cleanFolder.appendingPathComponent("\(feed.name).csv"))
        rejected = try BufferedFileWriter(url: rejectedFolder.appendingPathComponent("\(feed.name).csv"))
        fieldIndices = feed.fields.indices.filter { feed.fields[$0].name != "vendor" }
        let names = fieldIndices.map { feed.fields[$0].name }
        pii = fieldIndices.map { feed.fields[$0].pii }
        precondition(
            pseudonymiser != nil || !pii.contains(.pseudonymise), "pii: pseudonymise needs the run's pseudonymiser")
        try clean.write(CSVLine.encode(["vendor"] + names + ["source_file", "source_line", "source_record"]))
        try rejected.write(CSVLine.encode(["source_file", "source_line", "source_record", "rules", "vendor"] + names))
    }

    /// A place to roll back to.
    struct Checkpoint {
        let clean: Int
        let rejected: Int
        let accepted: Int
        let rejectedCount: Int
    }

    var checkpoint: Checkpoint {
        Checkpoint(
            clean: clean.offset, rejected: rejected.offset, accepted: acceptedCount, rejectedCount: rejectedCount)
    }

    func rollback(to checkpoint: Checkpoint) throws(OutputError) {
        try clean.rollback(to: checkpoint.clean)
        try rejected.rollback(to: checkpoint.rejected)
        acceptedCount = checkpoint.accepted
        rejectedCount = checkpoint.rejectedCount
    }

    func write(_ record: ValidatedRecord, file: String) throws(OutputError) {
        let source = [file, String(record.raw.line), String(record.raw.number)]
        if record.isRejected {
            var rules: [String] = []
            for finding in record.findings where finding.severity == .error && !rules.contains(finding.ruleID) {
                rules.append(finding.ruleID)
            }
            var raws = fieldIndices.map { record.rawValues[$0] ?? "" }
            for (position, handling) in pii.enumerated() where handling != nil {
                raws[position] = PIIMask.mask(raws[position])
            }
            try rejected.write(CSVLine.encode(source + [rules.joined(separator: ";"), record.vendor] + raws))
            rejectedCount += 1
        } else {
            var values = fieldIndices.map { record.values[$0]?.cleanText ?? "" }
            if let pseudonymiser {
                for (position, handling) in pii.enumerated()
                where handling == .pseudonymise && !values[position].isEmpty {
                    values[position] = pseudonymiser.pseudonym(values[position])
                }
            }
            try clean.write(CSVLine.encode([record.vendor] + values + source))
            acceptedCount += 1
        }
    }

    func close() throws(OutputError) {
        try clean.close()
        try rejected.close()
    }
}
