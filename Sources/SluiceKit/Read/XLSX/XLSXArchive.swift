import Foundation
import ZIPFoundation

/// An XLSX file's zip container, checked as a whole before anything is inflated.
///
/// Opening refuses what is not a usable zip (empty, legacy or encrypted Excel, other files,
/// truncated archives), entries with unsafe paths, and zip bombs by their declared sizes;
/// ``extract(_:chunkSize:consumer:)`` then enforces the same limits on the bytes actually
/// inflated, because declared sizes can lie.
///
/// `@unchecked Sendable`: the reader uses it on its own thread while opening the workbook, then
/// hands it to the one thread that inflates the worksheet and never touches it again.
final class XLSXArchive: @unchecked Sendable {
    /// The file as the user names it.
    let displayPath: String
    let limits: XLSXLimits
    private let archive: Archive
    private let entries: [String: Entry]
    /// Bytes inflated so far over all entries.
    private var inflatedTotal: Int64 = 0

    /// Opens and checks the archive; nothing is inflated yet.
    init(url: URL, displayPath: String, limits: XLSXLimits) throws(ReadError) {
        self.displayPath = displayPath
        self.limits = limits
        let magic = try Self.firstBytes(of: url, displayPath: displayPath, count: 8)
        switch FormatSniffer.kind(of: magic) {
        case .zip: break
        case .legacyOffice: throw ReadError(path: displayPath, message: Self.legacyMessage)
        case nil where magic.isEmpty: throw ReadError(path: displayPath, message: "file is empty")
        default: throw ReadError(path: displayPath, message: "file is not an XLSX workbook (not a zip archive)")
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw ReadError(
                path: displayPath,
                message: "zip archive is truncated or damaged (no readable central directory); "
                    + "ask the vendor to send the file again")
        }
        var entries: [String: Entry] = [:]
        var declaredTotal: Int64 = 0
        for entry in self.archive {
            let path = entry.path
            guard Self.isSafe(path) else {
                throw ReadError(
                    path: displayPath, message: "zip entry '\(path)' has an unsafe path (absolute or with '..')")
            }
            let size = Int64(clamping: entry.uncompressedSize)
            let compressed = Int64(clamping: entry.compressedSize)
            if size > limits.ratioThresholdBytes && size / max(compressed, 1) > limits.maxCompressionRatio {
                throw ReadError(
                    path: displayPath,
                    message: "zip entry '\(path)' declares \(size) bytes from \(compressed) compressed "
                        + "(more than \(limits.maxCompressionRatio):1); refusing a possible zip bomb")
            }
            declaredTotal = declaredTotal.addingReportingOverflow(size).partialValue
            if declaredTotal > limits.maxTotalBytes || declaredTotal < 0 {
                throw ReadError(
                    path: displayPath,
                    message: "zip archive declares more than \(limits.maxTotalBytes) uncompressed bytes; "
                        + "refusing a possible zip bomb")
            }
            entries[path] = entry
        }
        self.entries = entries
    }

    /// The message for OLE compound files: Excel 97-2003 workbooks and password-protected XLSX both are one.
    static let legacyMessage =
        "file is an encrypted workbook or a legacy Excel 97-2003 .xls file; "
        + "ask the vendor to save it as .xlsx without a password"

    /// Whether the archive has an entry at `path`.
    func contains(_ path: String) -> Bool {
        entries[path] != nil
    }

    /// Inflates the entry at `path` chunk by chunk, enforcing the limits on the real bytes.
    ///
    /// - Throws: ``ReadError`` when the entry is missing, inflates beyond its declared size or the
    ///   total limit, is damaged, or when `consumer` throws one.
    func extract(_ path: String, chunkSize: Int, consumer: (Data) throws(ReadError) -> Void) throws(ReadError) {
        guard let entry = entries[path] else {
            throw ReadError(path: displayPath, message: "the workbook has no part '\(path)'; the file is damaged")
        }
        let declared = Int64(clamping: entry.uncompressedSize)
        var inflated: Int64 = 0
        do {
            _ = try archive.extract(entry, bufferSize: chunkSize) { (data: Data) throws in
                inflated += Int64(data.count)
                inflatedTotal += Int64(data.count)
                if inflated > declared {
                    throw ReadError(
                        path: displayPath,
                        message: "zip entry '\(path)' inflates beyond its declared \(declared) bytes; "
                            + "refusing a possible zip bomb")
                }
                if inflatedTotal > limits.maxTotalBytes {
                    throw ReadError(
                        path: displayPath,
                        message: "zip archive inflates to more than \(limits.maxTotalBytes) bytes; "
                            + "refusing a possible zip bomb")
                }
                try consumer(data)
            }
        } catch let error as ReadError {
            throw error
        } catch Archive.ArchiveError.invalidCRC32 {
            throw ReadError(
                path: displayPath,
                message: "zip entry '\(path)' is damaged (checksum mismatch); ask the vendor to send the file again")
        } catch is CancellationError {
            throw ReadError(path: displayPath, message: "reading zip entry '\(path)' was cancelled")
        } catch {
            throw ReadError(
                path: displayPath,
                message: "zip entry '\(path)' is damaged or encrypted and cannot be inflated; "
                    + "ask the vendor to send the file again")
        }
        if inflated < declared {
            throw ReadError(
                path: displayPath,
                message: "zip entry '\(path)' is shorter than its declared \(declared) bytes; the file is damaged")
        }
    }

    /// An entry path that stays inside the package: relative, without `..` components or drive letters.
    static func isSafe(_ path: String) -> Bool {
        if path.isEmpty || path.hasPrefix("/") || path.hasPrefix("\\") { return false }
        let components = path.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }
        if components.contains("..") { return false }
        if let first = components.first, first.count == 2, first.last == ":" { return false }
        return true
    }

    /// Up to `count` bytes from the start of the file.
    private static func firstBytes(of url: URL, displayPath: String, count: Int) throws(ReadError) -> [UInt8] {
        let source = try FileByteSource(path: url.path, displayPath: displayPath, capacity: count)
        let got = try source.fill()
        return Array(source.buffer[0..<got])
    }
}
