import Foundation

@testable import SluiceKit

/// The text of one part (`xl/worksheets/sheet1.xml`) of a workbook the writers produced, read
/// back through the repository's own XLSX archive reader.
func xlsxPart(_ path: String, of url: URL) throws -> String {
    let archive = try XLSXArchive(url: url, displayPath: url.lastPathComponent, limits: XLSXLimits())
    var data = Data()
    try archive.extract(path, chunkSize: 1 << 16) { chunk in data.append(chunk) }
    return String(decoding: data, as: UTF8.self)
}

/// Whether the workbook has a part.
func xlsxHasPart(_ path: String, of url: URL) throws -> Bool {
    try XLSXArchive(url: url, displayPath: url.lastPathComponent, limits: XLSXLimits()).contains(path)
}

/// The `<row r="N">…</row>` element of a sheet's XML.
func xlsxRow(_ number: Int, in sheet: String) -> String? {
    guard let start = sheet.range(of: "<row r=\"\(number)\"") else { return nil }
    guard let end = sheet.range(of: "</row>", range: start.upperBound..<sheet.endIndex) else { return nil }
    return String(sheet[start.lowerBound..<end.upperBound])
}

/// Runs the repository's sample inbox through the real pipeline as of 2026-11-06 and returns
/// the published run folder (inside `work`).
func runSample(in work: URL) throws -> URL {
    for sub in ["Inbox", "Rules"] {
        try FileManager.default.copyItem(
            at: TestPaths.repoRoot.appendingPathComponent(sub), to: work.appendingPathComponent(sub))
    }
    try ScenarioTests.setReceivedDates(inbox: work.appendingPathComponent("Inbox"), from: work)
    let options = RunOptions(
        inbox: work.appendingPathComponent("Inbox"), rules: work.appendingPathComponent("Rules"),
        outbox: work.appendingPathComponent("Outbox"), displayBase: work, now: { ScenarioTests.clock },
        asOf: CivilDate(year: 2026, month: 11, day: 6))
    return try Pipeline.run(options).runFolder
}
