// interp/objects/code.cc - code objects: the heap face of a compiled CodeUnit.
//
// The CodeUnit itself (instructions, line table, exception table) is immutable C++
// memory kept in a runtime table that only grows; the heap object names it by index and
// holds its constants and names as heap values, made once when the code object is made.
#include "interp/compile/code_unit.h"
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
  Value s = intern_literal(t, text.c_str());
  if (s && name_pool) name_pool->emplace(text, s);
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

const bytecode::CodeUnit& code_unit(Value code) {
  return *code_table()[std::size_t(ro<CodeObject>(code)->unit)];
}

namespace {

INTERP_NATIVE(code_repr) {
  const bytecode::CodeUnit& u = code_unit(args[0]);
  return str_from_utf8(t, "<code object " + u.name + " at 0x" + std::to_string(args[0].offset()) +
                              ", file \"" + u.filename + "\", line " +
                              std::to_string(u.firstlineno) + ">");
}

} // namespace

void init_code_type(Thread& t) {
  add_method(t, type_value(T_code), "__repr__", code_repr);
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
      {"co_code",
       [](Thread& t, const Value* a, std::size_t, Value) {
         const bytecode::CodeUnit& u = code_unit(a[0]);
         return bytes_new(
             t, std::string_view(reinterpret_cast<const char*>(u.code.data()), u.code.size() * 4));
       }},
  };
#undef CODE_FIELD
#undef UNIT_INT
  for (const Getter& g : getters)
    add_getter(t, type_value(T_code), g.name, g.fn);
}

} // namespace interp
