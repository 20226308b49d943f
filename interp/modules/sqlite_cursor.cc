// interp/modules/sqlite_cursor.cc - the Cursor and Row types of _sqlite3: running a
// statement with bound parameters, stepping through its result, and turning SQLite values
// into Python ones (text_factory, converters, row_factory).
//
// A cursor holds at most one prepared statement, outside the heap, its address a small int
// in the object. As with CPython, execute() takes the first step at once (so that errors,
// rowcount and lastrowid are known when it returns) and each fetch builds the row the
// statement stands on, then steps to the next. Every step makes the transaction
// inevitable first (see sqlite_connection.cc). Once the result is exhausted, or the cursor
// runs another statement or is closed, the statement goes back, reset, to its
// connection's cache for the next execute() of the same SQL; a cursor that dies holding
// one finalizes it after the transaction that found it dead commits.
#include "interp/modules/sqlite_internal.h"
#include "interp/ops.h"
#include "stm/stm.h"

namespace interp {

bool buffer_contents(Thread& t, Value v, std::string& out, bool& error); // bytes.cc

namespace sqlite {

namespace {

CursorObject* cur_w(Value self) {
  return wr<CursorObject>(self);
}

// The Db of a cursor that may run statements now; null with ProgrammingError.
Db* check_cursor(Thread& t, Value self) {
  const CursorObject* c = rd<CursorObject>(self);
  if (c->initialized != Value::small_int(1)) {
    raise_error(t, "ProgrammingError", "Base Cursor.__init__ not called.");
    return nullptr;
  }
  if (c->closed == Value::small_int(1)) {
    raise_error(t, "ProgrammingError", "Cannot operate on a closed cursor.");
    return nullptr;
  }
  if (c->locked == Value::small_int(1)) {
    raise_error(t, "ProgrammingError", "Recursive use of cursors not allowed.");
    return nullptr;
  }
  return usable(t, c->connection);
}

// The cursor lets go of its statement: back to its connection's cache, reset, or
// finalized when the connection is closed (or the cache is off).
void drop_statement(Value self) {
  sqlite3_stmt* st = stmt_of(self);
  CursorObject* c = cur_w(self);
  c->stmt = {};
  c->has_row = Value::small_int(0);
  if (!st) return;
  stm::become_inevitable("sqlite3 statement release");
  Value conn = rd<CursorObject>(self)->connection;
  Db* d = conn.is_object() ? db_of(conn) : nullptr;
  if (!d || d->db != sqlite3_db_handle(st) || d->cache_limit == 0) {
    sqlite3_finalize(st);
    return;
  }
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  d->cache.push_back(st);
  if (d->cache.size() > d->cache_limit) {
    sqlite3_finalize(d->cache.front());
    d->cache.erase(d->cache.begin());
  }
}

// A statement for `sql` from the cache (taken out of it), or null.
sqlite3_stmt* cached_statement(Db* d, const std::string& sql) {
  for (std::size_t i = d->cache.size(); i-- > 0;) {
    sqlite3_stmt* st = d->cache[i];
    if (sql == sqlite3_sql(st)) {
      d->cache.erase(d->cache.begin() + std::ptrdiff_t(i));
      return st;
    }
  }
  return nullptr;
}

// ---- binding -------------------------------------------------------------------------------

// Binds parameter i (1-based) to v, adapted first where an adapter may apply.
bool bind_one(Thread& t, sqlite3* db, sqlite3_stmt* st, int i, Value v) {
  Value value = v;
  if (needs_adapting(v)) {
    Value proto = module_value(t, "PrepareProtocol");
    value = proto ? adapt(t, v, proto, v) : Value();
    if (!value) return false;
  }
  int rc;
  if (value == none()) {
    rc = sqlite3_bind_null(st, i);
  } else if (int_check(value)) {
    std::int64_t n;
    if (!int_to_i64(value, n)) {
      raise(t, exc(E_OverflowError), "Python int too large to convert to SQLite INTEGER");
      return false;
    }
    rc = sqlite3_bind_int64(st, i, n);
  } else if (float_check(value)) {
    rc = sqlite3_bind_double(st, i, float_value(value));
  } else if (str_check(value)) {
    std::string s;
    if (!utf8_of(t, value, s)) return false;
    rc = sqlite3_bind_text64(st, i, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  } else {
    std::string data;
    bool error = false;
    if (!buffer_contents(t, value, data, error)) {
      if (!error) {
        std::string message = "Error binding parameter " + std::to_string(i) + ": type '" +
                              type_name(type_of(v)) + "' is not supported";
        raise_error(t, "ProgrammingError", message);
      }
      return false;
    }
    rc = sqlite3_bind_blob64(st, i, data.data(), data.size(), SQLITE_TRANSIENT);
  }
  if (rc != SQLITE_OK) {
    raise_db_error(t, db);
    return false;
  }
  return true;
}

// A sequence for qmark parameters: what has __getitem__ and is not a mapping (dict).
bool is_sequence(Value v) {
  if (dict_check(v)) return false;
  return bool(type_lookup(type_of(v), name(N___getitem__)));
}

bool bind_parameters(Thread& t, sqlite3* db, sqlite3_stmt* st, Value params) {
  int needed = sqlite3_bind_parameter_count(st);
  if (!params) {
    // execute(sql) with no parameters: an empty sequence.
    if (needed == 0) return true;
    std::string message = "Incorrect number of bindings supplied. The current statement uses " +
                          std::to_string(needed) + ", and there are 0 supplied.";
    raise_error(t, "ProgrammingError", message);
    return false;
  }
  bool exact = params.is_object() && (is_exact(params, T_tuple) || is_exact(params, T_list));
  if (exact || (params.is_object() && is_sequence(params))) {
    std::int64_t given;
    if (!length(t, params, given)) return false;
    if (given != needed) {
      std::string message = "Incorrect number of bindings supplied. The current statement uses " +
                            std::to_string(needed) + ", and there are " + std::to_string(given) +
                            " supplied.";
      raise_error(t, "ProgrammingError", message);
      return false;
    }
    for (int i = 0; i < needed; ++i) {
      Value item = getitem(t, params, Value::small_int(i));
      if (!item || !bind_one(t, db, st, i + 1, item)) return false;
    }
    return true;
  }
  if (params.is_object() && dict_check(params)) {
    for (int i = 1; i <= needed; ++i) {
      const char* binding = sqlite3_bind_parameter_name(st, i);
      if (!binding) {
        std::string message = "Binding " + std::to_string(i) +
                              " has no name, but you supplied a dictionary (which has only names).";
        raise_error(t, "ProgrammingError", message);
        return false;
      }
      Value key = str_from_utf8(t, binding + 1); // past the ':', '@' or '$'
      if (!key) return false;
      Value item;
      if (is_exact(params, T_dict)) {
        bool error = false;
        item = dict_get(t, params, key, error);
        if (error) return false;
      } else {
        item = getitem(t, params, key);
        if (!item) {
          if (!matches(t, exc(E_KeyError))) return false;
          clear_pending(t);
        }
      }
      if (!item) {
        std::string message =
            "You did not supply a value for binding parameter :" + std::string(binding + 1) + ".";
        raise_error(t, "ProgrammingError", message);
        return false;
      }
      if (!bind_one(t, db, st, i, item)) return false;
    }
    return true;
  }
  raise_error(t, "ProgrammingError", "parameters are of unsupported type");
  return false;
}

// ---- results -------------------------------------------------------------------------------

// The column's name as description shows it: with PARSE_COLNAMES, cut before " [type]".
Value column_name(Thread& t, sqlite3_stmt* st, int i, int detect_types) {
  const char* name = sqlite3_column_name(st, i);
  if (!name) return raise_memory_error(t);
  std::string_view s(name);
  if (detect_types & kParseColnames) {
    std::size_t bracket = s.find('[');
    if (bracket != std::string_view::npos) {
      if (bracket > 0 && s[bracket - 1] == ' ') --bracket;
      s = s.substr(0, bracket);
    }
  }
  return str_replacing(t, s);
}

// The converter registered for a type name (case-insensitively), or None.
Value converter_for(Thread& t, std::string_view type_name_utf8) {
  Value key = str_replacing(t, type_name_utf8);
  Value upper = key ? getattr(t, key, intern_literal(t, "upper")) : Value();
  key = upper ? call0(t, upper) : Value();
  Value converters = key ? module_value(t, "converters") : Value();
  if (!converters) return {};
  if (!dict_check(converters)) return none();
  bool error = false;
  Value conv = dict_get(t, converters, key, error);
  if (error) return {};
  return conv ? conv : none();
}

// After execute: each column's converter (by "[type]" in its name with PARSE_COLNAMES,
// else by its declared type's first word with PARSE_DECLTYPES), or 0 when none applies.
bool set_converters(Thread& t, Value self, sqlite3_stmt* st, int detect_types) {
  int n = sqlite3_column_count(st);
  Value convs = tuple_new(t, std::size_t(n));
  if (!convs) return false;
  bool any = false;
  for (int i = 0; i < n; ++i) {
    Value conv = none();
    if (detect_types & kParseColnames) {
      std::string_view name(sqlite3_column_name(st, i) ? sqlite3_column_name(st, i) : "");
      std::size_t open = name.find('[');
      std::size_t close = open == std::string_view::npos ? open : name.find(']', open + 1);
      if (close != std::string_view::npos) {
        conv = converter_for(t, name.substr(open + 1, close - open - 1));
        if (!conv) return false;
      }
    }
    if (conv == none() && (detect_types & kParseDecltypes)) {
      if (const char* decl = sqlite3_column_decltype(st, i)) {
        std::string_view d(decl);
        conv = converter_for(t, d.substr(0, d.find(' ')));
        if (!conv) return false;
      }
    }
    if (conv != none()) any = true;
    tuple_init(convs, std::size_t(i), conv);
  }
  cur_w(self)->converters = any ? convs : Value();
  return true;
}

Value text_value(Thread& t, sqlite3_stmt* st, int i, Value text_factory) {
  const char* text = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
  std::string_view s(text ? text : "", std::size_t(sqlite3_column_bytes(st, i)));
  if (text_factory == type_value(T_str)) {
    if (valid_utf8(s)) return str_from_utf8(t, s);
    Value shown = str_replacing(t, s);
    const char* name = sqlite3_column_name(st, i);
    if (!shown) return {};
    std::string message = "Could not decode to UTF-8 column '" + std::string(name ? name : "") +
                          "' with text '" + str_utf8(shown) + "'";
    return raise_error(t, "OperationalError", message);
  }
  Value b = bytes_new(t, s);
  if (!b || text_factory == type_value(T_bytes)) return b;
  return call1(t, text_factory, b);
}

// The row the statement stands on, as a tuple (before row_factory).
Value build_row(Thread& t, Value self, sqlite3_stmt* st) {
  int n = sqlite3_data_count(st);
  Value row = tuple_new(t, std::size_t(n));
  if (!row) return {};
  Value conn = rd<CursorObject>(self)->connection;
  for (int i = 0; i < n; ++i) {
    Value convs = rd<CursorObject>(self)->converters;
    Value conv = convs && i < tuple_length(convs) ? tuple_item(convs, i) : none();
    Value item;
    if (conv != none()) {
      const char* blob = static_cast<const char*>(sqlite3_column_blob(st, i));
      int size = sqlite3_column_bytes(st, i);
      if (!blob) {
        item = none();
      } else {
        Value b = bytes_new(t, std::string_view(blob, std::size_t(size)));
        item = b ? call1(t, conv, b) : Value();
      }
    } else {
      switch (sqlite3_column_type(st, i)) {
      case SQLITE_INTEGER:
        item = int_from_i64(t, sqlite3_column_int64(st, i));
        break;
      case SQLITE_FLOAT:
        item = float_new(t, sqlite3_column_double(st, i));
        break;
      case SQLITE_TEXT:
        item = text_value(t, st, i, rd<ConnectionObject>(conn)->text_factory);
        break;
      case SQLITE_BLOB: {
        const char* blob = static_cast<const char*>(sqlite3_column_blob(st, i));
        item = bytes_new(
            t, std::string_view(blob ? blob : "", std::size_t(sqlite3_column_bytes(st, i))));
        break;
      }
      default:
        item = none();
      }
    }
    if (!item) return {};
    tuple_init(row, std::size_t(i), item);
  }
  return row;
}

Value build_description(Thread& t, sqlite3_stmt* st, int detect_types) {
  int n = sqlite3_column_count(st);
  if (n == 0) return none();
  Value desc = tuple_new(t, std::size_t(n));
  if (!desc) return {};
  for (int i = 0; i < n; ++i) {
    Value name = column_name(t, st, i, detect_types);
    Value entry = name ? tuple_new(t, 7) : Value();
    if (!entry) return {};
    tuple_init(entry, 0, name);
    for (std::size_t k = 1; k < 7; ++k)
      tuple_init(entry, k, none());
    tuple_init(desc, std::size_t(i), entry);
  }
  return desc;
}

// The next row (row_factory applied), or 0: at the end with no exception, or an error.
Value fetch_next(Thread& t, Value self) {
  Db* d = check_cursor(t, self);
  if (!d) return {};
  sqlite3_stmt* st = stmt_of(self);
  if (!st || rd<CursorObject>(self)->has_row != Value::small_int(1)) return {};
  stm::become_inevitable("sqlite3 fetch");
  // Kept apart from `d`, which a converter that closes the connection frees.
  sqlite3* db = d->db;
  cur_w(self)->locked = Value::small_int(1);
  Value row = build_row(t, self, st);
  cur_w(self)->locked = Value::small_int(0);
  if (!row) return {};
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) {
    cur_w(self)->has_row = Value::small_int(0);
    if (rc != SQLITE_DONE) {
      raise_db_error(t, db);
      sqlite3_reset(st);
      return {};
    }
    if (is_dml(sqlite3_sql(st))) cur_w(self)->rowcount = Value::small_int(sqlite3_changes64(db));
    drop_statement(self);
  }
  Value row_factory = rd<CursorObject>(self)->row_factory;
  if (row_factory != none()) row = call2(t, row_factory, self, row);
  return row;
}

// ---- execute -----------------------------------------------------------------------------

Value execute_locked(Thread& t, Value self, Value sql, Value params, bool many) {
  if (!str_check(sql))
    return raisef(t, exc(E_TypeError), "%s() argument 1 must be str, not %s",
                  many ? "executemany" : "execute", type_name_of(sql).c_str());
  std::string text;
  if (!utf8_of(t, sql, text)) return {};
  drop_statement(self);
  {
    CursorObject* c = cur_w(self);
    c->description = none();
    c->rowcount = Value::small_int(-1);
    c->converters = {};
  }
  if (text.find('\0') != std::string::npos)
    return raise_error(t, "ProgrammingError", "the query contains a null character");
  Value iterator;
  if (many) {
    iterator = iter(t, params);
    if (!iterator) return {};
  }
  // Looked up again: iter() ran Python code, which may have closed the connection.
  Db* d = usable(t, rd<CursorObject>(self)->connection);
  if (!d) return {};
  stm::become_inevitable("sqlite3 execute");
  // Kept apart from `d`, which the connection's close() frees: a statement keeps the
  // handle itself alive (sqlite3_close_v2), and Python code runs while it does.
  sqlite3* db = d->db;
  sqlite3_stmt* st = cached_statement(d, text);
  if (!st) {
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db, text.c_str(), int(text.size()) + 1, &st, &tail) != SQLITE_OK) {
      sqlite3_finalize(st);
      return raise_db_error(t, db);
    }
    if (st && !only_comments(tail)) {
      sqlite3_finalize(st);
      return raise_error(t, "ProgrammingError", "You can only execute one statement at a time.");
    }
    if (!st) return self; // nothing but blanks and comments
  }
  cur_w(self)->stmt = address_value(st);
  if (many && sqlite3_stmt_readonly(st))
    return raise_error(t, "ProgrammingError", "executemany() can only execute DML statements.");
  bool dml = is_dml(text);
  Value conn = rd<CursorObject>(self)->connection;
  Value level = rd<ConnectionObject>(conn)->isolation_level;
  if (level != none() && dml && sqlite3_get_autocommit(db)) {
    std::string begin = "BEGIN " + str_utf8(level);
    if (!exec_simple(t, db, begin.c_str())) return {};
  }
  int detect_types = int(rd<ConnectionObject>(conn)->detect_types.small_int_value());
  std::int64_t rowcount = -1;
  bool first = true;
  for (;;) {
    Value p = params;
    if (many) {
      p = next(t, iterator);
      if (!p) {
        if (t.pending) return {};
        break;
      }
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (!bind_parameters(t, db, st, p)) return {};
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      raise_db_error(t, db);
      sqlite3_reset(st);
      return {};
    }
    if (first) {
      first = false;
      Value desc = build_description(t, st, detect_types);
      if (!desc) return {};
      cur_w(self)->description = desc;
    }
    // A DML statement's changes are known once it is done (RETURNING rows come first).
    if (dml)
      rowcount =
          std::max<std::int64_t>(rowcount, 0) + (rc == SQLITE_DONE ? sqlite3_changes64(db) : 0);
    if (rc == SQLITE_ROW && !many) {
      cur_w(self)->has_row = Value::small_int(1);
      break;
    }
    sqlite3_reset(st);
    if (!many) break;
  }
  CursorObject* c = cur_w(self);
  c->rowcount = Value::small_int(rowcount);
  if (!many) {
    Value id = int_from_i64(t, sqlite3_last_insert_rowid(db));
    if (!id) return {};
    cur_w(self)->lastrowid = id;
  }
  if (detect_types && sqlite3_column_count(st) > 0 && !set_converters(t, self, st, detect_types))
    return {};
  // Done already (no rows, or executemany): another execute may have the statement.
  if (rd<CursorObject>(self)->has_row != Value::small_int(1)) drop_statement(self);
  return self;
}

} // namespace

