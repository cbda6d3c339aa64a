import Foundation

/// Reads a sample file with the real readers and profiles its columns or keys.
struct SampleReader {
    let url: URL
    let displayPath: String
    let limit: Int

    /// Title rows tried before giving up on finding a header.
    static let maxTitleRows = 10
    /// Records looked at to judge a header candidate.
    static let headerProbe = 20

    func read(_ format: InputFormat) throws(ReadError) -> Sample {
        switch format {
        case .csv: return try readCSV()
        case .xlsx: return try readXLSX()
        case .xml:
            guard let path = StructureGuesser.xmlRecordPath(of: url) else {
                throw ReadError(
                    path: displayPath, message: "no repeated element with fields found: name the record path by hand")
            }
            var reader = try XMLRecordReader(url: url, displayPath: displayPath, options: XMLOptions(recordPath: path))
            return try readKeyed(&reader, reading: .xml(recordPath: path))
        case .json:
            guard let path = StructureGuesser.jsonRecordsPath(of: url) else {
                throw ReadError(
                    path: displayPath,
                    message: "no array of objects found in the first MiB: name the records path by hand")
            }
            var reader = try JSONRecordReader(
                url: url, displayPath: displayPath, options: JSONOptions(recordsPath: path), lines: false)
            return try readKeyed(&reader, reading: .json(recordsPath: path))
        case .ndjson:
            var reader = try JSONRecordReader(url: url, displayPath: displayPath, options: JSONOptions(), lines: true)
            return try readKeyed(&reader, reading: .ndjson)
        }
    }

    // MARK: CSV and XLSX: a header row, maybe title rows above it

    private func readCSV() throws(ReadError) -> Sample {
        var encoding = TextEncoding.utf8
        while true {
            var titles: [String] = []
            var skip = 0
            for _ in 0...Self.maxTitleRows {
                var reader = try CSVRecordReader(
                    url: url, displayPath: displayPath,
                    options: CSVOptions(delimiter: nil, encoding: encoding, skipLines: skip))
                let probe = try probeRecords(&reader)
                if probe.contains(where: { $0.problems.contains { $0.ruleID == "invalid-encoding" } }),
                    encoding == .utf8
                {
                    break
                }
                if isHeader(reader.header, probe: probe) || skip > 0 && probe.isEmpty {
                    var rows = Rows(first: probe, reader: reader)
                    var profiled = try profileRows(header: reader.header, rows: &rows)
                    let resolved = reader.encoding
                    let declared: TextEncoding =
                        switch resolved.form {
                        case .utf8: .utf8
                        case .utf16LittleEndian, .utf16BigEndian: .utf16
                        case .windows1252: .windows1252
                        case .iso88591: .iso88591
                        }
                    profiled.reading = .csv(
                        FeedDraft.CSVReading(
                            delimiter: reader.detectedDelimiter, encoding: declared,
                            byteOrderMark: resolved.fromByteOrderMark,
                            skipLines: skip, titleLines: titles, footer: profiled.footer))
                    return profiled.sample
                }
                titles.append(reader.header.filter { !$0.hasPrefix("column ") }.joined(separator: " "))
                skip = reader.headerLine
            }
            guard encoding == .utf8 else {
                throw ReadError(
                    path: displayPath, message: "no header row found in the first \(Self.maxTitleRows) rows")
            }
            // Not UTF-8: Excel's "ANSI" export is the usual culprit.
            encoding = .windows1252
        }
    }

    private func readXLSX() throws(ReadError) -> Sample {
        var titles: [String] = []
        var skip = 0
        for _ in 0...Self.maxTitleRows {
            var reader = try XLSXRecordReader(url: url, displayPath: displayPath, options: XLSXOptions(skipRows: skip))
            let probe = try probeRecords(&reader)
            if isHeader(reader.header, probe: probe) || skip > 0 && probe.isEmpty {
                var rows = Rows(first: probe, reader: reader)
                var profiled = try profileRows(header: reader.header, rows: &rows)
                profiled.reading = .xlsx(
                    FeedDraft.XLSXReading(
                        sheet: reader.sheetName, skipRows: skip, titleRows: titles, footer: profiled.footer))
                return profiled.sample
            }
            titles.append(reader.header.filter { !$0.hasPrefix("column ") }.joined(separator: " "))
            skip = reader.headerLine
        }
        throw ReadError(path: displayPath, message: "no header row found in the first \(Self.maxTitleRows) rows")
    }

