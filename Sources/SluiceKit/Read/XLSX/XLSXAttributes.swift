/// The attributes of one element as libxml2's SAX2 `startElementNs` passes them: five
/// pointers per attribute (local name, prefix, URI, value start, value end).
struct XLSXAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let count: Int

    /// The raw bytes of the attribute named `localName`; `namespaced` selects a prefixed
    /// attribute (`r:id`) rather than an unprefixed one (`id`).
    func bytes(_ localName: StaticString, namespaced: Bool = false) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        for index in 0..<count {
            let slot = base + index * 5
            guard let name = slot[0], XLSXElementName(pointer: name).is(localName) else { continue }
            if (slot[2] != nil) != namespaced { continue }
            guard let start = slot[3], let end = slot[4] else { return nil }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    /// The attribute's value as text.
    ///
    /// Without entity substitution (which stays off for safety) libxml2 passes an escaped `&`
    /// in an attribute value as the character reference `&#38;`; it is turned back into `&`.
    func string(_ localName: StaticString, namespaced: Bool = false) -> String? {
        guard let bytes = bytes(localName, namespaced: namespaced) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.contains("&#38;") ? text.replacing("&#38;", with: "&") : text
    }

    /// The attribute's value as a non-negative decimal integer, or `nil` when absent or not one.
    func integer(_ localName: StaticString) -> Int? {
        guard let bytes = bytes(localName), !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
