// interp/modules/sqlite_connection.cc - sqlite3.Connection of the _sqlite3 module (see
// sqlite_module.cc): opening, closing and transactions, execute() and its kin through a
// new cursor, and the user functions, aggregates and collations SQLite calls back.
//
// Transactions: a database handle, a prepared statement and the database file are C
// state that an abort cannot take back. So every call that hands work to SQLite makes the
// running transaction inevitable first; SQLite state then changes only in transactions
// that commit, in step with the heap objects. Python code SQLite calls back (functions,
// aggregates, collations, converters) runs inside that inevitable transaction.
//
// Waiting: a database another connection (of any thread or process) has locked makes
// SQLite call the busy handler. Waiting there with the transaction open would hold off
// every other thread that needs to become inevitable - among them the one holding the
// lock, which wants to commit - so the handler commits and waits outside the transaction
// (vm::wait_in_call) for a short while, then lets SQLite try again, until `timeout`.
//
// Lifetime: the handle lives outside the heap, its address a small int in the object. It
// is closed by close(), or by the object's finalizer after the transaction that found the
// object dead commits. Statements a cursor still holds keep a closed handle alive until
// they are finalized (sqlite3_close_v2).
#include "interp/modules/modules.h"
#include "interp/modules/sqlite_internal.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"
#include "stm/stm.h"

#include <algorithm>
#include <ctime>

namespace interp {

bool buffer_contents(Thread& t, Value v, std::string& out, bool& error); // bytes.cc

namespace sqlite {

Db* usable(Thread& t, Value conn) {
  const ConnectionObject* c = rd<ConnectionObject>(conn);
  if (c->initialized != Value::small_int(1)) {
    raise_error(t, "ProgrammingError", "Base Connection.__init__ not called.");
    return nullptr;
  }
  std::int64_t owner = c->owner_thread.small_int_value();
  if (owner && owner != t.ident) {
    std::string message =
        "SQLite objects created in a thread can only be used in that same thread. The object "
        "was created in thread id " +
        std::to_string(std::uint64_t(owner)) + " and this is thread id " +
        std::to_string(std::uint64_t(t.ident)) + ".";
    raise_error(t, "ProgrammingError", message);
    return nullptr;
  }
  Db* d = db_of(conn);
  if (!d) raise_error(t, "ProgrammingError", "Cannot operate on a closed database.");
  return d;
}

bool exec_simple(Thread& t, sqlite3* db, const char* sql) {
  stm::become_inevitable("sqlite3 transaction control");
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(st);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) rc = SQLITE_OK;
  }
  if (rc != SQLITE_OK) {
    raise_db_error(t, db);
    sqlite3_finalize(st);
    return false;
  }
  sqlite3_finalize(st);
  return true;
}

