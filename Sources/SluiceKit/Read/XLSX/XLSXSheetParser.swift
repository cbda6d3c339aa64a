/// Turns a worksheet's `<sheetData>` into rows of text values, as its SAX events arrive.
///
/// Values: shared strings (`t="s"`), inline strings (`t="inlineStr"`, rich runs concatenated),
/// formula strings (`t="str"`), booleans (`t="b"` → `true`/`false`), errors (`t="e"` → `#N/A`…),
/// ISO dates (`t="d"`) as written, and numbers exactly as the XML writes them (no float
/// round trip) unless their style is a date or time format: then ISO text. Formulas (`<f>`)
/// are ignored; their cached value is the value. Rows and cells without an `r` follow the
/// previous one, as the format allows.
final class XLSXSheetParser: XLSXPartHandler {
    /// Completed rows with at least one value, oldest first; the reader takes them.
    var rows: [XLSXRow] = []
    private(set) var failure: String?

    private enum CellType {
        case number, sharedString, inlineString, string, boolean, error, isoDate
    }

    private let sharedStrings: [String]
    private let formats: [XLSXNumberFormat]
    private let date1904: Bool
    private let maxValueBytes: Int
    private let sheetPrefix: String

    private var inSheetData = false
    private var rowNumber = 0
    private var cells: [XLSXRow.Cell] = []
    private var inCell = false
    private var column = 0
    private var cellType = CellType.number
    private var cellStyle = 0
    private var text: [UInt8] = []
    private var collecting = false
    private var inInlineString = false
    private var phoneticDepth = 0

    /// Creates a parser that resolves values with the workbook's strings, styles and date system.
    init(workbook: XLSXWorkbook, maxValueBytes: Int) {
        sharedStrings = workbook.sharedStrings
        formats = workbook.formats
        date1904 = workbook.date1904
        self.maxValueBytes = maxValueBytes
        sheetPrefix = XLSXCellReference.sheetPrefix(workbook.sheetName)
    }

    func startElement(_ name: XLSXElementName, attributes: XLSXAttributes) {
        guard failure == nil else { return }
        if inCell {
            if name.is("v") {
                collecting = true
            } else if name.is("is") {
                inInlineString = true
            } else if name.is("rPh") {
                phoneticDepth += 1
            } else if name.is("t") {
                collecting = inInlineString && phoneticDepth == 0
            }
        } else if name.is("c") {
            startCell(attributes)
        } else if name.is("row") {
            guard inSheetData else { return }
            let number = attributes.integer("r") ?? rowNumber + 1
            guard number >= 1 && number <= XLSXCellReference.maxRow else {
                failure = "row number \(number) is outside the sheet (1…\(XLSXCellReference.maxRow))"
                return
            }
            rowNumber = number
            column = 0
            cells.removeAll(keepingCapacity: true)
        } else if name.is("sheetData") {
            inSheetData = true
        }
    }

    func endElement(_ name: XLSXElementName) {
        guard failure == nil else { return }
        if inCell {
            if name.is("v") || name.is("t") {
                collecting = false
            } else if name.is("is") {
                inInlineString = false
            } else if name.is("rPh") {
                phoneticDepth -= 1
            } else if name.is("c") {
                endCell()
            }
        } else if name.is("row") {
            if !cells.isEmpty { rows.append(XLSXRow(number: rowNumber, cells: cells)) }
            cells.removeAll(keepingCapacity: true)
        } else if name.is("sheetData") {
            inSheetData = false
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard collecting, failure == nil else { return }
        if text.count + bytes.count > maxValueBytes {
            failure = "cell \(reference) has more than \(maxValueBytes) bytes of text"
            return
        }
        text.append(contentsOf: bytes)
    }

    /// The current cell for messages: `Scorecard!B17`.
    private var reference: String { sheetPrefix + XLSXCellReference.letters(column) + String(rowNumber) }

    private func startCell(_ attributes: XLSXAttributes) {
        guard inSheetData else { return }
        if let ref = attributes.bytes("r") {
            guard let parsed = XLSXCellReference.parse(ref) else {
                failure =
                    "row \(rowNumber) of \(sheetPrefix.dropLast()) has an invalid cell reference "
                    + "'\(String(decoding: ref, as: UTF8.self))'"
                return
            }
            column = parsed.column
        } else {
            column += 1
            guard column <= XLSXCellReference.maxColumn else {
                failure = "row \(rowNumber) has more than \(XLSXCellReference.maxColumn) columns"
                return
            }
        }
        inCell = true
        text.removeAll(keepingCapacity: true)
        cellStyle = attributes.integer("s") ?? 0
        cellType = .number
        if let type = attributes.bytes("t"), let first = type.first {
            switch (first, type.count) {
            case (UInt8(ascii: "s"), 1): cellType = .sharedString
            case (UInt8(ascii: "s"), 3): cellType = .string
            case (UInt8(ascii: "i"), _): cellType = .inlineString
            case (UInt8(ascii: "b"), _): cellType = .boolean
            case (UInt8(ascii: "e"), _): cellType = .error
            case (UInt8(ascii: "d"), _): cellType = .isoDate
            default: cellType = .number
            }
        }
    }

    private func endCell() {
        inCell = false
        collecting = false
        inInlineString = false
        phoneticDepth = 0
        guard !text.isEmpty else { return }
        let value: String
        switch cellType {
        case .sharedString:
            guard let index = Int(String(decoding: text, as: UTF8.self)), sharedStrings.indices.contains(index) else {
                failure =
                    "cell \(reference) refers to shared string '\(String(decoding: text, as: UTF8.self))'; "
                    + "the workbook has \(sharedStrings.count)"
                return
            }
            value = sharedStrings[index]
        case .boolean:
            value = text == [0x31] ? "true" : text == [0x30] ? "false" : String(decoding: text, as: UTF8.self)
        case .number:
            let raw = String(decoding: text, as: UTF8.self)
            if cellStyle < formats.count, formats[cellStyle] != .number,
                let iso = XLSXSerialDate.text(serial: raw, format: formats[cellStyle], date1904: date1904)
            {
                value = iso
            } else {
                value = raw
            }
        case .inlineString, .string, .error, .isoDate:
            value = String(decoding: text, as: UTF8.self)
        }
        if !value.isEmpty { cells.append(XLSXRow.Cell(column: column, value: value)) }
    }
}
