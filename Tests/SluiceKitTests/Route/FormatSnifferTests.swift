import Foundation
import Testing

@testable import SluiceKit

@Suite struct FormatSnifferTests {
    @Test(arguments: [
        ([UInt8]("PK\u{3}\u{4}rest".utf8), FormatSniffer.Kind?.some(.zip)),
        ([0x50, 0x4B, 0x05, 0x06], .zip),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], .legacyOffice),
        (Array("%PDF-1.7".utf8), .pdf),
        ([0x1F, 0x8B, 0x08], .gzip),
        (Array("vendor,calls\n".utf8), nil),
        (Array("<?xml version=\"1.0\"?>".utf8), nil),
        ([], nil),
        ([0x50, 0x4B], nil),
    ])
    func kind(bytes: [UInt8], expected: FormatSniffer.Kind?) {
        #expect(FormatSniffer.kind(of: bytes) == expected)
    }

    @Test func aWorkbookIsFineForAnXLSXFeedAndAMismatchForTheOthers() throws {
        let url = TestPaths.repoRoot.appendingPathComponent("Tests/SluiceKitTests/Fixtures/xlsx/two-sheets.xlsx")
        #expect(FormatSniffer.mismatch(url, format: .xlsx) == nil)
        #expect(
            FormatSniffer.mismatch(url, format: .csv)
                == "file is an XLSX workbook or another zip archive, not csv as the feed declares; "
                + "if the vendor now sends Excel workbooks, declare the feed's format: xlsx")
        let csv = TestPaths.repoRoot.appendingPathComponent("Inbox/acme_scorecard_2026-10.csv")
        #expect(FormatSniffer.mismatch(csv, format: .csv) == nil)
    }
}
