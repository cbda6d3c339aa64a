import Foundation
import Testing

@testable import SluiceKit

extension ReadTests {
    /// The parallel XML reader, with tiny chunks so small documents split into many: its records
    /// and error must be exactly the sequential reader's.
    @Suite struct XMLParallelRecordReaderTests {
        /// What a reader made of a file: one line per record and field, then the error.
        struct Outcome: Equatable, CustomStringConvertible {
            var lines: [String] = []
            var error: String?
            var description: String { (lines + ["error: \(error ?? "none")"]).joined(separator: "\n") }
        }

        static func outcome(_ reader: inout some RecordReader) -> Outcome {
            var outcome = Outcome()
            do {
                while let record = try reader.next() {
                    outcome.lines.append("#\(record.number) @\(record.line) problems \(record.problems.count)")
                    outcome.lines += XMLFixtures.snapshot(record)
                }
            } catch {
                outcome.error = error.message
            }
            return outcome
        }

        static func sequential(_ url: URL, _ options: XMLOptions) -> Outcome {
            do {
                var reader = try XMLRecordReader(url: url, displayPath: "feed.xml", options: options)
                return outcome(&reader)
            } catch {
                return Outcome(error: "init: \(error.message)")
            }
        }

        /// The parallel reader's outcome and the chunk it fell back at; `nil` when it does not apply.
        static func parallel(_ url: URL, _ options: XMLOptions, chunkSize: Int, workers: Int) -> (Outcome, Int?)? {
            do {
                guard
                    var reader = try XMLParallelRecordReader(
                        url: url, displayPath: "feed.xml", options: options, workers: workers, chunkSize: chunkSize,
                        minimumChunks: 2, readSize: 5)
                else { return nil }
                let result = outcome(&reader)
                return (result, reader.fallbackChunk)
            } catch {
                return (Outcome(error: "init: \(error.message)"), nil)
            }
        }

        static func write(_ text: String) throws -> URL {
            let url = try TestPaths.temporaryFolder().appendingPathComponent("feed.xml")
            try Data(text.utf8).write(to: url)
            return url
        }

        /// Checks every chunk size and worker count; returns the fallback chunks seen.
        @discardableResult
        static func expectSame(_ text: String, path: String, maxValueBytes: Int = 1 << 20) throws -> Set<Int?> {
            let url = try write(text)
            let options = XMLOptions(recordPath: path, maxValueBytes: maxValueBytes)
            let expected = sequential(url, options)
            var fallbacks: Set<Int?> = []
            for size in [1, 5, 17, 64, 150, 400, 1000] where size <= text.utf8.count / 2 {
                for workers in [2, 3] {
                    guard let (got, fallback) = parallel(url, options, chunkSize: size, workers: workers) else {
                        Issue.record("the parallel reader does not apply (chunk size \(size))")
                        return []
                    }
                    fallbacks.insert(fallback)
                    #expect(got == expected, "chunk size \(size), \(workers) workers")
                }
            }
            return fallbacks
        }

        static func records(_ count: Int, _ body: (Int) -> String) -> String {
            (1...count).map(body).joined()
        }

        static let plain =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- export -->\n<records source=\"crm\" xml:lang=\"en\">\n"
            + records(30) { index in
                "<record id=\"\(index)\" kind='a' note=\"two\nlines\">\n  <vendor code=\"V\(index % 4)\">ACME \(index)</vendor>\n"
                    + "  <metrics><sl>8\(index).5</sl><aht unit=\"s\">3\(index)</aht></metrics>\n"
                    + "  <item>a</item><item>b</item><item>c\(index)</item>\n  <empty/>\n</record>\n"
            } + "</records>\n"

        @Test func plainRecordsNeverFallBack() throws {
            let fallbacks = try Self.expectSame(Self.plain, path: "/records/record")
            #expect(fallbacks == [nil])
        }

        @Test func anyDepthPathWithNamespaces() throws {
            let text =
                "<?xml version='1.0'?><r:feed xmlns:r=\"urn:r\" xmlns=\"urn:d\"><r:batch>\n"
                + Self.records(25) { "<r:record r:id=\"\($0)\"><r:v>\($0)</r:v><w xmlns=\"urn:w\">x</w></r:record>\n" }
                + "</r:batch></r:feed>"
            let fallbacks = try Self.expectSame(text, path: "//batch/record")
            #expect(fallbacks == [nil])
        }

        @Test func singleLineCRLFAndEntities() throws {
            let singleLine =
                "<records>"
                + Self.records(40) { "<record a=\"&amp;\(Int($0))&lt;\"><v>&#233;t&#xE9; &gt; \($0)</v></record>" }
                + "</records>"
            #expect(try Self.expectSame(singleLine, path: "/records/record") == [nil])
            let crlf = Self.plain.replacingOccurrences(of: "\n", with: "\r\n")
            #expect(try Self.expectSame(crlf, path: "/records/record") == [nil])
        }

        @Test func loneCarriageReturns() throws {
            let text = Self.plain.replacingOccurrences(of: "\n", with: "\r")
            try Self.expectSame(text, path: "/records/record")
        }

