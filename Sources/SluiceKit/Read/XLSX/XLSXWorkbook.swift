import Foundation

/// What the reader needs from a workbook before streaming a worksheet: which part holds the
/// chosen sheet, the shared strings, the date styles and the date system.
struct XLSXWorkbook {
    /// The chosen worksheet's tab name.
    var sheetName: String
    /// The chosen worksheet's part inside the zip (`xl/worksheets/sheet1.xml`).
    var sheetPart: String
    /// The shared string table; empty when the workbook has none.
    var sharedStrings: [String]
    /// Number format kind per cell style index.
    var formats: [XLSXNumberFormat]
    /// Serials count from 1904-01-01 instead of 1899-12-30.
    var date1904: Bool

    static let workbookPart = "xl/workbook.xml"
    static let relationshipsPart = "xl/_rels/workbook.xml.rels"
    private static let relationshipPrefix = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    private static let strictRelationshipPrefix = "http://purl.oclc.org/ooxml/officeDocument/relationships/"

    /// Reads the workbook, its relationships, then the shared strings and styles, and picks the
    /// worksheet named by `options` (its name, else its 1-based tab position).
    static func load(
        from archive: XLSXArchive, options: XLSXOptions, chunkSize: Int
    ) throws(ReadError) -> XLSXWorkbook {
        let path = archive.displayPath
        guard archive.contains(workbookPart) else {
            throw ReadError(path: path, message: "zip archive is not an XLSX workbook")
        }
        let workbook = XLSXWorkbookPart()
        try parse(workbookPart, in: archive, handler: workbook, chunkSize: chunkSize)
        guard archive.contains(relationshipsPart) else {
            throw ReadError(path: path, message: "the workbook has no part '\(relationshipsPart)'; the file is damaged")
        }
        let rels = XLSXRelationshipsPart(base: "xl")
        try parse(relationshipsPart, in: archive, handler: rels, chunkSize: chunkSize)

        let sheet = try choose(from: workbook.sheets, options: options, displayPath: path)
        guard let target = rels.relationships[sheet.relationshipID] else {
            throw ReadError(
                path: path,
                message: "worksheet '\(sheet.name)' has no relationship '\(sheet.relationshipID)'; the file is damaged")
        }
        guard kind(of: target) == "worksheet" else {
            throw ReadError(path: path, message: "sheet '\(sheet.name)' is a \(kind(of: target)), not a worksheet")
        }
        guard archive.contains(target.target) else {
            throw ReadError(
                path: path, message: "worksheet '\(sheet.name)' part '\(target.target)' is missing; the file is damaged"
            )
        }

        var strings: [String] = []
        if let part = part(ofKind: "sharedStrings", in: rels, default: "xl/sharedStrings.xml", archive: archive) {
            let handler = XLSXSharedStringsPart(maxValueBytes: archive.limits.maxValueBytes)
            try parse(part, in: archive, handler: handler, chunkSize: chunkSize)
            strings = handler.strings
        }
        var formats: [XLSXNumberFormat] = []
        if let part = part(ofKind: "styles", in: rels, default: "xl/styles.xml", archive: archive) {
            let handler = XLSXStylesPart()
            try parse(part, in: archive, handler: handler, chunkSize: chunkSize)
            formats = handler.formats
        }
        return XLSXWorkbook(
            sheetName: sheet.name, sheetPart: target.target, sharedStrings: strings, formats: formats,
            date1904: workbook.date1904)
    }

    /// The sheet `options` names: by name (exact, then ignoring case as Excel does), else by position.
    static func choose(
        from sheets: [XLSXWorkbookPart.Sheet], options: XLSXOptions, displayPath: String
    ) throws(ReadError) -> XLSXWorkbookPart.Sheet {
        let names = sheets.isEmpty ? "no sheets" : sheets.map(\.name).joined(separator: ", ")
        if let wanted = options.sheet {
            if let sheet = sheets.first(where: { $0.name == wanted })
                ?? sheets.first(where: { $0.name.lowercased() == wanted.lowercased() })
            {
                return sheet
            }
            throw ReadError(path: displayPath, message: "no worksheet named '\(wanted)'; the workbook has: \(names)")
        }
        guard options.sheetIndex >= 1 && options.sheetIndex <= sheets.count else {
            throw ReadError(
                path: displayPath,
                message: "no worksheet at position \(options.sheetIndex); the workbook has: \(names)")
        }
        return sheets[options.sheetIndex - 1]
    }

    /// Parses a whole (small) part synchronously.
    static func parse(
        _ part: String, in archive: XLSXArchive, handler: any XLSXPartHandler, chunkSize: Int
    ) throws(ReadError) {
        let parser = XLSXPushParser(part: part, displayPath: archive.displayPath, handler: handler)
        try archive.extract(part, chunkSize: chunkSize) { (data: Data) throws(ReadError) in
            try parser.feed(data)
        }
        try parser.finish()
    }

    /// The last segment of a relationship type: `worksheet`, `chartsheet`, `sharedStrings`…
    private static func kind(of relationship: XLSXRelationshipsPart.Relationship) -> String {
        for prefix in [relationshipPrefix, strictRelationshipPrefix] where relationship.type.hasPrefix(prefix) {
            return String(relationship.type.dropFirst(prefix.count))
        }
        return relationship.type
    }

    /// The part a relationship of `kind` points to, else the conventional name, if the archive has it.
    private static func part(
        ofKind wanted: String, in rels: XLSXRelationshipsPart, default fallback: String, archive: XLSXArchive
    ) -> String? {
        let declared = rels.relationships.values.filter { kind(of: $0) == wanted }.map(\.target).sorted().first
        if let declared, archive.contains(declared) { return declared }
        return archive.contains(fallback) ? fallback : nil
    }
}