Value cursor_execute(Thread& t, Value self, Value sql, Value params, bool many) {
  if (!check_cursor(t, self)) return {};
  // No RAII here: an abort unwinding through would write the heap; it rolls this back.
  cur_w(self)->locked = Value::small_int(1);
  Value r = execute_locked(t, self, sql, params, many);
  cur_w(self)->locked = Value::small_int(0);
  return r;
}

Value cursor_executescript(Thread& t, Value self, Value script) {
  Db* d = check_cursor(t, self);
  if (!d) return {};
  if (!str_check(script))
    return raisef(t, exc(E_TypeError), "executescript() argument must be str, not %s",
                  type_name_of(script).c_str());
  std::string text;
  if (!utf8_of(t, script, text)) return {};
  if (text.find('\0') != std::string::npos)
    return raise(t, exc(E_ValueError), "embedded null character");
  drop_statement(self);
  cur_w(self)->description = none();
  sqlite3* db = d->db;
  stm::become_inevitable("sqlite3 executescript");
  // A script runs outside the implicit transaction: what is pending is committed first.
  if (!sqlite3_get_autocommit(db) && !exec_simple(t, db, "COMMIT")) return {};
  const char* p = text.c_str();
  while (*p) {
    sqlite3_stmt* st = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db, p, -1, &st, &tail);
    if (rc == SQLITE_OK && st) {
      do
        rc = sqlite3_step(st);
      while (rc == SQLITE_ROW);
      if (rc == SQLITE_DONE) rc = SQLITE_OK;
    }
    if (rc != SQLITE_OK) {
      raise_db_error(t, db);
      sqlite3_finalize(st);
      return {};
    }
    sqlite3_finalize(st);
    p = tail;
  }
  return self;
}

