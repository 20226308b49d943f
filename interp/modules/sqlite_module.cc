// interp/modules/sqlite_module.cc - the _sqlite3 module over the SQLite C library (the
// sqlite3 package of the standard library builds on it): connect(), the exception
// classes of DB-API 2.0 and how SQLite's errors map to them, adapters and converters, the
// module's constants, and the text helpers the other two files share. Connection and the
// callbacks SQLite makes into Python are in sqlite_connection.cc; Cursor, binding and
// Row in sqlite_cursor.cc; both say how SQLite's C state keeps in step with transactions.
#include "interp/modules/sqlite_internal.h"
#include "interp/ops.h"
#include "stm/stm.h"

#include <atomic>

namespace interp {

namespace sqlite {

namespace {

// Set by enable_callback_tracebacks(): print the errors of callbacks rather than drop them.
std::atomic<bool> callback_tracebacks{false};
// register_adapter was given int, float, str or bytearray: values of those types are
// then adapted too (otherwise they bind as they are, which is much cheaper).
std::atomic<bool> base_type_adapted{false};

struct ErrorName {
  const char* name;
  int code;
};
// clang-format off
#define C(n) {#n, n}
// SQLite's result codes, primary and extended: module constants and sqlite_errorname.
const ErrorName kErrorCodes[] = {
    C(SQLITE_ABORT), C(SQLITE_ABORT_ROLLBACK), C(SQLITE_AUTH), C(SQLITE_AUTH_USER),
    C(SQLITE_BUSY), C(SQLITE_BUSY_RECOVERY), C(SQLITE_BUSY_SNAPSHOT), C(SQLITE_BUSY_TIMEOUT),
    C(SQLITE_CANTOPEN), C(SQLITE_CANTOPEN_CONVPATH), C(SQLITE_CANTOPEN_DIRTYWAL),
    C(SQLITE_CANTOPEN_FULLPATH), C(SQLITE_CANTOPEN_ISDIR), C(SQLITE_CANTOPEN_NOTEMPDIR),
    C(SQLITE_CANTOPEN_SYMLINK), C(SQLITE_CONSTRAINT), C(SQLITE_CONSTRAINT_CHECK),
    C(SQLITE_CONSTRAINT_COMMITHOOK), C(SQLITE_CONSTRAINT_FOREIGNKEY),
    C(SQLITE_CONSTRAINT_FUNCTION), C(SQLITE_CONSTRAINT_NOTNULL), C(SQLITE_CONSTRAINT_PINNED),
    C(SQLITE_CONSTRAINT_PRIMARYKEY), C(SQLITE_CONSTRAINT_ROWID), C(SQLITE_CONSTRAINT_TRIGGER),
    C(SQLITE_CONSTRAINT_UNIQUE), C(SQLITE_CONSTRAINT_VTAB), C(SQLITE_CORRUPT),
    C(SQLITE_CORRUPT_INDEX), C(SQLITE_CORRUPT_SEQUENCE), C(SQLITE_CORRUPT_VTAB), C(SQLITE_DONE),
    C(SQLITE_EMPTY), C(SQLITE_ERROR), C(SQLITE_ERROR_MISSING_COLLSEQ), C(SQLITE_ERROR_RETRY),
    C(SQLITE_ERROR_SNAPSHOT), C(SQLITE_FORMAT), C(SQLITE_FULL), C(SQLITE_INTERNAL),
    C(SQLITE_INTERRUPT), C(SQLITE_IOERR), C(SQLITE_IOERR_ACCESS), C(SQLITE_IOERR_AUTH),
    C(SQLITE_IOERR_BEGIN_ATOMIC), C(SQLITE_IOERR_BLOCKED), C(SQLITE_IOERR_CHECKRESERVEDLOCK),
    C(SQLITE_IOERR_CLOSE), C(SQLITE_IOERR_COMMIT_ATOMIC), C(SQLITE_IOERR_CONVPATH),
    C(SQLITE_IOERR_CORRUPTFS), C(SQLITE_IOERR_DATA), C(SQLITE_IOERR_DELETE),
    C(SQLITE_IOERR_DELETE_NOENT), C(SQLITE_IOERR_DIR_CLOSE), C(SQLITE_IOERR_DIR_FSYNC),
    C(SQLITE_IOERR_FSTAT), C(SQLITE_IOERR_FSYNC), C(SQLITE_IOERR_GETTEMPPATH),
    C(SQLITE_IOERR_LOCK), C(SQLITE_IOERR_MMAP), C(SQLITE_IOERR_NOMEM), C(SQLITE_IOERR_RDLOCK),
    C(SQLITE_IOERR_READ), C(SQLITE_IOERR_ROLLBACK_ATOMIC), C(SQLITE_IOERR_SEEK),
    C(SQLITE_IOERR_SHMLOCK), C(SQLITE_IOERR_SHMMAP), C(SQLITE_IOERR_SHMOPEN),
    C(SQLITE_IOERR_SHMSIZE), C(SQLITE_IOERR_SHORT_READ), C(SQLITE_IOERR_TRUNCATE),
    C(SQLITE_IOERR_UNLOCK), C(SQLITE_IOERR_VNODE), C(SQLITE_IOERR_WRITE), C(SQLITE_LOCKED),
    C(SQLITE_LOCKED_SHAREDCACHE), C(SQLITE_LOCKED_VTAB), C(SQLITE_MISMATCH), C(SQLITE_MISUSE),
    C(SQLITE_NOLFS), C(SQLITE_NOMEM), C(SQLITE_NOTADB), C(SQLITE_NOTFOUND), C(SQLITE_NOTICE),
    C(SQLITE_NOTICE_RECOVER_ROLLBACK), C(SQLITE_NOTICE_RECOVER_WAL), C(SQLITE_OK),
    C(SQLITE_OK_LOAD_PERMANENTLY), C(SQLITE_OK_SYMLINK), C(SQLITE_PERM), C(SQLITE_PROTOCOL),
    C(SQLITE_RANGE), C(SQLITE_READONLY), C(SQLITE_READONLY_CANTINIT), C(SQLITE_READONLY_CANTLOCK),
    C(SQLITE_READONLY_DBMOVED), C(SQLITE_READONLY_DIRECTORY), C(SQLITE_READONLY_RECOVERY),
    C(SQLITE_READONLY_ROLLBACK), C(SQLITE_ROW), C(SQLITE_SCHEMA), C(SQLITE_TOOBIG),
    C(SQLITE_WARNING), C(SQLITE_WARNING_AUTOINDEX),
};
// The authorizer's action codes and answers, and the limit categories: constants only.
const ErrorName kOtherConstants[] = {
    C(SQLITE_ALTER_TABLE), C(SQLITE_ANALYZE), C(SQLITE_ATTACH), C(SQLITE_CREATE_INDEX),
    C(SQLITE_CREATE_TABLE), C(SQLITE_CREATE_TEMP_INDEX), C(SQLITE_CREATE_TEMP_TABLE),
    C(SQLITE_CREATE_TEMP_TRIGGER), C(SQLITE_CREATE_TEMP_VIEW), C(SQLITE_CREATE_TRIGGER),
    C(SQLITE_CREATE_VIEW), C(SQLITE_CREATE_VTABLE), C(SQLITE_DELETE), C(SQLITE_DENY),
    C(SQLITE_DETACH), C(SQLITE_DROP_INDEX), C(SQLITE_DROP_TABLE), C(SQLITE_DROP_TEMP_INDEX),
    C(SQLITE_DROP_TEMP_TABLE), C(SQLITE_DROP_TEMP_TRIGGER), C(SQLITE_DROP_TEMP_VIEW),
    C(SQLITE_DROP_TRIGGER), C(SQLITE_DROP_VIEW), C(SQLITE_DROP_VTABLE), C(SQLITE_FUNCTION),
    C(SQLITE_IGNORE), C(SQLITE_INSERT), C(SQLITE_LIMIT_ATTACHED), C(SQLITE_LIMIT_COLUMN),
    C(SQLITE_LIMIT_COMPOUND_SELECT), C(SQLITE_LIMIT_EXPR_DEPTH), C(SQLITE_LIMIT_FUNCTION_ARG),
    C(SQLITE_LIMIT_LENGTH), C(SQLITE_LIMIT_LIKE_PATTERN_LENGTH), C(SQLITE_LIMIT_SQL_LENGTH),
    C(SQLITE_LIMIT_TRIGGER_DEPTH), C(SQLITE_LIMIT_VARIABLE_NUMBER), C(SQLITE_LIMIT_VDBE_OP),
    C(SQLITE_LIMIT_WORKER_THREADS), C(SQLITE_PRAGMA), C(SQLITE_READ), C(SQLITE_RECURSIVE),
    C(SQLITE_REINDEX), C(SQLITE_SAVEPOINT), C(SQLITE_SELECT), C(SQLITE_TRANSACTION),
    C(SQLITE_UPDATE),
};
#undef C
// clang-format on

const char* error_class_for(int primary) {
  switch (primary) {
  case SQLITE_INTERNAL:
  case SQLITE_NOTFOUND:
    return "InternalError";
  case SQLITE_ERROR:
  case SQLITE_PERM:
  case SQLITE_ABORT:
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
  case SQLITE_READONLY:
  case SQLITE_INTERRUPT:
  case SQLITE_IOERR:
  case SQLITE_FULL:
  case SQLITE_CANTOPEN:
  case SQLITE_PROTOCOL:
  case SQLITE_EMPTY:
  case SQLITE_SCHEMA:
    return "OperationalError";
  case SQLITE_TOOBIG:
    return "DataError";
  case SQLITE_CONSTRAINT:
  case SQLITE_MISMATCH:
    return "IntegrityError";
  case SQLITE_MISUSE:
  case SQLITE_RANGE:
    return "InterfaceError";
  default:
    return "DatabaseError";
  }
}

} // namespace

bool callback_tracebacks_enabled() {
  return callback_tracebacks.load(std::memory_order_relaxed);
}

Value module_value(Thread& t, const char* attr) {
  return module_attr(t, "_sqlite3", attr);
}

Value raise_error(Thread& t, const char* cls, std::string_view message) {
  Value c = module_value(t, cls);
  return c ? raise(t, c, message) : Value();
}

Value raise_db_error(Thread& t, sqlite3* db) {
  int code = sqlite3_extended_errcode(db);
  if ((code & 0xff) == SQLITE_NOMEM) return raise_memory_error(t);
  Value cls = module_value(t, error_class_for(code & 0xff));
  Value message = cls ? str_from_utf8(t, sqlite3_errmsg(db)) : Value();
  Value args = message ? tuple_from(t, &message, 1) : Value();
  Value e = args ? exception_new(t, cls, args) : Value();
  if (!e) return {};
  const char* error_name = "SQLITE_UNKNOWN";
  for (const ErrorName& n : kErrorCodes)
    if (n.code == code) error_name = n.name;
  Value name_v = str_from_ascii(t, error_name);
  if (!name_v || !setattr(t, e, intern_literal(t, "sqlite_errorcode"), Value::small_int(code)) ||
      !setattr(t, e, intern_literal(t, "sqlite_errorname"), name_v))
    return {};
  return raise_value(t, e);
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra;
    std::uint32_t cp;
    if ((c & 0xe0) == 0xc0) {
      extra = 1;
      cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      extra = 2;
      cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + std::size_t(extra) >= n) return false;
    for (int k = 1; k <= extra; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    static const std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += std::size_t(extra) + 1;
  }
  return true;
}

bool utf8_of(Thread& t, Value s, std::string& out) {
  out = str_utf8(s);
  // str_utf8 writes a lone surrogate as surrogatepass would (ED A0..BF ..); CPython's
  // strict encoder refuses it, and str.encode raises its UnicodeEncodeError.
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    if (static_cast<unsigned char>(out[i]) == 0xed &&
        (static_cast<unsigned char>(out[i + 1]) & 0xe0) == 0xa0) {
      Value encode = getattr(t, s, intern_literal(t, "encode"));
      if (encode) call0(t, encode);
      if (!t.pending) raise(t, exc(E_UnicodeEncodeError), "surrogates not allowed");
      return false;
    }
  }
  return true;
}

Value str_replacing(Thread& t, std::string_view utf8) {
  if (valid_utf8(utf8)) return str_from_utf8(t, utf8);
  Value b = bytes_new(t, utf8);
  Value decode = b ? getattr(t, b, intern_literal(t, "decode")) : Value();
  Value enc = decode ? str_from_ascii(t, "utf-8") : Value();
  Value errors = enc ? str_from_ascii(t, "replace") : Value();
  return errors ? call2(t, decode, enc, errors) : Value();
}

namespace {

// Past blanks and SQL comments ("-- to the end of the line", "/* ... */").
const char* skip_blanks_and_comments(const char* p, const char* end) {
  while (p < end) {
    char c = *p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      ++p;
    } else if (c == '-' && p + 1 < end && p[1] == '-') {
      while (p < end && *p != '\n')
        ++p;
    } else if (c == '/' && p + 1 < end && p[1] == '*') {
      const char* close = p + 2;
      while (close + 1 < end && !(close[0] == '*' && close[1] == '/'))
        ++close;
      if (close + 1 >= end) return end; // an unterminated comment runs to the end
      p = close + 2;
    } else {
      break;
    }
  }
  return p;
}

} // namespace