    /// A header fills at least half of its row with names (two or more, unless the file has
    /// one column), and the records below it are not ragged.
    private func isHeader(_ header: [String], probe: [RawRecord]) -> Bool {
        let named = header.filter { !$0.hasPrefix("column ") }.count
        let ragged = probe.filter { $0.problems.contains { $0.ruleID == "ragged-row" } }.count
        return named * 2 >= header.count && (named >= 2 || header.count == 1) && ragged * 10 <= probe.count
    }

    private func probeRecords<Reader: RecordReader>(_ reader: inout Reader) throws(ReadError) -> [RawRecord] {
        var records: [RawRecord] = []
        while records.count < Self.headerProbe, let record = try reader.next() { records.append(record) }
        return records
    }

    /// The probed records, then the rest from the reader.
    struct Rows<Reader: RecordReader> {
        var first: [RawRecord]
        var reader: Reader

        mutating func next() throws(ReadError) -> RawRecord? {
            if !first.isEmpty { return first.removeFirst() }
            return try reader.next()
        }
    }

    struct Profiled {
        var sample: Sample
        var footer: String?
        var reading: FeedDraft.Reading {
            get { sample.reading }
            set { sample.reading = newValue }
        }
    }

    /// Profiles rows by column. The last row is held back: a `Total` row is a footer, not data.
    private func profileRows<Reader: RecordReader>(header: [String], rows: inout Rows<Reader>) throws(ReadError)
        -> Profiled
    {
        var profiles = header.map(ColumnProfile.init)
        var pending: RawRecord?
        var count = 0
        var truncated = false
        func add(_ record: RawRecord) {
            for index in profiles.indices {
                profiles[index].add(index < record.fields.count ? record.fields[index].value : nil)
            }
            count += 1
        }
        while let record = try rows.next() {
            if let pending { add(pending) }
            pending = record
            if count >= limit {
                truncated = true
                pending = nil
                break
            }
        }
        var footer: String?
        if let last = pending {
            let first = last.fields.compactMap { $0.value?.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
            if let first, let word = Self.footerWord(first) { footer = word } else { add(last) }
        }
        return Profiled(
            sample: Sample(reading: .ndjson, profiles: profiles, records: count, truncated: truncated), footer: footer)
    }

    /// `Total`, `Gesamt`, `Summe`, `Grand total` at the start of a footer row's first value.
    static func footerWord(_ value: String) -> String? {
        let words = ["grand total", "totals", "total", "gesamt", "summe", "sum"]
        let lowered = value.lowercased()
        guard let word = words.first(where: { lowered.hasPrefix($0) }) else { return nil }
        let rest = lowered.dropFirst(word.count)
        guard rest.first.map({ !$0.isLetter }) ?? true else { return nil }
        return String(value.prefix(word.count))
    }

    // MARK: XML and JSON: records name their keys

    private func readKeyed<Reader: RecordReader>(_ reader: inout Reader, reading: FeedDraft.Reading) throws(ReadError)
        -> Sample
    {
        var profiles: [ColumnProfile] = []
        var slots: [String: Int] = [:]
        var count = 0
        var truncated = false
        while let record = try reader.next() {
            if count >= limit {
                truncated = true
                break
            }
            var present = Set<Int>()
            for field in record.fields {
                let slot: Int
                if let known = slots[field.key] {
                    slot = known
                } else {
                    slot = profiles.count
                    slots[field.key] = slot
                    var profile = ColumnProfile(header: field.key)
                    for _ in 0..<count { profile.addMissing() }
                    profiles.append(profile)
                }
                guard present.insert(slot).inserted else { continue }
                profiles[slot].add(field.value)
            }
            for slot in profiles.indices where !present.contains(slot) { profiles[slot].addMissing() }
            count += 1
        }
        return Sample(reading: reading, profiles: profiles, records: count, truncated: truncated)
    }
}
