import CLibXML2
import Foundation
import Testing

@testable import SluiceKit

extension ReadTests {
    /// Hostile and broken files: each is refused with one clear message, never a hang or crash.
    @Suite struct XMLSafetyTests {
        static let doctypeRefusal =
            "; Sluice does not accept DTDs or entity declarations in vendor files"

        @Test func externalEntityIsRefusedAndNeverRead() throws {
            var reader = try XMLRecordReader(
                url: XMLFixtures.url("xxe-file.xml"), displayPath: "xxe-file.xml", options: XMLOptions())
            var records: [RawRecord] = []
            var message: String?
            do {
                while let record = try reader.next() { records.append(record) }
            } catch {
                message = error.message
            }
            #expect(records.isEmpty)
            #expect(message == "file has a DOCTYPE (document type declaration) at line 2" + Self.doctypeRefusal)
            #expect(message?.contains("root:") == false)
        }

        @Test func externalEntityLoaderRefusesEverything() throws {
            _ = try XMLRecordReader(
                url: XMLFixtures.url("nested.xml"), displayPath: "nested.xml", options: XMLOptions())
            #expect(xmlLoadExternalEntity("file:///etc/passwd", nil, nil) == nil)
            #expect(xmlLoadExternalEntity("http://127.0.0.1:9/rows.dtd", nil, nil) == nil)
        }

        @Test func billionLaughsIsRefusedAtTheDoctype() {
            #expect(
                XMLFixtures.errorMessage("billion-laughs.xml", options: XMLOptions())
                    == "file has a DOCTYPE (document type declaration) at line 2" + Self.doctypeRefusal)
        }

        @Test func externalDoctypeIsRefusedWithoutFetching() {
            #expect(
                XMLFixtures.errorMessage("doctype.xml", options: XMLOptions())
                    == "file has a DOCTYPE (document type declaration) at line 3" + Self.doctypeRefusal)
        }

        @Test func valueOverTheLimit() {
            #expect(
                XMLFixtures.errorMessage("huge-text.xml", options: XMLOptions(maxValueBytes: 1000))
                    == "value of '/rows/record[1]/note' (line 4) is longer than the limit of 1000 bytes; "
                    + "raise the feed's xml max-value-bytes if such values are expected")
            #expect(
                (try? XMLFixtures.readAll("huge-text.xml", options: XMLOptions(maxValueBytes: 5000)))?.count == 1)
        }

        @Test func valueOverTheDefaultLimitIsStoppedWhileStreaming() throws {
            let text =
                "<rows>\n<record><note>" + String(repeating: "0123456789", count: 1_200_000) + "</note></record></rows>"
            let url = try temporaryFile(Array(text.utf8), name: "big.xml")
            #expect(
                XMLFixtures.errorMessage(url: url, displayPath: "big.xml", options: XMLOptions())
                    == "value of '/rows/record[1]/note' (line 2) is longer than the limit of 1048576 bytes; "
                    + "raise the feed's xml max-value-bytes if such values are expected")
        }

        @Test func attributeOverTheLimit() throws {
            let text = "<rows>\n<record><v a=\"" + String(repeating: "x", count: 65) + "\"/></record></rows>"
            let url = try temporaryFile(Array(text.utf8), name: "attr.xml")
            #expect(
                XMLFixtures.errorMessage(url: url, displayPath: "attr.xml", options: XMLOptions(maxValueBytes: 64))
                    == "value of '/rows/record[1]/v/@a' (line 2) is longer than the limit of 64 bytes; "
                    + "raise the feed's xml max-value-bytes if such values are expected")
        }

        @Test func truncatedFile() throws {
            var reader = try XMLRecordReader(
                url: XMLFixtures.url("truncated.xml"), displayPath: "truncated.xml",
                options: XMLOptions(recordPath: "/unload/u_vendor_kpi"))
            // The complete first record comes out before the error.
            #expect(try reader.next()?.line == 3)
            #expect(throws: ReadError(path: "truncated.xml", message: Self.truncatedMessage)) { try reader.next() }
            #expect(throws: ReadError(path: "truncated.xml", message: Self.truncatedMessage)) { try reader.next() }
        }

        static let truncatedMessage =
            "XML ends at line 17 inside element 'u_comments' opened at line 17; the file may be cut off"

        @Test(arguments: [
            (
                "not-well-formed.xml",
                "XML is not well-formed at line 4: Opening and ending tag mismatch: u_value line 4 and u_vale"
            ),
            ("binary.xml", "file looks binary: NUL byte at offset 8"),
            ("empty.xml", "file is empty"),
            (
                "root-only.xml",
                "no '/unload/u_vendor_kpi' records found (the root element is 'unload'); check the feed's xml record path"
            ),
        ])
        func brokenFile(name: String, message: String) {
            #expect(
                XMLFixtures.errorMessage(name, options: XMLOptions(recordPath: "/unload/u_vendor_kpi")) == message)
        }

        @Test func wrongRecordPath() {
            #expect(
                XMLFixtures.errorMessage(
                    "servicenow-display-value.xml", options: XMLOptions(recordPath: "/unload/incident"))
                    == "no '/unload/incident' records found (the root element is 'unload'); "
                    + "check the feed's xml record path")
        }

        @Test(arguments: ["  \n\n", "<?xml version=\"1.0\"?>\n<!-- nothing -->\n"])
        func noElementAtAll(text: String) throws {
            let url = try temporaryFile(Array(text.utf8), name: "blank.xml")
            #expect(
                XMLFixtures.errorMessage(url: url, displayPath: "blank.xml", options: XMLOptions())
                    == "file has no XML element: only whitespace, comments or an XML declaration, "
                    + "or it is cut off before the first element")
        }

        @Test func notXMLAtAll() throws {
            let url = try temporaryFile(Array("vendor,period\nACME,2026-10\n".utf8), name: "export.xml")
            #expect(
                XMLFixtures.errorMessage(url: url, displayPath: "export.xml", options: XMLOptions())
                    == "file is not XML: text instead of the first element at line 1 ('<' not found)")
        }

        @Test func cutOffInTheFirstStartTag() throws {
            let url = try temporaryFile(Array("<?xml version=\"1.0\"?>\n<unl".utf8), name: "cut.xml")
            #expect(
                XMLFixtures.errorMessage(url: url, displayPath: "cut.xml", options: XMLOptions())
                    == "XML ends at line 2 inside element 'unl' opened at line 2; the file may be cut off")
        }
    }
}
