// libxlsxwriter (Debian libxlsxwriter-dev) for the XLSX reports (kpi.xlsx, worklist.xlsx).
// Linked by name only: its pkg-config file adds `-lz`, which would need zlib1g-dev at link
// time although libxlsxwriter.so already depends on libz itself.
#include <xlsxwriter.h>

// The functions Sluice calls are not variadic and take no macro arguments, so they import as
// they are. This wrapper only keeps the one place where a workbook is opened in C terms:
// constant-memory mode, temporary files in `tmpdir` (the run's staging folder, so a large
// sheet never fills a memory-backed /tmp).

/// `workbook_new_opt` in constant-memory mode (rows are streamed to a temporary file and
/// strings are written inline, not through the shared-strings table).
static inline lxw_workbook *sluice_xlsx_new_constant_memory(const char *filename, const char *tmpdir) {
    lxw_workbook_options options = {0};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = (char *)tmpdir;
    return workbook_new_opt(filename, &options);
}
