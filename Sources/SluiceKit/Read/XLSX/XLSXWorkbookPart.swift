/// Reads `xl/workbook.xml`: the worksheets in tab order and the date system.
final class XLSXWorkbookPart: XLSXPartHandler {
    /// A worksheet's tab name and the relationship id that locates its part.
    struct Sheet: Sendable, Hashable {
        var name: String
        var relationshipID: String
    }

    /// Worksheets (and chart sheets) in tab order.
    private(set) var sheets: [Sheet] = []
    /// `workbookPr date1904="1"`: serials count from 1904-01-01.
    private(set) var date1904 = false
    private(set) var failure: String?

    func startElement(_ name: XLSXElementName, attributes: XLSXAttributes) {
        if name.is("sheet") {
            guard let sheetName = attributes.string("name"), let id = attributes.string("id", namespaced: true) else {
                failure = "xl/workbook.xml lists a sheet without a name or relationship id; the file is damaged"
                return
            }
            sheets.append(Sheet(name: sheetName, relationshipID: id))
        } else if name.is("workbookPr") {
            let value = attributes.string("date1904")
            date1904 = value == "1" || value == "true"
        }
    }

    func endElement(_ name: XLSXElementName) {}

    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}
