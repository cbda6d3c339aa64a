import Foundation

// Apart from XLSXPushParser.swift: a file importing both Foundation and CLibXML2 fails to build,
// because Debian's libxml2 headers pull in the system ICU, whose `UErrorCode` clashes with
// Foundation's bundled copy.
extension XLSXPushParser {
    /// Parses the next chunk of the part.
    func feed(_ data: Data) throws(ReadError) {
        var failure: ReadError?
        data.withUnsafeBytes { bytes in
            do throws(ReadError) {
                try feed(bytes)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }
}