bool is_dml(std::string_view sql) {
  const char* end = sql.data() + sql.size();
  const char* p = skip_blanks_and_comments(sql.data(), end);
  auto starts = [&](const char* word) {
    std::size_t n = std::char_traits<char>::length(word);
    if (std::size_t(end - p) < n) return false;
    for (std::size_t i = 0; i < n; ++i)
      if (std::toupper(static_cast<unsigned char>(p[i])) != word[i]) return false;
    return true;
  };
  return starts("INSERT") || starts("UPDATE") || starts("DELETE") || starts("REPLACE");
}

bool only_comments(const char* tail) {
  const char* end = tail + std::char_traits<char>::length(tail);
  return skip_blanks_and_comments(tail, end) == end;
}

namespace {

// ---- module functions --------------------------------------------------------------------

// connect(database, timeout=5.0, detect_types=0, isolation_level="", check_same_thread=True,
//         factory=Connection, cached_statements=128, uri=False)
INTERP_NATIVE(sqlite_connect) {
  Value a[8];
  if (!parse_arguments(t, "connect", args, nargs, kwnames,
                       {"database", "timeout", "detect_types", "isolation_level",
                        "check_same_thread", "factory", "cached_statements", "uri"},
                       0, 1, a))
    return {};
  Value factory = a[5] ? a[5] : module_value(t, "Connection");
  if (!factory) return {};
  // The factory gets the other arguments as given, by keyword but the database.
  static const char* const kNames[] = {"timeout",           "detect_types",      "isolation_level",
                                       "check_same_thread", "cached_statements", "uri"};
  static const int kIndex[] = {1, 2, 3, 4, 6, 7};
  Value call_args[7];
  Value names[6];
  std::size_t n = 0;
  call_args[0] = a[0];
  for (int i = 0; i < 6; ++i) {
    if (!a[kIndex[i]]) continue;
    call_args[1 + n] = a[kIndex[i]];
    names[n] = intern_literal(t, kNames[i]);
    if (!names[n]) return {};
    ++n;
  }
  Value kw = n ? tuple_from(t, names, n) : Value();
  if (n && !kw) return {};
  return call(t, factory, call_args, 1 + n, kw);
}

INTERP_NATIVE(sqlite_complete_statement) {
  Value a[1];
  if (!parse_arguments(t, "complete_statement", args, nargs, kwnames, {"statement"}, 0, 1, a))
    return {};
  if (!str_check(a[0]))
    return raisef(t, exc(E_TypeError),
                  "complete_statement() argument 'statement' must be str, not %s",
                  type_name_of(a[0]).c_str());
  std::string s;
  if (!utf8_of(t, a[0], s)) return {};
  return py_bool(sqlite3_complete(s.c_str()) != 0);
}

INTERP_NATIVE(sqlite_register_adapter) {
  if (!check_positional(t, "register_adapter", nargs, kwnames, 2, 2, 0)) return {};
  Value type = args[0];
  if (type == type_value(T_int) || type == type_value(T_float) || type == type_value(T_str) ||
      type == type_value(T_bytearray))
    base_type_adapted.store(true);
  Value adapters = module_value(t, "adapters");
  Value proto = adapters ? module_value(t, "PrepareProtocol") : Value();
  Value pair[2] = {type, proto};
  Value key = proto ? tuple_from(t, pair, 2) : Value();
  if (!key || !setitem(t, adapters, key, args[1])) return {};
  return none();
}

INTERP_NATIVE(sqlite_register_converter) {
  if (!check_positional(t, "register_converter", nargs, kwnames, 2, 2, 0)) return {};
  if (!str_check(args[0]))
    return raisef(t, exc(E_TypeError), "register_converter() argument 1 must be str, not %s",
                  type_name_of(args[0]).c_str());
  Value upper = getattr(t, args[0], intern_literal(t, "upper"));
  Value key = upper ? call0(t, upper) : Value();
  Value converters = key ? module_value(t, "converters") : Value();
  if (!converters || !setitem(t, converters, key, args[1])) return {};
  return none();
}

INTERP_NATIVE(sqlite_enable_callback_tracebacks) {
  if (!check_positional(t, "enable_callback_tracebacks", nargs, kwnames, 1, 1, 0)) return {};
  int on = truthy(t, args[0]);
  if (on < 0) return {};
  callback_tracebacks.store(on != 0);
  return none();
}

INTERP_NATIVE(sqlite_enable_shared_cache) {
  Value a[1];
  if (!parse_arguments(t, "enable_shared_cache", args, nargs, kwnames, {"do_enable"}, 0, 1, a))
    return {};
  int on = truthy(t, a[0]);
  if (on < 0) return {};
  stm::become_inevitable("sqlite3 enable_shared_cache");
  if (sqlite3_enable_shared_cache(on) != SQLITE_OK)
    return raise_error(t, "OperationalError", "Changing the shared_cache flag failed");
  return none();
}

INTERP_NATIVE(prepare_protocol_new) {
  return allocate(t, Layout::Instance, args[0], sizeof(Object));
}

} // namespace

