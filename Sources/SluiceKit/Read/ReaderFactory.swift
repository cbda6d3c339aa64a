import Foundation

/// Opens the reader a feed's format calls for.
enum ReaderFactory {
    static func reader(for url: URL, displayPath: String, feed: FeedSpec) throws(ReadError) -> any RecordReader {
        switch feed.format {
        case .csv:
            return try CSVRecordReader(url: url, displayPath: displayPath, options: feed.csv)
        case .json, .ndjson:
            return try JSONRecordReader(
                url: url, displayPath: displayPath, options: feed.json, lines: feed.format == .ndjson)
        case .xlsx:
            return try XLSXRecordReader(url: url, displayPath: displayPath, options: feed.xlsx)
        case .xml:
            return try XMLParallelRecordReader.reader(url: url, displayPath: displayPath, options: feed.xml)
        }
    }
}
