// libxml2 (Debian libxml2-dev) for the streaming XML and XLSX readers.
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
