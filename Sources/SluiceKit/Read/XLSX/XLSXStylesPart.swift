/// Reads `xl/styles.xml` far enough to know which cell styles are date or time formats.
///
/// A cell's `s` attribute indexes `cellXfs`; each `xf` names a built-in or custom (`numFmts`)
/// number format. The custom codes are classified once, here, not per cell.
final class XLSXStylesPart: XLSXPartHandler {
    private(set) var failure: String?
    private var customFormats: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false

    /// The number format kind of every cell style, by style index.
    var formats: [XLSXNumberFormat] {
        formatIDs.map { id in
            if let code = customFormats[id] { return XLSXNumberFormat.custom(code) }
            return XLSXNumberFormat.builtIn(id)
        }
    }

    func startElement(_ name: XLSXElementName, attributes: XLSXAttributes) {
        if name.is("numFmt") {
            if let id = attributes.integer("numFmtId"), let code = attributes.string("formatCode") {
                customFormats[id] = code
            }
        } else if name.is("cellXfs") {
            inCellFormats = true
        } else if inCellFormats && name.is("xf") {
            formatIDs.append(attributes.integer("numFmtId") ?? 0)
        }
    }

    func endElement(_ name: XLSXElementName) {
        if name.is("cellXfs") { inCellFormats = false }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}
