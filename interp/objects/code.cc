// interp/objects/code.cc - code objects: the heap face of a compiled CodeUnit.
//
// The CodeUnit itself (instructions, line table, exception table) is immutable C++
// memory kept in a runtime table that only grows; the heap object names it by index and
// holds its constants and names as heap values, made once when the code object is made.
#include "interp/compile/code_unit.h"
#include "interp/compile/cpython_view.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include <tbb/concurrent_vector.h>

#include <algorithm>
#include <unordered_map>

namespace interp {

namespace {

tbb::concurrent_vector<std::shared_ptr<const bytecode::CodeUnit>>& code_table() {
  static auto* table = new tbb::concurrent_vector<std::shared_ptr<const bytecode::CodeUnit>>();
  return *table;
}

Value constant_value(Thread& t, const bytecode::Constant& c);
Value pooled_name(Thread& t, const std::string& text);

Value constant_items(Thread& t, const std::vector<bytecode::Constant>& items) {
  Value tuple = tuple_new(t, items.size());
  if (!tuple) return {};
  for (std::size_t i = 0; i < items.size(); ++i) {
    Value v = constant_value(t, items[i]);
    if (!v) return {};
    tuple_init(tuple, i, v);
  }
  return tuple;
}

Value constant_value(Thread& t, const bytecode::Constant& c) {
  return std::visit(
      [&](const auto& v) -> Value {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, ast::NoneValue>)
          return none();
        else if constexpr (std::is_same_v<T, ast::EllipsisValue>)
          return runtime().ellipsis;
        else if constexpr (std::is_same_v<T, bool>)
          return py_bool(v);
        else if constexpr (std::is_same_v<T, ast::IntLiteral>)
          return int_from_text(t, v.text, 0);
        else if constexpr (std::is_same_v<T, double>)
          return float_new(t, v);
        else if constexpr (std::is_same_v<T, bytecode::ComplexValue>) {
          Value c = allocate(t, Layout::Complex, type_value(T_complex), sizeof(ComplexObject));
          if (c) {
            fresh<ComplexObject>(c)->real = v.real;
            fresh<ComplexObject>(c)->imag = v.imag;
          }
          return c;
        } else if constexpr (std::is_same_v<T, std::u32string>) {
          if (v.size() <= 40 && std::all_of(v.begin(), v.end(), [](char32_t c) { return c < 128; }))
            return pooled_name(t, std::string(v.begin(), v.end()));
          Value s = str_from_code_points(t, v);
          if (s) str_hash(s);
          return s;
        } else if constexpr (std::is_same_v<T, ast::BytesValue>)
          return bytes_new(t, v.bytes);
        else if constexpr (std::is_same_v<T, std::shared_ptr<const bytecode::ConstTuple>>)
          return constant_items(t, v->items);
        else if constexpr (std::is_same_v<T, std::shared_ptr<const bytecode::ConstFrozenSet>>) {
          Value s = set_new(t, true);
          if (!s) return {};
          for (const auto& item : v->items) {
            Value x = constant_value(t, item);
            if (!x || !set_add(t, s, x)) return {};
          }
          return s;
        } else {
          return code_new(t, v);
        }
      },
      c);
}

// While the code objects of one compilation are made, equal names (and short ASCII
// string constants) become one str object: `self.x = v` in one function and `self.x` in
// another then use the same key, and the instance dict finds it by identity instead of
// comparing text. The map lives only during the outermost code_new; each str it holds is
// also in a tuple that a C++ local reaches, which keeps it alive for the collector.
thread_local std::unordered_map<std::string, Value>* name_pool = nullptr;

struct NamePoolScope {
  std::unordered_map<std::string, Value> pool;
  bool outermost = name_pool == nullptr;
  NamePoolScope() {
    if (outermost) name_pool = &pool;
  }
  ~NamePoolScope() {
    if (outermost) name_pool = nullptr;
  }
};

Value pooled_name(Thread& t, const std::string& text) {
  if (name_pool)
    if (auto found = name_pool->find(text); found != name_pool->end()) return found->second;
  Value s = str_from_utf8(t, text); // not text.c_str(): a constant may hold a NUL
  if (!s) return {};
  str_hash(s);
  if (name_pool) name_pool->emplace(text, s);
  return s;
}

Value name_tuple(Thread& t, const std::vector<std::string>& names) {
  Value tuple = tuple_new(t, names.size());
  if (!tuple) return {};
  for (std::size_t i = 0; i < names.size(); ++i) {
    Value s = pooled_name(t, names[i]);
    if (!s) return {};
    tuple_init(tuple, i, s);
  }
  return tuple;
}

} // namespace

