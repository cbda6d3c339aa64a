/// A file format recognised from a file's first bytes, whatever its extension says.
///
/// The pipeline uses it to notice a file whose extension lies (an `.xlsx` that is really a CSV,
/// an `.xls` that is really XLSX) and to name the format in the quarantine reason. Eight bytes
/// are enough for the binary formats; text formats are recognised by their first character
/// after an optional byte order mark and whitespace, so pass a few hundred bytes for those.
public enum SniffedFormat: String, Sendable, Hashable, CaseIterable {
    /// A zip archive (`PK\x03\x04`, or `PK\x05\x06` for an empty one): XLSX, if it holds a workbook.
    case zip
    /// An OLE compound file (`D0 CF 11 E0 A1 B1 1A E1`): a legacy Excel 97-2003 `.xls`, or an
    /// encrypted (password-protected) XLSX, which Excel stores the same way.
    case legacyExcel = "legacy-excel"
    /// Text starting with `<`: XML (`<?xml` or an element).
    case xml
    /// Text starting with `{` or `[`: JSON or NDJSON.
    case json

    private static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The format `firstBytes` (the start of a file) belongs to, or `nil` when none is recognised
    /// (CSV and other plain text, an empty file).
    ///
    /// UTF-8, UTF-16LE and UTF-16BE byte order marks are skipped, and so is leading whitespace.
    public static func sniff(_ firstBytes: some Collection<UInt8>) -> SniffedFormat? {
        let bytes = Array(firstBytes.prefix(512))
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .zip
        }
        if bytes.starts(with: oleMagic) { return .legacyExcel }
        var index = 0
        var step = 1
        var offset = 0  // where the ASCII byte sits in a UTF-16 code unit
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            index = 2
            step = 2
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            index = 2
            step = 2
            offset = 1
        }
        while index + step <= bytes.count {
            if step == 2 && bytes[index + 1 - offset] != 0 { return nil }
            switch bytes[index + offset] {
            case 0x20, 0x09, 0x0A, 0x0D: index += step
            case UInt8(ascii: "<"): return .xml
            case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
            default: return nil
            }
        }
        return nil
    }
}
