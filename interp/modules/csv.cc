// interp/modules/csv.cc - the _csv module (what csv.py wraps): the Dialect type holding
// the formatting parameters, reader objects that split lines of text into records by a
// character state machine, writer objects that join rows into quoted lines, and the
// dialect registry.
//
// Module state lives in the module's dict, never in C++ globals: `_dialects` (the
// registry, a dict from name to Dialect) and `_field_limit` (the largest field a reader
// accepts, an int). A reader keeps no parse state between records: a record that spans
// several lines is read whole in one __next__ call, so the state machine's variables are
// C++ locals and the record's fields a heap list. Error types and wording are CPython
// 3.11's (_csv.Error for bad data, TypeError for bad parameters).
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"

#include <string>

namespace interp {

namespace {

constexpr char32_t kNotSet = 0xFFFFFFFF; // a character parameter that is None
constexpr char32_t kEol = 0xFFFFFFFE;    // end of one line of input

enum Quoting { kQuoteMinimal = 0, kQuoteAll = 1, kQuoteNonNumeric = 2, kQuoteNone = 3 };

constexpr std::int64_t kDefaultFieldLimit = 128 * 1024;

struct DialectObject : Object {
  Value delimiter;      // 1-character str
  Value quotechar;      // 1-character str or None
  Value escapechar;     // 1-character str or None
  Value lineterminator; // str
  Value doublequote;    // bool
  Value skipinitialspace;
  Value strict;
  Value quoting; // int
};

struct ReaderObject : Object {
  Value input;   // iterator over lines
  Value dialect; // Dialect
  Value line_num;
};

struct WriterObject : Object {
  Value write;   // the file's bound write method
  Value dialect; // Dialect
};

// A Dialect's parameters in the form the reader and writer loops use.
struct Format {
  char32_t delimiter = ',';
  char32_t quotechar = '"';
  char32_t escapechar = kNotSet;
  std::u32string lineterminator;
  bool doublequote = true;
  bool skipinitialspace = false;
  bool strict = false;
  int quoting = kQuoteMinimal;
};

char32_t char_of(Value v) {
  return str_check(v) ? str_at(v, 0) : kNotSet;
}

Format format_of(Value dialect) {
  const DialectObject* d = rd<DialectObject>(dialect);
  Format f;
  f.delimiter = char_of(d->delimiter);
  f.quotechar = char_of(d->quotechar);
  f.escapechar = char_of(d->escapechar);
  f.lineterminator = str_code_points(d->lineterminator);
  f.doublequote = d->doublequote == py_bool(true);
  f.skipinitialspace = d->skipinitialspace == py_bool(true);
  f.strict = d->strict == py_bool(true);
  f.quoting = int(d->quoting.small_int_value());
  return f;
}

Value csv_module(Thread& t) {
  return import_module(t, "_csv");
}

Value module_attr(Thread& t, const char* name) {
  Value m = csv_module(t);
  return m ? getattr(t, m, intern_literal(t, name)) : Value();
}

Value raise_csv_error(Thread& t, const std::string& message) {
  Value cls = module_attr(t, "Error");
  return cls ? raise(t, cls, message) : Value();
}

// The registered dialect `name`, or 0 with _csv.Error.
Value registered_dialect(Thread& t, Value name) {
  Value registry = module_attr(t, "_dialects");
  if (!registry) return {};
  bool error = false;
  Value d = dict_get(t, registry, name, error);
  if (error) return {};
  return d ? d : raise_csv_error(t, "unknown dialect");
}

// ---- Dialect -------------------------------------------------------------------------------

const char* const kParams[] = {"delimiter", "doublequote", "escapechar",       "lineterminator",
                               "quotechar", "quoting",     "skipinitialspace", "strict"};
enum Param {
  kDelimiter,
  kDoublequote,
  kEscapechar,
  kLineterminator,
  kQuotechar,
  kQuoting,
  kSkipinitialspace,
  kStrict,
  kParamCount
};

// A 1-character str parameter (None allowed when `or_none`); sets `out` (None for None).
bool set_char(Thread& t, const char* name, Value src, bool or_none, Value& out) {
  if (or_none && is_none(src)) {
    out = none();
    return true;
  }
  if (!str_check(src)) {
    raisef(t, exc(E_TypeError),
           or_none ? "\"%s\" must be string or None, not %s" : "\"%s\" must be string, not %s",
           name, type_name_of(src).c_str());
    return false;
  }
  if (str_length(src) != 1) {
    raisef(t, exc(E_TypeError), "\"%s\" must be a 1-character string", name);
    return false;
  }
  out = src;
  return true;
}

bool set_bool(Thread& t, Value src, Value& out) {
  int b = truthy(t, src);
  if (b < 0) return false;
  out = py_bool(b != 0);
  return true;
}

// Dialect(dialect=None, **params): `dialect` a Dialect, a registered name, or any object
// whose attributes give the parameters not passed by keyword.
INTERP_NATIVE(dialect_new) {
  // Parameters may come by position too, in this order, as CPython's parsing of
  // "|OOOOOOOOO" allows.
  static const char* const kAll[] = {"dialect",    "delimiter",        "doublequote",
                                     "escapechar", "lineterminator",   "quotechar",
                                     "quoting",    "skipinitialspace", "strict"};
  std::size_t nkw = keyword_count(kwnames);
  std::size_t npos = nargs - nkw - 1;
  if (npos + nkw > 9)
    return raisef(t, exc(E_TypeError), "function takes at most 9 arguments (%zu given)",
                  npos + nkw);
  Value slots[9] = {};
  for (std::size_t i = 0; i < npos; ++i)
    slots[i] = args[1 + i];
  for (std::size_t k = 0; k < nkw; ++k) {
    Value name = tuple_item(kwnames, std::int64_t(k));
    std::size_t i = 0;
    while (i < 9 && !str_equal_ascii(name, kAll[i]))
      ++i;
    if (i == 9)
      return raisef(t, exc(E_TypeError), "'%s' is an invalid keyword argument for this function",
                    str_utf8(name).c_str());
    if (i < npos)
      return raisef(t, exc(E_TypeError),
                    "argument for function given by name ('%s') and position (%zu)", kAll[i],
                    i + 1);
    slots[i] = args[nargs - nkw + k];
  }
  Value dialect = slots[0];
  Value given[kParamCount];
  bool any_given = false;
  for (int i = 0; i < kParamCount; ++i) {
    given[i] = slots[i + 1];
    any_given |= bool(given[i]);
  }
  Value dialect_type = module_attr(t, "Dialect");
  if (!dialect_type) return {};
  if (dialect) {
    if (str_check(dialect) && !(dialect = registered_dialect(t, dialect))) return {};
    if (!any_given && is_subtype(type_of(dialect), dialect_type)) return dialect;
    for (int i = 0; i < kParamCount; ++i) {
      if (given[i]) continue;
      given[i] = getattr(t, dialect, intern_literal(t, kParams[i]));
      if (!given[i]) clear_pending(t);
    }
  }
  Value delimiter = intern_literal(t, ","), quotechar = intern_literal(t, "\"");
  Value escapechar = none(), lineterminator = intern_literal(t, "\r\n");
  Value doublequote = py_bool(true), skipinitialspace = py_bool(false), strict = py_bool(false);
  Value quoting = Value::small_int(kQuoteMinimal);
  if (given[kDelimiter] && !set_char(t, "delimiter", given[kDelimiter], false, delimiter))
    return {};
  if (given[kDoublequote] && !set_bool(t, given[kDoublequote], doublequote)) return {};
  if (given[kEscapechar] && !set_char(t, "escapechar", given[kEscapechar], true, escapechar))
    return {};
  if (Value lt = given[kLineterminator]) {
    if (is_none(lt)) {
      lineterminator = {};
    } else if (!str_check(lt)) {
      return raise(t, exc(E_TypeError), "\"lineterminator\" must be a string");
    } else {
      lineterminator = lt;
    }
  }
  if (given[kQuotechar] && !set_char(t, "quotechar", given[kQuotechar], true, quotechar)) return {};
  if (Value q = given[kQuoting]) {
    std::int64_t n = 0;
    if (!is_exact(q, T_int)) return raise(t, exc(E_TypeError), "\"quoting\" must be an integer");
    if (!int_to_i64(q, n) || n < kQuoteMinimal || n > kQuoteNone)
      return raise(t, exc(E_TypeError), "bad \"quoting\" value");
    quoting = Value::small_int(n);
  }
  if (given[kSkipinitialspace] && !set_bool(t, given[kSkipinitialspace], skipinitialspace))
    return {};
  if (given[kStrict] && !set_bool(t, given[kStrict], strict)) return {};
  if (given[kQuotechar] && is_none(given[kQuotechar]) && !given[kQuoting])
    quoting = Value::small_int(kQuoteNone);
  if (quoting.small_int_value() != kQuoteNone && is_none(quotechar))
    return raise(t, exc(E_TypeError), "quotechar must be set if quoting enabled");
  if (!lineterminator) return raise(t, exc(E_TypeError), "lineterminator must be set");

  Value self = allocate(t, Layout::Instance, args[0], sizeof(DialectObject));
  if (!self) return {};
  DialectObject* d = fresh<DialectObject>(self);
  d->delimiter = delimiter;
  d->quotechar = quotechar;
  d->escapechar = escapechar;
  d->lineterminator = lineterminator;
  d->doublequote = doublequote;
  d->skipinitialspace = skipinitialspace;
  d->strict = strict;
  d->quoting = quoting;
  return self;
}

INTERP_NATIVE(dialect_delimiter) {
  return rd<DialectObject>(args[0])->delimiter;
}
INTERP_NATIVE(dialect_quotechar) {
  return rd<DialectObject>(args[0])->quotechar;
}
INTERP_NATIVE(dialect_escapechar) {
  return rd<DialectObject>(args[0])->escapechar;
}
INTERP_NATIVE(dialect_lineterminator) {
  return rd<DialectObject>(args[0])->lineterminator;
}
INTERP_NATIVE(dialect_doublequote) {
  return rd<DialectObject>(args[0])->doublequote;
}
INTERP_NATIVE(dialect_skipinitialspace) {
  return rd<DialectObject>(args[0])->skipinitialspace;
}
INTERP_NATIVE(dialect_strict) {
  return rd<DialectObject>(args[0])->strict;
}
INTERP_NATIVE(dialect_quoting) {
  return rd<DialectObject>(args[0])->quoting;
}

// Dialect(*args[1..], **params) for reader() and writer(): everything after their first
// argument is the Dialect's arguments.
Value make_dialect(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  Value dialect_type = module_attr(t, "Dialect");
  return dialect_type ? call(t, dialect_type, args + 1, nargs - 1, kwnames) : Value();
}

// ---- reader --------------------------------------------------------------------------------

enum class State {
  StartRecord,
  StartField,
  EscapedChar,
  InField,
  InQuotedField,
  EscapeInQuotedField,
  QuoteInQuotedField,
  EatCrnl,
  AfterEscapedCrnl,
};

struct Parser {
  Thread& t;
  const Format& f;
  std::int64_t field_limit;
  Value fields; // list
  State state = State::StartRecord;
  std::u32string field;
  bool numeric = false;