Value code_new(Thread& t, std::shared_ptr<const bytecode::CodeUnit> unit) {
  NamePoolScope names_of_this_compilation;
  auto& table = code_table();
  std::int64_t index = std::int64_t(table.push_back(unit) - table.begin());
  Value code = allocate(t, Layout::Code, type_value(T_code), sizeof(CodeObject));
  if (!code) return {};
  fresh<CodeObject>(code)->unit = index;
  fresh<CodeObject>(code)->unit_address = reinterpret_cast<std::uintptr_t>(unit.get()) | 1;
  Value consts = constant_items(t, unit->consts);
  if (!consts) return {};
  fresh<CodeObject>(code)->consts = consts;
  Value v;
  if (!(v = name_tuple(t, unit->names))) return {};
  fresh<CodeObject>(code)->names = v;
  if (!(v = name_tuple(t, unit->varnames))) return {};
  fresh<CodeObject>(code)->varnames = v;
  if (!(v = name_tuple(t, unit->cellvars))) return {};
  fresh<CodeObject>(code)->cellvars = v;
  if (!(v = name_tuple(t, unit->freevars))) return {};
  fresh<CodeObject>(code)->freevars = v;
  if (!(v = str_from_utf8(t, unit->name))) return {};
  fresh<CodeObject>(code)->name = v;
  if (!(v = str_from_utf8(t, unit->qualname))) return {};
  fresh<CodeObject>(code)->qualname = v;
  if (!(v = str_from_utf8(t, unit->filename))) return {};
  fresh<CodeObject>(code)->filename = v;
  return code;
}