namespace {

// ---- waiting for a busy database --------------------------------------------------------

bool never_ready(Value) {
  return false;
}

// SQLite's busy handler: `count` earlier calls in this wait. 1 tries again, 0 gives up
// (the statement then fails with "database is locked").
int busy_handler(void* arg, int count) {
  Db* d = static_cast<Db*>(arg);
  double now = monotonic_seconds();
  if (count == 0) d->busy_since = now;
  double left = d->busy_since + d->timeout - now;
  if (left <= 0) return 0;
  // Short naps first (the lock is usually held for one commit), longer ones later.
  double nap = std::min({left, 0.0005 * double(1 << std::min(count, 6)), 0.05});
  Thread* t = current_thread_if_any();
  // SQLite holds the connection's mutex while it waits. Another thread that shares the
  // connection would block on it inside an inevitable transaction, and then this one
  // could never turn inevitable again after a wait outside: it waits in place instead
  // (a lock another connection of this process holds then lasts until `timeout`).
  if (!t || d->shared) {
    timespec ts{0, long(nap * 1e9)};
    nanosleep(&ts, nullptr);
    return 1;
  }
  t->block_on = none();
  t->block_ready = never_ready;
  t->block_deadline = now + nap;
  vm::wait_in_call(*t);
  t->block_retry = {};
  t->block_expired = false;
  return 1;
}

// ---- callbacks ---------------------------------------------------------------------------

// What SQLite keeps for a user function, aggregate or collation: C memory, freed by
// SQLite when the name is registered again or the database closes. The collector does
// not see it, so the connection's callbacks dict holds the same Values.
struct Callback {
  Value callable;
  Value connection;
};

void destroy_callback(void* p) {
  delete static_cast<Callback*>(p);
}

// The exception a callback raised: dropped, or reported when enable_callback_tracebacks
// asked for it.
void drop_callback_error(Thread& t, Value where) {
  Value e = fetch_pending(t);
  if (!e || !callback_tracebacks_enabled()) return;
  std::string text = "Exception ignored in: " + repr_utf8(t, where) + "\n";
  format_exception_report(t, e, text);
  if (t.pending) clear_pending(t);
  t.err += text;
}

// An argument of a user function as Python sees it.
Value from_sqlite_value(Thread& t, sqlite3_value* v) {
  switch (sqlite3_value_type(v)) {
  case SQLITE_INTEGER:
    return int_from_i64(t, sqlite3_value_int64(v));
  case SQLITE_FLOAT:
    return float_new(t, sqlite3_value_double(v));
  case SQLITE_TEXT: {
    const char* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
    std::string_view s(text ? text : "", std::size_t(sqlite3_value_bytes(v)));
    if (!valid_utf8(s)) {
      // What decoding strictly raises.
      Value b = bytes_new(t, s);
      Value decode = b ? getattr(t, b, intern_literal(t, "decode")) : Value();
      if (decode) call0(t, decode);
      if (!t.pending) raise(t, exc(E_UnicodeDecodeError), "invalid utf-8");
      return {};
    }
    return str_from_utf8(t, s);
  }
  case SQLITE_BLOB: {
    const char* blob = static_cast<const char*>(sqlite3_value_blob(v));
    return bytes_new(t, std::string_view(blob ? blob : "", std::size_t(sqlite3_value_bytes(v))));
  }
  default:
    return none();
  }
}

// The arguments of a callback as a tuple (held in the heap while Python code runs).
Value argument_tuple(Thread& t, int argc, sqlite3_value** argv) {
  Value tuple = tuple_new(t, std::size_t(argc));
  if (!tuple) return {};
  for (int i = 0; i < argc; ++i) {
    Value item = from_sqlite_value(t, argv[i]);
    if (!item) return {};
    tuple_init(tuple, std::size_t(i), item);
  }
  return tuple;
}

// Hands a Python result to SQLite; false with an exception when it cannot.
bool set_result(Thread& t, sqlite3_context* ctx, Value r) {
  if (r == none()) {
    sqlite3_result_null(ctx);
  } else if (int_check(r)) {
    std::int64_t i;
    if (!int_to_i64(r, i)) {
      // SQLite has no room for it: what CPython reports ("string or blob too big").
      sqlite3_result_error_toobig(ctx);
      return true;
    }
    sqlite3_result_int64(ctx, i);
  } else if (float_check(r)) {
    sqlite3_result_double(ctx, float_value(r));
  } else if (str_check(r)) {
    std::string s;
    if (!utf8_of(t, r, s)) return false;
    sqlite3_result_text64(ctx, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  } else {
    std::string data;
    bool error = false;
    if (!buffer_contents(t, r, data, error)) {
      if (!error) {
        std::string message =
            "User-defined functions cannot return '" + type_name(type_of(r)) + "' values to SQLite";
        raise_error(t, "ProgrammingError", message);
      }
      return false;
    }
    sqlite3_result_blob64(ctx, data.data(), data.size(), SQLITE_TRANSIENT);
  }
  return true;
}

void call_function(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto* cb = static_cast<Callback*>(sqlite3_user_data(ctx));
  Thread& t = current_thread();
  Value args = argument_tuple(t, argc, argv);
  Value r = args ? call_ex(t, cb->callable, args, {}) : Value();
  if (r && set_result(t, ctx, r)) return;
  // CPython words the error of a function that raised (not of a result SQLite cannot
  // take) with a capital when it prints tracebacks.
  bool raised = !r && callback_tracebacks_enabled();
  drop_callback_error(t, cb->callable);
  sqlite3_result_error(ctx,
                       raised ? "User-defined function raised exception"
                              : "user-defined function raised exception",
                       -1);
}

// An aggregate's instance lives in SQLite's per-group context; the connection's
// callbacks dict holds it too (keyed by the context's address) until finalize.
void aggregate_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto* cb = static_cast<Callback*>(sqlite3_user_data(ctx));
  Thread& t = current_thread();
  auto* slot = static_cast<Value*>(sqlite3_aggregate_context(ctx, sizeof(Value)));
  if (!slot) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (!*slot) {
    Value instance = call0(t, cb->callable);
    Value callbacks = instance ? rd<ConnectionObject>(cb->connection)->callbacks : Value();
    if (!instance || !dict_set(t, callbacks, address_value(slot), instance)) {
      drop_callback_error(t, cb->callable);
      sqlite3_result_error(ctx, "user-defined aggregate's '__init__' method raised error", -1);
      return;
    }
    *slot = instance;
  }
  Value step = getattr(t, *slot, intern_literal(t, "step"));
  Value args = step ? argument_tuple(t, argc, argv) : Value();
  if (args && call_ex(t, step, args, {})) return;
  drop_callback_error(t, cb->callable);
  sqlite3_result_error(ctx, "user-defined aggregate's 'step' method raised error", -1);
}

void aggregate_final(sqlite3_context* ctx) {
  auto* cb = static_cast<Callback*>(sqlite3_user_data(ctx));
  Thread& t = current_thread();
  auto* slot = static_cast<Value*>(sqlite3_aggregate_context(ctx, 0));
  if (!slot || !*slot) return; // no row reached step (or __init__ failed): NULL
  Value instance = *slot;
  *slot = {};
  // A statement finalized after its cursor died (outside any transaction) ends the
  // aggregates it left open: no Python code may run there, and the result is unused.
  if (!stm::in_transaction()) return;
  // The exception of a step that failed is SQLite's to report already.
  Value finalize = getattr(t, instance, intern_literal(t, "finalize"));
  Value r = finalize ? call0(t, finalize) : Value();
  if (!r || !set_result(t, ctx, r)) {
    drop_callback_error(t, cb->callable);
    sqlite3_result_error(ctx, "user-defined aggregate's 'finalize' method raised error", -1);
  }
  dict_del(t, rd<ConnectionObject>(cb->connection)->callbacks, address_value(slot));
  if (t.pending) clear_pending(t);
}

int call_collation(void* arg, int n1, const void* s1, int n2, const void* s2) {
  auto* cb = static_cast<Callback*>(arg);
  Thread& t = current_thread();
  std::string_view a(static_cast<const char*>(s1), std::size_t(n1));
  std::string_view b(static_cast<const char*>(s2), std::size_t(n2));
  Value x = str_replacing(t, a);
  Value y = x ? str_replacing(t, b) : Value();
  Value r = y ? call2(t, cb->callable, x, y) : Value();
  std::int64_t order = 0;
  if (!r || !int_check(r)) {
    if (t.pending) clear_pending(t);
    return 0;
  }
  if (!int_to_i64(r, order)) order = int_to_decimal(r)[0] == '-' ? -1 : 1;
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

// Keeps `callable` in the connection's callbacks dict under `key` (SQLite's names ignore
// ASCII case; a collation of None drops it) and returns the C side SQLite is given.
Callback* keep_callback(Thread& t, Value conn, std::string key, Value callable) {
  for (char& c : key)
    c = char(std::toupper(static_cast<unsigned char>(c)));
  Value k = str_from_utf8(t, key);
  if (!k) return nullptr;
  Value callbacks = rd<ConnectionObject>(conn)->callbacks;
  if (callable == none() && key.rfind("COLLATION:", 0) == 0) {
    if (dict_del(t, callbacks, k) < 0) return nullptr;
  } else if (!dict_set(t, callbacks, k, callable)) {
    return nullptr;
  }
  return new Callback{callable, conn};
}

// ---- Connection ----------------------------------------------------------------------------

ConnectionObject* conn_w(Value self) {
  return wr<ConnectionObject>(self);
}

void close_db(Db* d) {
  for (sqlite3_stmt* st : d->cache)
    sqlite3_finalize(st);
  sqlite3_busy_handler(d->db, nullptr, nullptr);
  sqlite3_close_v2(d->db);
  delete d;
}

INTERP_NATIVE(connection_new) {
  Value self = allocate(t, Layout::Instance, args[0], sizeof(ConnectionObject));
  if (!self) return {};
  ConnectionObject* c = fresh<ConnectionObject>(self);
  c->db = {};
  c->initialized = Value::small_int(0);
  c->isolation_level = none();
  c->row_factory = none();
  c->text_factory = type_value(T_str);
  c->detect_types = Value::small_int(0);
  c->owner_thread = Value::small_int(0);
  c->callbacks = none();
  Value callbacks = dict_new(t);
  if (!callbacks) return {};
  fresh<ConnectionObject>(self)->callbacks = callbacks;
  return self;
}

// The canonical form of an isolation_level value (None, "", "DEFERRED", "IMMEDIATE",
// "EXCLUSIVE"); 0 with the exception for anything else.
Value isolation_level_value(Thread& t, Value v) {
  if (v == none()) return v;
  if (!str_check(v)) return raise(t, exc(E_TypeError), "isolation_level must be str or None");
  std::string s = str_utf8(v);
  for (char& c : s)
    c = char(std::toupper(static_cast<unsigned char>(c)));
  for (const char* level : {"", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"})
    if (s == level) return str_from_ascii(t, level);
  return raise(t, exc(E_ValueError),
               "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'");
}

// Connection(database, timeout=5.0, detect_types=0, isolation_level="",
//            check_same_thread=True, factory=Connection, cached_statements=128, uri=False)
INTERP_NATIVE(connection_init) {
  Value a[8];
  if (!parse_arguments(t, "Connection", args + 1, nargs - 1, kwnames,
                       {"database", "timeout", "detect_types", "isolation_level",
                        "check_same_thread", "factory", "cached_statements", "uri"},
                       0, 1, a))
    return {};
  Value self = args[0];
  Value path_v = a[0];
  std::string path;
  if (str_check(path_v)) {
    if (!utf8_of(t, path_v, path)) return {};
  } else {
    // A path-like object (os.fspath) or bytes.
    Value os = import_module(t, "os");
    Value fspath = os ? getattr(t, os, intern_literal(t, "fspath")) : Value();
    Value p = fspath ? call1(t, fspath, path_v) : Value();
    if (!p) return {};
    if (str_check(p)) {
      if (!utf8_of(t, p, path)) return {};
    } else {
      path = std::string(bytes_view(p));
    }
  }
  if (path.find('\0') != std::string::npos)
    return raise(t, exc(E_ValueError), "embedded null character");
  double timeout = 5.0;
  if (a[1] && !to_double(t, a[1], timeout)) return {};
  std::int64_t detect_types = 0;
  if (a[2] && !index_to_i64(t, a[2], detect_types)) return {};
  Value level = a[3] ? isolation_level_value(t, a[3]) : str_from_ascii(t, "");
  if (!level) return {};
  int same_thread = 1;
  if (a[4] && (same_thread = truthy(t, a[4])) < 0) return {};
  std::int64_t cached = 128;
  if (a[6] && !index_to_i64(t, a[6], cached)) return {};
  int uri = 0;
  if (a[7] && (uri = truthy(t, a[7])) < 0) return {};

  stm::become_inevitable("sqlite3.connect");
  if (Db* old = db_of(self)) {
    conn_w(self)->db = {};
    close_db(old);
  }
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (uri ? SQLITE_OPEN_URI : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    if (!db) return raise_memory_error(t);
    raise_db_error(t, db);
    sqlite3_close_v2(db);
    return {};
  }
  auto* d = new Db;
  d->db = db;
  d->timeout = timeout;
  d->cache_limit = std::size_t(std::max<std::int64_t>(cached, 0));
  d->shared = !same_thread;
  sqlite3_busy_handler(db, busy_handler, d);
  ConnectionObject* c = conn_w(self);
  c->db = address_value(d);
  c->initialized = Value::small_int(1);
  c->isolation_level = level;
  c->detect_types = Value::small_int(detect_types);
  c->owner_thread = Value::small_int(same_thread ? t.ident : 0);
  return none();
}

INTERP_NATIVE(connection_del) {
  Db* d = db_of(args[0]);
  if (!d) return none();
  wr<ConnectionObject>(args[0])->db = {};
  t.after_commit.push_back([d](bool committed) {
    if (committed) close_db(d);
  });
  return none();
}

INTERP_NATIVE(connection_close) {
  if (!check_positional(t, "close", nargs, kwnames, 0, 0)) return {};
  Value self = args[0];
  const ConnectionObject* c = rd<ConnectionObject>(self);
  if (c->initialized != Value::small_int(1))
    return raise_error(t, "ProgrammingError", "Base Connection.__init__ not called.");
  std::int64_t owner = c->owner_thread.small_int_value();
  if (owner && owner != t.ident) {
    usable(t, self); // raises the thread's error
    return {};
  }
  Db* d = db_of(self);
  if (!d) return none();
  stm::become_inevitable("sqlite3 Connection.close");
  conn_w(self)->db = {};
  close_db(d);
  return none();
}

INTERP_NATIVE(connection_commit) {
  if (!check_positional(t, "commit", nargs, kwnames, 0, 0)) return {};
  Db* d = usable(t, args[0]);
  if (!d) return {};
  if (!sqlite3_get_autocommit(d->db) && !exec_simple(t, d->db, "COMMIT")) return {};
  return none();
}

INTERP_NATIVE(connection_rollback) {
  if (!check_positional(t, "rollback", nargs, kwnames, 0, 0)) return {};
  Db* d = usable(t, args[0]);
  if (!d) return {};
  if (!sqlite3_get_autocommit(d->db) && !exec_simple(t, d->db, "ROLLBACK")) return {};
  return none();
}

// cursor(factory=Cursor)
INTERP_NATIVE(connection_cursor) {
  Value a[1];
  if (!parse_arguments(t, "cursor", args + 1, nargs - 1, kwnames, {"factory"}, 0, 0, a)) return {};
  Value self = args[0];
  if (!usable(t, self)) return {};
  Value cursor_type = module_value(t, "Cursor");
  if (!cursor_type) return {};
  Value factory = a[0] ? a[0] : cursor_type;
  Value cursor = call1(t, factory, self);
  if (!cursor) return {};
  if (!isinstance(cursor, T_object) || !is_subtype(type_of(cursor), cursor_type))
    return raisef(t, exc(E_TypeError), "factory must return a cursor, not %s",
                  type_name_of(cursor).c_str());
  Value row_factory = rd<ConnectionObject>(self)->row_factory;
  if (row_factory != none()) wr<CursorObject>(cursor)->row_factory = row_factory;
  return cursor;
}

// A new cursor from self.cursor(), for execute() and its kin.
Value new_cursor(Thread& t, Value self) {
  if (!usable(t, self)) return {};
  Value method = getattr(t, self, intern_literal(t, "cursor"));
  return method ? call0(t, method) : Value();
}

INTERP_NATIVE(connection_execute) {
  if (!check_positional(t, "execute", nargs, kwnames, 1, 2)) return {};
  Value cursor = new_cursor(t, args[0]);
  if (!cursor) return {};
  return cursor_execute(t, cursor, args[1], nargs > 2 ? args[2] : Value(), false);
}

INTERP_NATIVE(connection_executemany) {
  if (!check_positional(t, "executemany", nargs, kwnames, 2, 2)) return {};
  Value cursor = new_cursor(t, args[0]);
  if (!cursor) return {};
  return cursor_execute(t, cursor, args[1], args[2], true);
}

INTERP_NATIVE(connection_executescript) {
  if (!check_positional(t, "executescript", nargs, kwnames, 1, 1)) return {};
  Value cursor = new_cursor(t, args[0]);
  if (!cursor) return {};
  return cursor_executescript(t, cursor, args[1]);
}

INTERP_NATIVE(connection_enter) {
  if (!usable(t, args[0])) return {};
  return args[0];
}

// __exit__(type, value, traceback): commit when the block ended normally, else roll back.
INTERP_NATIVE(connection_exit) {
  if (!check_positional(t, "__exit__", nargs, kwnames, 3, 3)) return {};
  Db* d = usable(t, args[0]);
  if (!d) return {};
  if (args[1] == none()) {
    if (!sqlite3_get_autocommit(d->db) && !exec_simple(t, d->db, "COMMIT")) {
      // A failed commit leaves the transaction open: roll it back, keep the error.
      Value e = fetch_pending(t);
      if (!sqlite3_get_autocommit(d->db)) exec_simple(t, d->db, "ROLLBACK");
      if (t.pending) clear_pending(t);
      return raise_value(t, e);
    }
  } else if (!sqlite3_get_autocommit(d->db) && !exec_simple(t, d->db, "ROLLBACK")) {
    return {};
  }
  return py_bool(false);
}

// create_function(name, narg, func, *, deterministic=False)
INTERP_NATIVE(connection_create_function) {
  Value a[4];
  if (!parse_arguments(t, "create_function", args + 1, nargs - 1, kwnames,
                       {"name", "narg", "func", "deterministic"}, 0, 3, a))
    return {};
  if (nargs - 1 - keyword_count(kwnames) > 3)
    return raise(t, exc(E_TypeError), "create_function() takes at most 3 positional arguments");
  if (!str_check(a[0]))
    return raisef(t, exc(E_TypeError), "create_function() argument 'name' must be str, not %s",
                  type_name_of(a[0]).c_str());
  std::int64_t narg;
  if (!index_to_i64(t, a[1], narg)) return {};
  int deterministic = 0;
  if (a[3] && (deterministic = truthy(t, a[3])) < 0) return {};
  Db* d = usable(t, args[0]);
  if (!d) return {};
  std::string fname;
  if (!utf8_of(t, a[0], fname)) return {};
  int flags = SQLITE_UTF8 | (deterministic ? SQLITE_DETERMINISTIC : 0);
  Callback* cb = keep_callback(t, args[0], "function:" + fname + ":" + std::to_string(narg), a[2]);
  if (!cb) return {};
  stm::become_inevitable("sqlite3 create_function");
  // As CPython, None is no way to remove a function: it is called, and fails, like any.
  int rc = sqlite3_create_function_v2(d->db, fname.c_str(), int(narg), flags, cb, call_function,
                                      nullptr, nullptr, destroy_callback);
  if (rc != SQLITE_OK) return raise_error(t, "OperationalError", "Error creating function");
  return none();
}

// create_aggregate(name, n_arg, aggregate_class)
INTERP_NATIVE(connection_create_aggregate) {
  Value a[3];
  if (!parse_arguments(t, "create_aggregate", args + 1, nargs - 1, kwnames,
                       {"name", "n_arg", "aggregate_class"}, 0, 3, a))
    return {};
  if (!str_check(a[0]))
    return raisef(t, exc(E_TypeError), "create_aggregate() argument 'name' must be str, not %s",
                  type_name_of(a[0]).c_str());
  std::int64_t narg;
  if (!index_to_i64(t, a[1], narg)) return {};
  Db* d = usable(t, args[0]);
  if (!d) return {};
  std::string fname;
  if (!utf8_of(t, a[0], fname)) return {};
  Callback* cb = keep_callback(t, args[0], "aggregate:" + fname + ":" + std::to_string(narg), a[2]);
  if (!cb) return {};
  stm::become_inevitable("sqlite3 create_aggregate");
  int rc = sqlite3_create_function_v2(d->db, fname.c_str(), int(narg), SQLITE_UTF8, cb, nullptr,
                                      aggregate_step, aggregate_final, destroy_callback);
  if (rc != SQLITE_OK) return raise_error(t, "OperationalError", "Error creating aggregate");
  return none();
}

// create_collation(name, callable, /)
INTERP_NATIVE(connection_create_collation) {
  if (!check_positional(t, "create_collation", nargs, kwnames, 2, 2)) return {};
  Value name_v = args[1], callable = args[2];
  if (!str_check(name_v))
    return raisef(t, exc(E_TypeError), "create_collation() argument 1 must be str, not %s",
                  type_name_of(name_v).c_str());
  Db* d = usable(t, args[0]);
  if (!d) return {};
  if (callable != none() && !is_callable(callable))
    return raise(t, exc(E_TypeError), "parameter must be callable");
  std::string cname;
  if (!utf8_of(t, name_v, cname)) return {};
  Callback* cb = keep_callback(t, args[0], "collation:" + cname, callable);
  if (!cb) return {};
  stm::become_inevitable("sqlite3 create_collation");
  int rc;
  if (callable == none()) {
    delete cb;
    rc = sqlite3_create_collation_v2(d->db, cname.c_str(), SQLITE_UTF8, nullptr, nullptr, nullptr);
  } else {
    rc = sqlite3_create_collation_v2(d->db, cname.c_str(), SQLITE_UTF8, cb, call_collation,
                                     destroy_callback);
  }
  if (rc != SQLITE_OK) return raise_db_error(t, d->db);
  return none();
}

INTERP_NATIVE(connection_interrupt) {
  if (!check_positional(t, "interrupt", nargs, kwnames, 0, 0)) return {};
  Value self = args[0];
  Db* d = db_of(self);
  if (!d || rd<ConnectionObject>(self)->initialized != Value::small_int(1))
    return raise_error(t, "ProgrammingError", "Cannot operate on a closed database.");
  sqlite3_interrupt(d->db);
  return none();
}

// iterdump(): the standard library's sqlite3.dump walks the schema with execute().
INTERP_NATIVE(connection_iterdump) {
  if (!check_positional(t, "iterdump", nargs, kwnames, 0, 0)) return {};
  if (!usable(t, args[0])) return {};
  Value dump = import_module(t, "sqlite3.dump");
  Value fn = dump ? getattr(t, dump, intern_literal(t, "_iterdump")) : Value();
  return fn ? call1(t, fn, args[0]) : Value();
}

INTERP_NATIVE(connection_in_transaction) {
  Db* d = usable(t, args[0]);
  return d ? py_bool(!sqlite3_get_autocommit(d->db)) : Value();
}

INTERP_NATIVE(connection_total_changes) {
  Db* d = usable(t, args[0]);
  return d ? int_from_i64(t, sqlite3_total_changes64(d->db)) : Value();
}

INTERP_NATIVE(connection_get_isolation_level) {
  if (!usable(t, args[0])) return {};
  return rd<ConnectionObject>(args[0])->isolation_level;
}

INTERP_NATIVE(connection_set_isolation_level) {
  if (nargs < 2) return raise(t, exc(E_AttributeError), "cannot delete attribute");
  Value level = isolation_level_value(t, args[1]);
  if (!level) return {};
  Value self = args[0];
  if (level == none()) {
    // Autocommit from now on: the transaction open now is committed.
    Db* d = usable(t, self);
    if (!d) return {};
    if (!sqlite3_get_autocommit(d->db) && !exec_simple(t, d->db, "COMMIT")) return {};
  }
  conn_w(self)->isolation_level = level;
  return none();
}

INTERP_NATIVE(connection_get_row_factory) {
  return rd<ConnectionObject>(args[0])->row_factory;
}
INTERP_NATIVE(connection_set_row_factory) {
  conn_w(args[0])->row_factory = nargs > 1 ? args[1] : none();
  return none();
}
INTERP_NATIVE(connection_get_text_factory) {
  return rd<ConnectionObject>(args[0])->text_factory;
}
INTERP_NATIVE(connection_set_text_factory) {
  if (nargs < 2) return raise(t, exc(E_AttributeError), "cannot delete attribute");
  conn_w(args[0])->text_factory = args[1];
  return none();
}

// Connection.Error and the other exception classes, as DB-API's optional extension has.
const char* const kExceptionNames[] = {
    "Warning",          "Error",          "InterfaceError", "DatabaseError",    "DataError",
    "OperationalError", "IntegrityError", "InternalError",  "ProgrammingError", "NotSupportedError",
};
template <int I> Value connection_exception(Thread& t, const Value*, std::size_t, Value) {
  return module_value(t, kExceptionNames[I]);
}

} // namespace

Value make_connection_type(Thread& t) {
  Value connection = new_type(t, "Connection", "sqlite3", Layout::Instance);
  if (!connection) return {};
  add_staticmethod(t, connection, "__new__", connection_new);
  static const ModuleFunction kMethods[] = {
      {"__init__", connection_init},
      {"__del__", connection_del},
      {"close", connection_close},
      {"commit", connection_commit},
      {"rollback", connection_rollback},
      {"cursor", connection_cursor},
      {"execute", connection_execute},
      {"executemany", connection_executemany},
      {"executescript", connection_executescript},
      {"__enter__", connection_enter},
      {"__exit__", connection_exit},
      {"create_function", connection_create_function},
      {"create_aggregate", connection_create_aggregate},
      {"create_collation", connection_create_collation},
      {"interrupt", connection_interrupt},
      {"iterdump", connection_iterdump},
  };
  for (const ModuleFunction& f : kMethods)
    add_method(t, connection, f.name, f.fn);
  add_getter(t, connection, "in_transaction", connection_in_transaction);
  add_getter(t, connection, "total_changes", connection_total_changes);
  add_getter(t, connection, "isolation_level", connection_get_isolation_level,
             connection_set_isolation_level);
  add_getter(t, connection, "row_factory", connection_get_row_factory, connection_set_row_factory);
  add_getter(t, connection, "text_factory", connection_get_text_factory,
             connection_set_text_factory);
  static const NativeFn kExceptionGetters[] = {
      connection_exception<0>, connection_exception<1>, connection_exception<2>,
      connection_exception<3>, connection_exception<4>, connection_exception<5>,
      connection_exception<6>, connection_exception<7>, connection_exception<8>,
      connection_exception<9>,
  };
  for (std::size_t i = 0; i < std::size(kExceptionNames); ++i)
    add_getter(t, connection, kExceptionNames[i], kExceptionGetters[i]);
  finish_owning_type(connection); // a database handle
  return connection;
}

} // namespace sqlite

} // namespace interp
