import Foundation

/// Writes `changes.csv`: every published KPI value this run's resubmissions replaced, sorted
/// (header only when nothing changed, so the file is always there to look at).
enum ChangesWriter {
    static func write(_ changes: [KPIChange], to folder: URL, excelSafe: Bool = true) throws(OutputError) {
        let file = try BufferedFileWriter(url: folder.appendingPathComponent("changes.csv"))
        try file.write(CSVLine.encode(KPIChange.csvHeader, excelSafe: excelSafe))
        for change in changes.sorted() { try file.write(CSVLine.encode(change.csvRow, excelSafe: excelSafe)) }
        try file.close()
    }
}
