// interp/objects/exceptions.cc - BaseException, the 3.11 hierarchy of builtin exception
// classes, and the per-class fields of StopIteration, SystemExit, OSError, SyntaxError,
// ImportError, KeyError.
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include <cerrno>
#include <cstring>

namespace interp {

void init_exception_group_type(Thread& t); // exception_group.cc

namespace {

// name, parent name ("" for BaseException's own root)
struct ExceptionClass {
  const char* name;
  const char* parent;
};

const ExceptionClass kHierarchy[] = {
    {"BaseException", ""},
    {"BaseExceptionGroup", "BaseException"},
    {"GeneratorExit", "BaseException"},
    {"KeyboardInterrupt", "BaseException"},
    {"SystemExit", "BaseException"},
    {"Exception", "BaseException"},
    {"ArithmeticError", "Exception"},
    {"FloatingPointError", "ArithmeticError"},
    {"OverflowError", "ArithmeticError"},
    {"ZeroDivisionError", "ArithmeticError"},
    {"AssertionError", "Exception"},
    {"AttributeError", "Exception"},
    {"BufferError", "Exception"},
    {"EOFError", "Exception"},
    {"ExceptionGroup", "BaseExceptionGroup"},
    {"ImportError", "Exception"},
    {"ModuleNotFoundError", "ImportError"},
    {"LookupError", "Exception"},
    {"IndexError", "LookupError"},
    {"KeyError", "LookupError"},
    {"MemoryError", "Exception"},
    {"NameError", "Exception"},
    {"UnboundLocalError", "NameError"},
    {"OSError", "Exception"},
    {"BlockingIOError", "OSError"},
    {"ChildProcessError", "OSError"},
    {"ConnectionError", "OSError"},
    {"BrokenPipeError", "ConnectionError"},
    {"ConnectionAbortedError", "ConnectionError"},
    {"ConnectionRefusedError", "ConnectionError"},
    {"ConnectionResetError", "ConnectionError"},
    {"FileExistsError", "OSError"},
    {"FileNotFoundError", "OSError"},
    {"InterruptedError", "OSError"},
    {"IsADirectoryError", "OSError"},
    {"NotADirectoryError", "OSError"},
    {"PermissionError", "OSError"},
    {"ProcessLookupError", "OSError"},
    {"TimeoutError", "OSError"},
    {"ReferenceError", "Exception"},
    {"RuntimeError", "Exception"},
    {"NotImplementedError", "RuntimeError"},
    {"RecursionError", "RuntimeError"},
    {"StopAsyncIteration", "Exception"},
    {"StopIteration", "Exception"},
    {"SyntaxError", "Exception"},
    {"IndentationError", "SyntaxError"},
    {"TabError", "IndentationError"},
    {"SystemError", "Exception"},
    {"TypeError", "Exception"},
    {"ValueError", "Exception"},
    {"UnicodeError", "ValueError"},
    {"UnicodeDecodeError", "UnicodeError"},
    {"UnicodeEncodeError", "UnicodeError"},
    {"UnicodeTranslateError", "UnicodeError"},
    {"Warning", "Exception"},
    {"BytesWarning", "Warning"},
    {"DeprecationWarning", "Warning"},
    {"EncodingWarning", "Warning"},
    {"FutureWarning", "Warning"},
    {"ImportWarning", "Warning"},
    {"PendingDeprecationWarning", "Warning"},
    {"ResourceWarning", "Warning"},
    {"RuntimeWarning", "Warning"},
    {"SyntaxWarning", "Warning"},
    {"UnicodeWarning", "Warning"},
    {"UserWarning", "Warning"},
};

bool is_class(Value type, ExcId id) {
  return is_subtype(type, exc(id));
}

// SyntaxError's fields after msg, in the order of the info tuple of SyntaxError(msg, info),
// kept as one tuple in extra[1] (replaced whole when one is assigned).
const char* const kSyntaxFields[] = {
    "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"};
constexpr int kSyntaxFieldCount = 7;

// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])): the
// fields, or 0 with TypeError when `strict` (as 3.11's __init__ checks the info).
Value syntax_fields_from_info(Thread& t, Value info, bool strict) {
  Value items = tuple_of(t, info);
  if (!items) return strict ? Value() : (clear_pending(t), Value());
  std::int64_t n = tuple_length(items);
  if (n < 4 || n > 6) {
    if (!strict) return {};
    return raisef(t, exc(E_TypeError), "function takes %s %d arguments (%lld given)",
                  n < 4 ? "at least" : "at most", n < 4 ? 4 : 6, static_cast<long long>(n));
  }
  if (n == 5) {
    if (!strict) return {};
    return raise(t, exc(E_TypeError), "end_offset must be provided when end_lineno is provided");
  }
  Value fields[kSyntaxFieldCount];
  for (int i = 0; i < kSyntaxFieldCount; ++i)
    fields[i] = i < n ? tuple_item(items, i) : none();
  return tuple_from(t, fields, kSyntaxFieldCount);
}

// UnicodeEncodeError(encoding, object, start, end, reason), UnicodeDecodeError (the
// object made bytes) and UnicodeTranslateError(object, start, end, reason): the fields
// as one tuple in extra[0] (encoding None for a translation), replaced whole when one is
// assigned; 0 until __init__ parsed them. False with TypeError when `strict`.
const char* const kUnicodeFields[] = {"encoding", "object", "start", "end", "reason"};

bool is_unicode_error(Value type) {
  return is_class(type, E_UnicodeEncodeError) || is_class(type, E_UnicodeDecodeError) ||
         is_class(type, E_UnicodeTranslateError);
}

bool unicode_fields_from_args(Thread& t, Value self, Value args, bool strict) {
  Value type = type_of(self);
  bool translate = is_class(type, E_UnicodeTranslateError);
  bool decode = is_class(type, E_UnicodeDecodeError);
  std::int64_t want = translate ? 4 : 5, n = tuple_length(args);
  auto fail = [&](const std::string& msg) {
    if (strict) raise(t, exc(E_TypeError), msg);
    return !strict;
  };
  if (n != want)
    return fail("function takes exactly " + std::to_string(want) + " arguments (" +
                std::to_string(n) + " given)");
  Value f[5];
  std::size_t k = 0;
  f[0] = translate ? none() : tuple_item(args, std::int64_t(k++));
  f[1] = tuple_item(args, std::int64_t(k++));
  f[2] = tuple_item(args, std::int64_t(k++));
  f[3] = tuple_item(args, std::int64_t(k++));
  f[4] = tuple_item(args, std::int64_t(k));
  if (!translate && !str_check(f[0]))
    return fail("argument 1 must be str, not " + type_name_of(f[0]));
  if (decode) {
    std::string data;
    bool error = false;
    if (!buffer_contents(t, f[1], data, error) || error) {
      if (t.pending) clear_pending(t);
      return fail("a bytes-like object is required, not '" + type_name_of(f[1]) + "'");
    }
    f[1] = bytes_new(t, data);
    if (!f[1]) return false;
  } else if (!str_check(f[1])) {
    return fail("argument " + std::string(translate ? "1" : "2") + " must be str, not " +
                type_name_of(f[1]));
  }
  for (int i = 2; i <= 3; ++i)
    if (!int_check(f[i]))
      return fail("'" + type_name_of(f[i]) + "' object cannot be interpreted as an integer");
  if (!str_check(f[4]))
    return fail("argument " + std::to_string(want) + " must be str, not " + type_name_of(f[4]));
  Value fields = tuple_from(t, f, 5);
  if (!fields) return false;
  wr<ExceptionObject>(self)->extra[0] = fields;
  return true;
}

// Per-class fields kept in ExceptionObject::extra, set from args by __new__ and __init__;
// false with the exception where `strict` (__init__) finds them malformed.
bool set_fields_from_args(Thread& t, Value self, bool strict) {
  Value type = type_of(self);
  const ExceptionObject* e = rd<ExceptionObject>(self);
  Value args = e->args;
  std::int64_t n = tuple_length(args);
  // OSError(errno, strerror, filename[, winerror, filename2]) keeps only the first two
  // as its args.
  Value os_args;
  if (n >= 3 && n <= 5 && is_class(type, E_OSError))
    os_args = tuple_from(t, ro<TupleObject>(args)->items, 2);
  Value syntax_fields;
  if (n == 2 && is_class(type, E_SyntaxError)) {
    syntax_fields = syntax_fields_from_info(t, tuple_item(args, 1), strict);
    if (!syntax_fields && t.pending) return false;
  }
  if (is_unicode_error(type)) return unicode_fields_from_args(t, self, args, strict);
  ExceptionObject* w = wr<ExceptionObject>(self);
  if (is_class(type, E_StopIteration)) {
    w->extra[0] = n ? tuple_item(args, 0) : none();
  } else if (is_class(type, E_SystemExit)) {
    w->extra[0] = n == 0 ? none() : n == 1 ? tuple_item(args, 0) : args;
  } else if (is_class(type, E_OSError)) {
    // errno, strerror, filename, filename2
    w->extra[0] = n >= 2 ? tuple_item(args, 0) : none();
    w->extra[1] = n >= 2 ? tuple_item(args, 1) : none();
    w->extra[2] = n >= 3 && n <= 5 ? tuple_item(args, 2) : none();
    w->extra[3] = n == 5 ? tuple_item(args, 4) : none();
    if (os_args) w->args = os_args;
  } else if (is_class(type, E_SyntaxError)) {
    // msg, and the fields of the info tuple; 3.11 leaves both as they were otherwise.
    if (n >= 1) w->extra[0] = tuple_item(args, 0);
    if (syntax_fields) w->extra[1] = syntax_fields;
  } else if (is_class(type, E_ImportError)) {
    w->extra[0] = n == 1 ? tuple_item(args, 0) : none();
    if (!w->extra[1]) w->extra[1] = none();
    if (!w->extra[2]) w->extra[2] = none();
  }
  return true;
}

// OSError(errno, strerror) makes the subclass that names the errno, as CPython does.
Value os_error_subclass(Value cls, const Value* args, std::size_t npos) {
  if (cls != exc(E_OSError) || npos < 2 || !args[1].is_small_int()) return cls;
  static const std::pair<int, const char*> kByErrno[] = {
      {EAGAIN, "BlockingIOError"},
      {EALREADY, "BlockingIOError"},
      {EINPROGRESS, "BlockingIOError"},
      {EWOULDBLOCK, "BlockingIOError"},
      {ECHILD, "ChildProcessError"},
      {EPIPE, "BrokenPipeError"},
      {ESHUTDOWN, "BrokenPipeError"},
      {ECONNABORTED, "ConnectionAbortedError"},
      {ECONNREFUSED, "ConnectionRefusedError"},
      {ECONNRESET, "ConnectionResetError"},
      {EEXIST, "FileExistsError"},
      {ENOENT, "FileNotFoundError"},
      {EISDIR, "IsADirectoryError"},
      {ENOTDIR, "NotADirectoryError"},
      {EINTR, "InterruptedError"},
      {EACCES, "PermissionError"},
      {EPERM, "PermissionError"},
      {ESRCH, "ProcessLookupError"},
      {ETIMEDOUT, "TimeoutError"},
  };
  std::int64_t code = args[1].small_int_value();
  for (const auto& [number, type_name_text] : kByErrno)
    if (number == code) return exception_type(type_name_text);
  return cls;
}

INTERP_NATIVE(exception_new_method) {
  Value cls = os_error_subclass(args[0], args, nargs - 1 - keyword_count(kwnames));
  Value self = allocate(t, Layout::Exception, cls, sizeof(ExceptionObject));
  if (!self) return {};
  std::size_t npos = nargs - 1 - keyword_count(kwnames);
  Value a = tuple_from(t, args + 1, npos);
  if (!a) return {};
  ExceptionObject* o = fresh<ExceptionObject>(self);
  o->args = a;
  o->traceback = none();
  o->cause = none();
  o->context = none();
  o->suppress_context = runtime().false_;
  set_fields_from_args(t, self, false);
  return self;
}

// The keyword arguments of ImportError(), NameError() and AttributeError(): each names an
// extra slot, reset to None by every __init__ that does not pass it.
struct KeywordField {
  const char* name;
  int slot;
};
struct KeywordFields {
  ExcId owner;
  const char* owner_name;
  KeywordField fields[2];
};
const KeywordFields kKeywordFields[] = {
    {E_ImportError, "ImportError", {{"name", 1}, {"path", 2}}},
    {E_AttributeError, "AttributeError", {{"name", 0}, {"obj", 1}}},
    {E_NameError, "NameError", {{"name", 0}, {nullptr, 0}}},
};

INTERP_NATIVE(exception_init) {
  Value self = args[0];
  std::size_t nkw = keyword_count(kwnames);
  const KeywordFields* keywords = nullptr;
  for (const KeywordFields& k : kKeywordFields)
    if (is_class(type_of(self), k.owner)) keywords = &k;
  if (nkw && !keywords) {
    // BaseException.__init__ takes no keyword arguments.
    return raisef(t, exc(E_TypeError), "%s() takes no keyword arguments",
                  type_name_of(self).c_str());
  }
  for (std::size_t i = 0; i < nkw; ++i) {
    Value k = tuple_item(kwnames, std::int64_t(i));
    bool known = false;
    for (const KeywordField& f : keywords->fields)
      known = known || (f.name && str_equal_ascii(k, f.name));
    if (!known)
      return raisef(t, exc(E_TypeError), "'%s' is an invalid keyword argument for %s()",
                    str_utf8(k).c_str(), keywords->owner_name);
  }
  Value a = tuple_from(t, args + 1, nargs - 1 - nkw);
  if (!a) return {};
  wr<ExceptionObject>(self)->args = a;
  if (!set_fields_from_args(t, self, true)) return {};
  if (keywords) {
    for (const KeywordField& f : keywords->fields) {
      if (!f.name) continue;
      Value v = keyword_arg(kwnames, args, nargs, f.name);
      wr<ExceptionObject>(self)->extra[f.slot] = v ? v : none();
    }
  }
  return none();
}

Value args_str(Thread& t, Value a) {
  std::int64_t n = tuple_length(a);
  if (n == 0) return runtime().empty_str;
  if (n == 1) return str(t, tuple_item(a, 0));
  return str(t, a);
}

INTERP_NATIVE(exception_str) {
  Value self = args[0];
  Value type = type_of(self);
  const ExceptionObject* e = rd<ExceptionObject>(self);
  Value a = e->args;
  std::int64_t n = tuple_length(a);
  if (is_class(type, E_KeyError) && n == 1) return repr(t, tuple_item(a, 0));
  if (is_class(type, E_OSError) && n >= 2) {
    std::string text =
        "[Errno " + str_utf8(str(t, e->extra[0])) + "] " + str_utf8(str(t, e->extra[1]));
    if (e->extra[2] && e->extra[2] != none()) text += ": " + repr_utf8(t, e->extra[2]);
    return str_from_utf8(t, text);
  }
  if (is_unicode_error(type)) {
    // As 3.11 words them, from the fields (str() of each); "" before __init__.
    Value fields = e->extra[0];
    if (!fields) return runtime().empty_str;
    Value object = tuple_item(fields, 1);
    Value enc = str(t, tuple_item(fields, 0));
    Value reason = enc ? str(t, tuple_item(fields, 4)) : Value();
    if (!reason) return {};
    std::int64_t start = 0, end = 0;
    if (!int_to_i64(tuple_item(fields, 2), start) || !int_to_i64(tuple_item(fields, 3), end))
      return {};
    std::string encoding = str_utf8(enc), why = str_utf8(reason), text;
    char buf[32];
    bool translate = is_class(type, E_UnicodeTranslateError);
    std::string head = translate ? "can't translate" : "'" + encoding + "' codec can't encode";
    if (is_class(type, E_UnicodeDecodeError)) {
      std::string_view data = bytes_view(object);
      if (start < std::int64_t(data.size()) && end == start + 1) {
        std::snprintf(buf, sizeof buf, "0x%02x", unsigned(static_cast<unsigned char>(data[std::size_t(start)])));
        text = "'" + encoding + "' codec can't decode byte " + buf + " in position " +
               std::to_string(start) + ": " + why;
      } else {
        text = "'" + encoding + "' codec can't decode bytes in position " + std::to_string(start) +
               "-" + std::to_string(end - 1) + ": " + why;
      }
    } else if (start < str_length(object) && end == start + 1) {
      char32_t c = str_at(object, start);
      std::snprintf(buf, sizeof buf, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x",
                    unsigned(c));
      text = head + " character '" + buf + "' in position " + std::to_string(start) + ": " + why;
    } else {
      text = head + " characters in position " + std::to_string(start) + "-" +
             std::to_string(end - 1) + ": " + why;
    }
    return str_from_utf8(t, text);
  }
  if (is_class(type, E_SyntaxError)) {
    // "msg (file, line N)": the base name of a str filename, an exact int lineno.
    Value fields = e->extra[1];
    Value file = fields ? tuple_item(fields, 0) : none(), line = fields ? tuple_item(fields, 1) : none();
    Value msg = str(t, e->extra[0] ? e->extra[0] : none());
    if (!msg) return {};
    std::string base;
    bool have_file = str_check(file);
    if (have_file) {
      base = str_utf8(file);
      auto slash = base.rfind('/');
      if (slash != std::string::npos) base = base.substr(slash + 1);
    }
    bool have_line = line.is_small_int() || (line.is_object() && is_exact(line, T_int));
    if (!have_file && !have_line) return msg;
    std::string text = str_utf8(msg);
    if (have_file && have_line)
      text += " (" + base + ", line " + int_to_decimal(line) + ")";
    else if (have_file)
      text += " (" + base + ")";
    else
      text += " (line " + int_to_decimal(line) + ")";
    return str_from_utf8(t, text);
  }
  return args_str(t, a);
}

INTERP_NATIVE(exception_repr) {
  Value self = args[0];
  Value a = rd<ExceptionObject>(self)->args;
  std::string text = type_name_of(self);
  if (tuple_length(a) == 1)
    text += "(" + repr_utf8(t, tuple_item(a, 0)) + ")";
  else
    text += repr_utf8(t, a);
  return str_from_utf8(t, text);
}

INTERP_NATIVE(exception_with_traceback) {
  if (!check_positional(t, "with_traceback", nargs, kwnames, 1, 1)) return {};
  wr<ExceptionObject>(args[0])->traceback = args[1];
  return args[0];
}

INTERP_NATIVE(exception_add_note) {
  if (!check_positional(t, "add_note", nargs, kwnames, 1, 1)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "note must be a str, not '%s'",
                  type_name_of(args[1]).c_str());
  Value notes = getattr_opt(t, args[0], name(N___notes__));
  if (t.pending) return {};
  if (!notes) {
    notes = list_new(t);
    if (!notes || !generic_setattr(t, args[0], name(N___notes__), notes)) return {};
  } else if (!isinstance(notes, T_list)) {
    return raise(t, exc(E_TypeError), "Cannot add note: __notes__ is not a list");
  }
  return list_append(t, notes, args[1]) ? none() : Value();
}

struct Field {
  const char* name;
  int slot; // -1 args, -2 traceback, -3 cause, -4 context, -5 suppress, 0..3 extra
  ExcId owner;
};
const Field kFields[] = {
    {"args", -1, E_BaseException},
    {"__traceback__", -2, E_BaseException},
    {"__cause__", -3, E_BaseException},
    {"__context__", -4, E_BaseException},
    {"__suppress_context__", -5, E_BaseException},
    {"value", 0, E_StopIteration},
    {"code", 0, E_SystemExit},
    {"errno", 0, E_OSError},
    {"strerror", 1, E_OSError},
    {"filename", 2, E_OSError},
    {"filename2", 3, E_OSError},
    {"msg", 0, E_SyntaxError},
    {"msg", 0, E_ImportError},
    {"name", 1, E_ImportError},
    {"path", 2, E_ImportError},
    {"name", 0, E_NameError},
    {"name", 0, E_AttributeError},
    {"obj", 1, E_AttributeError},
};

Value* field_slot(ExceptionObject* e, int slot) {
  switch (slot) {
  case -1:
    return &e->args;
  case -2:
    return &e->traceback;
  case -3:
    return &e->cause;
  case -4:
    return &e->context;
  case -5:
    return &e->suppress_context;
  default:
    return &e->extra[slot];
  }
}

const Field* find_field(Value self, Value attr) {
  if (!str_check(attr)) return nullptr;
  Value type = type_of(self);
  for (const Field& f : kFields)
    if (str_equal_ascii(attr, f.name) && is_class(type, f.owner)) return &f;
  return nullptr;
}

int syntax_field(Value attr) {
  for (int i = 0; i < kSyntaxFieldCount; ++i)
    if (str_equal_ascii(attr, kSyntaxFields[i])) return i;
  return -1;
}

INTERP_NATIVE(exception_getattribute) {
  Value self = args[0], attr = args[1];
  if (const Field* f = find_field(self, attr)) {
    Value v = *field_slot(const_cast<ExceptionObject*>(rd<ExceptionObject>(self)), f->slot);
    return v ? v : none();
  }
  if (is_class(type_of(self), E_SyntaxError) && str_check(attr)) {
    int i = syntax_field(attr);
    if (i >= 0) {
      Value fields = rd<ExceptionObject>(self)->extra[1];
      return fields ? tuple_item(fields, i) : none();
    }
  }
  return generic_getattr(t, self, attr, false);
}

INTERP_NATIVE(exception_setattr) {
  Value self = args[0], attr = args[1], value = nargs > 2 ? args[2] : Value();
  if (const Field* f = find_field(self, attr)) {
    if (!value) return raisef(t, exc(E_TypeError), "%s may not be deleted", f->name);
    if (f->slot == -1) {
      Value a = tuple_of(t, value);
      if (!a) return {};
      value = a;
    }
    if (f->slot == -2 && value != none() && type_of(value) != type_value(T_traceback))
      return raise(t, exc(E_TypeError), "__traceback__ must be a traceback or None");
    if (f->slot == -3 || f->slot == -4) {
      if (value != none() && !exception_check(value))
        return raisef(t, exc(E_TypeError), "exception %s must be None or derive from BaseException",
                      f->slot == -3 ? "cause" : "context");
    }
    ExceptionObject* w = wr<ExceptionObject>(self);
    *field_slot(w, f->slot) = value;
    if (f->slot == -3) w->suppress_context = runtime().true_;
    return none();
  }
  return generic_setattr(t, self, attr, value) ? none() : Value();
}

// What pickle restores from the instance dict of __reduce__'s third item.
INTERP_NATIVE(exception_setstate) {
  if (!check_positional(t, "__setstate__", nargs, kwnames, 1, 1)) return {};
  Value state = args[1];
  if (state == none()) return none();
  if (!dict_check(state)) return raise(t, exc(E_TypeError), "state is not a dictionary");
  std::int64_t pos = 0;
  Value k, v;
  while (dict_next(state, pos, k, v))
    if (!setattr(t, args[0], k, v)) return {};
  return none();
}

// Assigning a SyntaxError field replaces the tuple of fields; deleting one makes it None.
INTERP_NATIVE(syntax_field_set) {
  Value self = args[0];
  int i = syntax_field(args[1]);
  Value fields[kSyntaxFieldCount];
  Value old = rd<ExceptionObject>(self)->extra[1];
  for (int k = 0; k < kSyntaxFieldCount; ++k)
    fields[k] = old ? tuple_item(old, k) : none();
  fields[i] = nargs > 2 ? args[2] : none();
  Value updated = tuple_from(t, fields, kSyntaxFieldCount);
  if (!updated) return {};
  wr<ExceptionObject>(self)->extra[1] = updated;
  return none();
}

// (type, args), with the instance dict as a third item when there is one; ImportError adds
// its name and path to that state (and leaves it out when it is empty), as 3.11 does.
int unicode_field(Value attr) {
  for (int i = 0; i < 5; ++i)
    if (str_equal_ascii(attr, kUnicodeFields[i])) return i;
  return -1;
}

INTERP_NATIVE(unicode_field_get) {
  Value fields = rd<ExceptionObject>(args[0])->extra[0];
  int i = unicode_field(args[1]);
  return fields && i >= 0 ? tuple_item(fields, i) : none();
}

INTERP_NATIVE(unicode_field_set) {
  Value self = args[0];
  int i = unicode_field(args[1]);
  if (nargs < 3) return raisef(t, exc(E_TypeError), "can't delete %s", kUnicodeFields[i]);
  Value value = args[2];
  if ((i == 2 || i == 3) && !int_check(value))
    return raisef(t, exc(E_TypeError), "'%s' object cannot be interpreted as an integer",
                  type_name_of(value).c_str());
  Value f[5];
  Value old = rd<ExceptionObject>(self)->extra[0];
  for (int k = 0; k < 5; ++k)
    f[k] = old ? tuple_item(old, k) : none();
  f[i] = value;
  Value fields = tuple_from(t, f, 5);
  if (!fields) return {};
  wr<ExceptionObject>(self)->extra[0] = fields;
  return none();
}

INTERP_NATIVE(exception_reduce) {
  Value self = args[0];
  Value state = rd<Object>(self)->dict;
  if (is_class(type_of(self), E_ImportError)) {
    const ExceptionObject* e = rd<ExceptionObject>(self);
    Value name = e->extra[1], path = e->extra[2];
    bool have_name = name && name != none(), have_path = path && path != none();
    if (have_name || have_path) {
      state = state ? dict_copy(t, state) : dict_new(t);
      if (!state) return {};
      if (have_name && !dict_set(t, state, intern_literal(t, "name"), name)) return {};
      if (have_path && !dict_set(t, state, intern_literal(t, "path"), path)) return {};
    } else if (state && dict_length(state) == 0) {
      state = {};
    }
  }
  Value reduced = rd<ExceptionObject>(self)->args;
  if (is_class(type_of(self), E_OSError) && tuple_length(reduced) == 2) {
    // OSError's filename (and filename2) go back into the arguments.
    const ExceptionObject* e = rd<ExceptionObject>(self);
    Value filename = e->extra[2], filename2 = e->extra[3];
    if (filename && filename != none()) {
      bool two = filename2 && filename2 != none();
      Value items[5] = {tuple_item(reduced, 0), tuple_item(reduced, 1), filename, none(), filename2};
      reduced = tuple_from(t, items, two ? 5 : 3);
      if (!reduced) return {};
    }
  }
  Value items[3] = {type_of(self), reduced, state};
  return tuple_from(t, items, state ? 3 : 2);
}

} // namespace

bool exception_check(Value v) {
  return v.is_object() && is_layout(v, Layout::Exception);
}

Value exception_new(Thread& t, Value type, Value args) {
  Value argv[16];
  std::int64_t n = tuple_length(args);
  if (n > 15) n = 15;
  argv[0] = type;
  for (std::int64_t i = 0; i < n; ++i)
    argv[i + 1] = tuple_item(args, i);
  // Builtin exception classes are made directly; user subclasses go through their
  // __new__ and __init__.
  if (!(rd<TypeObject>(type)->flags & kHeapType))
    return exception_new_method(t, argv, std::size_t(n + 1), {});
  return call(t, type, argv + 1, std::size_t(n));
}

void init_exception_types(Thread& t) {
  Runtime& rt = runtime();
  Value base_exception = rt.types[T_BaseException];
  rt.exception_types.emplace_back("BaseException", base_exception);
  for (const ExceptionClass& c : kHierarchy) {
    if (!*c.parent) continue;
    Value parent;
    for (auto& [n, type] : rt.exception_types)
      if (n == c.parent) parent = type;
    Value type = allocate(t, Layout::Type, rt.types[T_type], sizeof(TypeObject));
    TypeObject* o = fresh<TypeObject>(type);
    o->flags = kBaseType;
    o->layout = static_cast<std::uint64_t>(Layout::Exception);
    o->base = parent;
    Value n = intern_literal(t, c.name);
    Value d = dict_new(t);
    // ExceptionGroup is both a group and an Exception.
    Value two[2] = {parent, Value()};
    std::size_t nbases = 1;
    if (std::strcmp(c.name, "ExceptionGroup") == 0) {
      for (auto& [n, type] : rt.exception_types)
        if (n == "Exception") two[1] = type;
      nbases = 2;
    }
    Value bases = tuple_from(t, two, nbases);
    o = fresh<TypeObject>(type);
    o->name = n;
    o->qualname = n;
    o->dict = d;
    o->bases = bases;
    compute_mro(t, type);
    rt.exception_types.emplace_back(c.name, type);
  }
  Value b = base_exception;
  // BaseException's own instances have a __dict__ too (add_note keeps __notes__ there).
  wr<TypeObject>(b)->flags &= ~std::uint64_t(kNoInstanceDict);
  add_staticmethod(t, b, "__new__", exception_new_method);
  add_method(t, b, "__init__", exception_init);
  add_method(t, b, "__str__", exception_str);
  add_method(t, b, "__repr__", exception_repr);
  add_method(t, b, "with_traceback", exception_with_traceback);
  add_method(t, b, "add_note", exception_add_note);
  add_method(t, b, "__getattribute__", exception_getattribute);
  add_method(t, b, "__setattr__", exception_setattr);
  add_method(t, b, "__reduce__", exception_reduce);
  add_method(t, b, "__setstate__", exception_setstate);
  add_instance_dict_getter(t, b);
  // Each field is a getset of the class that introduces it; a name two classes share
  // (ImportError's and NameError's `name`) is one getset per class.
  for (const Field& f : kFields) {
    Value owner = exc(f.owner);
    if (dict_get_str(rd<TypeObject>(owner)->dict, intern_literal(t, f.name))) continue;
    // BaseException's fields are getsets in CPython; the others are members.
    if (f.owner == E_BaseException && f.slot != -5)
      add_named_getters(t, owner, {f.name}, exception_getattribute, exception_setattr);
    else
      add_named_members(t, owner, {f.name}, exception_getattribute, exception_setattr);
  }
  for (const char* n : kSyntaxFields)
    add_named_members(t, exc(E_SyntaxError), {n}, exception_getattribute, syntax_field_set);
  for (ExcId id : {E_UnicodeEncodeError, E_UnicodeDecodeError, E_UnicodeTranslateError})
    for (const char* n : kUnicodeFields)
      add_named_members(t, exc(id), {n}, unicode_field_get, unicode_field_set);
  init_exception_group_type(t);
  for (auto& [n, type] : rt.exception_types) {
    update_type_flags(type);
  }
  rt.exception_types.emplace_back("EnvironmentError", exc(E_OSError));
  rt.exception_types.emplace_back("IOError", exc(E_OSError));
}

bool warn(Thread& t, Value category, const std::string& message, std::int64_t stacklevel) {
  Value warnings = import_module(t, "warnings");
  Value fn = warnings ? getattr(t, warnings, intern_literal(t, "warn")) : Value();
  Value text = fn ? str_from_utf8(t, message) : Value();
  if (!text) return false;
  Value args[3] = {text, category, Value::small_int(stacklevel)};
  return bool(call(t, fn, args, 3));
}

} // namespace interp
