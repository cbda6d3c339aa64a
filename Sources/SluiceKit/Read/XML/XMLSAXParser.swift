import CLibXML2

/// One libxml2 SAX2 push parser feeding an ``XMLRecordCollector``.
///
/// Safety (STACK.md, measured): options are `XML_PARSE_NONET` only — never `NOENT`, `DTDLOAD`
/// or `HUGE`; the process-wide external-entity loader refuses everything; a DOCTYPE stops the
/// parser in the `internalSubset` callback, before any declaration in it is parsed. libxml2
/// prints nothing: errors arrive through the structured `serror` callback.
///
/// C callbacks cannot capture Swift context: the parser context's `_private` holds an
/// unretained pointer to this object, which owns (and frees) the context, so the pointer
/// never outlives it. libxml2 copies the handler, but it stays on the heap for the parser's
/// life anyway so nothing depends on that detail.
final class XMLSAXParser {
    /// The first libxml2 error that makes the file unusable.
    struct LibXMLError {
        var line: Int
        /// libxml2's `xmlParserErrors` code.
        var code: Int32
        var message: String
        /// Raised while finishing the input: the innermost element still open, if any.
        var openElement: (name: String, line: Int)?
        /// Raised while finishing the input before any element had started.
        var beforeFirstElement: Bool
    }

    /// The collector, behind a pointer so the callbacks reach it without exclusivity checks.
    let collector: UnsafeMutablePointer<XMLRecordCollector>
    private(set) var error: LibXMLError?
    private let handler: UnsafeMutablePointer<xmlSAXHandler>
    private var context: xmlParserCtxtPtr?
    private var finishing = false

    /// Installs the refusing external-entity loader once per process. libxml2 keeps the loader
    /// process-global (FoundationXML shares it); refusing is right for every user in Sluice.
    private static let installSafeGlobals: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    init(collector: XMLRecordCollector) {
        Self.installSafeGlobals
        self.collector = .allocate(capacity: 1)
        self.collector.initialize(to: collector)
        handler = .allocate(capacity: 1)
        handler.initialize(to: xmlSAXHandler())
        Self.configure(handler)
        context = xmlCreatePushParserCtxt(handler, nil, nil, 0, nil)
        if let context {
            xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
            context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        }
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
        handler.deinitialize(count: 1)
        handler.deallocate()
        collector.pointee.freeBuffers()
        collector.deinitialize(count: 1)
        collector.deallocate()
    }

    /// Whether parsing has stopped: a failure, a libxml2 error, or no parser context.
    var hasStopped: Bool { context == nil || collector.pointee.failure != nil || error != nil }

    /// Parses the next bytes of the document.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let context, !hasStopped, let base = bytes.baseAddress else { return }
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            _ = sluice_xml_parse_chunk_quietly(context, $0, Int32(bytes.count), 0)
        }
    }

    /// Tells libxml2 the input has ended, so it reports unclosed elements.
    func finish() {
        guard let context, !hasStopped else { return }
        finishing = true
        _ = sluice_xml_parse_chunk_quietly(context, nil, 0, 1)
    }

    /// The parser object behind a callback's context pointer.
    private static func from(_ ctx: UnsafeMutableRawPointer?) -> XMLSAXParser {
        let context = ctx!.assumingMemoryBound(to: xmlParserCtxt.self)
        return Unmanaged<XMLSAXParser>.fromOpaque(context.pointee._private!).takeUnretainedValue()
    }

    /// The collector of the parser behind a callback's context pointer. The parser is not
    /// retained and released for the call (it owns the context, so it outlives every callback):
    /// that pair was ~40 instructions per element.
    private static func collector(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<XMLRecordCollector> {
        let context = ctx.unsafelyUnwrapped.assumingMemoryBound(to: xmlParserCtxt.self)
        return Unmanaged<XMLSAXParser>.fromOpaque(context.pointee._private.unsafelyUnwrapped)
            ._withUnsafeGuaranteedRef { $0.collector }
    }

    /// Stops libxml2 once the collector has failed: nothing after a rejection is parsed.
    private static func stopIfFailed(
        _ ctx: UnsafeMutableRawPointer?, _ collector: UnsafeMutablePointer<XMLRecordCollector>
    ) {
        if collector.pointee.failure != nil, let ctx {
            xmlStopParser(ctx.assumingMemoryBound(to: xmlParserCtxt.self))
        }
    }

    private func record(_ error: xmlErrorPtr) {
        let level = error.pointee.level
        guard self.error == nil, level == XML_ERR_ERROR || level == XML_ERR_FATAL else { return }
        // Namespace errors (an undeclared prefix) leave the document well-formed XML 1.0, and
        // records are matched on local names anyway.
        guard error.pointee.domain != Int32(XML_FROM_NAMESPACE.rawValue) else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while message.last?.isWhitespace == true { message.removeLast() }
        self.error = LibXMLError(
            line: Int(error.pointee.line), code: error.pointee.code, message: message,
            openElement: finishing ? collector.pointee.innermostElement : nil,
            beforeFirstElement: finishing && collector.pointee.rootName == nil)
    }

    /// Fills in the callbacks; all others stay NULL (no entity lookups, no external subset).
    private static func configure(_ handler: UnsafeMutablePointer<xmlSAXHandler>) {
        handler.pointee.initialized = XML_SAX2_MAGIC
        sluice_xml_silence_handler(handler)
        handler.pointee.startElementNs = { ctx, localname, _, _, _, _, attributeCount, _, attributes in
            guard let localname else { return }
            let collector = XMLSAXParser.collector(ctx)
            collector.pointee.startElement(
                collector.pointee.nameID(localname), line: Int(xmlSAX2GetLineNumber(ctx)))
            if attributeCount > 0, collector.pointee.isCapturing, let attributes {
                for index in 0..<Int(attributeCount) {
                    let base = index * 5
                    guard let attributeName = attributes[base], let start = attributes[base + 3],
                        let end = attributes[base + 4]
                    else { continue }
                    collector.pointee.attribute(
                        collector.pointee.nameID(attributeName),
                        value: UnsafeBufferPointer(start: start, count: end - start))
                }
            }
            XMLSAXParser.stopIfFailed(ctx, collector)
        }
        handler.pointee.endElementNs = { ctx, _, _, _ in
            XMLSAXParser.collector(ctx).pointee.endElement()
        }
        let characters: charactersSAXFunc = { ctx, bytes, count in
            guard let bytes else { return }
            let collector = XMLSAXParser.collector(ctx)
            collector.pointee.characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
            XMLSAXParser.stopIfFailed(ctx, collector)
        }
        handler.pointee.characters = characters
        // Whitespace is text like any other: values are not trimmed.
        handler.pointee.ignorableWhitespace = characters
        handler.pointee.cdataBlock = characters
        handler.pointee.internalSubset = { ctx, _, _, _ in
            let collector = XMLSAXParser.collector(ctx)
            collector.pointee.doctype(line: Int(xmlSAX2GetLineNumber(ctx)))
            XMLSAXParser.stopIfFailed(ctx, collector)
        }
        handler.pointee.serror = { ctx, error in
            guard let ctx, let error else { return }
            XMLSAXParser.from(ctx).record(error)
        }
    }
}