namespace {

// ---- Cursor methods ------------------------------------------------------------------------

INTERP_NATIVE(cursor_new) {
  Value self = allocate(t, Layout::Instance, args[0], sizeof(CursorObject));
  if (!self) return {};
  CursorObject* c = fresh<CursorObject>(self);
  c->connection = none();
  c->stmt = {};
  c->has_row = Value::small_int(0);
  c->description = none();
  c->rowcount = Value::small_int(-1);
  c->lastrowid = none();
  c->arraysize = Value::small_int(1);
  c->row_factory = none();
  c->closed = Value::small_int(0);
  c->converters = {};
  c->initialized = Value::small_int(0);
  c->locked = Value::small_int(0);
  return self;
}

INTERP_NATIVE(cursor_init) {
  if (!check_positional(t, "Cursor", nargs, kwnames, 1, 1)) return {};
  Value conn_type = module_value(t, "Connection");
  if (!conn_type) return {};
  Value conn = args[1];
  if (!conn.is_object() || !is_subtype(type_of(conn), conn_type))
    return raisef(t, exc(E_TypeError), "Cursor() argument 1 must be sqlite3.Connection, not %s",
                  type_name_of(conn).c_str());
  CursorObject* c = cur_w(args[0]);
  c->connection = conn;
  c->initialized = Value::small_int(1);
  return none();
}

INTERP_NATIVE(cursor_del) {
  sqlite3_stmt* st = stmt_of(args[0]);
  if (!st) return none();
  wr<CursorObject>(args[0])->stmt = {};
  t.after_commit.push_back([st](bool committed) {
    if (committed) sqlite3_finalize(st);
  });
  return none();
}

INTERP_NATIVE(cursor_execute_m) {
  Value a[2];
  if (!parse_arguments(t, "execute", args + 1, nargs - 1, kwnames, {"sql", "parameters"}, 2, 1, a))
    return {};
  return cursor_execute(t, args[0], a[0], a[1], false);
}

INTERP_NATIVE(cursor_executemany_m) {
  Value a[2];
  if (!parse_arguments(t, "executemany", args + 1, nargs - 1, kwnames, {"sql", "seq_of_parameters"},
                       2, 2, a))
    return {};
  return cursor_execute(t, args[0], a[0], a[1], true);
}

INTERP_NATIVE(cursor_executescript_m) {
  Value a[1];
  if (!parse_arguments(t, "executescript", args + 1, nargs - 1, kwnames, {"sql_script"}, 1, 1, a))
    return {};
  return cursor_executescript(t, args[0], a[0]);
}

INTERP_NATIVE(cursor_fetchone) {
  if (!check_positional(t, "fetchone", nargs, kwnames, 0, 0)) return {};
  Value row = fetch_next(t, args[0]);
  return row ? row : t.pending ? Value() : none();
}

INTERP_NATIVE(cursor_next) {
  Value row = fetch_next(t, args[0]);
  if (!row && !t.pending) raise_value(t, exc(E_StopIteration));
  return row;
}

INTERP_NATIVE(cursor_iter) {
  if (!check_cursor(t, args[0])) return {};
  return args[0];
}

// Up to `limit` rows (all when negative) in a list.
Value fetch_rows(Thread& t, Value self, std::int64_t limit) {
  if (!check_cursor(t, self)) return {};
  Value list = list_new(t);
  if (!list) return {};
  for (std::int64_t n = 0; limit < 0 || n < limit; ++n) {
    Value row = fetch_next(t, self);
    if (!row) {
      if (t.pending) return {};
      break;
    }
    if (!list_append(t, list, row)) return {};
  }
  return list;
}

INTERP_NATIVE(cursor_fetchmany) {
  Value a[1];
  if (!parse_arguments(t, "fetchmany", args + 1, nargs - 1, kwnames, {"size"}, 0, 0, a)) return {};
  std::int64_t size = rd<CursorObject>(args[0])->arraysize.small_int_value();
  if (a[0] && !index_to_i64(t, a[0], size)) return {};
  return fetch_rows(t, args[0], size);
}

INTERP_NATIVE(cursor_fetchall) {
  if (!check_positional(t, "fetchall", nargs, kwnames, 0, 0)) return {};
  return fetch_rows(t, args[0], -1);
}

INTERP_NATIVE(cursor_close) {
  if (!check_positional(t, "close", nargs, kwnames, 0, 0)) return {};
  Value self = args[0];
  const CursorObject* c = rd<CursorObject>(self);
  if (c->initialized != Value::small_int(1))
    return raise_error(t, "ProgrammingError", "Base Cursor.__init__ not called.");
  if (!usable(t, c->connection)) return {};
  drop_statement(self);
  cur_w(self)->closed = Value::small_int(1);
  return none();
}

INTERP_NATIVE(cursor_setinputsizes) {
  if (!check_positional(t, "setinputsizes", nargs, kwnames, 1, 1)) return {};
  return none();
}

INTERP_NATIVE(cursor_setoutputsize) {
  if (!check_positional(t, "setoutputsize", nargs, kwnames, 1, 2)) return {};
  return none();
}

INTERP_NATIVE(cursor_description) {
  return rd<CursorObject>(args[0])->description;
}
INTERP_NATIVE(cursor_rowcount) {
  return rd<CursorObject>(args[0])->rowcount;
}
INTERP_NATIVE(cursor_lastrowid) {
  return rd<CursorObject>(args[0])->lastrowid;
}
INTERP_NATIVE(cursor_connection) {
  return rd<CursorObject>(args[0])->connection;
}
INTERP_NATIVE(cursor_readonly) {
  return raise(t, exc(E_AttributeError), "readonly attribute");
}
INTERP_NATIVE(cursor_get_arraysize) {
  return rd<CursorObject>(args[0])->arraysize;
}
INTERP_NATIVE(cursor_set_arraysize) {
  if (nargs < 2) return raise(t, exc(E_AttributeError), "can't delete numeric/char attribute");
  std::int64_t size;
  if (!index_to_i64(t, args[1], size)) return {};
  if (size > INT32_MAX || size < INT32_MIN)
    return raise(t, exc(E_OverflowError), "Python int too large to convert to C int");
  cur_w(args[0])->arraysize = Value::small_int(size);
  return none();
}
INTERP_NATIVE(cursor_get_row_factory) {
  return rd<CursorObject>(args[0])->row_factory;
}
INTERP_NATIVE(cursor_set_row_factory) {
  cur_w(args[0])->row_factory = nargs > 1 ? args[1] : none();
  return none();
}

// ---- Row -----------------------------------------------------------------------------------

struct RowObject : Object {
  Value description; // the cursor's, when the row was made
  Value data;        // tuple
};

Value row_type(Thread& t) {
  return module_value(t, "Row");
}

bool is_row(Thread& t, Value v) {
  Value type = row_type(t);
  if (!type) {
    clear_pending(t);
    return false;
  }
  return v.is_object() && is_subtype(type_of(v), type);
}

// Row(cursor, data, /)
INTERP_NATIVE(row_new) {
  if (!check_positional(t, "Row", nargs, kwnames, 2, 2)) return {};
  Value cursor_type = module_value(t, "Cursor");
  if (!cursor_type) return {};
  Value cursor = args[1], data = args[2];
  if (!cursor.is_object() || !is_subtype(type_of(cursor), cursor_type))
    return raisef(t, exc(E_TypeError), "Row() argument 1 must be sqlite3.Cursor, not %s",
                  type_name_of(cursor).c_str());
  if (!data.is_object() || !isinstance(data, T_tuple))
    return raisef(t, exc(E_TypeError), "Row() argument 2 must be tuple, not %s",
                  type_name_of(data).c_str());
  Value self = allocate(t, Layout::Instance, args[0], sizeof(RowObject));
  if (!self) return {};
  RowObject* r = fresh<RowObject>(self);
  r->description = rd<CursorObject>(cursor)->description;
  r->data = data;
  return self;
}

bool ascii_case_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

INTERP_NATIVE(row_getitem) {
  if (!check_positional(t, "__getitem__", nargs, kwnames, 1, 1)) return {};
  Value key = args[1];
  Value data = rd<RowObject>(args[0])->data;
  if (int_check(key)) {
    std::int64_t i;
    if (!index_to_i64(t, key, i)) return {};
    std::int64_t n = tuple_length(data);
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(t, exc(E_IndexError), "tuple index out of range");
    return tuple_item(data, i);
  }
  if (str_check(key)) {
    std::string wanted = str_utf8(key);
    Value desc = rd<RowObject>(args[0])->description;
    if (desc.is_object() && isinstance(desc, T_tuple)) {
      for (std::int64_t i = 0; i < tuple_length(desc) && i < tuple_length(data); ++i) {
        Value entry = tuple_item(desc, i);
        Value name =
            isinstance(entry, T_tuple) && tuple_length(entry) > 0 ? tuple_item(entry, 0) : Value();
        if (name && str_check(name) && ascii_case_equal(str_utf8(name), wanted))
          return tuple_item(data, i);
      }
    }
    return raise(t, exc(E_IndexError), "No item with that key");
  }
  if (key.is_object() && is_exact(key, T_slice)) return getitem(t, data, key);
  return raise(t, exc(E_IndexError), "Index must be int or string");
}

INTERP_NATIVE(row_keys) {
  if (!check_positional(t, "keys", nargs, kwnames, 0, 0)) return {};
  Value list = list_new(t);
  if (!list) return {};
  Value desc = rd<RowObject>(args[0])->description;
  if (!desc.is_object() || !isinstance(desc, T_tuple)) return list;
  for (std::int64_t i = 0; i < tuple_length(desc); ++i) {
    Value name = getitem(t, tuple_item(desc, i), Value::small_int(0));
    if (!name || !list_append(t, list, name)) return {};
  }
  return list;
}

INTERP_NATIVE(row_len) {
  return Value::small_int(tuple_length(rd<RowObject>(args[0])->data));
}

INTERP_NATIVE(row_iter) {
  return iter(t, rd<RowObject>(args[0])->data);
}

// 1 equal, 0 not, -1 error; `other` is a Row.
int rows_equal(Thread& t, Value a, Value b) {
  int same = equal(t, rd<RowObject>(a)->description, rd<RowObject>(b)->description);
  if (same <= 0) return same;
  return equal(t, rd<RowObject>(a)->data, rd<RowObject>(b)->data);
}

INTERP_NATIVE(row_eq) {
  if (!is_row(t, args[1])) return runtime().not_implemented;
  int r = rows_equal(t, args[0], args[1]);
  return r < 0 ? Value() : py_bool(r == 1);
}

INTERP_NATIVE(row_ne) {
  if (!is_row(t, args[1])) return runtime().not_implemented;
  int r = rows_equal(t, args[0], args[1]);
  return r < 0 ? Value() : py_bool(r == 0);
}

INTERP_NATIVE(row_hash) {
  std::int64_t h1, h2;
  if (!hash(t, rd<RowObject>(args[0])->description, h1) ||
      !hash(t, rd<RowObject>(args[0])->data, h2))
    return {};
  std::int64_t h = h1 ^ h2;
  if (h == -1) h = -2;
  return int_from_i64(t, h);
}

} // namespace