  bool add_char(char32_t c) {
    if (std::int64_t(field.size()) >= field_limit)
      return raise_csv_error(t,
                             "field larger than field limit (" + std::to_string(field_limit) + ")"),
             false;
    field.push_back(c);
    return true;
  }

  bool save_field() {
    Value s = str_from_code_points(t, field);
    field.clear();
    if (s && numeric) {
      numeric = false;
      s = call1(t, type_value(T_float), s);
    }
    return s && list_append(t, fields, s);
  }

  // Saves the field at the end of a line or record.
  bool end_line(char32_t c) {
    if (!save_field()) return false;
    state = c == kEol ? State::StartRecord : State::EatCrnl;
    return true;
  }

  static bool newline(char32_t c) { return c == '\n' || c == '\r'; }

  bool process(char32_t c) {
    switch (state) {
    case State::StartRecord:
      if (c == kEol) return true; // an empty line: an empty record
      if (newline(c)) {
        state = State::EatCrnl;
        return true;
      }
      state = State::StartField;
      [[fallthrough]];
    case State::StartField:
      if (newline(c) || c == kEol) return end_line(c);
      if (c == f.quotechar && f.quoting != kQuoteNone) {
        state = State::InQuotedField;
      } else if (c == f.escapechar) {
        state = State::EscapedChar;
      } else if (c == ' ' && f.skipinitialspace) {
      } else if (c == f.delimiter) {
        return save_field();
      } else {
        numeric = f.quoting == kQuoteNonNumeric;
        state = State::InField;
        return add_char(c);
      }
      return true;
    case State::EscapedChar:
      if (newline(c)) {
        state = State::AfterEscapedCrnl;
        return add_char(c);
      }
      state = State::InField;
      return add_char(c == kEol ? U'\n' : c);
    case State::AfterEscapedCrnl:
      if (c == kEol) return true;
      [[fallthrough]];
    case State::InField:
      if (newline(c) || c == kEol) return end_line(c);
      if (c == f.escapechar) {
        state = State::EscapedChar;
      } else if (c == f.delimiter) {
        state = State::StartField;
        return save_field();
      } else {
        return add_char(c);
      }
      return true;
    case State::InQuotedField:
      if (c == kEol) {
      } else if (c == f.escapechar) {
        state = State::EscapeInQuotedField;
      } else if (c == f.quotechar && f.quoting != kQuoteNone) {
        state = f.doublequote ? State::QuoteInQuotedField : State::InField;
      } else {
        return add_char(c);
      }
      return true;
    case State::EscapeInQuotedField:
      state = State::InQuotedField;
      return add_char(c == kEol ? U'\n' : c);
    case State::QuoteInQuotedField:
      if (f.quoting != kQuoteNone && c == f.quotechar) {
        state = State::InQuotedField;
        return add_char(c);
      }
      if (c == f.delimiter) {
        state = State::StartField;
        return save_field();
      }
      if (newline(c) || c == kEol) return end_line(c);
      if (!f.strict) {
        state = State::InField;
        return add_char(c);
      }
      {
        std::u32string message = U"'";
        message += f.delimiter;
        message += U"' expected after '";
        message += f.quotechar;
        message += U"'";
        Value text = str_from_code_points(t, message);
        if (text) raise_csv_error(t, str_utf8(text));
        return false;
      }
    case State::EatCrnl:
      if (newline(c)) return true;
      if (c == kEol) {
        state = State::StartRecord;
        return true;
      }
      return raise_csv_error(t, "new-line character seen in unquoted field - do you need to "
                                "open the file in universal-newline mode?"),
             false;
    }
    return true;
  }
};

std::int64_t field_limit(Thread& t) {
  Value v = module_attr(t, "_field_limit");
  std::int64_t n = kDefaultFieldLimit;
  if (v && int_to_i64(v, n)) return n;
  if (!v) clear_pending(t);
  return kDefaultFieldLimit;
}

INTERP_NATIVE(reader_next) {
  Value self = args[0];
  Value dialect = rd<ReaderObject>(self)->dialect;
  Format f = format_of(dialect);
  Value fields = list_new(t);
  if (!fields) return {};
  Parser p{t, f, field_limit(t), fields};
  do {
    Value line = next(t, rd<ReaderObject>(self)->input);
    if (!line) {
      if (t.pending) return {};
      if (!p.field.empty() || p.state == State::InQuotedField) {
        if (f.strict) return raise_csv_error(t, "unexpected end of data");
        if (!p.save_field()) return {};
        break;
      }
      return {};
    }
    if (!str_check(line))
      return raise_csv_error(t, "iterator should return strings, not " + type_name_of(line) +
                                    " (the file should be opened in text mode)");
    ReaderObject* r = wr<ReaderObject>(self);
    r->line_num = Value::small_int(r->line_num.small_int_value() + 1);
    for (char32_t c : str_code_points(line))
      if (!p.process(c)) return {};
    if (!p.process(kEol)) return {};
  } while (p.state != State::StartRecord);
  return fields;
}

INTERP_NATIVE(reader_iter) {
  return args[0];
}
INTERP_NATIVE(reader_dialect) {
  return rd<ReaderObject>(args[0])->dialect;
}
INTERP_NATIVE(reader_line_num) {
  return rd<ReaderObject>(args[0])->line_num;
}

// reader(), writer() and register_dialect() take one or two positional arguments (CPython's message
// has no function name).
bool check_file_and_dialect(Thread& t, std::size_t nargs, Value kwnames) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos < 1) return raise(t, exc(E_TypeError), " expected at least 1 argument, got 0"), false;
  if (npos > 2)
    return raisef(t, exc(E_TypeError), " expected at most 2 arguments, got %zu", npos), false;
  return true;
}

