// libxml2 (Debian libxml2-dev) for the streaming XML and XLSX readers.
// libxml2 is built with ICU, so encoding.h would include the system's ICU headers, which
// clash with Foundation's own copy (_FoundationICU: "'U_MF_…' is not present in definition of
// 'enum UErrorCode'"). Swift never needs libxml2's ICU converter: drop it from the headers.
// It only removes the last two pointer fields of xmlCharEncodingHandler, which Swift never
// allocates or reads.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

// Swift cannot define or call C variadic functions, and libxml2's printf-style error
// callbacks are variadic: these wrappers keep libxml2 from printing to stderr.

/// A no-op for libxml2's printf-style message callbacks.
static inline void sluice_xml_ignore_message(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

/// Points a SAX handler's printf-style warning and error callbacks at the no-op; errors are
/// taken from the structured `serror` callback instead.
static inline void sluice_xml_silence_handler(xmlSAXHandler *sax) {
    sax->warning = sluice_xml_ignore_message;
    sax->error = sluice_xml_ignore_message;
    sax->fatalError = sluice_xml_ignore_message;
}

/// `xmlParseChunk` with this thread's generic error handler silenced for the call and
/// restored after it (libxml2 reports a few errors without a context, e.g. encoding errors).
static inline int sluice_xml_parse_chunk_quietly(xmlParserCtxtPtr ctxt, const char *chunk, int size,
                                                 int terminate) {
    xmlGenericErrorFunc savedHandler = xmlGenericError;
    void *savedContext = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, sluice_xml_ignore_message);
    int result = xmlParseChunk(ctxt, chunk, size, terminate);
    xmlSetGenericErrorFunc(savedContext, savedHandler);
    return result;
}
