// interp/modules/sqlite_internal.h - what the three files of the _sqlite3 module share:
// the layouts of Connection and Cursor objects, and the helpers all use (errors, the
// checks every call makes, text conversion). sqlite_module.cc holds the module, its
// functions and constants; sqlite_connection.cc the connection and the callbacks SQLite
// makes into Python; sqlite_cursor.cc the cursor, parameter binding, rows and sqlite3.Row.
#pragma once

#include "interp/modules/c_library.h"
#include "interp/modules/module_support.h"

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace interp::sqlite {

// The functions of libsqlite3 the module calls, opened at its import (c_library.h).
// clang-format off
#define INTERP_SQLITE3_FUNCTIONS(X)                                                           \
  X(sqlite3_libversion) X(sqlite3_threadsafe) X(sqlite3_complete)                             \
  X(sqlite3_enable_shared_cache) X(sqlite3_open_v2) X(sqlite3_close_v2) X(sqlite3_errmsg)     \
  X(sqlite3_extended_errcode) X(sqlite3_busy_handler) X(sqlite3_interrupt)                    \
  X(sqlite3_get_autocommit) X(sqlite3_changes64) X(sqlite3_total_changes64)                   \
  X(sqlite3_last_insert_rowid) X(sqlite3_create_function_v2) X(sqlite3_create_collation_v2)   \
  X(sqlite3_user_data) X(sqlite3_aggregate_context) X(sqlite3_prepare_v2) X(sqlite3_step)     \
  X(sqlite3_reset) X(sqlite3_finalize) X(sqlite3_sql) X(sqlite3_db_handle)                    \
  X(sqlite3_stmt_readonly) X(sqlite3_clear_bindings) X(sqlite3_bind_parameter_count)          \
  X(sqlite3_bind_parameter_name) X(sqlite3_bind_null) X(sqlite3_bind_int64)                   \
  X(sqlite3_bind_double) X(sqlite3_bind_text64) X(sqlite3_bind_blob64) X(sqlite3_data_count)  \
  X(sqlite3_column_count) X(sqlite3_column_name) X(sqlite3_column_decltype)                   \
  X(sqlite3_column_type) X(sqlite3_column_int64) X(sqlite3_column_double)                     \
  X(sqlite3_column_text) X(sqlite3_column_blob) X(sqlite3_column_bytes) X(sqlite3_value_type) \
  X(sqlite3_value_int64) X(sqlite3_value_double) X(sqlite3_value_text) X(sqlite3_value_blob)  \
  X(sqlite3_value_bytes) X(sqlite3_result_null) X(sqlite3_result_int64)                       \
  X(sqlite3_result_double) X(sqlite3_result_text64) X(sqlite3_result_blob64)                  \
  X(sqlite3_result_error) X(sqlite3_result_error_nomem) X(sqlite3_result_error_toobig)
// clang-format on
INTERP_C_LIBRARY_FUNCTIONS(INTERP_SQLITE3_FUNCTIONS)

// The C side of an open connection, outside the heap (an abort cannot undo SQLite).
struct Db {
  sqlite3* db = nullptr;
  double timeout = 5.0;    // seconds a statement waits for a busy database
  double busy_since = 0.0; // when the current wait began (CLOCK_MONOTONIC seconds)
  bool shared = false;     // check_same_thread=False: other threads may call into it
  // Prepared statements no cursor uses, reset, the most recently used last; at most
  // cache_limit (cached_statements). Preparing is most of the cost of a small query.
  std::vector<sqlite3_stmt*> cache;
  std::size_t cache_limit = 128;
};

struct ConnectionObject : Object {
  Value db;              // small int: the Db's address; 0 before __init__ and after close()
  Value initialized;     // small int 0/1: __init__ ran
  Value isolation_level; // str ("", "DEFERRED", ...), or None for autocommit
  Value row_factory;
  Value text_factory;
  Value detect_types; // small int: PARSE_DECLTYPES | PARSE_COLNAMES
  Value owner_thread; // small int: ident of the thread that may use it; 0: any thread
  Value callbacks;    // dict: what SQLite may call back, kept alive for it (see Callback)
};

struct CursorObject : Object {
  Value connection;
  Value stmt;        // small int: the sqlite3_stmt's address, 0 when none
  Value has_row;     // small int 0/1: the statement stands on a row not fetched yet
  Value description; // tuple of 7-tuples, or None
  Value rowcount;
  Value lastrowid;
  Value arraysize;
  Value row_factory;
  Value closed;      // small int 0/1
  Value converters;  // tuple: each column's converter or None; 0 when none apply
  Value initialized; // small int 0/1: __init__ ran
  // small int 0/1: a call runs Python code (an adapter, a converter) while it holds the
  // statement, which a nested execute() on this cursor would finalize under it.
  Value locked;
};

constexpr int kParseDecltypes = 1;
constexpr int kParseColnames = 2;

inline Db* db_of(Value conn) {
  return address_in<Db>(rd<ConnectionObject>(conn)->db);
}
inline sqlite3_stmt* stmt_of(Value cursor) {
  return address_in<sqlite3_stmt>(rd<CursorObject>(cursor)->stmt);
}

// An attribute of the _sqlite3 module (its classes, adapters, converters).
Value module_value(Thread& t, const char* attr);
// Raises the module's exception class `cls` ("ProgrammingError", ...) with `message`.
Value raise_error(Thread& t, const char* cls, std::string_view message);
// Raises what SQLite's last error on `db` maps to, with sqlite_errorcode and
// sqlite_errorname set as CPython sets them.
Value raise_db_error(Thread& t, sqlite3* db);

// The Db of an initialized, open connection used from the thread allowed to; null with
// ProgrammingError otherwise.
Db* usable(Thread& t, Value conn);
// Runs one statement with no parameters and no result (BEGIN, COMMIT, ROLLBACK).
bool exec_simple(Thread& t, sqlite3* db, const char* sql);

// A str as UTF-8; false with UnicodeEncodeError when it holds a lone surrogate.
bool utf8_of(Thread& t, Value s, std::string& out);
bool valid_utf8(std::string_view s);
// str of UTF-8 from SQLite, decoded with errors="replace" (for messages).
Value str_replacing(Thread& t, std::string_view utf8);

// Whether the statement starts (after blanks and comments) with INSERT, UPDATE, DELETE or
// REPLACE: those open a transaction implicitly.
bool is_dml(std::string_view sql);
// Whether only blanks and comments remain.
bool only_comments(const char* tail);

// adapt(obj, proto, alt) as the module's function (alt 0: none), and whether binding
// a value adapts it first.
Value adapt(Thread& t, Value obj, Value proto, Value alt);
bool needs_adapting(Value v);

// enable_callback_tracebacks() asked to print the errors of callbacks.
bool callback_tracebacks_enabled();

Value make_connection_type(Thread& t); // sqlite_connection.cc
// The cursor half (sqlite_cursor.cc).
Value make_cursor_type(Thread& t);
Value make_row_type(Thread& t);
Value cursor_execute(Thread& t, Value cursor, Value sql, Value params, bool many);
Value cursor_executescript(Thread& t, Value cursor, Value script);

} // namespace interp::sqlite
