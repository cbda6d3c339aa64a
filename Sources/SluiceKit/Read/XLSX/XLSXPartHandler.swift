/// Receives the parse events of one XLSX part from ``XLSXPushParser``.
///
/// Handlers see only local names (namespace prefixes are ignored, as OOXML producers vary
/// them). Pointers passed in are valid only during the call.
protocol XLSXPartHandler: AnyObject {
    /// Set when the part's content is unusable (a bad reference, a value over the limit); the
    /// parser reports it after the current chunk, and the handler ignores later events.
    var failure: String? { get }
    /// An element starts.
    func startElement(_ name: XLSXElementName, attributes: XLSXAttributes)
    /// An element ends.
    func endElement(_ name: XLSXElementName)
    /// Text inside the current element, possibly in several pieces.
    func characters(_ text: UnsafeBufferPointer<UInt8>)
}