        @Test func recordTextInCommentsCDATAAndProcessingInstructions() throws {
            let text =
                "<records>\n"
                + Self.records(30) { index in
                    switch index % 5 {
                    case 0: return "<!-- <record> --><record><v>\(index)</v></record>\n"
                    case 1:
                        return "<!-- <record/> \n --><record><v><![CDATA[<record>\(index)</record>]]></v></record>\n"
                    case 2: return "<?pi <record/> ?><record><v>\(index)</v><!-- <record --></record>\n"
                    case 3: return "<record><v>\(index)</v></record><![CDATA[ <record/> ]]>\n"
                    default: return "<record>mixed <b>\(index)</b> text</record>\n"
                    }
                } + "</records>\n"
            try Self.expectSame(text, path: "/records/record")
        }

        @Test func deeperElementNamedLikeTheRecord() throws {
            let text =
                "<records>\n"
                + Self.records(20) { "<record>\n<record>inner \($0)</record>\n<v>\($0)</v>\n</record>\n" }
                + "</records>\n"
            try Self.expectSame(text, path: "/records/record")
            let nested =
                "<feed>\n" + Self.records(12) { "<record id=\"\($0)\"><record>in</record></record>\n" }
                + "<group name=\"late\">\n" + Self.records(6) { "<record id=\"g\($0)\"/>\n" } + "</group>\n</feed>\n"
            try Self.expectSame(nested, path: "//record")
        }

        @Test func otherChildrenOfTheRecordParentAndASecondParent() throws {
            let text =
                "<export><records>\n"
                + Self.records(20) { "<record><v>\($0)</v></record>\n" + ($0 % 6 == 0 ? "<note>n</note>\n" : "") }
                + "</records><records>\n" + Self.records(10) { "<record><v>b\($0)</v></record>\n" }
                + "</records></export>\n"
            try Self.expectSame(text, path: "/export/records/record")
            try Self.expectSame(text, path: "//record")
        }

        @Test func multiLineStartTagsAndRecordText() throws {
            let text =
                "<records>\n"
                + Self.records(20) { "<record\n  id=\"\($0)\"\n  b='>'>text \($0)<v/>\n</record>\n" }
                + "</records>"
            #expect(try Self.expectSame(text, path: "/records/record") == [nil])
        }

        @Test(arguments: [1, 15, 30])
        func notWellFormedInAChunk(record broken: Int) throws {
            let text =
                "<records>\n"
                + Self.records(30) {
                    $0 == broken ? "<record><v>\($0)</x></record>\n" : "<record><v>\($0)</v></record>\n"
                }
                + "</records>\n"
            try Self.expectSame(text, path: "/records/record")
        }

        @Test func valueTooLongInAMiddleChunk() throws {
            let text =
                "<records>\n"
                + Self.records(30) {
                    "<record id=\"\($0)\"><v>\(String(repeating: "x", count: $0 == 17 ? 50 : 5))</v></record>\n"
                }
                + "</records>\n"
            try Self.expectSame(text, path: "/records/record", maxValueBytes: 20)
        }

        @Test func truncatedFile() throws {
            let text = String(Self.plain.prefix(Self.plain.utf8.count * 2 / 3))
            try Self.expectSame(text, path: "/records/record")
            try Self.expectSame(String(Self.plain.prefix(Self.plain.count - 11)), path: "/records/record")
        }

        @Test(arguments: [
            "servicenow-display-value.xml", "nested.xml", "namespaces.xml", "cdata-entities.xml", "truncated.xml",
            "not-well-formed.xml", "huge-text.xml",
        ])
        func fixturesReadTheSame(name: String) throws {
            let text = try String(contentsOf: XMLFixtures.url(name), encoding: .utf8)
            let path =
                [
                    "nested.xml": "//record", "namespaces.xml": "//record", "cdata-entities.xml": "/rows/record",
                    "huge-text.xml": "/rows/record",
                ][name]
                ?? "/unload/u_vendor_kpi"
            try Self.expectSame(text, path: path, maxValueBytes: 1000)
        }

        @Test func doesNotApplyWhereItCannotBeExact() throws {
            let options = XMLOptions(recordPath: "/records/record")
            for text in [
                "<records></records>", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + Self.plain.dropFirst(39),
                "<!DOCTYPE records>" + Self.plain, "<records><rec/></records>",
            ] {
                let url = try Self.write(text)
                #expect(Self.parallel(url, options, chunkSize: 16, workers: 2) == nil, "\(text.prefix(60))")
            }
            let small = try Self.write(Self.plain)
            let reader = try XMLParallelRecordReader(
                url: small, displayPath: "feed.xml", options: options, workers: 2, chunkSize: 1 << 20,
                minimumChunks: 2)
            #expect(reader == nil)
        }

        @Test func droppingTheReaderEndsItsThreads() throws {
            let url = try Self.write(Self.plain + String(repeating: " ", count: 0))
            let options = XMLOptions(recordPath: "/records/record")
            var reader = try #require(
                try XMLParallelRecordReader(
                    url: url, displayPath: "feed.xml", options: options, workers: 2, chunkSize: 8, minimumChunks: 2,
                    readSize: 4))
            let scheduler = reader.scheduler
            #expect(try reader.next()?.number == 1)
            #expect(try reader.next()?.number == 2)
            reader = try #require(
                try XMLParallelRecordReader(
                    url: url, displayPath: "feed.xml", options: options, workers: 2, chunkSize: 8, minimumChunks: 2))
            #expect(scheduler.runningWorkers == 0)
            #expect(try reader.next()?.number == 1)
        }
    }
}
