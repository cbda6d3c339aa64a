import Foundation

/// Recognises a file's real format from its first bytes, so a file whose extension lies (an
/// XLSX workbook saved as `.csv`, a PDF named `.json`) is reported as what it is instead of
/// being read as garbage.
public enum FormatSniffer {
    /// What the first bytes say a file is, when they say it clearly.
    public enum Kind: String, Sendable {
        case zip = "an XLSX workbook or another zip archive"
        case legacyOffice = "an encrypted workbook or a legacy Excel 97-2003 .xls file"
        case pdf = "a PDF document"
        case gzip = "a gzip archive"
    }

    /// The kind named by the magic bytes at the start of `bytes`, if any.
    public static func kind(of bytes: [UInt8]) -> Kind? {
        func starts(_ magic: [UInt8]) -> Bool {
            bytes.count >= magic.count && Array(bytes.prefix(magic.count)) == magic
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyOffice }
        if starts(Array("%PDF".utf8)) { return .pdf }
        if starts([0x1F, 0x8B]) { return .gzip }
        return nil
    }

    /// Why a file cannot be read as `format`, when its first bytes show it is something else.
    public static func mismatch(_ url: URL, format: InputFormat) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        let bytes = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        guard let kind = kind(of: bytes) else { return nil }
        if format == .xlsx && kind == .zip { return nil }
        let advice = kind == .zip ? "; if the vendor now sends Excel workbooks, declare the feed's format: xlsx" : ""
        return "file is \(kind.rawValue), not \(format.rawValue) as the feed declares\(advice)"
    }
}
