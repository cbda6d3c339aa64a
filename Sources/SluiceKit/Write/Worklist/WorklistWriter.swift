import Foundation

/// Writes the associate's `worklist.csv` and `worklist.xlsx`.
///
/// The CSV has one row per item, and before each vendor's items a `request` row whose
/// `detail` is the text to send. The workbook has a "Requests" sheet (vendor, request text)
/// and a "Worklist" sheet with the items, typed and filterable.
enum WorklistWriter {
    static let columns = ["vendor", "feed", "period", "problem", "field", "count", "examples", "values", "detail"]

    /// Writes both files into `folder`; `created` is the workbook's document date.
    static func write(_ worklist: Worklist, to folder: URL, created: Date, excelSafe: Bool = true)
        throws(OutputError)
    {
        let file = try BufferedFileWriter(url: folder.appendingPathComponent("worklist.csv"))
        for line in lines(worklist) { try file.write(CSVLine.encode(line, excelSafe: excelSafe)) }
        try file.close()
        try writeWorkbook(worklist, to: folder.appendingPathComponent("worklist.xlsx"), created: created)
    }

    /// The CSV's lines, header first.
    static func lines(_ worklist: Worklist) -> [[String]] {
        var lines = [columns]
        for vendor in worklist.vendors {
            let name = vendor.name.isEmpty ? Worklist.unknownVendor : vendor.name
            if !vendor.request.isEmpty { lines.append([name, "", "", "request", "", "", "", "", vendor.request]) }
            for item in vendor.items {
                lines.append([
                    name, item.feed, item.period, item.problem.rawValue, item.field, "\(item.count)",
                    places(item), values(item), item.detail,
                ])
            }
        }
        return lines
    }

    /// `Inbox/a.csv:6; Inbox/a.csv:9`, with `; …` when there are more than shown.
    static func places(_ item: WorklistItem) -> String {
        let places = item.examples.map(\.place).joined(separator: "; ")
        return item.count > item.examples.count && !places.isEmpty ? places + "; …" : places
    }

    /// The non-empty example values: `1O; 7`.
    static func values(_ item: WorklistItem) -> String {
        item.examples.compactMap(\.value).filter { !$0.isEmpty }.joined(separator: "; ")
    }

    private static func writeWorkbook(_ worklist: Worklist, to url: URL, created: Date) throws(OutputError) {
        let workbook = try XLSXWorkbookWriter(url: url, created: created)
        let requests = try workbook.addSheet(
            "Requests",
            columns: [XLSXColumn(title: "vendor", width: 18), XLSXColumn(title: "request", width: 100, wraps: true)])
        for vendor in worklist.vendors where !vendor.request.isEmpty {
            try requests.append([
                .text(vendor.name.isEmpty ? Worklist.unknownVendor : vendor.name), .text(vendor.request),
            ])
        }
        let widths: [Double] = [16, 22, 10, 18, 26, 8, 44, 30, 50]
        let items = try workbook.addSheet(
            "Worklist", columns: zip(columns, widths).map { XLSXColumn(title: $0, width: $1) })
        items.highlight(column: 3, value: WorklistItem.Problem.quarantinedFile.rawValue, as: .bad)
        items.highlight(column: 3, value: WorklistItem.Problem.missingSubmission.rawValue, as: .bad)
        for vendor in worklist.vendors {
            for item in vendor.items {
                try items.append([
                    .text(vendor.name.isEmpty ? Worklist.unknownVendor : vendor.name), .text(item.feed),
                    .text(item.period), .text(item.problem.rawValue), .text(item.field),
                    .number(Double(item.count), .decimals(0)), .text(places(item)), .text(values(item)),
                    .text(item.detail),
                ])
            }
        }
        try workbook.close()
    }
}
