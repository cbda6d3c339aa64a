import Foundation
import Testing

@testable import SluiceKit

/// The staged record pipelines (two stages: one thread reads and checks, the calling thread
/// writes; three: reading moves to a third thread) against the single-threaded one, on real files through the real readers, checker and writers.
@Suite struct RecordStagingTests {
    static let rules = """
        feeds:
          - name: calls
            vendor: { field: vendor }
            files: ["calls*.csv"]
            fields: &fields
              - { name: id, kind: text, required: true }
              - { name: vendor, kind: text, required: true }
              - { name: channel, kind: enum, values: [voice, chat], required: true }
              - { name: wait, kind: integer, range: { min: 0, max: 600 } }
              - { name: csat, kind: integer, range: { min: 1, max: 5, severity: warning } }
            unique-key: [id]
          - name: calls-xml
            vendor: { field: vendor }
            files: ["calls*.xml"]
            format: xml
            xml: { record: /calls/call }
            fields: *fields
            unique-key: [id]
          - name: tickets
            vendor: { field: vendor }
            files: ["tickets*.csv"]
            fields:
              - { name: id, kind: text, required: true, unique: true }
              - { name: vendor, kind: text, required: true }
              - { name: agent, kind: text, pii: true, unique: { severity: warning } }
              - { name: wait, kind: integer, range: { min: 0, max: 600 } }
            unique-key: [vendor, wait]
        """

    /// Every output file of a run, by path inside the output folder.
    struct Result: Equatable {
        var outcomes: [FileProcessor.Outcome]
        var files: [String: String]
    }

    static let modes: [RecordStaging] = [
        .twoStage(batchSize: 7, queued: 1), .twoStage(batchSize: 64, queued: 3), .twoStage(batchSize: 2048, queued: 2),
        .threeStage(batchSize: 7, queued: 1), .threeStage(batchSize: 64, queued: 2),
        .parallel(checkers: 2, batchSize: 7, queued: 1), .parallel(checkers: 3, batchSize: 64, queued: 2),
        .parallel(checkers: 5, batchSize: 1, queued: 1),
    ]

    /// Row `i` of a CSV file: every few rows something is wrong (an error or a warning), and
    /// some notes hold a quoted line break, so records and lines differ.
    static func row(_ i: Int, idOffset: Int = 0) -> String {
        let id = i % 97 == 0 && i > 50 ? "C\(i - 50 + idOffset)" : "C\(i + idOffset)"
        let vendor = i % 89 == 0 ? "" : "V\(i % 3)"
        let channel = i % 31 == 0 ? "fax" : (i % 2 == 0 ? "voice" : "chat")
        let wait = i % 53 == 0 ? "x" : (i % 71 == 0 ? "9999" : "\(i % 600)")
        let csat = i % 43 == 0 ? "7" : "\(i % 5 + 1)"
        let note = i % 29 == 0 ? "\"two\nlines\"" : "n\(i)"
        return "\(id),\(vendor),\(channel),\(wait),\(csat),\(note)\n"
    }

    static func csv(rows: ClosedRange<Int>, idOffset: Int = 0, header: Bool = true) -> Data {
        Data(
            ((header ? "id,vendor,channel,wait,csat,note\n" : "") + rows.map { row($0, idOffset: idOffset) }.joined())
                .utf8)
    }