// adapt(obj, proto=PrepareProtocol, alt=<none>): the registered adapter's result, else
// proto.__adapt__(obj), else obj.__conform__(proto), else alt; ProgrammingError without alt.
Value adapt(Thread& t, Value obj, Value proto, Value alt) {
  Value adapters = module_value(t, "adapters");
  if (!adapters) return {};
  Value pair[2] = {type_of(obj), proto};
  Value key = tuple_from(t, pair, 2);
  if (!key) return {};
  bool error = false;
  Value adapter = dict_check(adapters) ? dict_get(t, adapters, key, error) : Value();
  if (error) return {};
  if (adapter) return call1(t, adapter, obj);
  Value hook = getattr_opt(t, proto, intern_literal(t, "__adapt__"));
  if (t.pending) return {};
  if (hook) {
    Value r = call1(t, hook, obj);
    if (!r) return {};
    if (r != none()) return r;
  }
  hook = getattr_opt(t, obj, intern_literal(t, "__conform__"));
  if (t.pending) return {};
  if (hook) {
    Value r = call1(t, hook, proto);
    if (!r) return {};
    if (r != none()) return r;
  }
  if (alt) return alt;
  return raise_error(t, "ProgrammingError", "can't adapt");
}

bool needs_adapting(Value v) {
  if (base_type_adapted.load(std::memory_order_relaxed)) return true;
  Value type = type_of(v);
  return type != type_value(T_int) && type != type_value(T_float) && type != type_value(T_str) &&
         type != type_value(T_bytearray);
}

