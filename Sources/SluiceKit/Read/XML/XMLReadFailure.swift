/// Why an XML file cannot be used; each case becomes one ``ReadError`` message.
enum XMLReadFailure: Sendable, Hashable {
    /// The file has no bytes.
    case empty
    /// The feed's record path is not `/a/b` or `//b`.
    case invalidRecordPath(String)
    /// A DOCTYPE: refused before any declaration in it is read.
    case doctype(line: Int)
    /// A value (element text or attribute) longer than `maxValueBytes`.
    case valueTooLong(path: String, line: Int, limit: Int)
    /// A NUL byte near the start of a file that is not UTF-16 or UTF-32.
    case binary(offset: Int)
    /// Something other than markup where the first element should start.
    case notXML(line: Int)
    /// libxml2 found the file not well-formed.
    case notWellFormed(line: Int, libxmlMessage: String)
    /// The input ended inside an open element: a truncated upload, most likely.
    case truncated(line: Int, element: String, openedAt: Int)
    /// The input ended before any element had started.
    case noDocumentElement
    /// The whole file was read and no element matched the record path.
    case noRecords(path: String, root: String?)

    /// The message, lower case after the acronym, saying what would fix it.
    var message: String {
        switch self {
        case .empty:
            return "file is empty"
        case .invalidRecordPath(let path):
            return "xml record path '\(path)' is not valid; expected an absolute path like '/unload/u_vendor_kpi' "
                + "or an any-depth path like '//record'"
        case .doctype(let line):
            return "file has a DOCTYPE (document type declaration) at line \(line); "
                + "Sluice does not accept DTDs or entity declarations in vendor files"
        case .valueTooLong(let path, let line, let limit):
            return "value of '\(path)' (line \(line)) is longer than the limit of \(limit) bytes; "
                + "raise the feed's xml max-value-bytes if such values are expected"
        case .binary(let offset):
            return "file looks binary: NUL byte at offset \(offset)"
        case .notXML(let line):
            return "file is not XML: text instead of the first element at line \(line) ('<' not found)"
        case .notWellFormed(let line, let libxmlMessage):
            return "XML is not well-formed at line \(line): \(libxmlMessage)"
        case .truncated(let line, let element, let openedAt):
            return "XML ends at line \(line) inside element '\(element)' opened at line \(openedAt); "
                + "the file may be cut off"
        case .noDocumentElement:
            return "file has no XML element: only whitespace, comments or an XML declaration, "
                + "or it is cut off before the first element"
        case .noRecords(let path, let root):
            let rootNote = root.map { " (the root element is '\($0)')" } ?? ""
            return "no '\(path)' records found\(rootNote); check the feed's xml record path"
        }
    }
}
