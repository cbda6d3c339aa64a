import Testing

@testable import SluiceKit

/// The byte encoders the writers append with (``CSVLine``, ``JSONText``, ``OutputBuffer``)
/// against the String forms they replace, on edge values.
@Suite struct ByteEncoderTests {
    /// What `sink` holds as text, when `append` fills an ``OutputBuffer`` and a byte array alike.
    private static func encoded(_ append: (inout OutputBuffer) -> Void, _ appendArray: (inout [UInt8]) -> Void)
        -> (buffer: String, array: String)
    {
        var buffer = OutputBuffer(capacity: 4)
        defer { buffer.deallocate() }
        append(&buffer)
        var array: [UInt8] = []
        appendArray(&array)
        return (String(decoding: buffer.bytes, as: UTF8.self), String(decoding: array, as: UTF8.self))
    }

    @Test(arguments: [
        Int64.min, Int64.min + 1, -1_000_000_007, -10, -9, -1, 0, 1, 9, 10, 99, 100, 4_294_967_296,
        Int64.max - 1, Int64.max,
    ])
    func integersWriteLikeString(value: Int64) {
        let text = Self.encoded(
            { CSVLine.appendInteger(value, to: &$0) }, { CSVLine.appendInteger(value, to: &$0) })
        #expect(text.buffer == String(value))
        #expect(text.array == String(value))
    }

    @Test(arguments: [
        (Int64(0), 0), (0, 2), (5, 1), (-5, 1), (-1250, 2), (1250, 2), (7, 3), (-7, 3), (123_456, 3),
        (Int64.min, 0), (Int64.min, 18), (Int64.max, 18), (Int64.max, 5), (1, 18), (-100, 2),
    ])
    func decimalsWriteLikeTheirDescription(significand: Int64, scale: Int) {
        let value = ExactDecimal(significand: significand, scale: scale)
        let text = Self.encoded({ CSVLine.appendDecimal(value, to: &$0) }, { CSVLine.appendDecimal(value, to: &$0) })
        #expect(text.buffer == value.description)
        #expect(text.array == value.description)
    }

    /// Dates and timestamps, including years below 1000, fractions, offsets, and values past the
    /// fixed widths (which take the String path).
    @Test(arguments: [
        NormalisedValue.date(CivilDate(year: 1, month: 1, day: 1)),
        .date(CivilDate(year: 999, month: 12, day: 31)),
        .date(CivilDate(year: 9999, month: 12, day: 31)),
        .date(CivilDate(year: 12_026, month: 1, day: 2)),
        .date(CivilDate(year: -5, month: 1, day: 2)),
        .timestamp(CivilDateTime(date: CivilDate(year: 42, month: 3, day: 4), hour: 0, minute: 0, second: 0)),
        .timestamp(CivilDateTime(date: CivilDate(year: 2026, month: 10, day: 6), hour: 23, minute: 59, second: 59)),
        .timestamp(
            CivilDateTime(
                date: CivilDate(year: 2026, month: 1, day: 1), hour: 1, minute: 2, second: 3, nanosecond: 5)),
        .timestamp(
            CivilDateTime(
                date: CivilDate(year: 2026, month: 1, day: 1), hour: 1, minute: 2, second: 3,
                nanosecond: 999_999_999)),
        .timestamp(
            CivilDateTime(
                date: CivilDate(year: 2026, month: 1, day: 1), hour: 1, minute: 2, second: 3,
                nanosecond: 100_000_000, utcOffsetSeconds: 0)),
        .timestamp(
            CivilDateTime(
                date: CivilDate(year: 2026, month: 1, day: 1), hour: 1, minute: 2, second: 3, utcOffsetSeconds: -34_200)
        ),
        .timestamp(
            CivilDateTime(
                date: CivilDate(year: 2026, month: 1, day: 1), hour: 1, minute: 2, second: 3, utcOffsetSeconds: -30)),
        .timestamp(
            CivilDateTime(
                date: CivilDate(year: 2026, month: 1, day: 1), hour: 1, minute: 2, second: 3,
                utcOffsetSeconds: 50_400)),
        .timestamp(CivilDateTime(date: CivilDate(year: 10_000, month: 1, day: 1), hour: 1, minute: 2, second: 3)),
        .percent(ExactDecimal(significand: 92_500, scale: 3)), .percent(ExactDecimal(significand: 0, scale: 4)),
        .duration(ExactDecimal(significand: -3_120, scale: 1)),
        .decimal(ExactDecimal(significand: 1_000, scale: 3)),
        .boolean(true), .boolean(false), .integer(Int64.min),
    ])
    func cleanValuesWriteLikeTheirCleanText(value: NormalisedValue) {
        let text = Self.encoded(
            { CSVLine.appendClean(value, to: &$0, excelSafe: true) },
            { CSVLine.appendClean(value, to: &$0, excelSafe: true) })
        let expected = String(CSVLine.encode([value.cleanText]).dropLast())
        #expect(text.buffer == expected)
        #expect(text.array == expected)
    }

