/// Reads `xl/sharedStrings.xml`: the table `t="s"` cells index into.
///
/// A rich-text string's runs (`<r><t>`) are concatenated; phonetic guides (`<rPh>`) are not
/// part of the value. The whole table is held: cells refer to it in any order.
final class XLSXSharedStringsPart: XLSXPartHandler {
    /// The strings in index order.
    private(set) var strings: [String] = []
    private(set) var failure: String?
    private let maxValueBytes: Int
    private var text: [UInt8] = []
    private var inText = false
    private var phoneticDepth = 0

    /// Creates a handler that refuses strings over `maxValueBytes`.
    init(maxValueBytes: Int) {
        self.maxValueBytes = maxValueBytes
    }

    func startElement(_ name: XLSXElementName, attributes: XLSXAttributes) {
        if name.is("si") {
            text.removeAll(keepingCapacity: true)
        } else if name.is("t") {
            inText = phoneticDepth == 0
        } else if name.is("rPh") {
            phoneticDepth += 1
        }
    }

    func endElement(_ name: XLSXElementName) {
        if name.is("si") {
            strings.append(String(decoding: text, as: UTF8.self))
        } else if name.is("t") {
            inText = false
        } else if name.is("rPh") {
            phoneticDepth -= 1
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard inText, failure == nil else { return }
        if text.count + bytes.count > maxValueBytes {
            failure = "shared string \(strings.count) is longer than \(maxValueBytes) bytes"
            return
        }
        text.append(contentsOf: bytes)
    }
}
