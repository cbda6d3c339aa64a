import Testing

@testable import SluiceKit

@Suite struct CSVLineTests {
    @Test(arguments: [
        // Formula starters get one apostrophe.
        ("=SUM(A1)", "'=SUM(A1)"),
        ("=1+2", "'=1+2"),
        ("@x", "'@x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("+", "'+"),
        ("-", "'-"),
        ("-x", "'-x"),
        ("+1+1", "'+1+1"),
        ("-5-5", "'-5-5"),
        ("--5", "'--5"),
        ("-5.", "'-5."),
        ("-1e5", "'-1e5"),
        ("-1,5", "'-1,5"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        // Signed plain numbers stay numbers.
        ("+1", "+1"),
        ("-5", "-5"),
        ("+3.25", "+3.25"),
        ("-.5", "-.5"),
        ("-0", "-0"),
        // An apostrophe already there gets one more, so one can always be removed.
        ("'quoted", "''quoted"),
        ("'=1", "''=1"),
        ("'", "''"),
        // Everything else is left alone.
        ("1e5", "1e5"),
        ("5.", "5."),
        ("a,b", "a,b"),
        ("say \"hi\"", "say \"hi\""),
        ("a=1", "a=1"),
        (" =1", " =1"),
        ("", ""),
        ("Österreich", "Österreich"),
    ])
    func excelSafeProtectsFormulaStarters(value: String, protected: String) {
        #expect(ExcelSafe.protect(value) == protected)
        if protected != value {
            #expect(String(protected.dropFirst()) == value)
        }
    }

    @Test(arguments: [
        ("=SUM(A1)", "'=SUM(A1)\n"),
        ("+1", "+1\n"),
        ("-5", "-5\n"),
        ("+3.25", "+3.25\n"),
        ("-", "'-\n"),
        ("@x", "'@x\n"),
        ("\tx", "'\tx\n"),
        ("\rx", "\"'\rx\"\n"),
        ("'quoted", "''quoted\n"),
        ("a,b", "\"a,b\"\n"),
        ("say \"hi\"", "\"say \"\"hi\"\"\"\n"),
        ("line\nbreak", "\"line\nbreak\"\n"),
        ("line\r\nbreak", "\"line\r\nbreak\"\n"),
        ("1e5", "1e5\n"),
        ("-.5", "-.5\n"),
        ("=HYPERLINK(\"http://x\",\"a\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\"\n"),
        ("", "\n"),
        ("Österreich", "Österreich\n"),
    ])
    func encodesOneValue(value: String, line: String) {
        #expect(CSVLine.encode([value]) == line)
    }

    @Test(arguments: [
        ("=SUM(A1)", "=SUM(A1)\n"),
        ("+15", "+15\n"),
        ("--", "--\n"),
        ("@A1", "@A1\n"),
        ("'quoted", "'quoted\n"),
        ("\tx", "\tx\n"),
        ("=HYPERLINK(\"http://x\",\"a\")", "\"=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\"\n"),
    ])
    func withoutTheGuardValuesAreWrittenAsTheyAre(value: String, line: String) {
        #expect(CSVLine.encode([value], excelSafe: false) == line)
        var bytes: [UInt8] = []
        CSVLine.appendClean(.text(value), to: &bytes, excelSafe: false)
        bytes.append(10)
        #expect(String(decoding: bytes, as: UTF8.self) == line)
    }

    @Test func encodesARowWithCommasAndLF() {
        #expect(CSVLine.encode(["a", "", "=x", "b,c", "-5"]) == "a,,'=x,\"b,c\",-5\n")
        #expect(CSVLine.encode([]) == "\n")
        #expect(CSVLine.encode(["", ""]) == ",\n")
    }

    @Test(arguments: ["-5", "+3.25", "-.5", "0", "12", "1.5", "+0.0"])
    func plainNumbers(value: String) {
        #expect(ExcelSafe.isPlainNumber(value))
    }

    @Test(arguments: ["", "-", "+", ".", "-.", "5.", "1.2.3", "1e5", "-5-5", "1,5", " 5", "٣"])
    func notPlainNumbers(value: String) {
        #expect(!ExcelSafe.isPlainNumber(value))
    }

    /// The byte path writes exactly what encoding `cleanText` as a String writes.
    @Test(arguments: [
        NormalisedValue.text("Billing, Refunds"), .text("Priority \"Gold\""), .text("=1+2"), .text(""),
        .enumeration("voice"), .integer(0), .integer(-7), .integer(Int64.max), .integer(Int64.min),
        .boolean(true), .boolean(false), .decimal(ExactDecimal(significand: -1250, scale: 2)),
        .percent(ExactDecimal(significand: 9250, scale: 2)), .duration(ExactDecimal(significand: 312, scale: 0)),
        .date(CivilDate(year: 2026, month: 10, day: 3)), .date(CivilDate(year: 7, month: 1, day: 9)),
        .timestamp(CivilDateTime(date: CivilDate(year: 2026, month: 10, day: 3), hour: 4, minute: 2, second: 5)),
        .timestamp(
            CivilDateTime(
                date: CivilDate(year: 2026, month: 10, day: 3), hour: 14, minute: 22, second: 5,
                nanosecond: 120_000_000, utcOffsetSeconds: 7200)),
    ])
    func cleanValuesWriteLikeTheirCleanText(value: NormalisedValue) {
        var line: [UInt8] = []
        CSVLine.appendClean(value, to: &line)
        line.append(10)
        #expect(String(decoding: line, as: UTF8.self) == CSVLine.encode([value.cleanText]))
    }
}

@Suite struct CSVLineQuotingTests {
    /// Each of `,` `"` LF CR at every place of values of 1 to 24 bytes (the word-at-a-time scan and
    /// its overlapping last word), and characters just above and below them that need no quotes.
    @Test func everyPlaceOfEverySpecialByteIsFound() {
        for length in 1...24 {
            for place in 0..<length {
                for special in [",", "\"", "\n", "\r"] {
                    var characters = Array(repeating: "a", count: length)
                    characters[place] = special
                    let value = characters.joined()
                    let quoted = "\"" + value.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
                    #expect(encoded(value) == quoted, "\(length) \(place) \(special.debugDescription)")
                }
                for plain in [" ", "-", "+", "é", "\t", "\u{7F}", "."] {
                    var characters = Array(repeating: "b", count: length)
                    characters[place] = plain
                    let value = characters.joined()
                    #expect(encoded(value) == value, "\(length) \(place) \(plain.debugDescription)")
                }
            }
        }
    }

    @Test(arguments: [
        (Int64(0), "0"), (7, "7"), (10, "10"), (99, "99"), (100, "100"), (-5, "-5"), (-100, "-100"),
        (1_234_567, "1234567"), (Int64.max, "9223372036854775807"), (Int64.min, "-9223372036854775808"),
    ])
    func integersAsStringSpellsThem(value: Int64, text: String) {
        var line: [UInt8] = []
        CSVLine.appendInteger(value, to: &line)
        #expect(String(decoding: line, as: UTF8.self) == text)
    }

    private func encoded(_ value: String) -> String {
        var line: [UInt8] = []
        CSVLine.appendField(value, to: &line, excelSafe: false)
        return String(decoding: line, as: UTF8.self)
    }
}