INTERP_NATIVE(mod_reader) {
  if (!check_file_and_dialect(t, nargs, kwnames)) return {};
  Value input = iter(t, args[0]);
  Value dialect = input ? make_dialect(t, args, nargs, kwnames) : Value();
  Value cls = dialect ? module_attr(t, "Reader") : Value();
  Value self = cls ? allocate(t, Layout::Instance, cls, sizeof(ReaderObject)) : Value();
  if (!self) return {};
  ReaderObject* r = fresh<ReaderObject>(self);
  r->input = input;
  r->dialect = dialect;
  r->line_num = Value::small_int(0);
  return self;
}

// ---- writer --------------------------------------------------------------------------------

// PyNumber_Check: an int, float or complex, or anything with __index__, __int__ or __float__.
bool is_number(Thread& t, Value v) {
  if (int_check(v) || float_check(v) || isinstance(v, T_complex)) return true;
  Value type = type_of(v);
  for (const char* name : {"__index__", "__int__", "__float__"})
    if (type_lookup(type, intern_literal(t, name))) return true;
  return false;
}

struct Joiner {
  Thread& t;
  const Format& f;
  std::u32string record;
  std::size_t fields = 0;

  // Appends one field (`text` empty for None); `quoted` may turn true when the field
  // holds a special character.
  bool append(const std::u32string& text, bool quoted) {
    bool need_quotes = quoted;
    std::u32string body;
    for (char32_t c : text) {
      bool escape = false;
      if (c == f.delimiter || c == f.escapechar || c == f.quotechar ||
          f.lineterminator.find(c) != std::u32string::npos) {
        if (f.quoting == kQuoteNone) {
          escape = true;
        } else {
          if (c == f.quotechar) {
            if (f.doublequote)
              body.push_back(f.quotechar);
            else
              escape = true;
          } else if (c == f.escapechar) {
            escape = true;
          }
          if (!escape) need_quotes = true;
        }
        if (escape) {
          if (f.escapechar == kNotSet)
            return raise_csv_error(t, "need to escape, but no escapechar set"), false;
          body.push_back(f.escapechar);
        }
      }
      body.push_back(c);
    }
    if (fields > 0) record.push_back(f.delimiter);
    if (need_quotes) record.push_back(f.quotechar);
    record += body;
    if (need_quotes) record.push_back(f.quotechar);
    ++fields;
    return true;
  }
};

