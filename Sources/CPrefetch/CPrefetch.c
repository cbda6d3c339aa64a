// A C target needs a source file; the one function is static inline in include/CPrefetch.h.
#include "CPrefetch.h"
