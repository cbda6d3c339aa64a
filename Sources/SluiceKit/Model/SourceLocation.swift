/// Where a value, record or file problem sits in an input file.
///
/// Every number is 1-based. `line` is the physical line where the record (or value)
/// starts, counting CR, LF and CRLF as one line end each; `record` counts data
/// records only (header, title lines and blank lines are not records); `column` is
/// the field's position in the source row.
public struct SourceLocation: Sendable, Hashable {
    /// The file as the user names it, relative to the working directory when possible.
    public var file: String
    /// 1-based physical line.
    public var line: Int?
    /// 1-based column (field position in the row).
    public var column: Int?
    /// 1-based data record number.
    public var record: Int?
    /// The source header (or element, key) of the value.
    public var field: String?
    /// An XPath-like path, a JSON pointer or a sheet cell, in structured files.
    public var path: String?

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil, record: Int? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.record = record
        self.field = field
    }

    /// `file:line:column`, leaving out what is unknown.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column, line != nil { text += ":\(column)" }
        return text
    }
}
