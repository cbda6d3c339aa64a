/// Reads one routed file through its feed: header binding, then every record mapped,
/// normalised, checked and written. A file that cannot be used is reported as quarantined.
struct FileProcessor {
    /// What became of a file.
    enum Outcome {
        case processed(RecordCounts, dropped: Int)
        case quarantined(ruleID: String, reason: String, line: Int?, column: Int? = nil)
    }

    let checker: FeedChecker
    let outputs: RunOutputs
    let kpis: KPICollector
    /// Counts records for a progress line, in batches.
    var progress: RunProgress? = nil

    func process(_ file: InboxFile) throws(OutputError) -> Outcome {
        let feed = checker.feed.reading(fileName: file.name)
        if let mismatch = FormatSniffer.mismatch(file.url, format: feed.format) {
            return .quarantined(ruleID: "unreadable-file", reason: mismatch, line: nil)
        }
        var reader: any RecordReader
        do {
            reader = try ReaderFactory.reader(for: file.url, displayPath: file.displayPath, feed: feed)
        } catch {
            return .quarantined(ruleID: "unreadable-file", reason: error.message, line: nil)
        }
        var binder = RecordBinder(feed: feed, header: reader.fixedHeader)
        if let header = reader.fixedHeader {
            let binding = binder.binding
            if let reason = missingRequiredColumns(binding, header: header, line: reader.headerLine) {
                return .quarantined(ruleID: "missing-column", reason: reason, line: reader.headerLine)
            }
            for finding in headerFindings(binding, header: header, line: reader.headerLine, file: file.displayPath) {
                try outputs.write(finding)
            }
        }
        var counts = RecordCounts()
        do {
            while let raw = try reader.next() {
                // Bytes that are not text in the file's encoding mean the file was exported or
                // declared wrongly: every value is suspect, so the whole file waits for a fix.
                if let bad = raw.problems.first(where: { $0.ruleID == "invalid-encoding" }) {
                    // The reason reaches every report: a feed with personal data gets the value masked.
                    let value = checker.piiIndices.isEmpty ? bad.rawValue ?? "" : PIIMask.mask(bad.rawValue ?? "")
                    let reason =
                        "\(bad.message) at line \(bad.line)\(bad.column.map { ", column \($0)" } ?? "") ('\(value)'); \(bad.hint ?? "")"
                    return .quarantined(ruleID: "invalid-encoding", reason: reason, line: bad.line, column: bad.column)
                }
                var record = checker.validate(raw, binding: binder.bind(raw), file: file.displayPath)
                kpis.observe(&record, feed: feed, file: file)
                kpis.count(record, feed: feed)
                try outputs.write(record, feed: feed.name, file: file.displayPath)
                counts.read += 1
                if counts.read % RunProgress.recordBatch == 0 { progress?.add(records: RunProgress.recordBatch) }
                if record.isRejected { counts.rejected += 1 } else { counts.accepted += 1 }
            }
            progress?.add(records: counts.read % RunProgress.recordBatch)
        } catch let error as ReadError {
            return .quarantined(ruleID: "unreadable-file", reason: error.message, line: nil)
        } catch let error as OutputError {
            throw error
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
        if counts.read == 0 {
            return .quarantined(
                ruleID: "unreadable-file",
                reason: "file has no records (only a header, or nothing after the title rows)",
                line: nil)
        }
        return .processed(counts, dropped: reader.droppedRows.count)
    }

    /// Why the file is unusable when a required field has no column, else nil.
    private func missingRequiredColumns(_ binding: HeaderBinding, header: [String], line: Int) -> String? {
        let feed = checker.feed
        let missing = feed.fields.indices.filter { binding.columns[$0] == nil && feed.fields[$0].required == .error }
        guard !missing.isEmpty else { return nil }
        let names = missing.map { describe(feed.fields[$0]) }.joined(separator: ", ")
        let present = header.map { "'\($0)'" }.joined(separator: ", ")
        return "required column \(names) not found in the header (line \(line)); the header has \(present)"
    }

    private func describe(_ field: FieldSpec) -> String {
        let names = ([field.name] + field.aliases).map { "'\($0)'" }
        return names.count == 1 ? names[0] : "\(names[0]) (or \(names.dropFirst().joined(separator: ", ")))"
    }

    /// Warnings about the header: columns no field claims, optional fields with no column,
    /// fields claimed by two columns.
    private func headerFindings(_ binding: HeaderBinding, header: [String], line: Int, file: String) -> [Finding] {
        let feed = checker.feed
        var findings: [Finding] = []
        func warn(_ ruleID: String, column: Int?, field: String?, value: String?, _ message: String, _ hint: String) {
            findings.append(
                Finding(
                    severity: .warning, ruleID: ruleID, feed: feed.name, vendor: vendorName,
                    location: SourceLocation(file: file, line: line, column: column.map { $0 + 1 }, field: value),
                    field: field, rawValue: value, message: message, hint: hint))
        }
        for (index, name) in binding.unclaimed {
            warn(
                "unknown-column", column: index, field: nil, value: name,
                "column '\(name)' matches no field of feed '\(feed.name)' and is ignored",
                "add it to a field's aliases if it should be read")
        }
        for (index, field) in feed.fields.enumerated() where binding.columns[index] == nil && field.required != .error {
            warn(
                "missing-column", column: nil, field: field.name, value: nil,
                "no column for field '\(field.name)'; its values are empty",
                "check the header or add the vendor's column name to the field's aliases")
        }
        for (fieldIndex, ignored) in binding.duplicates {
            for index in ignored {
                let name = feed.fields[fieldIndex].name
                warn(
                    "duplicate-column", column: index, field: name, value: header[index],
                    "column '\(header[index])' also matches field '\(name)' and is ignored",
                    "remove the duplicate column or rename it")
            }
        }
        return findings
    }

    private var vendorName: String? {
        if case .constant(let name) = checker.feed.vendor { return name }
        return nil
    }
}
