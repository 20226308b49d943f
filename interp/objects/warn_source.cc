// interp/objects/warn_source.cc - a warning about an object (its `source`), as
// warnings.warn(text, category, source=obj) gives it under CPython.
//
// This interpreter runs the pure-Python warnings module, whose warn_explicit passes the
// source to WarningMessage where that expects the file to write to: the warning is then
// written to the object and lost ("'coroutine' object has no attribute 'write'"). CPython
// never takes that path (its C _warnings does the work). So the decision that warn_explicit
// makes is made here, on the warnings module's own filters, registries and hooks, and the
// message goes to warnings._showwarnmsg with its source in place: what the module prints
// then names the object (the "Enable tracemalloc" line).
#include "interp/modules/modules.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

namespace interp {

namespace {

Value attr(Thread& t, Value obj, const char* name) {
  return getattr(t, obj, intern_literal(t, name));
}

// Where the warning points: the running Python frame (the code that dropped the object),
// as warn(stacklevel=2) called from the finalizing hook finds it; sys when there is none.
bool warning_location(Thread& t, Value& globals, Value& filename, Value& lineno) {
  Value sys = runtime().sys_module;
  Value getframe = attr(t, sys, "_getframe");
  Value frame = getframe ? call0(t, getframe) : Value();
  if (!frame) {
    if (!matches(t, exc(E_ValueError))) return false;
    clear_pending(t);
    globals = attr(t, sys, "__dict__");
    filename = intern_literal(t, "sys");
    lineno = Value::small_int(1);
    return bool(globals);
  }
  globals = attr(t, frame, "f_globals");
  Value code = globals ? attr(t, frame, "f_code") : Value();
  filename = code ? attr(t, code, "co_filename") : Value();
  lineno = filename ? attr(t, frame, "f_lineno") : Value();
  return lineno && dict_check(globals);
}

// Whether `regex` (a compiled pattern or None) matches `text`: 1, 0, -1 on error.
int pattern_matches(Thread& t, Value regex, Value text) {
  if (regex == none()) return 1;
  Value match = attr(t, regex, "match");
  Value m = match ? call1(t, match, text) : Value();
  return m ? truthy(t, m) : -1;
}

// The action of the first filter that applies (`item` the filter), or
// warnings.defaultaction (`item` None); 0 on error.
Value filter_action(Thread& t, Value warnings, Value text, Value category, Value module,
                    Value lineno, Value& item) {
  item = none();
  Value filters = attr(t, warnings, "filters");
  Value items = filters ? list_of(t, filters) : Value();
  if (!items) return {};
  for (std::int64_t i = 0; i < list_length(items); ++i) {
    item = list_item(items, i);
    if (!isinstance(item, T_tuple) || tuple_length(item) != 5)
      return raise(t, exc(E_ValueError), "malformed warnings filter");
    int ok = pattern_matches(t, tuple_item(item, 1), text);
    if (ok > 0) ok = issubclass_of(t, category, tuple_item(item, 2));
    if (ok > 0) ok = pattern_matches(t, tuple_item(item, 3), module);
    if (ok > 0) {
      Value ln = tuple_item(item, 4);
      Value same = ln == Value::small_int(0) ? runtime().true_
                                             : compare(t, ln, lineno, bytecode::CompareOp::Eq);
      ok = same ? truthy(t, same) : -1;
    }
    if (ok < 0) return {};
    if (ok) return tuple_item(item, 0);
  }
  return attr(t, warnings, "defaultaction");
}

// registry[key] set: 1 when it was set already, 0 when this set it, -1 on error.
int mark_once(Thread& t, Value registry, Value key) {
  bool error = false;
  Value seen = dict_get(t, registry, key, error);
  if (error) return -1;
  int set = seen ? truthy(t, seen) : 0;
  if (set != 0) return set;
  return dict_set(t, registry, key, Value::small_int(1)) ? 0 : -1;
}

} // namespace

bool warn_with_source(Thread& t, Value category, Value text, Value source) {
  Value warnings = import_module(t, "warnings");
  Value globals, filename, lineno;
  if (!warnings || !warning_location(t, globals, filename, lineno)) return false;
  Value module = dict_get_str(globals, intern_literal(t, "__name__"));
  if (!module) module = intern_literal(t, "<string>");
  Value fresh_registry = dict_new(t);
  Value registry =
      fresh_registry
          ? dict_setdefault(t, globals, intern_literal(t, "__warningregistry__"), fresh_registry)
          : Value();
  if (!registry) return false;
  if (!dict_check(registry)) {
    raise(t, exc(E_TypeError), "'registry' must be a dict or None");
    return false;
  }
  // A registry filled under other filters is stale (warnings._filters_mutated).
  Value version = attr(t, warnings, "_filters_version");
  if (!version) return false;
  Value seen_version = dict_get_str(registry, intern_literal(t, "version"));
  Value same =
      seen_version ? compare(t, seen_version, version, bytecode::CompareOp::Eq) : runtime().false_;
  int current = same ? truthy(t, same) : -1;
  if (current < 0) return false;
  if (!current) {
    Value clear = attr(t, registry, "clear");
    if (!clear || !call0(t, clear) || !dict_set(t, registry, intern_literal(t, "version"), version))
      return false;
  }
  Value key_items[3] = {text, category, lineno};
  Value key = tuple_from(t, key_items, 3);
  if (!key) return false;
  bool error = false;
  Value already = dict_get(t, registry, key, error);
  if (error) return false;
  int shown = already ? truthy(t, already) : 0;
  if (shown != 0) return shown > 0;
  Value item;
  Value action = filter_action(t, warnings, text, category, module, lineno, item);
  if (!action) return false;
  Value message = call1(t, category, text);
  if (!message) return false;
  std::string what = str_check(action) ? str_utf8(action) : std::string();
  if (what == "ignore") return true;
  if (what == "error") {
    raise_value(t, message);
    return false;
  }
  int repeat = 0;
  if (what == "once") {
    Value once_items[2] = {text, category};
    Value once_key = tuple_from(t, once_items, 2);
    Value once = once_key ? attr(t, warnings, "onceregistry") : Value();
    if (!once || !dict_set(t, registry, key, Value::small_int(1))) return false;
    repeat = dict_check(once) ? mark_once(t, once, once_key) : 0;
  } else if (what == "module") {
    Value alt_items[3] = {text, category, Value::small_int(0)};
    Value alt = tuple_from(t, alt_items, 3);
    if (!alt || !dict_set(t, registry, key, Value::small_int(1))) return false;
    repeat = mark_once(t, registry, alt);
  } else if (what == "default") {
    if (!dict_set(t, registry, key, Value::small_int(1))) return false;
  } else if (what != "always") {
    Value filter = str(t, item);
    if (!filter) return false;
    raisef(t, exc(E_RuntimeError), "Unrecognized action (%s) in warnings.filters:\n %s",
           repr_utf8(t, action).c_str(), str_utf8(filter).c_str());
    return false;
  }
  if (repeat != 0) return repeat > 0;
  // WarningMessage(message, category, filename, lineno, file, line, source)
  Value fields[7] = {message, category, filename, lineno, none(), none(), source};
  Value make = attr(t, warnings, "WarningMessage");
  Value record = make ? call(t, make, fields, 7) : Value();
  Value show = record ? attr(t, warnings, "_showwarnmsg") : Value();
  return show && call1(t, show, record);
}

} // namespace interp
