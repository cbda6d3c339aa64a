/// Turns a field's bytes into text and says which bytes are not UTF-8.
enum FieldText {
    /// `true` when every byte is a space, tab, CR or LF (a row of those is not a record).
    ///
    /// A plain loop: the generic `allSatisfy` version cost ~10% of a read (perf).
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
            return false
        }
        return true
    }

    /// The field as a String; `isValid` is `false` when bad bytes were replaced by U+FFFD.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: String, isValid: Bool) {
        // `String(validating:)` doubled the cost of a whole read (measured); almost every value is
        // ASCII, and the rare others go through our own validator before the repairing decode.
        let count = bytes.count
        var i = asciiPrefixLength(bytes)
        if i == count, count <= smallCapacity, let base = bytes.baseAddress {
            // An ASCII value that fits in a small String is copied straight in: 111 instructions
            // a value against 153 for `String(decoding:)`, which validates it again (callgrind,
            // 1M values of 1-15 bytes). Longer ones allocate either way, and there
            // `String(decoding:)` was the cheapest (484 against 540).
            let value = String(unsafeUninitializedCapacity: count) { out in
                out.baseAddress?.update(from: base, count: count)
                return count
            }
            return (value, true)
        }
        var isValid = true
        while i < count {
            if bytes[i] < 0x80 {
                i += 1
                continue
            }
            let length = validSequenceLength(bytes, at: i)
            if length == 0 {
                isValid = false
                break
            }
            i += length
        }
        return (String(decoding: bytes, as: UTF8.self), isValid)
    }

    /// Bytes already known to be UTF-8 as a String: a JSON string or number (the tokenizer
    /// validates them), a field of a CSV row found to be all ASCII.
    ///
    /// A value that fits in a small String is copied straight in, as in ``decode(_:)``:
    /// `String(decoding:)` cost 166 instructions a value here (callgrind, 20k NDJSON records).
    /// Bytes that are not UTF-8 after all are repaired by either initialiser alike.
    @inline(__always)
    static func string(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = bytes.count
        if count <= smallCapacity, let base = bytes.baseAddress {
            return String(unsafeUninitializedCapacity: count) { out in
                out.baseAddress?.update(from: base, count: count)
                return count
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The most UTF-8 bytes a String holds without allocating (64-bit platforms).
    private static let smallCapacity = 15

    /// How many bytes at the start are ASCII, checked eight at a time: the byte-by-byte loop
    /// was most of `decode`'s own cost (callgrind, 100k CSV rows), and almost every value is ASCII.
    static func asciiPrefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            i += 8
        }
        // The last partial word is checked as the last eight bytes, overlapping what was checked.
        if i < bytes.count, i + 8 > bytes.count, bytes.count >= 8,
            raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
            return bytes.count
        }
        while i < bytes.count, bytes[i] < 0x80 { i += 1 }
        return i
    }

    /// The field with every byte that is not part of valid UTF-8 written as `\xHH`.
    static func escapingInvalidBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            let length = validSequenceLength(bytes, at: i)
            if length > 0 {
                text.append(contentsOf: bytes[i..<i + length])
                i += length
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                text.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "x")])
                text.append(hex[Int(bytes[i] >> 4)])
                text.append(hex[Int(bytes[i] & 0x0F)])
                i += 1
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The length of the well-formed UTF-8 sequence at `i`, or 0 when the byte there starts none.
    ///
    /// Follows the Unicode table of well-formed sequences, so overlong forms, surrogates and
    /// values above U+10FFFF are rejected like `String(validating:)` rejects them.
    static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = bytes[i]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            secondRange = 0x80...0x9F
        case 0xF0:
            length = 4
            secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            secondRange = 0x80...0x8F
        default: return 0
        }
        guard i + length <= bytes.count, secondRange.contains(bytes[i + 1]) else { return 0 }
        for k in 2..<length where !(0x80...0xBF).contains(bytes[i + k]) {
            return 0
        }
        return length
    }
}