Value writer_row(Thread& t, Value self, Value row) {
  Value dialect = rd<WriterObject>(self)->dialect;
  Format f = format_of(dialect);
  Value it = iter(t, row);
  if (!it) {
    if (!matches(t, exc(E_TypeError))) return {};
    clear_pending(t);
    return raise_csv_error(t, "iterable expected, not " + type_name_of(row));
  }
  Joiner j{t, f};
  while (Value field = next(t, it)) {
    bool quoted = f.quoting == kQuoteAll || (f.quoting == kQuoteNonNumeric && !is_number(t, field));
    std::u32string text;
    if (str_check(field)) {
      text = str_code_points(field);
    } else if (!is_none(field)) {
      Value s = str(t, field);
      if (!s) return {};
      text = str_code_points(s);
    }
    if (!j.append(text, quoted)) return {};
  }
  if (t.pending) return {};
  if (j.fields == 1 && j.record.empty()) {
    if (f.quoting == kQuoteNone)
      return raise_csv_error(t, "single empty field record must be quoted");
    j.fields = 0;
    if (!j.append(U"", true)) return {};
  }
  j.record += f.lineterminator;
  Value line = str_from_code_points(t, j.record);
  return line ? call1(t, rd<WriterObject>(self)->write, line) : Value();
}

