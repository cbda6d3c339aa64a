import Foundation

/// Streams one feed's accepted records to `clean/<feed>.csv` (or the feed's `clean: file`) and
/// rejected ones to `rejected/<feed>.csv`.
///
/// Clean columns: `vendor`, the feed's canonical fields with normalised values, then
/// `source_file`, `source_line`, `source_record`, unless the feed's `clean: columns` chooses
/// others. Rejected rows keep each field's raw text
/// and list the rules that rejected them, so nothing read is lost. Values of `pii:` fields are
/// masked in rejected rows (people read them); in clean rows, `pii: pseudonymise` fields hold
/// their pseudonym and `pii: true` fields their value.
final class DatasetWriter {
    private let feed: FeedSpec
    private let clean: BufferedFileWriter
    private let rejected: BufferedFileWriter
    private let fieldIndices: [Int]
    private let cleanColumns: [CleanColumn]
    /// The feed's field count: the length of every record's `values`.
    private let fieldCount: Int
    private let pii: [PIIHandling?]
    private let pseudonymiser: Pseudonymiser?
    /// Whether values get the spreadsheet-formula guard (`excel-safe-csv`).
    private let excelSafe: Bool
    private(set) var acceptedCount = 0
    private(set) var rejectedCount = 0

    init(feed: FeedSpec, folder: URL, pseudonymiser: Pseudonymiser? = nil, excelSafe: Bool = true)
        throws(OutputError)
    {
        self.feed = feed
        self.excelSafe = excelSafe
        self.pseudonymiser = pseudonymiser
        let cleanFolder = folder.appendingPathComponent("clean")
        let rejectedFolder = folder.appendingPathComponent("rejected")
        let cleanURL: URL
        if let file = feed.clean.file {
            cleanURL = folder.appendingPathComponent(file)
            do {
                try FileManager.default.createDirectory(
                    at: cleanURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: cleanURL.path, message: "cannot create folder: \(error.localizedDescription)")
            }
        } else {
            cleanURL = cleanFolder.appendingPathComponent("\(feed.name).csv")
        }
        clean = try BufferedFileWriter(url: cleanURL)
        rejected = try BufferedFileWriter(url: rejectedFolder.appendingPathComponent("\(feed.name).csv"))
        fieldCount = feed.fields.count
        fieldIndices = feed.fields.indices.filter { feed.fields[$0].name != "vendor" }
        let names = fieldIndices.map { feed.fields[$0].name }
        pii = fieldIndices.map { feed.fields[$0].pii }
        precondition(
            pseudonymiser != nil || !pii.contains(.pseudonymise), "pii: pseudonymise needs the run's pseudonymiser")
        let cleanNames = feed.clean.columns ?? ["vendor"] + names + ["source_file", "source_line", "source_record"]
        cleanColumns = cleanNames.map { CleanColumn(name: $0, feed: feed) }
        try clean.write(CSVLine.encode(cleanNames, excelSafe: excelSafe))
        try rejected.write(
            CSVLine.encode(
                ["source_file", "source_line", "source_record", "rules", "vendor"] + names, excelSafe: excelSafe))
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

    /// Writes the record's line straight into the file's buffer: a value at a time, with no
    /// per-line arrays or Strings (the hot path: one call per record read).
    func write(_ record: ValidatedRecord, file: String) throws(OutputError) {
        let indices = fieldIndices
        let safe = excelSafe
        // Most records have no findings: no call to scan them.
        if !record.findings.isEmpty && record.isRejected {
            var rules: [String] = []
            for finding in record.findings where finding.severity == .error && !rules.contains(finding.ruleID) {
                rules.append(finding.ruleID)
            }
            try rejected.writeLine { line in
                Self.appendSource(record, file: file, to: &line, excelSafe: safe)
                line.append(UInt8(ascii: ","))
                CSVLine.appendField(rules.joined(separator: ";"), to: &line, excelSafe: safe)
                line.append(UInt8(ascii: ","))
                CSVLine.appendField(record.vendor, to: &line, excelSafe: safe)
                for (position, index) in indices.enumerated() {
                    line.append(UInt8(ascii: ","))
                    guard let raw = record.rawValue(at: index) else { continue }
                    CSVLine.appendField(pii[position] == nil ? raw : PIIMask.mask(raw), to: &line, excelSafe: safe)
                }
            }
            rejectedCount += 1
        } else {
            let columns = cleanColumns
            try clean.writeLine { line in
                // Values are read in place through the buffer, their payloads taken apart by
                // `CleanPiece` (which says why).
                record.values.withUnsafeBufferPointer { values in
                    precondition(values.count == fieldCount, "a value per feed field")
                    for (position, column) in columns.enumerated() {
                        if position > 0 { line.append(UInt8(ascii: ",")) }
                        switch column {
                        case .vendor: CSVLine.appendField(record.vendor, to: &line, excelSafe: safe)
                        case .sourceFile: CSVLine.appendField(file, to: &line, excelSafe: safe)
                        case .sourceLine: CSVLine.appendInteger(Int64(record.raw.line), to: &line)
                        case .sourceRecord: CSVLine.appendInteger(Int64(record.raw.number), to: &line)
                        case .field(let index):
                            switch CleanPiece(values.baseAddress! + index) {
                            case .none: break
                            case .text(let text): CSVLine.appendField(text, to: &line, excelSafe: safe)
                            case .integer(let number): CSVLine.appendInteger(number, to: &line)
                            case .boolean(let flag): CSVLine.appendBoolean(flag, to: &line)
                            case .date(let date): CSVLine.appendDate(date, to: &line, excelSafe: safe)
                            case .timestamp(let stamp): CSVLine.appendTimestamp(stamp, to: &line, excelSafe: safe)
                            case .other: CSVLine.appendClean(values[index], to: &line, excelSafe: safe)
                            }
                        case .pseudonymised(let index):
                            guard let value = values[index] else { continue }
                            let text = value.cleanText
                            if let pseudonymiser, !text.isEmpty {
                                CSVLine.appendField(pseudonymiser.pseudonym(text), to: &line, excelSafe: safe)
                            } else {
                                CSVLine.appendField(text, to: &line, excelSafe: safe)
                            }
                        }
                    }
                }
            }
            acceptedCount += 1
        }
    }

    /// `source_file,source_line,source_record`.
    private static func appendSource(
        _ record: ValidatedRecord, file: String, to line: inout OutputBuffer, excelSafe safe: Bool
    ) {
        CSVLine.appendField(file, to: &line, excelSafe: safe)
        line.append(UInt8(ascii: ","))
        CSVLine.appendInteger(Int64(record.raw.line), to: &line)
        line.append(UInt8(ascii: ","))
        CSVLine.appendInteger(Int64(record.raw.number), to: &line)
    }

    func close() throws(OutputError) {
        try clean.close()
        try rejected.close()
    }
}

/// One column of a cleaned dataset.
private enum CleanColumn {
    case vendor
    case sourceFile
    case sourceLine
    case sourceRecord
    /// A field's normalised value, by index in the feed's fields.
    case field(Int)
    /// A `pii: pseudonymise` field's pseudonym, by index in the feed's fields.
    case pseudonymised(Int)

    /// The column named `name`; the rules validator has checked that the name exists.
    init(name: String, feed: FeedSpec) {
        switch name {
        case "vendor": self = .vendor
        case "source_file": self = .sourceFile
        case "source_line": self = .sourceLine
        case "source_record": self = .sourceRecord
        default:
            let index = feed.fields.firstIndex { $0.name == name }!
            self = feed.fields[index].pii == .pseudonymise ? .pseudonymised(index) : .field(index)
        }
    }
}