    /// Processes `files` in order with one checker, as a run does, and returns every outcome
    /// and every output file.
    static func run(_ files: [(name: String, data: Data)], staging: RecordStaging) throws -> Result {
        try withTemporaryFolder { root in
            let inbox = root.appendingPathComponent("Inbox")
            let out = root.appendingPathComponent("out")
            for folder in [inbox, out.appendingPathComponent("clean"), out.appendingPathComponent("rejected")] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            for file in files { try file.data.write(to: inbox.appendingPathComponent(file.name)) }
            let rules = try RulesLoader.parse(sources: [("Rules/rules.yaml", Self.rules)])
            let outputs = try RunOutputs(folder: out, feeds: rules.feeds, leadingLimit: 5)
            let kpis = try KPICollector(rules: rules, asOf: CivilDate(year: 2026, month: 11, day: 6))
            let checkers = try rules.feeds.map { try FeedChecker(feed: $0) }
            let scanned = try InboxScanner.scan(inbox, displayBase: root)
            var outcomes: [FileProcessor.Outcome] = []
            for name in files.map(\.name) {
                let file = try #require(scanned.first { $0.name == name })
                let feed = name.hasPrefix("tickets") ? "tickets" : name.hasSuffix(".xml") ? "calls-xml" : "calls"
                let checker = try #require(checkers.first { $0.feed.name == feed })
                checker.beginFile()
                let processor = FileProcessor(checker: checker, outputs: outputs, kpis: kpis, staging: staging)
                outcomes.append(try processor.process(file))
            }
            try outputs.close()
            var contents: [String: String] = [:]
            let enumerator = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard !url.hasDirectoryPath else { continue }
                contents[DisplayPath.of(url, relativeTo: out)] = try String(contentsOf: url, encoding: .utf8)
            }
            return Result(outcomes: outcomes, files: contents)
        }
    }

    @Test func twoStagesWriteWhatOneThreadWritesOnFilesOfManyBatches() throws {
        let files = [
            ("calls-1.csv", Self.csv(rows: 1...3000)), ("calls-2.csv", Self.csv(rows: 1...1000, idOffset: 2500)),
        ]
        let serial = try Self.run(files, staging: .serial)
        #expect(
            serial.outcomes == [
                .processed(RecordCounts(read: 3000, accepted: 2748, rejected: 252), dropped: 0),
                .processed(RecordCounts(read: 1000, accepted: 495, rejected: 505), dropped: 0),
            ])
        let exceptions = try #require(serial.files["exceptions.csv"])
        // A duplicate inside a file, one across files (withdrawn keys aside, the checker's
        // state carries over), a warning, and a location after a quoted line break.
        let lines = exceptions.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "error,unique-key,calls,V1,Inbox/calls-1.csv,101,1,97,,id,C47,duplicate of record 47 (Inbox/calls-1.csv:49) for id 'C47',remove the duplicate row or ask the vendor which figure is right"
            ))
        #expect(
            lines.contains(
                "error,unique-key,calls,V1,Inbox/calls-2.csv,2,1,1,,id,C2501,duplicate of record 2501 (Inbox/calls-1.csv:2588) for id 'C2501',remove the duplicate row or ask the vendor which figure is right"
            ))
        #expect(
            lines.contains(
                "warning,range,calls,V1,Inbox/calls-1.csv,45,5,43,,csat,7,field 'csat' value '7' is above the maximum 5,expected at least 1 and at most 5"
            ))
        #expect(lines.count == 855)
        #expect(try #require(serial.files["rejected/calls.csv"]).split(separator: "\n").count == 252 + 505 + 1)
        for mode in Self.modes + [.default] {
            let staged = try Self.run(files, staging: mode)
            #expect(staged.outcomes == serial.outcomes, "\(mode)")
            #expect(staged.files.keys.sorted() == serial.files.keys.sorted(), "\(mode)")
            for (path, text) in serial.files {
                #expect(staged.files[path] == text, "\(path) differs in \(mode)")
            }
        }
    }

    /// Checks that depend on the records before (`unique` fields, `unique-key`) give the same
    /// findings, in the same places among a record's findings, with personal data masked,
    /// however many threads check and whatever order they finish in.
    @Test func uniqueChecksMadeInFileOrderGiveWhatOneThreadGives() throws {
        var rows = "id,vendor,agent,wait\n"
        for i in 1...2500 {
            let id = i % 13 == 0 ? "T\(i - 7)" : "T\(i)"
            let vendor = i % 41 == 0 ? "" : "V\(i % 2)"
            let wait = i % 17 == 0 ? "x" : "\(i % 700)"
            rows += "\(id),\(vendor),Agent \(i % 300),\(wait)\n"
        }
        let files = [("tickets-1.csv", Data(rows.utf8)), ("tickets-2.csv", Data(rows.prefix(4000).utf8))]
        let serial = try Self.run(files, staging: .serial)
        #expect(
            serial.outcomes == [
                .processed(RecordCounts(read: 2500, accepted: 601, rejected: 1899), dropped: 0),
                .processed(RecordCounts(read: 197, accepted: 1, rejected: 196), dropped: 0),
            ])
        let lines = try #require(serial.files["exceptions.csv"]).split(separator: "\n").map(String.init)
        // Record 13 repeats record 6's id; record 301 repeats record 1's agent (a warning, its
        // value masked); record 312 repeats both, and its two findings are in field order; a
        // record rejected by `unique` has no `unique-key` finding, and record 701 repeats
        // record 1's vendor and wait.
        #expect(
            lines.contains(
                "error,unique,tickets,V1,Inbox/tickets-1.csv,14,1,13,,id,T6,id 'T6' repeats record 6 (line 7),each record needs its own id; remove the repeat or ask the vendor which record is right"
            ))
        #expect(
            lines.contains(
                "warning,unique,tickets,V1,Inbox/tickets-1.csv,302,3,301,,agent,A**** 1,agent 'A**** 1' repeats record 1 (line 2),each record needs its own agent; remove the repeat or ask the vendor which record is right"
            ))
        let record312 = lines.filter { $0.contains("Inbox/tickets-1.csv,313,") }
        #expect(
            record312 == [
                "error,unique,tickets,V0,Inbox/tickets-1.csv,313,1,312,,id,T305,id 'T305' repeats record 305 (line 306),each record needs its own id; remove the repeat or ask the vendor which record is right",
                "warning,unique,tickets,V0,Inbox/tickets-1.csv,313,3,312,,agent,A**** 1*,agent 'A**** 1*' repeats record 12 (line 13),each record needs its own agent; remove the repeat or ask the vendor which record is right",
            ])
        // The `unique` warning, made in order, goes before the record's later field's error.
        #expect(
            lines.filter { $0.contains("Inbox/tickets-1.csv,307,") } == [
                "warning,unique,tickets,V0,Inbox/tickets-1.csv,307,3,306,,agent,A**** 6,agent 'A**** 6' repeats record 6 (line 7),each record needs its own agent; remove the repeat or ask the vendor which record is right",
                "error,type,tickets,V0,Inbox/tickets-1.csv,307,4,306,,wait,x,field 'wait': 'x' is not an integer,write a whole number such as 42",
            ])
        #expect(
            lines.contains(
                "error,unique-key,tickets,V1,Inbox/tickets-1.csv,702,2,701,,vendor,V1,\"duplicate of record 1 (Inbox/tickets-1.csv:2) for vendor 'V1', wait '1'\",remove the duplicate row or ask the vendor which figure is right"
            ))
        #expect(lines.count == 4340)
        for mode in Self.modes + [.default] {
            let staged = try Self.run(files, staging: mode)
            #expect(staged.outcomes == serial.outcomes, "\(mode)")
            for (path, text) in serial.files {
                #expect(staged.files[path] == text, "\(path) differs in \(mode)")
            }
        }
    }

    @Test func bytesNotInTheEncodingInALateBatchQuarantineTheFileAtTheirLine() throws {
        var data = Self.csv(rows: 1...2000)
        data.append(Data("C9001,V1,voice,5,3,caf".utf8) + Data([0xE9]) + Data("\n".utf8))
        data.append(Self.csv(rows: 3000...3100, header: false))
        let files = [("calls-1.csv", data), ("calls-2.csv", Self.csv(rows: 1...10, idOffset: 9000))]
        let serial = try Self.run(files, staging: .serial)
        let line = 2000 + 1 + 2000 / 29 + 1
        #expect(
            serial.outcomes[0]
                == .quarantined(
                    ruleID: "invalid-encoding",
                    reason:
                        "value has bytes that are not valid utf-8 at line \(line), column 6 ('caf\\xE9'); declare the file's encoding in the feed (encoding: windows-1252) or ask the vendor for UTF-8",
                    line: line, column: 6))
        #expect(serial.outcomes[1] == .processed(RecordCounts(read: 10, accepted: 10, rejected: 0), dropped: 0))
        for mode in Self.modes {
            #expect(try Self.run(files, staging: mode) == serial, "\(mode)")
        }
    }

    @Test func aBrokenXMLElementInALateBatchQuarantinesTheFile() throws {
        var xml = "<calls>\n"
        for i in 1...3000 {
            xml += "<call><id>X\(i)</id><vendor>V1</vendor><channel>chat</channel><wait>\(i % 900)</wait></call>\n"
        }
        xml += "<call><id>X3001</id><vendor>V1</wrong></call>\n</calls>\n"
        let files = [("calls-1.xml", Data(xml.utf8))]
        let serial = try Self.run(files, staging: .serial)
        guard case .quarantined(let ruleID, let reason, _, _) = serial.outcomes[0] else {
            Issue.record("not quarantined: \(serial.outcomes)")
            return
        }
        #expect(ruleID == "unreadable-file")
        #expect(
            reason == "XML is not well-formed at line 3002: Opening and ending tag mismatch: vendor line 3002 and wrong"
        )
        for mode in Self.modes {
            #expect(try Self.run(files, staging: mode) == serial, "\(mode)")
        }
    }

    /// The clean dataset is `/dev/full`: its first flush fails. Stage B throws the same error
    /// as one thread does, and only once stage A has stopped: its reader is closed and it never
    /// reached the file's last record (whose id it would have entered in the unique-key index).
    @Test(.timeLimit(.minutes(2))) func anOutputErrorStopsStageAAndFailsTheFileAsOneThreadDoes() throws {
        let rows = 60_000
        for staging in [RecordStaging.serial] + Self.modes {
            try withTemporaryFolder { root in
                let inbox = root.appendingPathComponent("Inbox")
                let out = root.appendingPathComponent("out")
                for folder in [inbox, out.appendingPathComponent("clean"), out.appendingPathComponent("rejected")] {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                }
                let cleanPath = out.appendingPathComponent("clean/calls.csv").path
                try FileManager.default.createSymbolicLink(atPath: cleanPath, withDestinationPath: "/dev/full")
                try Self.csv(rows: 1...rows).write(to: inbox.appendingPathComponent("calls-1.csv"))
                let rules = try RulesLoader.parse(sources: [("Rules/rules.yaml", Self.rules)])
                let outputs = try RunOutputs(folder: out, feeds: rules.feeds, leadingLimit: 5)
                let kpis = try KPICollector(rules: rules, asOf: CivilDate(year: 2026, month: 11, day: 6))
                let checker = try FeedChecker(feed: rules.feeds[0])
                let file = try InboxScanner.scan(inbox, displayBase: root)[0]
                checker.beginFile()
                let processor = FileProcessor(checker: checker, outputs: outputs, kpis: kpis, staging: staging)
                #expect(throws: OutputError(path: cleanPath, message: "cannot write file: No space left on device")) {
                    try processor.process(file)
                }
                #expect(try Self.openDescriptors(to: file.url) == 0, "the reader is closed (\(staging))")
                let last = RawRecord(
                    number: rows + 1, line: rows + 2,
                    fields: ["C\(rows)", "V1", "voice", "5", "3"].enumerated().map {
                        RawField(key: "", value: $0.element, column: $0.offset + 1, line: rows + 2)
                    })
                let binding = HeaderBinding(feed: checker.feed, header: ["id", "vendor", "channel", "wait", "csat"])
                let probe = checker.validate(last, binding: binding, file: "Inbox/probe.csv")
                #expect(probe.findings.isEmpty, "stage A stopped before the end of the file (\(staging))")
            }
        }
    }

    @Test func threeStagesOnTwoCoresCheckWorkersFromFourUnlessTheEnvironmentSaysOtherwise() {
        #expect(RecordStaging.from(environment: [:], cores: 1) == .serial)
        #expect(RecordStaging.from(environment: [:], cores: 2) == .threeStage(batchSize: 64, queued: 2))
        #expect(RecordStaging.from(environment: [:], cores: 3) == .threeStage(batchSize: 64, queued: 2))
        #expect(RecordStaging.from(environment: [:], cores: 4) == .parallel(checkers: 2, batchSize: 64, queued: 2))
        #expect(RecordStaging.from(environment: [:], cores: 64) == .parallel(checkers: 8, batchSize: 64, queued: 2))
        #expect(RecordStaging.from(environment: ["SLUICE_THREADS": "1"], cores: 8) == .serial)
        #expect(
            RecordStaging.from(environment: ["SLUICE_THREADS": "2"], cores: 1) == .twoStage(batchSize: 64, queued: 2))
        #expect(
            RecordStaging.from(environment: ["SLUICE_BATCH_RECORDS": "500"], cores: 2)
                == .threeStage(batchSize: 500, queued: 2))
        #expect(
            RecordStaging.from(environment: ["SLUICE_THREADS": "0", "SLUICE_BATCH_RECORDS": "x"], cores: 2)
                == .threeStage(batchSize: 64, queued: 2))
        #expect(RecordStaging.from(environment: ["SLUICE_THREADS": "one"], cores: 1) == .serial)
        #expect(
            RecordStaging.from(environment: ["SLUICE_THREADS": "3"], cores: 2) == .threeStage(batchSize: 64, queued: 2))
        #expect(
            RecordStaging.from(environment: ["SLUICE_THREADS": "8", "SLUICE_BATCH_RECORDS": "32"], cores: 1)
                == .parallel(checkers: 6, batchSize: 32, queued: 2))
        #expect(
            RecordStaging.from(environment: ["SLUICE_THREADS": "4"], cores: 16)
                == .parallel(checkers: 2, batchSize: 64, queued: 2))
        #expect(
            RecordStaging.from(environment: ["SLUICE_QUEUED_BATCHES": "8"], cores: 2)
                == .threeStage(batchSize: 64, queued: 8))
        #expect(
            RecordStaging.from(environment: ["SLUICE_THREADS": "2", "SLUICE_QUEUED_BATCHES": "-1"], cores: 2)
                == .twoStage(batchSize: 64, queued: 2))
    }

    @Test func writtenBatchesGoBackToStageAUpToTheQueuesCapacity() {
        let queue = RecordBatchQueue(capacity: 2)
        let record = ValidatedRecord(
            raw: RawRecord(number: 1, line: 2, fields: []), rawValues: [], columns: [], values: [], outcomes: [],
            vendor: "V", findings: [])
        #expect(queue.takeWritten() == nil)
        for size in 1...3 { queue.giveBack(Array(repeating: record, count: size)) }
        #expect(queue.takeWritten()?.count == 2, "the last kept comes back first")
        #expect(queue.takeWritten()?.count == 1)
        #expect(queue.takeWritten() == nil, "a third batch beyond the capacity was freed by stage B")
    }

    /// How many of this process's open descriptors are `url`.
    static func openDescriptors(to url: URL) throws -> Int {
        let target = url.resolvingSymlinksInPath().path
        return try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")) == target
        }.count
    }
}
