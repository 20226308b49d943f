// interp/modules/module_support.cc - helpers for the modules written in C++ (see
// module_support.h).
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"

#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <array>
#include <cstring>
#include <utility>

namespace interp {

Value module_attr(Thread& t, const char* module, const char* attr) {
  Value m = import_module(t, module);
  return m ? getattr(t, m, intern_literal(t, attr)) : Value();
}

Value raise_os_error(Thread& t, int err, Value filename, Value filename2) {
  Value items[5] = {Value::small_int(err), str_from_utf8(t, std::strerror(err)), filename, none(),
                    filename2};
  if (!items[1]) return {};
  Value e = call(t, exc(E_OSError), items, filename2 ? 5 : filename ? 3 : 2);
  return e ? raise_value(t, e) : Value();
}

bool file_descriptor_arg(Thread& t, Value v, int& fd) {
  Value n = v;
  if (!int_check(v)) {
    Value m = getattr(t, v, intern_literal(t, "fileno"));
    if (!m) {
      if (t.pending && !matches(t, exc(E_AttributeError))) return false;
      clear_pending(t);
      raise(t, exc(E_TypeError), "argument must be an int, or have a fileno() method.");
      return false;
    }
    n = call0(t, m);
    if (!n) return false;
    if (!int_check(n)) {
      raise(t, exc(E_TypeError), "fileno() returned a non-integer");
      return false;
    }
  }
  std::int64_t i;
  if (!index_to_i64(t, n, i)) return false;
  if (i < 0 || i > INT32_MAX) {
    raisef(t, exc(E_ValueError), "file descriptor cannot be a negative integer (%lld)",
           (long long)i);
    return false;
  }
  fd = int(i);
  return true;
}

Value new_module(Thread& t, const char* module_name, const ModuleFunction* functions,
                 std::size_t n) {
  Value modname = intern_literal(t, module_name);
  Value m = module_new(t, modname);
  if (!m) return {};
  return add_module_functions(t, m, functions, n) ? m : Value();
}

bool add_module_functions(Thread& t, Value module, const ModuleFunction* functions, std::size_t n) {
  Value d = rd<Object>(module)->dict;
  Value modname = dict_get_cstr(t, d, "__name__");
  for (std::size_t i = 0; i < n; ++i) {
    Value fn = make_native_function(t, functions[i].name, functions[i].fn, modname);
    if (!fn || !dict_set(t, d, intern_literal(t, functions[i].name), fn)) return false;
  }
  return true;
}

void module_set(Thread& t, Value module, const char* attr, Value value) {
  if (value) dict_set(t, rd<Object>(module)->dict, intern_literal(t, attr), value);
}

Value new_type(Thread& t, const char* type_name, const char* module_name, Layout layout, Value base,
               bool subclassable) {
  if (!base) base = type_value(T_object);
  Value type = allocate(t, Layout::Type, type_value(T_type), sizeof(TypeObject));
  if (!type) return {};
  Value n = str_from_utf8(t, type_name);
  Value d = dict_new(t);
  Value bases = tuple_from(t, &base, 1);
  if (!n || !d || !bases) return {};
  TypeObject* o = fresh<TypeObject>(type);
  // Instances have their base's slot words, the weak-reference list's among them.
  o->flags = (subclassable ? kBaseType : 0) | kNoInstanceDict |
             (rd<TypeObject>(base)->flags & (kCollectionFlags | kSlotWordsMask));
  o->weaklist = rd<TypeObject>(base)->weaklist;
  o->layout = static_cast<std::uint64_t>(layout);
  o->base = base;
  o->name = n;
  o->qualname = n;
  o->dict = d;
  o->bases = bases;
  // type.__module__ reads the field, as CPython's static types take theirs from tp_name,
  // so that dir() of an instance does not list __module__.
  o->module = intern_literal(t, module_name);
  if (!compute_mro(t, type)) return {};
  // The list of the type's own weak references, made now (see type_new).
  Value own = list_new(t);
  if (!own) return {};
  wr<TypeObject>(type)->weakrefs = own;
  return type;
}

Value new_exception_type(Thread& t, const char* type_name, const char* module_name, Value base) {
  Value bases = tuple_from(t, &base, 1);
  Value ns = dict_new(t);
  if (!bases || !ns || !dict_set(t, ns, name(N___module__), intern_literal(t, module_name)))
    return {};
  return type_new(t, type_value(T_type), intern_literal(t, type_name), bases, ns, {});
}

Value arg_or_keyword(const Value* args, std::size_t nargs, Value kwnames, std::size_t position,
                     const char* keyword) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (position < npos) return args[position];
  return keyword ? keyword_arg(kwnames, args, nargs, keyword) : Value();
}

} // namespace interp

