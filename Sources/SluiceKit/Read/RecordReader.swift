/// A reader of one file's records, whatever the format: the pipeline reads CSV, XML, JSON,
/// NDJSON and XLSX through this one interface, so mapping, normalising and checking never
/// depend on the format.
public protocol RecordReader {
    /// The header row for formats that have one (CSV, XLSX): fields are bound to columns once
    /// per file. `nil` when each record names its own keys (XML, JSON): fields are bound per
    /// record by key.
    var fixedHeader: [String]? { get }
    /// 1-based line (or row) of the header; 0 when there is none.
    var headerLine: Int { get }
    /// Lines or rows dropped as titles or footers.
    var droppedRows: [Int] { get }
    /// The next record, or nil at the end. A `ReadError` means the file cannot be used: it is
    /// quarantined and nothing it produced is published.
    mutating func next() throws(ReadError) -> RawRecord?
    /// How the file is being read, for people (`utf-8 (byte order mark), delimiter ';'`).
    var readingDescription: String { get }
}

extension RecordReader {
    /// No details beyond the format by default.
    public var readingDescription: String { "" }
}

extension CSVRecordReader: RecordReader {
    public var fixedHeader: [String]? { header }

    public var readingDescription: String {
        let delimiter = detectedDelimiter == 9 ? "tab" : String(UnicodeScalar(detectedDelimiter))
        return "\(encoding.description), delimiter '\(delimiter)'"
    }
}