INTERP_NATIVE(writer_writerow) {
  if (!check_positional(t, "writerow", nargs, kwnames, 1, 1)) return {};
  return writer_row(t, args[0], args[1]);
}

INTERP_NATIVE(writer_writerows) {
  if (!check_positional(t, "writerows", nargs, kwnames, 1, 1)) return {};
  Value it = iter(t, args[1]);
  if (!it) return {};
  while (Value row = next(t, it))
    if (!writer_row(t, args[0], row)) return {};
  return t.pending ? Value() : none();
}

INTERP_NATIVE(writer_dialect) {
  return rd<WriterObject>(args[0])->dialect;
}

INTERP_NATIVE(mod_writer) {
  if (!check_file_and_dialect(t, nargs, kwnames)) return {};
  Value write = getattr_opt(t, args[0], intern_literal(t, "write"));
  if (!write) {
    if (t.pending) return {};
  }
  if (!write || !is_callable(write))
    return raise(t, exc(E_TypeError), "argument 1 must have a \"write\" method");
  Value dialect = make_dialect(t, args, nargs, kwnames);
  Value cls = dialect ? module_attr(t, "Writer") : Value();
  Value self = cls ? allocate(t, Layout::Instance, cls, sizeof(WriterObject)) : Value();
  if (!self) return {};
  WriterObject* w = fresh<WriterObject>(self);
  w->write = write;
  w->dialect = dialect;
  return self;
}

