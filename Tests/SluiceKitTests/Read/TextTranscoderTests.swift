import Testing

@testable import SluiceKit

extension ReadTests {
    @Suite struct TextTranscoderTests {
        static func transcode(_ bytes: [UInt8], as form: ResolvedEncoding.Form, chunkSize: Int) -> [UInt8] {
            var transcoder = TextTranscoder(encoding: ResolvedEncoding(form: form, fromByteOrderMark: false))
            let output = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count * 3 + 16)
            defer { output.deallocate() }
            var result: [UInt8] = []
            var start = 0
            while start < bytes.count {
                let end = min(start + chunkSize, bytes.count)
                var written = 0
                bytes[start..<end].withUnsafeBufferPointer { transcoder.transcode($0, into: output, written: &written) }
                result += output[0..<written]
                start = end
            }
            var written = 0
            transcoder.finish(into: output, written: &written)
            result += output[0..<written]
            return result
        }

        static let cases: [(ResolvedEncoding.Form, [UInt8], [UInt8])] = [
            (.utf8, [0x61, 0xC3, 0xA9, 0xFF], [0x61, 0xC3, 0xA9, 0xFF]),
            (.utf16LittleEndian, [0x41, 0x00, 0xE9, 0x00, 0xAC, 0x20], Array("Aé€".utf8)),
            (.utf16LittleEndian, [0x3D, 0xD8, 0x00, 0xDE], Array("😀".utf8)),
            (.utf16BigEndian, [0xD8, 0x3D, 0xDE, 0x00, 0x00, 0x41], Array("😀A".utf8)),
            (.utf16LittleEndian, [0x3D, 0xD8, 0x41, 0x00], [0xFF, 0x41]),  // high surrogate without its low one
            (.utf16LittleEndian, [0x00, 0xDE, 0x41, 0x00], [0xFF, 0x41]),  // lone low surrogate
            (.utf16LittleEndian, [0x41, 0x00, 0x3D, 0xD8], [0x41, 0xFF]),  // high surrogate at end of file
            (.utf16LittleEndian, [0x41, 0x00, 0x42], [0x41, 0xFF]),  // odd trailing byte
            (.windows1252, [0x80, 0x9F, 0xE9, 0x41], Array("€Ÿé".utf8) + [0x41]),
            (.windows1252, [0x81, 0x8D, 0x8F, 0x90, 0x9D], [0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
            (.iso88591, [0x80, 0xE9, 0xFF], [0xC2, 0x80, 0xC3, 0xA9, 0xC3, 0xBF]),
        ]

        @Test(arguments: cases)
        func transcodes(form: ResolvedEncoding.Form, input: [UInt8], expected: [UInt8]) {
            #expect(Self.transcode(input, as: form, chunkSize: 1024) == expected)
            #expect(Self.transcode(input, as: form, chunkSize: 1) == expected)
            #expect(Self.transcode(input, as: form, chunkSize: 3) == expected)
        }

        @Test(
            arguments: [
                ([0xEF, 0xBB, 0xBF, 0x61], TextEncoding.windows1252, ResolvedEncoding.Form.utf8, true, 3),
                ([0xFF, 0xFE, 0x61, 0x00], .utf8, .utf16LittleEndian, true, 2),
                ([0xFE, 0xFF, 0x00, 0x61], .utf8, .utf16BigEndian, true, 2),
                ([0x61, 0x00], .utf16, .utf16LittleEndian, false, 0),
                ([0x61], .windows1252, .windows1252, false, 0),
                ([0xEF, 0xBB], .iso88591, .iso88591, false, 0),
            ] as [([UInt8], TextEncoding, ResolvedEncoding.Form, Bool, Int)])
        func byteOrderMarkWins(
            prefix: [UInt8], declared: TextEncoding, form: ResolvedEncoding.Form, fromMark: Bool, skip: Int
        ) {
            let (encoding, length) = TextTranscoder.resolve(declared: declared, prefix: prefix)
            #expect(encoding == ResolvedEncoding(form: form, fromByteOrderMark: fromMark))
            #expect(length == skip)
        }
    }
}