namespace {

INTERP_NATIVE(sqlite_adapt) {
  Value a[3];
  if (!parse_arguments(t, "adapt", args, nargs, kwnames, {"obj", "proto", "alt"}, 3, 1, a))
    return {};
  Value proto = a[1] ? a[1] : module_value(t, "PrepareProtocol");
  if (!proto) return {};
  return adapt(t, a[0], proto, a[2]);
}

CLibrary libsqlite3("libsqlite3.so.0", INTERP_C_LIBRARY_RESOLVER(INTERP_SQLITE3_FUNCTIONS));

} // namespace

} // namespace sqlite

Value make_sqlite3_module(Thread& t) {
  using namespace sqlite;
  if (!libsqlite3.load(t)) return {};
  static const ModuleFunction kFunctions[] = {
      {"connect", sqlite_connect},
      {"complete_statement", sqlite_complete_statement},
      {"register_adapter", sqlite_register_adapter},
      {"register_converter", sqlite_register_converter},
      {"adapt", sqlite_adapt},
      {"enable_callback_tracebacks", sqlite_enable_callback_tracebacks},
      {"enable_shared_cache", sqlite_enable_shared_cache},
  };
  Value m = new_module(t, "_sqlite3", kFunctions, std::size(kFunctions));
  if (!m) return {};

  // The exceptions of DB-API 2.0, named as the sqlite3 package's.
  Value exception = exc(E_Exception);
  Value warning = new_exception_type(t, "Warning", "sqlite3", exception);
  Value error = warning ? new_exception_type(t, "Error", "sqlite3", exception) : Value();
  Value interface_error =
      error ? new_exception_type(t, "InterfaceError", "sqlite3", error) : Value();
  Value database_error =
      interface_error ? new_exception_type(t, "DatabaseError", "sqlite3", error) : Value();
  if (!database_error) return {};
  module_set(t, m, "Warning", warning);
  module_set(t, m, "Error", error);
  module_set(t, m, "InterfaceError", interface_error);
  module_set(t, m, "DatabaseError", database_error);
  for (const char* sub : {"DataError", "OperationalError", "IntegrityError", "InternalError",
                          "ProgrammingError", "NotSupportedError"}) {
    Value cls = new_exception_type(t, sub, "sqlite3", database_error);
    if (!cls) return {};
    module_set(t, m, sub, cls);
  }

  Value connection = make_connection_type(t);
  if (!connection) return {};
  module_set(t, m, "Connection", connection);

  Value cursor = make_cursor_type(t);
  Value row = cursor ? make_row_type(t) : Value();
  Value proto = row ? new_type(t, "PrepareProtocol", "sqlite3", Layout::Instance) : Value();
  if (!proto) return {};
  add_staticmethod(t, proto, "__new__", prepare_protocol_new);
  update_type_flags(proto);
  module_set(t, m, "Cursor", cursor);
  module_set(t, m, "Row", row);
  module_set(t, m, "PrepareProtocol", proto);

  Value adapters = dict_new(t);
  Value converters = adapters ? dict_new(t) : Value();
  Value lib_version = converters ? str_from_ascii(t, sqlite3_libversion()) : Value();
  Value version = lib_version ? str_from_ascii(t, "2.6.0") : Value();
  if (!version) return {};
  module_set(t, m, "adapters", adapters);
  module_set(t, m, "converters", converters);
  module_set(t, m, "sqlite_version", lib_version);
  module_set(t, m, "version", version);
  module_set(t, m, "PARSE_DECLTYPES", Value::small_int(kParseDecltypes));
  module_set(t, m, "PARSE_COLNAMES", Value::small_int(kParseColnames));
  // DB-API's threadsafety from SQLite's threading mode: single-thread 0,
  // multi-thread 1, serialized 3.
  int mode = sqlite3_threadsafe();
  module_set(t, m, "threadsafety", Value::small_int(mode == 0 ? 0 : mode == 2 ? 1 : 3));
  for (const ErrorName& c : kErrorCodes)
    module_set(t, m, c.name, Value::small_int(c.code));
  for (const ErrorName& c : kOtherConstants)
    module_set(t, m, c.name, Value::small_int(c.code));
  return m;
}

} // namespace interp
