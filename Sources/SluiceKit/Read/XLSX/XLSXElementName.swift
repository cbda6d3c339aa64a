/// An element's local name as libxml2 passes it: a NUL-terminated UTF-8 string, compared
/// without making a `String` (the sheet parser sees several elements per cell).
struct XLSXElementName {
    let pointer: UnsafePointer<UInt8>

    /// Whether the name is exactly `name`.
    func `is`(_ name: StaticString) -> Bool {
        name.withUTF8Buffer { expected in
            // A shorter name stops at its NUL, which never equals a byte of `expected`.
            for index in 0..<expected.count where pointer[index] != expected[index] { return false }
            return pointer[expected.count] == 0
        }
    }

    /// The name as a String, for messages.
    var string: String { String(cString: pointer) }
}
