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
        for encoding in [TextEncoding.utf8, .windows1252] {
            let open = { (skip: Int) throws(ReadError) -> CSVRecordReader in
                try CSVRecordReader(
                    url: url, displayPath: displayPath,
                    options: CSVOptions(delimiter: nil, encoding: encoding, skipLines: skip))
            }
            let found = try findHeader(open)
            var rows = Rows(first: found.probe, reader: found.reader)
            var profiled = try profileRows(header: found.reader.header, rows: &rows)
            // Bytes that are not UTF-8: Excel's "ANSI" export (Windows-1252) is the usual culprit.
            if profiled.invalidEncoding && encoding == .utf8 { continue }
            let resolved = found.reader.encoding
            let declared: TextEncoding =
                switch resolved.form {
                case .utf8: .utf8
                case .utf16LittleEndian, .utf16BigEndian: .utf16
                case .windows1252: .windows1252
                case .iso88591: .iso88591
                }
            profiled.reading = .csv(
                FeedDraft.CSVReading(
                    delimiter: found.reader.detectedDelimiter, encoding: declared,
                    byteOrderMark: resolved.fromByteOrderMark, skipLines: found.skip, titleLines: found.titles,
                    footer: profiled.footer))
            return profiled.sample
        }
        preconditionFailure("every byte is valid Windows-1252 text")
    }

    private func readXLSX() throws(ReadError) -> Sample {
        let open = { (skip: Int) throws(ReadError) -> XLSXRecordReader in
            try XLSXRecordReader(url: url, displayPath: displayPath, options: XLSXOptions(skipRows: skip))
        }
        let found = try findHeader(open)
        var rows = Rows(first: found.probe, reader: found.reader)
        var profiled = try profileRows(header: found.reader.header, rows: &rows)
        profiled.reading = .xlsx(
            FeedDraft.XLSXReading(
                sheet: found.reader.sheetName, skipRows: found.skip, titleRows: found.titles, footer: profiled.footer))
        return profiled.sample
    }

    /// A reader positioned after its header, the records read to judge it, and the title rows
    /// skipped to get there.
    struct HeaderCandidate<Reader: RecordReader> {
        var reader: Reader
        var probe: [RawRecord]
        var skip: Int
        var titles: [String]
    }

    /// Tries the first non-blank row as the header, then the next, up to ``maxTitleRows``: the
    /// first that fills at least half its row with names, two or more, over records that are
    /// not ragged, wins. A one-column header is kept only if no wider one follows (a title line
    /// with an odd quote reads as one column too).
    private func findHeader<Reader: RecordReader>(_ open: (Int) throws(ReadError) -> Reader) throws(ReadError)
        -> HeaderCandidate<Reader>
    {
        var titles: [String] = []
        var skip = 0
        var fallback: HeaderCandidate<Reader>?
        for _ in 0...Self.maxTitleRows {
            var reader: Reader
            let probe: [RawRecord]
            do {
                reader = try open(skip)
                probe = try probeRecords(&reader)
            } catch {
                if let fallback { return fallback }
                throw error
            }
            let header = reader.fixedHeader ?? []
            let candidate = HeaderCandidate(reader: reader, probe: probe, skip: skip, titles: titles)
            let named = header.filter { !$0.hasPrefix("column ") }
            let ragged = probe.filter { $0.problems.contains { $0.ruleID == "ragged-row" } }.count
            if ragged * 10 <= probe.count && named.count * 2 >= header.count {
                if named.count >= 2 { return candidate }
                if fallback == nil { fallback = candidate }
            }
            if probe.isEmpty { break }
            titles.append(named.joined(separator: " "))
            skip = reader.headerLine
        }
        if let fallback { return fallback }
        throw ReadError(path: displayPath, message: "no header row found in the first \(Self.maxTitleRows) rows")
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
        var invalidEncoding: Bool
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
        var invalidEncoding = false
        func add(_ record: RawRecord) {
            if record.problems.contains(where: { $0.ruleID == "invalid-encoding" }) { invalidEncoding = true }
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
            sample: Sample(reading: .ndjson, profiles: profiles, records: count, truncated: truncated), footer: footer,
            invalidEncoding: invalidEncoding)
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