Value make_cursor_type(Thread& t) {
  Value type = new_type(t, "Cursor", "sqlite3", Layout::Instance);
  if (!type) return {};
  add_staticmethod(t, type, "__new__", cursor_new);
  static const ModuleFunction kMethods[] = {
      {"__init__", cursor_init},
      {"__del__", cursor_del},
      {"__iter__", cursor_iter},
      {"__next__", cursor_next},
      {"execute", cursor_execute_m},
      {"executemany", cursor_executemany_m},
      {"executescript", cursor_executescript_m},
      {"fetchone", cursor_fetchone},
      {"fetchmany", cursor_fetchmany},
      {"fetchall", cursor_fetchall},
      {"close", cursor_close},
      {"setinputsizes", cursor_setinputsizes},
      {"setoutputsize", cursor_setoutputsize},
  };
  for (const ModuleFunction& f : kMethods)
    add_method(t, type, f.name, f.fn);
  add_getter(t, type, "description", cursor_description, cursor_readonly);
  add_getter(t, type, "rowcount", cursor_rowcount, cursor_readonly);
  add_getter(t, type, "lastrowid", cursor_lastrowid, cursor_readonly);
  add_getter(t, type, "connection", cursor_connection, cursor_readonly);
  add_getter(t, type, "arraysize", cursor_get_arraysize, cursor_set_arraysize);
  add_getter(t, type, "row_factory", cursor_get_row_factory, cursor_set_row_factory);
  finish_owning_type(type); // a statement
  return type;
}

Value make_row_type(Thread& t) {
  Value type = new_type(t, "Row", "sqlite3", Layout::Instance);
  if (!type) return {};
  add_staticmethod(t, type, "__new__", row_new);
  static const ModuleFunction kMethods[] = {
      {"__getitem__", row_getitem}, {"__len__", row_len}, {"__iter__", row_iter},
      {"keys", row_keys},           {"__eq__", row_eq},   {"__ne__", row_ne},
      {"__hash__", row_hash},
  };
  for (const ModuleFunction& f : kMethods)
    add_method(t, type, f.name, f.fn);
  update_type_flags(type);
  return type;
}

} // namespace sqlite

} // namespace interp
