import Testing

@testable import SluiceKit

extension ReadTests {
    @Suite struct FieldTextTests {
        static func decode(_ bytes: [UInt8]) -> (value: String, isValid: Bool) {
            bytes.withUnsafeBufferPointer { FieldText.decode($0) }
        }

        /// Values of every length up to 20 bytes, plain and with a non-ASCII byte at every place,
        /// so each ends on every place of the eight-byte words the ASCII check reads.
        @Test(arguments: 0...20)
        func everyLengthAndPlaceOfANonASCIIByte(length: Int) {
            let plain = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            plain.withUnsafeBufferPointer { #expect(FieldText.asciiPrefixLength($0) == length) }
            #expect(Self.decode(plain) == (String(decoding: plain, as: UTF8.self), true))
            for place in 0..<length {
                var invalid = plain
                invalid[place] = 0xFF
                invalid.withUnsafeBufferPointer { #expect(FieldText.asciiPrefixLength($0) == place) }
                let decoded = Self.decode(invalid)
                #expect(decoded.isValid == false)
                #expect(decoded.value == String(decoding: invalid, as: UTF8.self))
                var accented = plain
                accented.replaceSubrange(place..<place + 1, with: [0xC3, 0xA9])
                accented.withUnsafeBufferPointer { #expect(FieldText.asciiPrefixLength($0) == place) }
                #expect(Self.decode(accented) == (String(decoding: accented, as: UTF8.self), true))
            }
        }
    }
}
