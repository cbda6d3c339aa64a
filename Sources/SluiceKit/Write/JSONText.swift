/// Hand-written JSON text for streamed outputs, where `JSONEncoder` would need the whole array.
///
/// Works on UTF-8 bytes: the earlier version appended a Unicode scalar at a time to a String,
/// which the 100k profile showed at about 8 000 instructions per string (`exceptions.json`
/// made a run's exceptions cost 110 000 instructions each). Escaping bytes gives the same text:
/// only ASCII is ever escaped, and every byte of a multi-byte character is 0x80 or above.
public enum JSONText {
    /// A JSON string literal.
    public static func string(_ value: String) -> String {
        var bytes: [UInt8] = []
        appendString(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A string literal, or `null`.
    static func optional(_ value: String?) -> String {
        value.map(string) ?? "null"
    }

    /// A number, or `null`.
    static func optional(_ value: Int?) -> String {
        value.map(String.init) ?? "null"
    }

    /// Appends a JSON string literal.
    static func appendString<Sink: ByteSink>(_ value: String, to sink: inout Sink) {
        let done: Void? = value.utf8.withContiguousStorageIfAvailable { appendString($0, to: &sink) }
        if done == nil {
            var copy = value
            copy.withUTF8 { appendString($0, to: &sink) }
        }
    }

    /// Appends a string literal, or `null`.
    static func appendOptional<Sink: ByteSink>(_ value: String?, to sink: inout Sink) {
        if let value { appendString(value, to: &sink) } else { appendNull(to: &sink) }
    }

    /// Appends a number, or `null`.
    static func appendOptional<Sink: ByteSink>(_ value: Int?, to sink: inout Sink) {
        if let value { CSVLine.appendInteger(Int64(value), to: &sink) } else { appendNull(to: &sink) }
    }

    private static func appendNull<Sink: ByteSink>(to sink: inout Sink) {
        ("null" as StaticString).withUTF8Buffer { sink.append(contentsOf: $0) }
    }

    /// Appends the literal for UTF-8 bytes; runs that need no escape are copied in one piece.
    static func appendString<Sink: ByteSink>(_ bytes: UnsafeBufferPointer<UInt8>, to sink: inout Sink) {
        sink.append(UInt8(ascii: "\""))
        var runStart = 0
        for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            if runStart < index { sink.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            runStart = index + 1
            sink.append(UInt8(ascii: "\\"))
            switch byte {
            case 0x22, 0x5C: sink.append(byte)
            case 10: sink.append(UInt8(ascii: "n"))
            case 13: sink.append(UInt8(ascii: "r"))
            case 9: sink.append(UInt8(ascii: "t"))
            default:
                // `\u001f`: four lower-case hex digits.
                let hex: StaticString = "0123456789abcdef"
                sink.append(count: 5) { out in
                    out[0] = UInt8(ascii: "u")
                    out[1] = UInt8(ascii: "0")
                    out[2] = UInt8(ascii: "0")
                    out[3] = hex.utf8Start[Int(byte >> 4)]
                    out[4] = hex.utf8Start[Int(byte & 0xF)]
                }
            }
        }
        if runStart < bytes.count { sink.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        sink.append(UInt8(ascii: "\""))
    }
}