namespace {

// co_positions() and co_lines() count offsets in CPython's two-byte units, as co_code,
// tb_lasti and f_lasti do (cpython_view.h), so traceback's `lasti // 2` and dis find each
// instruction: every unit of an instruction (its EXTENDED_ARGs and CACHEs too) has its
// location.
Value position_or_none(int value, int unknown_below) {
  return value < unknown_below ? none() : Value::small_int(value);
}

INTERP_NATIVE(code_positions) {
  if (!check_positional(t, "co_positions", nargs, kwnames, 0, 0, 1)) return {};
  const bytecode::CodeUnit& unit = code_unit(args[0]);
  bytecode::CPythonView view = bytecode::cpython_view(unit, false);
  Value list = list_new(t);
  if (!list) return {};
  for (std::size_t i = 0; i < unit.locations.size() && i < unit.code.size(); ++i) {
    const bytecode::Location& at = unit.locations[i];
    Value items[4] = {position_or_none(at.line, 1), position_or_none(at.end_line, 1),
                      position_or_none(at.col, 0), position_or_none(at.end_col, 0)};
    Value entry = tuple_from(t, items, 4);
    if (!entry) return {};
    for (std::uint32_t u = view.start[i]; u < view.start[i + 1]; ++u)
      if (!list_append(t, list, entry)) return {};
  }
  return iter(t, list);
}

INTERP_NATIVE(code_lines) {
  if (!check_positional(t, "co_lines", nargs, kwnames, 0, 0, 1)) return {};
  const bytecode::CodeUnit& unit = code_unit(args[0]);
  bytecode::CPythonView view = bytecode::cpython_view(unit, false);
  Value list = list_new(t);
  if (!list) return {};
  const std::vector<bytecode::Location>& locations = unit.locations;
  std::size_t n = std::min(locations.size(), unit.code.size());
  for (std::size_t start = 0, end; start < n; start = end) {
    int line = locations[start].line;
    for (end = start + 1; end < n && locations[end].line == line; ++end) {
    }
    Value items[3] = {Value::small_int(std::int64_t(view.start[start]) * 2),
                      Value::small_int(std::int64_t(view.start[end]) * 2),
                      position_or_none(line, 1)};
    Value entry = tuple_from(t, items, 3);
    if (!entry || !list_append(t, list, entry)) return {};
  }
  return iter(t, list);
}

// code._varname_from_oparg(i): the name `dis` shows for a local or cell argument in co_code.
INTERP_NATIVE(code_varname_from_oparg) {
  if (!check_positional(t, "_varname_from_oparg", nargs, kwnames, 1, 1)) return {};
  std::int64_t i;
  if (!index_to_i64(t, args[1], i)) return {};
  std::vector<std::string> names = bytecode::localsplus_names(code_unit(args[0]));
  if (i < 0 || i >= std::int64_t(names.size()))
    return raise(t, exc(E_IndexError), "tuple index out of range");
  return str_from_utf8(t, names[std::size_t(i)]);
}

INTERP_NATIVE(code_repr) {
  const bytecode::CodeUnit& u = code_unit(args[0]);
  return str_from_utf8(t, "<code object " + u.name + " at 0x" + std::to_string(args[0].offset()) +
                              ", file \"" + u.filename + "\", line " +
                              std::to_string(u.firstlineno) + ">");
}

// The names of a tuple of str as UTF-8, for the CodeUnit; false with TypeError otherwise.
bool names_of(Thread& t, Value v, const char* field, std::vector<std::string>& out) {
  if (!is_exact(v, T_tuple))
    return raisef(t, exc(E_TypeError), "replace() argument '%s' must be tuple, not %s", field,
                  type_name_of(v).c_str()),
           false;
  out.clear();
  for (std::int64_t i = 0; i < tuple_length(v); ++i) {
    Value item = tuple_item(v, i);
    if (!str_check(item))
      return raise(t, exc(E_TypeError),
                   "name tuples must contain only strings, not '" + type_name_of(item) + "'"),
             false;
    out.push_back(str_utf8(item));
  }
  return true;
}

// code.replace(**changes): a new code object over a copy of the CodeUnit with the given
// co_* fields changed. The instructions and the tables that index them cannot change here
// (the VM runs the compiled units): a different co_code is refused, and co_linetable and
// co_exceptiontable are accepted and ignored; names may be renamed but not added.
INTERP_NATIVE(code_replace) {
  static const char* const kAllowed[] = {
      "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",  "co_stacksize",
      "co_flags",    "co_firstlineno",     "co_code",           "co_consts",   "co_names",
      "co_varnames", "co_freevars",        "co_cellvars",       "co_filename", "co_name",
      "co_qualname", "co_linetable",       "co_exceptiontable", nullptr};
  for (std::size_t k = 0; k < keyword_count(kwnames); ++k) {
    Value key = tuple_item(kwnames, std::int64_t(k));
    bool known = false;
    for (const char* const* a = kAllowed; *a && !known; ++a)
      known = str_equal_ascii(key, *a);
    if (!known)
      return raisef(t, exc(E_TypeError), "'%s' is an invalid keyword argument for replace()",
                    str_utf8(key).c_str());
  }
  if (nargs - keyword_count(kwnames) > 1)
    return raise(t, exc(E_TypeError), "replace() takes no positional arguments");
  Value self = args[0];
  auto unit = std::make_shared<bytecode::CodeUnit>(code_unit(self));
  Value fields[5] = {ro<CodeObject>(self)->consts, ro<CodeObject>(self)->names,
                     ro<CodeObject>(self)->varnames, ro<CodeObject>(self)->cellvars,
                     ro<CodeObject>(self)->freevars};
  Value texts[3] = {ro<CodeObject>(self)->name, ro<CodeObject>(self)->qualname,
                    ro<CodeObject>(self)->filename};
  for (std::int64_t k = 0; k < std::int64_t(keyword_count(kwnames)); ++k) {
    std::string key = str_utf8(tuple_item(kwnames, k));
    Value v = args[nargs - keyword_count(kwnames) + std::size_t(k)];
    std::uint32_t* number = key == "co_argcount"          ? &unit->argcount
                            : key == "co_posonlyargcount" ? &unit->posonlyargcount
                            : key == "co_kwonlyargcount"  ? &unit->kwonlyargcount
                            : key == "co_stacksize"       ? &unit->stacksize
                            : key == "co_flags"           ? &unit->flags
                                                          : nullptr;
    if (number || key == "co_firstlineno" || key == "co_nlocals") {
      std::int64_t n;
      if (!index_to_i64(t, v, n)) return {};
      if (n < INT32_MIN || n > INT32_MAX)
        return raise(t, exc(E_OverflowError), "Python int too large to convert to C int");
      if (number && n < 0)
        return raise(t, exc(E_ValueError), "code: argument counts must not be negative");
      if (number) *number = std::uint32_t(n);
      if (key == "co_firstlineno") unit->firstlineno = int(n);
      if (key == "co_nlocals" && n != std::int64_t(unit->varnames.size()))
        return raise(t, exc(E_ValueError), "code: co_nlocals != len(co_varnames)");
    } else if (key == "co_name" || key == "co_qualname" || key == "co_filename") {
      if (!str_check(v))
        return raisef(t, exc(E_TypeError), "replace() argument '%s' must be str, not %s",
                      key.c_str(), type_name_of(v).c_str());
      int which = key == "co_name" ? 0 : key == "co_qualname" ? 1 : 2;
      texts[which] = v;
      (which == 0 ? unit->name : which == 1 ? unit->qualname : unit->filename) = str_utf8(v);
    } else if (key == "co_consts") {
      if (!is_exact(v, T_tuple))
        return raisef(t, exc(E_TypeError), "replace() argument 'co_consts' must be tuple, not %s",
                      type_name_of(v).c_str());
      if (tuple_length(v) < tuple_length(fields[0]))
        return raise(t, exc(E_ValueError), "code.replace(): co_consts cannot lose items here");
      fields[0] = v;
    } else if (key == "co_names" || key == "co_varnames" || key == "co_cellvars" ||
               key == "co_freevars") {
      int which = key == "co_names" ? 1 : key == "co_varnames" ? 2 : key == "co_cellvars" ? 3 : 4;
      std::vector<std::string>& target = which == 1   ? unit->names
                                         : which == 2 ? unit->varnames
                                         : which == 3 ? unit->cellvars
                                                      : unit->freevars;
      std::size_t before = target.size();
      if (!names_of(t, v, key.c_str(), target)) return {};
      if (target.size() != before)
        return raisef(t, exc(E_ValueError), "code.replace(): the length of %s cannot change",
                      key.c_str());
      fields[which] = v;
    } else if (key == "co_code") {
      const bytecode::CodeUnit& u = code_unit(self);
      if (!is_exact(v, T_bytes))
        return raisef(t, exc(E_TypeError), "replace() argument 'co_code' must be bytes, not %s",
                      type_name_of(v).c_str());
      if (bytes_view(v) != bytecode::cpython_view(u).code)
        return raise(t, exc(E_ValueError), "code.replace(): co_code cannot change here");
    } else if (!is_exact(v, T_bytes)) { // co_linetable, co_exceptiontable
      return raisef(t, exc(E_TypeError), "replace() argument '%s' must be bytes, not %s",
                    key.c_str(), type_name_of(v).c_str());
    }
  }
  Value code = code_new(t, std::move(unit));
  if (!code) return {};
  CodeObject* o = fresh<CodeObject>(code);
  o->consts = fields[0];
  o->names = fields[1];
  o->varnames = fields[2];
  o->cellvars = fields[3];
  o->freevars = fields[4];
  o->name = texts[0];
  o->qualname = texts[1];
  o->filename = texts[2];
  return code;
}

} // namespace

