import Foundation

/// The chosen worksheet as a stream of rows: inflated on a background thread, parsed with
/// libxml2 on the reader's thread, one chunk at a time.
///
/// A class so the background thread is stopped exactly once, when the last reader copy goes:
/// `deinit` cancels the channel, the inflating thread's next hand-over throws, and the thread
/// ends, releasing the archive.
final class XLSXSheetStream {
    private let channel: XLSXChunkChannel
    private let parser: XLSXPushParser
    private let sheet: XLSXSheetParser
    private var nextRowIndex = 0
    private var ended = false

    /// Starts inflating `workbook.sheetPart` from `archive`, which the stream then owns.
    init(archive: XLSXArchive, workbook: XLSXWorkbook, chunkSize: Int) {
        let channel = XLSXChunkChannel(capacity: 2)
        self.channel = channel
        sheet = XLSXSheetParser(workbook: workbook, maxValueBytes: archive.limits.maxValueBytes)
        parser = XLSXPushParser(part: workbook.sheetPart, displayPath: archive.displayPath, handler: sheet)
        let part = workbook.sheetPart
        let thread = Thread {
            do throws(ReadError) {
                try archive.extract(part, chunkSize: chunkSize) { (data: Data) throws(ReadError) in
                    do {
                        try channel.put(data)
                    } catch {
                        throw ReadError(path: archive.displayPath, message: "reading was cancelled")
                    }
                }
                channel.finish(failure: nil)
            } catch {
                channel.finish(failure: error)
            }
        }
        thread.name = "sluice.xlsx-inflate"
        thread.start()
    }

    deinit {
        channel.cancel()
    }

    /// The next row with a value, or `nil` at the end of the sheet.
    func nextRow() throws(ReadError) -> XLSXRow? {
        while nextRowIndex == sheet.rows.count {
            if ended { return nil }
            sheet.rows.removeAll(keepingCapacity: true)
            nextRowIndex = 0
            if let chunk = try channel.take() {
                try parser.feed(chunk)
            } else {
                ended = true
                try parser.finish()
            }
        }
        defer { nextRowIndex += 1 }
        return sheet.rows[nextRowIndex]
    }
}
