import CLibXML2

/// Streams one XLSX part through libxml2's SAX2 push parser, chunk by chunk.
///
/// Safety (STACK.md): `XML_PARSE_NONET`, never `NOENT`, `DTDLOAD` or `HUGE`, and any DOCTYPE or
/// entity declaration stops the parse and refuses the file: no XLSX part has one, so its
/// presence means a crafted file. External entities then never load, without touching the
/// process-global entity loader that the XML reader and FoundationXML share. libxml2 prints
/// nothing: its errors are read from the context and become ``ReadError``s.
final class XLSXPushParser {
    /// The part's path inside the zip, for messages.
    let part: String
    let displayPath: String
    private let handler: any XLSXPartHandler
    private var context: xmlParserCtxtPtr?
    /// Why the parser stopped itself (a DOCTYPE).
    private var rejection: String?

    /// Creates a parser for `part` that sends its events to `handler`.
    init(part: String, displayPath: String, handler: any XLSXPartHandler) {
        self.part = part
        self.displayPath = displayPath
        self.handler = handler
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { context, localName, _, _, _, _, attributeCount, _, attributes in
            guard let context, let localName else { return }
            let parser = Unmanaged<XLSXPushParser>.fromOpaque(context).takeUnretainedValue()
            parser.handler.startElement(
                XLSXElementName(pointer: localName),
                attributes: XLSXAttributes(base: attributes, count: Int(attributeCount)))
        }
        sax.endElementNs = { context, localName, _, _ in
            guard let context, let localName else { return }
            let parser = Unmanaged<XLSXPushParser>.fromOpaque(context).takeUnretainedValue()
            parser.handler.endElement(XLSXElementName(pointer: localName))
        }
        let characters: charactersSAXFunc = { context, text, length in
            guard let context, let text, length > 0 else { return }
            let parser = Unmanaged<XLSXPushParser>.fromOpaque(context).takeUnretainedValue()
            parser.handler.characters(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        sax.characters = characters
        sax.cdataBlock = characters
        sax.internalSubset = { context, _, _, _ in
            guard let context else { return }
            Unmanaged<XLSXPushParser>.fromOpaque(context).takeUnretainedValue().reject("DOCTYPE")
        }
        sax.entityDecl = { context, _, _, _, _, _ in
            guard let context else { return }
            Unmanaged<XLSXPushParser>.fromOpaque(context).takeUnretainedValue().reject("entity")
        }
        // Keeps libxml2 from printing; the error is read back from the context.
        sax.serror = { _, _ in }
        context = xmlCreatePushParserCtxt(&sax, Unmanaged.passUnretained(self).toOpaque(), nil, 0, part)
        if let context {
            xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
        }
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// Parses the next chunk of the part.
    func feed(_ bytes: UnsafeRawBufferPointer) throws(ReadError) {
        let code = xmlParseChunk(context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), 0)
        try check(code)
    }

    /// Ends the part: a document left open is an error.
    func finish() throws(ReadError) {
        try check(xmlParseChunk(context, nil, 0, 1))
    }

    private func reject(_ kind: String) {
        if rejection == nil {
            rejection =
                "part '\(part)' has a \(kind) declaration, which XLSX files never use; refusing the file as unsafe"
        }
        xmlStopParser(context)
    }

    private func check(_ code: Int32) throws(ReadError) {
        guard let context else {
            throw ReadError(path: displayPath, message: "cannot create an XML parser for part '\(part)'")
        }
        if let rejection { throw ReadError(path: displayPath, message: rejection) }
        if let failure = handler.failure { throw ReadError(path: displayPath, message: failure) }
        guard code != 0 else { return }
        var detail = "XML error \(code)"
        var place = ""
        if let error = xmlCtxtGetLastError(context) {
            if let message = error.pointee.message {
                let text = String(cString: message)
                let trimmed = text.prefix { $0 != "\n" }
                detail = trimmed.prefix(1).lowercased() + trimmed.dropFirst()
            }
            if error.pointee.line > 0 { place = " at line \(error.pointee.line), column \(error.pointee.int2)" }
        }
        throw ReadError(path: displayPath, message: "part '\(part)' is not well-formed XML\(place): \(detail)")
    }
}