std::int64_t code_cpython_offset(Value code, std::int64_t instruction) {
  const bytecode::CodeUnit& unit = code_unit(code);
  if (instruction < 0 || std::size_t(instruction) >= unit.code.size()) return instruction * 2;
  return std::int64_t(bytecode::cpython_view(unit, false).opcode[std::size_t(instruction)]) * 2;
}

// co_code (and _co_code_adaptive, the same here: the VM does not rewrite it).
static Value code_bytes(Thread& t, const Value* args, std::size_t, Value) {
  return bytes_new(t, bytecode::cpython_view(code_unit(args[0])).code);
}

void init_code_type(Thread& t) {
  add_method(t, type_value(T_code), "__repr__", code_repr);
  add_method(t, type_value(T_code), "replace", code_replace);
  add_method(t, type_value(T_code), "co_positions", code_positions);
  add_method(t, type_value(T_code), "co_lines", code_lines);
  add_method(t, type_value(T_code), "_varname_from_oparg", code_varname_from_oparg);
  struct Getter {
    const char* name;
    NativeFn fn;
  };
#define CODE_FIELD(field)                                                                          \
  [](Thread&, const Value* a, std::size_t, Value) { return ro<CodeObject>(a[0])->field; }
#define UNIT_INT(field)                                                                            \
  [](Thread&, const Value* a, std::size_t, Value) {                                                \
    return Value::small_int(std::int64_t(code_unit(a[0]).field));                                  \
  }
  const Getter getters[] = {
      {"co_name", CODE_FIELD(name)},
      {"co_qualname", CODE_FIELD(qualname)},
      {"co_filename", CODE_FIELD(filename)},
      {"co_consts", CODE_FIELD(consts)},
      {"co_names", CODE_FIELD(names)},
      {"co_varnames", CODE_FIELD(varnames)},
      {"co_cellvars", CODE_FIELD(cellvars)},
      {"co_freevars", CODE_FIELD(freevars)},
      {"co_argcount", UNIT_INT(argcount)},
      {"co_posonlyargcount", UNIT_INT(posonlyargcount)},
      {"co_kwonlyargcount", UNIT_INT(kwonlyargcount)},
      {"co_flags", UNIT_INT(flags)},
      {"co_firstlineno", UNIT_INT(firstlineno)},
      {"co_stacksize", UNIT_INT(stacksize)},
      {"co_nlocals", UNIT_INT(varnames.size())},
      {"co_code", code_bytes},
      {"_co_code_adaptive", code_bytes},
      {"co_linetable",
       [](Thread& t, const Value* a, std::size_t, Value) {
         const bytecode::CodeUnit& u = code_unit(a[0]);
         return bytes_new(t, bytecode::location_table(u, bytecode::cpython_view(u, false)));
       }},
      {"co_exceptiontable",
       [](Thread& t, const Value* a, std::size_t, Value) {
         const bytecode::CodeUnit& u = code_unit(a[0]);
         return bytes_new(t, bytecode::exception_table(u, bytecode::cpython_view(u, false)));
       }},
      {"co_lnotab",
       [](Thread& t, const Value* a, std::size_t, Value) {
         const bytecode::CodeUnit& u = code_unit(a[0]);
         return bytes_new(t, bytecode::line_number_table(u, bytecode::cpython_view(u, false)));
       }},
  };
#undef CODE_FIELD
#undef UNIT_INT
  for (const Getter& g : getters)
    add_getter(t, type_value(T_code), g.name, g.fn);
}

} // namespace interp