namespace interp {

namespace {

template <int I> Value struct_field(Thread&, const Value* args, std::size_t, Value) {
  return tuple_item(args[0], I);
}

template <int... I>
constexpr std::array<NativeFn, sizeof...(I)> field_getters(std::integer_sequence<int, I...>) {
  return {&struct_field<I>...};
}

constexpr auto kFieldGetters = field_getters(std::make_integer_sequence<int, 24>());

Value struct_sequence_repr(Thread& t, const Value* args, std::size_t, Value) {
  Value self = args[0];
  Value cls = type_of(self);
  Value names = type_lookup(cls, name(N___match_args__));
  std::string text = display_name(cls) + "(";
  for (std::int64_t i = 0; names && i < tuple_length(names) && i < tuple_length(self); ++i) {
    if (i) text += ", ";
    Value r = repr(t, tuple_item(self, i));
    if (!r) return {};
    text += str_utf8(tuple_item(names, i)) + "=" + str_utf8(r);
  }
  return str_from_utf8(t, text + ")");
}

// (type, (visible items, {hidden field: value})), which type(seq, dict) rebuilds.
Value struct_sequence_reduce(Thread& t, const Value* args, std::size_t, Value) {
  Value plain = tuple_of(t, args[0]);
  Value hidden = dict_new(t);
  if (!plain || !hidden) return {};
  Value names = type_lookup(type_of(args[0]), intern_literal(t, "_struct_fields"));
  for (std::int64_t i = tuple_length(args[0]); names && i < tuple_length(names); ++i)
    if (!dict_set(t, hidden, tuple_item(names, i), ro<TupleObject>(args[0])->items[i])) return {};
  Value pair[2] = {plain, hidden};
  Value inner = tuple_from(t, pair, 2);
  if (!inner) return {};
  Value parts[2] = {type_of(args[0]), inner};
  return tuple_from(t, parts, 2);
}

std::int64_t type_count(Thread& t, Value cls, const char* attr) {
  Value v = type_lookup(cls, intern_literal(t, attr));
  return v && v.is_small_int() ? v.small_int_value() : 0;
}

// type(sequence, dict=None): the visible fields from the sequence, hidden ones from the
// sequence's extra items, else from the dict by name, else None (as CPython's structseq).
Value struct_sequence_new(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  static const char* const kAllowed[] = {"sequence", "dict", nullptr};
  Value cls = args[0];
  std::string full = display_name(cls);
  if (!check_keywords(t, full.c_str(), kwnames, kAllowed)) return {};
  Value sequence = arg_or_keyword(args, nargs, kwnames, 1, "sequence");
  Value dict = arg_or_keyword(args, nargs, kwnames, 2, "dict");
  if (!sequence || nargs - keyword_count(kwnames) > 3)
    return raisef(t, exc(E_TypeError), "%s() takes at least 1 argument (0 given)", full.c_str());
  if (dict == none()) dict = {};
  if (dict && !dict_check(dict))
    return raisef(t, exc(E_TypeError), "%s() takes a dict as second arg, if any", full.c_str());
  Value items = tuple_of(t, sequence);
  if (!items) {
    if (matches(t, exc(E_TypeError))) {
      clear_pending(t);
      raise(t, exc(E_TypeError), "constructor requires a sequence");
    }
    return {};
  }
  std::int64_t len = tuple_length(items);
  std::int64_t min = type_count(t, cls, "n_sequence_fields"), max = type_count(t, cls, "n_fields");
  if (len < min || len > max) {
    const char* bound = min == max ? "a" : len < min ? "an at least" : "an at most";
    return raisef(t, exc(E_TypeError), "%s() takes %s %lld-sequence (%lld-sequence given)",
                  full.c_str(), bound, static_cast<long long>(len < min ? min : max),
                  static_cast<long long>(len));
  }
  Value names = type_lookup(cls, intern_literal(t, "_struct_fields"));
  Value all[16];
  for (std::int64_t i = 0; i < max && i < 16; ++i) {
    all[i] = i < len ? tuple_item(items, i) : Value();
    if (!all[i] && dict && names) {
      bool error = false;
      all[i] = dict_get(t, dict, tuple_item(names, i), error);
      if (error) return {};
    }
    if (!all[i]) all[i] = none();
  }
  return new_struct_sequence(t, cls, all, std::size_t(max), std::size_t(min));
}

} // namespace

Value new_struct_sequence_type(Thread& t, const char* type_name_text, const char* module_name,
                               const char* const* fields, std::size_t n, std::size_t visible) {
  if (visible > n) visible = n;
  Value type = new_type(t, type_name_text, module_name, Layout::Tuple, type_value(T_tuple), false);
  if (!type) return {};
  Value all = tuple_new(t, n);
  if (!all) return {};
  for (std::size_t i = 0; i < n && i < kFieldGetters.size(); ++i) {
    tuple_init(all, i, intern_literal(t, fields[i]));
    add_getter(t, type, fields[i], kFieldGetters[i]);
  }
  Value names = tuple_new(t, visible);
  if (!names) return {};
  for (std::size_t i = 0; i < visible; ++i)
    tuple_init(names, i, tuple_item(all, std::int64_t(i)));
  add_attribute(t, type, "__match_args__", names);
  add_attribute(t, type, "_struct_fields", all);
  add_attribute(t, type, "n_fields", Value::small_int(std::int64_t(n)));
  add_attribute(t, type, "n_sequence_fields", Value::small_int(std::int64_t(visible)));
  add_attribute(t, type, "n_unnamed_fields", Value::small_int(0));
  add_method(t, type, "__repr__", struct_sequence_repr);
  add_method(t, type, "__reduce__", struct_sequence_reduce);
  add_staticmethod(t, type, "__new__", struct_sequence_new);
  update_type_flags(type);
  return type;
}

INTERP_NATIVE(refused_new) {
  const TypeObject* type = rd<TypeObject>(args[0]);
  return raisef(t, exc(E_TypeError), "cannot create '%s.%s' instances",
                str_utf8(type->module).c_str(), str_utf8(type->name).c_str());
}

void refuse_instances(Thread& t, Value type) {
  add_staticmethod(t, type, "__new__", refused_new);
  update_type_flags(type);
}

Value new_struct_sequence(Thread& t, Value type, const Value* items, std::size_t n,
                          std::size_t visible) {
  if (visible > n) visible = n;
  // The hidden fields live after the items: the collector traces the whole object.
  Value v = allocate(t, Layout::Tuple, type, sizeof(TupleObject) + n * sizeof(Value));
  if (!v) return {};
  TupleObject* o = fresh<TupleObject>(v);
  o->length = std::int64_t(visible);
  o->hash = -1;
  for (std::size_t i = 0; i < n; ++i)
    o->items[i] = items[i];
  return v;
}

// v.__fspath__ bound, or 0.
Value fspath_method(Thread& t, Value v) {
  Value f = type_lookup(type_of(v), intern_literal(t, "__fspath__"));
  return f ? method_new(t, f, v) : Value();
}

// A path argument: str, bytes or os.PathLike; `as_bytes` says whether results should be bytes.
bool path_arg(Thread& t, Value v, std::string& out, bool* as_bytes) {
  if (!str_check(v) && !isinstance(v, T_bytes)) {
    Value f = fspath_method(t, v);
    if (!f) {
      if (!t.pending)
        raisef(t, exc(E_TypeError), "expected str, bytes or os.PathLike object, not %s",
               type_name_of(v).c_str());
      return false;
    }
    v = call0(t, f);
    if (!v) return false;
  }
  if (str_check(v)) {
    if (!str_to_os_bytes(t, v, out)) return false;
    if (as_bytes) *as_bytes = false;
  } else if (isinstance(v, T_bytes)) {
    out = std::string(bytes_view(v));
    if (as_bytes) *as_bytes = true;
  } else {
    raisef(t, exc(E_TypeError), "expected str, bytes or os.PathLike object, not %s",
           type_name_of(v).c_str());
    return false;
  }
  if (out.find('\0') != std::string::npos) {
    raise(t, exc(E_ValueError), "embedded null byte");
    return false;
  }
  return true;
}

// A lone exception (no cause, no context, no notes): its message line is the report's
// last line, where 3.11 puts a "Did you mean" suggestion.
static bool lone_exception(Value e) {
  const ExceptionObject* o = rd<ExceptionObject>(e);
  auto unset = [](Value v) { return !v || v == none(); };
  bool context_shown = !unset(o->context) && o->suppress_context != runtime().true_;
  bool no_notes = unset(o->notes) || (is_exact(o->notes, T_list) && list_length(o->notes) == 0);
  return unset(o->cause) && !context_shown && no_notes;
}

// sys.tracebacklimit as the traceback module's `limit`: CPython's printer keeps the
// innermost N entries (the module's negative limit) and none at all for N <= 0. 0 when
// the attribute is unset or not an int.
Value printer_limit(Thread& t) {
  Value limit = getattr_opt(t, runtime().sys_module, intern_literal(t, "tracebacklimit"));
  if (!limit || !int_check(limit)) return {};
  std::int64_t n = 0;
  if (!index_to_i64(t, limit, n, true)) return {};
  return int_from_i64(t, n <= 0 ? 0 : -n);
}

void format_exception_report(Thread& t, Value exception, std::string& out) {
  // The traceback module formats as CPython's own printer does, the marks under the
  // failing part of each line included, from the code objects' positions; but 3.11's
  // module makes no "Did you mean" suggestion, which is added here to a lone exception's
  // message line; a chain with one goes to vm::format_exception. The busy flag keeps a
  // failure inside the module (or a hook it triggers) from coming back here.
  static thread_local bool busy = false;
  bool usable = !busy && exception_check(exception);
  std::string suffix;
  if (usable && vm::chain_has_suggestion(t, exception)) {
    usable = lone_exception(exception);
    if (usable) suffix = vm::suggestion_suffix(t, exception);
    usable = usable && !suffix.empty();
  }
  // A lone SyntaxError: the module's frames, then the located report as 3.11's C printer
  // (not the module) writes it.
  bool syntax =
      usable && is_subtype(type_of(exception), exc(E_SyntaxError)) && lone_exception(exception);
  if (usable) {
    struct Busy {
      Busy() { busy = true; }
      ~Busy() { busy = false; }
    } guard;
    Value saved = t.pending;
    t.pending = {};
    Value tb = rd<ExceptionObject>(exception)->traceback;
    bool frames = tb && tb != none();
    Value format = module_attr(t, "traceback", syntax ? "format_tb" : "format_exception");
    Value subject = syntax ? tb : exception;
    Value lines;
    if (syntax && !frames) {
      lines = list_new(t);
    } else if (Value limit = format ? printer_limit(t) : Value()) {
      Value call_args[2] = {subject, limit};
      Value keyword = intern_literal(t, "limit");
      Value kwnames = keyword ? tuple_from(t, &keyword, 1) : Value();
      lines = kwnames ? call(t, format, call_args, 2, kwnames) : Value();
    } else if (format && !t.pending) {
      lines = call1(t, format, subject);
    }
    bool ok = lines && is_exact(lines, T_list);
    std::string text;
    for (std::int64_t i = 0; ok && i < list_length(lines); ++i) {
      Value line = list_item(lines, i);
      ok = str_check(line);
      if (ok) text += str_utf8(line);
    }
    if (!ok) clear_pending(t);
    t.pending = saved;
    if (ok && !suffix.empty() && !text.empty() && text.back() == '\n')
      text.insert(text.size() - 1, suffix);
    if (ok && syntax) {
      if (!text.empty()) text.insert(0, "Traceback (most recent call last):\n");
      vm::format_syntax_error(t, exception, text);
    }
    if (ok) {
      out += text;
      return;
    }
  }
  vm::format_exception(t, exception, out);
}

bool write_exception_report(Thread& t, Value exception, Value file) {
  std::string text;
  format_exception_report(t, exception, text);
  Value s = str_from_utf8(t, text);
  return s && call_method(t, file, N_write, &s, 1) && call_method(t, file, N_flush, nullptr, 0);
}

void finish_owning_type(Value type) {
  update_type_flags(type);
  wr<TypeObject>(type)->flags |= kHasDel;
}

} // namespace interp