    @Test func noValueWritesNothing() {
        let text = Self.encoded({ CSVLine.appendClean(nil, to: &$0) }, { CSVLine.appendClean(nil, to: &$0) })
        #expect(text.buffer.isEmpty && text.array.isEmpty)
    }

    /// Text fields: plain, quoted, guarded, non-ASCII, and long enough to live outside the String.
    @Test(arguments: [
        "", "a", "IR0000000001", "Priority \"Gold\"", "a,b", "line\nbreak", "cr\rx", "=1+2", "-5", "-x",
        "Zürich — ünïcödé, 東京", String(repeating: "long text, ", count: 40),
    ])
    func textWritesLikeTheStringEncoder(value: String) {
        for safe in [true, false] {
            let text = Self.encoded(
                { CSVLine.appendField(value, to: &$0, excelSafe: safe) },
                { CSVLine.appendField(value, to: &$0, excelSafe: safe) })
            let expected = String(CSVLine.encode([value], excelSafe: safe).dropLast())
            #expect(text.buffer == expected)
            #expect(text.array == expected)
        }
    }

    @Test(arguments: [
        ("", "\"\""),
        ("plain", "\"plain\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("back\\slash", "\"back\\\\slash\""),
        ("a\nb\rc\td", "\"a\\nb\\rc\\td\""),
        ("\u{0}\u{1}\u{1F}\u{7F}", "\"\\u0000\\u0001\\u001f\u{7F}\""),
        ("\r\n", "\"\\r\\n\""),
        ("ünï 東京 🙂", "\"ünï 東京 🙂\""),
        ("\"", "\"\\\"\""),
    ])
    func jsonStrings(value: String, literal: String) {
        #expect(JSONText.string(value) == literal)
        #expect(JSONText.string(value) == Self.scalarJSON(value))
    }

    @Test func jsonOptionals() {
        var text = OutputBuffer(capacity: 1)
        defer { text.deallocate() }
        JSONText.appendOptional(String?.none, to: &text)
        JSONText.appendOptional(Int?.none, to: &text)
        JSONText.appendOptional(-17, to: &text)
        JSONText.appendOptional("x", to: &text)
        #expect(String(decoding: text.bytes, as: UTF8.self) == "nullnull-17\"x\"")
    }

    /// The buffer grows past its first capacity and keeps every byte in order.
    @Test func outputBufferGrowsAndTruncates() {
        var buffer = OutputBuffer(capacity: 3)
        defer { buffer.deallocate() }
        var expected: [UInt8] = []
        for round in 0..<200 {
            let piece = Array("piece \(round);".utf8)
            piece.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
            buffer.append(UInt8(ascii: "|"))
            expected += piece + [UInt8(ascii: "|")]
        }
        #expect(Array(buffer.bytes) == expected)
        buffer.truncate(to: 5)
        #expect(Array(buffer.bytes) == Array("piece".utf8))
    }

    /// The String-building escaper that ``JSONText`` replaced, as the reference.
    private static func scalarJSON(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case let control where control.value < 0x20:
                let digits = String(control.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