// ---- the registry --------------------------------------------------------------------------

INTERP_NATIVE(mod_register_dialect) {
  if (!check_file_and_dialect(t, nargs, kwnames)) return {};
  if (!str_check(args[0])) return raise(t, exc(E_TypeError), "dialect name must be a string");
  Value dialect = make_dialect(t, args, nargs, kwnames);
  Value registry = dialect ? module_attr(t, "_dialects") : Value();
  return registry && dict_set(t, registry, args[0], dialect) ? none() : Value();
}

INTERP_NATIVE(mod_unregister_dialect) {
  if (!check_positional(t, "unregister_dialect", nargs, kwnames, 1, 1, 0)) return {};
  Value registry = module_attr(t, "_dialects");
  if (!registry) return {};
  int r = dict_del(t, registry, args[0]);
  if (r < 0) return {};
  return r ? none() : raise_csv_error(t, "unknown dialect");
}

INTERP_NATIVE(mod_get_dialect) {
  if (!check_positional(t, "get_dialect", nargs, kwnames, 1, 1, 0)) return {};
  return registered_dialect(t, args[0]);
}

INTERP_NATIVE(mod_list_dialects) {
  if (!check_positional(t, "list_dialects", nargs, kwnames, 0, 0, 0)) return {};
  Value registry = module_attr(t, "_dialects");
  return registry ? list_of(t, registry) : Value();
}

