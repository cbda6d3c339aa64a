/// Hand-written JSON text for streamed outputs, where `JSONEncoder` would need the whole array.
public enum JSONText {
    /// A JSON string literal.
    public static func string(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case let control where control.value < 0x20:
                text += "\\u" + pad(Int(control.value), 4, hex: true)
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    /// A string literal, or `null`.
    static func optional(_ value: String?) -> String {
        value.map(string) ?? "null"
    }

    /// A number, or `null`.
    static func optional(_ value: Int?) -> String {
        value.map(String.init) ?? "null"
    }

    private static func pad(_ value: Int, _ width: Int, hex: Bool) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
