/// Reads one routed file through its feed: header binding, then every record mapped,
/// normalised, checked and written. A file that cannot be used is reported as quarantined.
struct FileProcessor {
    /// What became of a file.
    enum Outcome: Hashable {
        case processed(RecordCounts, dropped: Int)
        case quarantined(ruleID: String, reason: String, line: Int?, column: Int? = nil)
    }

    let checker: FeedChecker
    let outputs: RunOutputs
    let kpis: KPICollector
    /// Counts records for a progress line, in batches.
    var progress: RunProgress? = nil
    /// One thread, or two or three stages, for the records (``RecordStaging``).
    var staging: RecordStaging = .default

    func process(_ file: InboxFile) throws(OutputError) -> Outcome {
        let feed = checker.feed.reading(fileName: file.name)
        if let mismatch = FormatSniffer.mismatch(file.url, format: feed.format) {
            return .quarantined(ruleID: "unreadable-file", reason: mismatch, line: nil)
        }
        let reader: any RecordReader
        do {
            reader = try ReaderFactory.reader(for: file.url, displayPath: file.displayPath, feed: feed)
        } catch {
            return .quarantined(ruleID: "unreadable-file", reason: error.message, line: nil)
        }
        let binder = RecordBinder(feed: feed, header: reader.fixedHeader)
        if let header = reader.fixedHeader {
            let binding = binder.binding
            if let reason = missingRequiredColumns(binding, header: header, line: reader.headerLine) {
                return .quarantined(ruleID: "missing-column", reason: reason, line: reader.headerLine)
            }
            for finding in headerFindings(binding, header: header, line: reader.headerLine, file: file.displayPath) {
                try outputs.write(finding)
            }
        }
        let fileKPIs = kpis.beginFile(feed: feed, file: file)
        switch staging {
        case .serial:
            return try processSerially(reader: reader, binder: binder, feed: feed, file: file, kpis: fileKPIs)
        case .twoStage(let batchSize, let queued):
            let stage = ValidationStage(
                source: .reader(reader), binder: binder, checker: checker, file: file.displayPath, batchSize: batchSize)
            return try processInStages(stage, queued: queued, feed: feed, file: file, kpis: fileKPIs)
        case .threeStage(let batchSize, let queued):
            let stage = ValidationStage(
                source: .readStage(ReadStage(reader: reader, batchSize: batchSize, queued: queued)), binder: binder,
                checker: checker, file: file.displayPath, batchSize: batchSize)
            return try processInStages(stage, queued: queued, feed: feed, file: file, kpis: fileKPIs)
        case .parallel(let checkers, let batchSize, let queued):
            let read = ReadStage(reader: reader, batchSize: batchSize, queued: queued)
            let worker = CheckWorker(binder: binder, checker: checker, file: file.displayPath)
            return try processInParallel(
                read, worker, checkers: checkers, queued: queued, feed: feed, file: file, kpis: fileKPIs)
        }
    }

    /// One thread: each record is read, checked and written in turn.
    private func processSerially(
        reader: any RecordReader, binder: RecordBinder, feed: FeedSpec, file: InboxFile, kpis: KPIFileCollector
    ) throws(OutputError) -> Outcome {
        var reader = reader
        var binder = binder
        var counts = RecordCounts()
        do {
            while let raw = try reader.next() {
                if let stop = Stop(encodingOf: raw, masked: !checker.piiIndices.isEmpty) { return stop.outcome }
                var record = checker.validate(raw, binding: binder.bind(raw), file: file.displayPath)
                try take(&record, feed: feed, file: file, kpis: kpis, counts: &counts)
            }
        } catch let error as ReadError {
            return Stop(readError: error).outcome
        } catch let error as OutputError {
            throw error
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
        return finish(counts, dropped: reader.droppedRows.count)
    }

    /// Two or three threads: the check stage (``ValidationStage``, which reads the file itself or
    /// takes raw records from a ``ReadStage`` on a third thread) checks batches of records while
    /// this thread, the writing stage, writes the batches before. Outputs are the same, in the
    /// same order, as ``processSerially(reader:binder:feed:file:kpis:)``'s; on any way out of here
    /// the other stages are stopped and their threads have finished.
    private func processInStages(
        _ stage: ValidationStage, queued: Int, feed: FeedSpec, file: InboxFile, kpis: KPIFileCollector
    ) throws(OutputError) -> Outcome {
        let queue = RecordBatchQueue(capacity: queued)
        ValidationStage.start(stage, into: queue)
        defer {
            queue.cancel()
            queue.waitForProducer()
        }
        var counts = RecordCounts()
        while true {
            switch queue.take() {
            case .records(var batch):
                for index in batch.indices {
                    try take(&batch[index], feed: feed, file: file, kpis: kpis, counts: &counts)
                }
                queue.giveBack(batch)
            case .end(let dropped):
                return finish(counts, dropped: dropped)
            case .stopped(let stop):
                return stop.outcome
            }
        }
    }

    /// A read stage, `checkers` check workers and this thread, the writing stage, which takes the
    /// checked batches in file order and makes each batch's checks that depend on the records
    /// before (``FeedChecker/checkInOrder(_:from:deferred:file:)``) before writing it. Outputs are
    /// the same, in the same order, as ``processSerially(reader:binder:feed:file:kpis:)``'s; on
    /// any way out of here the other threads are stopped and have finished.
    private func processInParallel(
        _ read: ReadStage, _ worker: CheckWorker, checkers: Int, queued: Int, feed: FeedSpec, file: InboxFile,
        kpis: KPIFileCollector
    ) throws(OutputError) -> Outcome {
        let handover = CheckHandover(capacity: queued * (checkers + 1), threads: checkers + 1)
        ReadStage.start(read, masked: !checker.piiIndices.isEmpty, into: handover)
        for _ in 0..<checkers { CheckWorker.start(worker, on: handover) }
        defer {
            handover.cancel()
            handover.waitForThreads()
        }
        var counts = RecordCounts()
        while true {
            switch handover.take() {
            case .records(var batch):
                checker.checkInOrder(&batch.records, from: 0, deferred: batch.deferred, file: file.displayPath)
                for index in batch.records.indices {
                    try take(&batch.records[index], feed: feed, file: file, kpis: kpis, counts: &counts)
                }
                handover.giveBack(batch)
            case .end(let dropped):
                return finish(counts, dropped: dropped)
            case .stopped(let stop):
                return stop.outcome
            }
        }
    }

    /// Stage B's part of one checked record: KPIs, outputs, counts and progress.
    private func take(
        _ record: inout ValidatedRecord, feed: FeedSpec, file: InboxFile, kpis: KPIFileCollector,
        counts: inout RecordCounts
    ) throws(OutputError) {
        kpis.take(&record)
        try outputs.write(record, feed: feed.name, file: file.displayPath)
        counts.read += 1
        if counts.read % RunProgress.recordBatch == 0 { progress?.add(records: RunProgress.recordBatch) }
        if record.isRejected { counts.rejected += 1 } else { counts.accepted += 1 }
    }

    /// The outcome once every record has been taken.
    private func finish(_ counts: RecordCounts, dropped: Int) -> Outcome {
        progress?.add(records: counts.read % RunProgress.recordBatch)
        if counts.read == 0 {
            return .quarantined(
                ruleID: "unreadable-file",
                reason: "file has no records (only a header, or nothing after the title rows)",
                line: nil)
        }
        return .processed(counts, dropped: dropped)
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