INTERP_NATIVE(mod_field_size_limit) {
  static const char* const kAllowed[] = {"new_limit", nullptr};
  if (!check_keywords(t, "field_size_limit", kwnames, kAllowed, true)) return {};
  if (nargs - keyword_count(kwnames) > 1)
    return raisef(t, exc(E_TypeError), "field_size_limit expected at most 1 argument, got %zu",
                  nargs);
  Value limit = arg_or_keyword(args, nargs, kwnames, 0, "new_limit");
  Value m = csv_module(t);
  Value old = m ? getattr(t, m, intern_literal(t, "_field_limit")) : Value();
  if (!old) return {};
  if (limit) {
    std::int64_t n = 0;
    if (!int_check(limit)) return raise(t, exc(E_TypeError), "limit must be an integer");
    if (!int_to_i64(limit, n))
      return raise(t, exc(E_OverflowError), "Python int too large to convert to C long");
    module_set(t, m, "_field_limit", Value::small_int(n));
  }
  return old;
}

} // namespace

Value make_csv_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"reader", mod_reader},
      {"writer", mod_writer},
      {"register_dialect", mod_register_dialect},
      {"unregister_dialect", mod_unregister_dialect},
      {"get_dialect", mod_get_dialect},
      {"list_dialects", mod_list_dialects},
      {"field_size_limit", mod_field_size_limit},
  };
  Value m = new_module(t, "_csv", kFunctions, std::size(kFunctions));
  if (!m) return {};
  module_set(t, m, "__doc__", str_from_ascii(t, "CSV parsing and writing.\n"));
  module_set(t, m, "__version__", str_from_ascii(t, "1.0"));
  module_set(t, m, "QUOTE_MINIMAL", Value::small_int(kQuoteMinimal));
  module_set(t, m, "QUOTE_ALL", Value::small_int(kQuoteAll));
  module_set(t, m, "QUOTE_NONNUMERIC", Value::small_int(kQuoteNonNumeric));
  module_set(t, m, "QUOTE_NONE", Value::small_int(kQuoteNone));
  Value registry = dict_new(t);
  if (!registry) return {};
  module_set(t, m, "_dialects", registry);
  module_set(t, m, "_field_limit", Value::small_int(kDefaultFieldLimit));

  Value error = new_exception_type(t, "Error", "_csv", exc(E_Exception));
  if (!error) return {};
  module_set(t, m, "Error", error);

  Value dialect = new_type(t, "Dialect", "_csv", Layout::Instance);
  if (!dialect) return {};
  add_staticmethod(t, dialect, "__new__", dialect_new);
  static const ModuleFunction kDialectGetters[] = {
      {"delimiter", dialect_delimiter},     {"quotechar", dialect_quotechar},
      {"escapechar", dialect_escapechar},   {"lineterminator", dialect_lineterminator},
      {"doublequote", dialect_doublequote}, {"skipinitialspace", dialect_skipinitialspace},
      {"strict", dialect_strict},           {"quoting", dialect_quoting},
  };
  for (const ModuleFunction& g : kDialectGetters)
    add_getter(t, dialect, g.name, g.fn);
  update_type_flags(dialect);
  module_set(t, m, "Dialect", dialect);

  Value reader = new_type(t, "reader", "_csv", Layout::Instance, {}, false);
  if (!reader) return {};
  add_method(t, reader, "__next__", reader_next);
  add_method(t, reader, "__iter__", reader_iter);
  add_getter(t, reader, "dialect", reader_dialect);
  add_getter(t, reader, "line_num", reader_line_num);
  update_type_flags(reader);
  module_set(t, m, "Reader", reader);

  Value writer = new_type(t, "writer", "_csv", Layout::Instance, {}, false);
  if (!writer) return {};
  add_method(t, writer, "writerow", writer_writerow);
  add_method(t, writer, "writerows", writer_writerows);
  add_getter(t, writer, "dialect", writer_dialect);
  update_type_flags(writer);
  module_set(t, m, "Writer", writer);
  return m;
}

} // namespace interp
