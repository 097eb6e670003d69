#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H

// The system SQLite's C API. `SQLITE_TRANSIENT` is a macro casting -1 to a
// destructor pointer, which Swift cannot import, so text and blobs are bound
// through the `static inline` functions below: SQLite copies the bytes before
// the call returns, so Swift's temporary buffers may go away afterwards.
#include <sqlite3.h>

static inline int chorus_sqlite3_bind_text_transient(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

static inline int chorus_sqlite3_bind_blob_transient(sqlite3_stmt *statement, int index, const void *bytes, int length) {
    return sqlite3_bind_blob(statement, index, bytes, length, SQLITE_TRANSIENT);
}

#endif
