/// The text encoding a reader actually used, and whether a byte order mark chose it.
public struct ResolvedEncoding: Sendable, Hashable, CustomStringConvertible {
    /// A concrete byte layout; UTF-16 has its byte order decided.
    public enum Form: String, Sendable, Hashable, CaseIterable {
        /// UTF-8; the bytes pass through untouched.
        case utf8 = "utf-8"
        /// UTF-16, little-endian.
        case utf16LittleEndian = "utf-16le"
        /// UTF-16, big-endian.
        case utf16BigEndian = "utf-16be"
        /// Windows-1252 (Western European, Excel's "ANSI").
        case windows1252 = "windows-1252"
        /// ISO-8859-1 (Latin-1).
        case iso88591 = "iso-8859-1"
    }

    /// The byte layout used.
    public var form: Form
    /// `true` when a byte order mark at the start of the file decided it (it wins over the feed).
    public var fromByteOrderMark: Bool

    /// Creates a resolved encoding.
    public init(form: Form, fromByteOrderMark: Bool) {
        self.form = form
        self.fromByteOrderMark = fromByteOrderMark
    }

    /// `utf-16le (byte order mark)` or `windows-1252 (declared)`.
    public var description: String {
        "\(form.rawValue) (\(fromByteOrderMark ? "byte order mark" : "declared"))"
    }
}
