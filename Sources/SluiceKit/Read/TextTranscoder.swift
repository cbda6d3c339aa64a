/// Turns the file's bytes into UTF-8, chunk by chunk, whatever the file's encoding.
///
/// Every input unit that has no character (a lone UTF-16 surrogate, an odd trailing byte,
/// the five undefined Windows-1252 bytes) becomes the byte 0xFF. 0xFF is never valid UTF-8,
/// so the CSV layer finds every bad unit with one check and reports where it is.
struct TextTranscoder {
    /// The byte written for an input unit that has no character.
    static let invalidByte: UInt8 = 0xFF

    /// The encoding in use.
    let encoding: ResolvedEncoding
    /// A UTF-16 byte waiting for its partner from the next chunk.
    private var pendingByte: UInt8?
    /// A UTF-16 high surrogate waiting for its low surrogate from the next unit.
    private var pendingHighSurrogate: UInt16?

    /// Creates a transcoder for a resolved encoding.
    init(encoding: ResolvedEncoding) {
        self.encoding = encoding
    }

    /// `true` when bytes pass through unchanged (UTF-8), so callers can skip copying.
    var passesThrough: Bool { encoding.form == .utf8 }

    /// The most output bytes one input byte can need (a Windows-1252 byte becomes up to 3).
    static let maximumExpansion = 3

    /// Decides the encoding: a byte order mark always wins, then the declared encoding.
    ///
    /// Returns the encoding and the length of the byte order mark to skip. UTF-16 declared
    /// without a mark is read as little-endian, the layout Windows tools write.
    static func resolve(declared: TextEncoding, prefix: some Collection<UInt8>) -> (ResolvedEncoding, Int) {
        let head = Array(prefix.prefix(3))
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF {
            return (ResolvedEncoding(form: .utf8, fromByteOrderMark: true), 3)
        }
        if head.count >= 2, head[0] == 0xFF, head[1] == 0xFE {
            return (ResolvedEncoding(form: .utf16LittleEndian, fromByteOrderMark: true), 2)
        }
        if head.count >= 2, head[0] == 0xFE, head[1] == 0xFF {
            return (ResolvedEncoding(form: .utf16BigEndian, fromByteOrderMark: true), 2)
        }
        let form: ResolvedEncoding.Form
        switch declared {
        case .utf8: form = .utf8
        case .utf16: form = .utf16LittleEndian
        case .windows1252: form = .windows1252
        case .iso88591: form = .iso88591
        }
        return (ResolvedEncoding(form: form, fromByteOrderMark: false), 0)
    }

    /// Appends the UTF-8 form of `input` to `output` at `written`, advancing `written`.
    ///
    /// `output` must have room for `input.count * maximumExpansion + 8` bytes.
    mutating func transcode(
        _ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>, written: inout Int
    ) {
        switch encoding.form {
        case .utf8:
            for byte in input {
                output[written] = byte
                written += 1
            }
        case .iso88591:
            for byte in input {
                Self.writeScalar(UInt32(byte), into: output, at: &written)
            }
        case .windows1252:
            for byte in input {
                if byte >= 0x80 && byte <= 0x9F {
                    let scalar = Self.windows1252High[Int(byte - 0x80)]
                    if scalar == 0 {
                        output[written] = Self.invalidByte
                        written += 1
                    } else {
                        Self.writeScalar(UInt32(scalar), into: output, at: &written)
                    }
                } else {
                    Self.writeScalar(UInt32(byte), into: output, at: &written)
                }
            }
        case .utf16LittleEndian, .utf16BigEndian:
            let littleEndian = encoding.form == .utf16LittleEndian
            for byte in input {
                guard let first = pendingByte else {
                    pendingByte = byte
                    continue
                }
                pendingByte = nil
                let unit = littleEndian ? UInt16(first) | UInt16(byte) << 8 : UInt16(first) << 8 | UInt16(byte)
                decodeUTF16(unit, into: output, written: &written)
            }
        }
    }

    /// Writes what is still pending at end of file: a half unit or an unpaired high surrogate is invalid.
    mutating func finish(into output: UnsafeMutableBufferPointer<UInt8>, written: inout Int) {
        if pendingHighSurrogate != nil {
            pendingHighSurrogate = nil
            output[written] = Self.invalidByte
            written += 1
        }
        if pendingByte != nil {
            pendingByte = nil
            output[written] = Self.invalidByte
            written += 1
        }
    }

    private mutating func decodeUTF16(
        _ unit: UInt16, into output: UnsafeMutableBufferPointer<UInt8>, written: inout Int
    ) {
        if let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            if unit >= 0xDC00 && unit <= 0xDFFF {
                let scalar = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                Self.writeScalar(scalar, into: output, at: &written)
                return
            }
            output[written] = Self.invalidByte
            written += 1
        }
        if unit >= 0xD800 && unit <= 0xDBFF {
            pendingHighSurrogate = unit
        } else if unit >= 0xDC00 && unit <= 0xDFFF {
            output[written] = Self.invalidByte
            written += 1
        } else {
            Self.writeScalar(UInt32(unit), into: output, at: &written)
        }
    }

    /// Writes one Unicode scalar value as UTF-8.
    private static func writeScalar(_ scalar: UInt32, into output: UnsafeMutableBufferPointer<UInt8>, at i: inout Int) {
        if scalar < 0x80 {
            output[i] = UInt8(scalar)
            i += 1
        } else if scalar < 0x800 {
            output[i] = UInt8(0xC0 | scalar >> 6)
            output[i + 1] = UInt8(0x80 | scalar & 0x3F)
            i += 2
        } else if scalar < 0x10000 {
            output[i] = UInt8(0xE0 | scalar >> 12)
            output[i + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            output[i + 2] = UInt8(0x80 | scalar & 0x3F)
            i += 3
        } else {
            output[i] = UInt8(0xF0 | scalar >> 18)
            output[i + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            output[i + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            output[i + 3] = UInt8(0x80 | scalar & 0x3F)
            i += 4
        }
    }

    /// Windows-1252 bytes 0x80–0x9F; 0 marks the five bytes the code page leaves undefined.
    private static let windows1252High: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
