/// Escaping for HTML text and attribute values: nothing from the data ever becomes markup.
enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as character references: safe in element text and in
    /// quoted attribute values alike. Control characters other than tab and line ends (which
    /// HTML forbids) become U+FFFD.
    ///
    /// Works on UTF-8 bytes and returns the text itself when nothing needs escaping (most
    /// values): the earlier version appended a Unicode scalar at a time to a new String, which
    /// the 100k profile showed at 167 M instructions for a report of 2 400 findings. Bytes give
    /// the same text: every character it changes is ASCII except the C1 controls
    /// U+0080–U+009F, which are `C2 80`–`C2 9F` in UTF-8.
    static func escape(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: needsLook) else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            var index = first
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                case 9, 10, 13: out.append(byte)
                case 0..<0x20, 0x7F: out.append(contentsOf: replacement)
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    out.append(contentsOf: replacement)
                    index += 1
                default: out.append(byte)
                }
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// U+FFFD in UTF-8.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Whether a byte may need escaping: markup characters, controls, and the lead byte of C1.
    @inline(__always)
    private static func needsLook(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
            0x7F, 0xC2:
            return true
        default: return false
        }
    }
}
