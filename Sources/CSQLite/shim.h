// Debian's libsqlite3 (libsqlite3-dev), imported into Swift.
//
// SQLITE_TRANSIENT and SQLITE_STATIC are macros casting an integer to a function pointer:
// Swift cannot import them, so they are wrapped here as static inline functions.
#ifndef SLUICE_CSQLITE_SHIM_H
#define SLUICE_CSQLITE_SHIM_H

#include <sqlite3.h>

/// Binds text that SQLite copies before the call returns (SQLITE_TRANSIENT).
static inline int sluice_sqlite3_bind_text_transient(sqlite3_stmt *statement, int index, const char *text, int bytes) {
    return sqlite3_bind_text(statement, index, text, bytes, SQLITE_TRANSIENT);
}

/// Binds a blob that SQLite copies before the call returns (SQLITE_TRANSIENT).
static inline int sluice_sqlite3_bind_blob_transient(sqlite3_stmt *statement, int index, const void *bytes, int count) {
    return sqlite3_bind_blob(statement, index, bytes, count, SQLITE_TRANSIENT);
}

#endif
