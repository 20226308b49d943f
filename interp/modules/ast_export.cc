// interp/modules/ast_export.cc - the parser's tree as _ast node objects (ast.parse).
//
// Every field is set on the instance, None and empty lists included, fields first and
// then the position attributes, in _fields order: the instance dicts look as CPython's
// do. Operators and expression contexts are one shared instance per class and tree, as
// CPython shares them.
#include "interp/modules/ast_objects.h"

#include "interp/modules/modules.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/parse/ast_fields.h"

#include <unordered_map>
#include <vector>

namespace interp {

namespace {

using namespace ast;

class Exporter {
public:
  Exporter(Thread& t, Value module, Value keep) : t_(t), module_(module), keep_(keep) {}

  Value result() const { return failed_ ? Value{} : result_; }

  void begin(const char* class_name) {
    Value cls = failed_ ? Value{} : class_value(class_name);
    Value obj = cls ? object_new_instance(t_, cls) : Value{};
    if (!obj || !list_append(t_, keep_, obj)) {
      failed_ = true;
      open_.push_back({});
      return;
    }
    open_.push_back(obj);
  }
  void end(const Node* n) {
    if (n) {
      set("lineno", Value::small_int(n->pos.lineno));
      set("col_offset", Value::small_int(n->pos.col_offset));
      set("end_lineno", Value::small_int(n->pos.end_lineno));
      set("end_col_offset", Value::small_int(n->pos.end_col_offset));
    }
    result_ = open_.back();
    open_.pop_back();
  }
  template <class T> void node(const char* k, const T* n) { set(k, child(n)); }
  template <class T> void opt(const char* k, const T* n) { set(k, child(n)); }
  template <class T> void list(const char* k, const List<T>& items, bool) {
    Value l = failed_ ? Value{} : list_new(t_);
    for (const T* item : items)
      if (l && !list_append(t_, l, child(item))) l = {};
    set(k, l);
  }
  void ident(const char* k, const std::string& s) { set(k, str_from_utf8(t_, s)); }
  void opt_ident(const char* k, const std::string& s) {
    set(k, s.empty() ? none() : str_from_utf8(t_, s));
  }
  void idents(const char* k, const std::vector<std::string>& names) {
    Value l = list_new(t_);
    for (const std::string& s : names)
      if (l && !list_append(t_, l, str_from_utf8(t_, s))) l = {};
    set(k, l);
  }
  void integer(const char* k, int i) { set(k, Value::small_int(i)); }
  void flag(const char* k, bool b) { set(k, Value::small_int(b ? 1 : 0)); }
  template <class E, std::size_t N>
  void choice(const char* k, E value, const char* const (&names)[N], const char*) {
    set(k, singleton(names[static_cast<int>(value)]));
  }
  template <class E, std::size_t N>
  void choices(const char* k, const std::vector<E>& values, const char* const (&names)[N],
               const char*) {
    Value l = list_new(t_);
    for (E value : values)
      if (l && !list_append(t_, l, singleton(names[static_cast<int>(value)]))) l = {};
    set(k, l);
  }
  void constant(const char* k, const ConstantValue& value) { set(k, constant_object(value)); }
  void absent(const char* k, bool is_list) { set(k, is_list ? list_new(t_) : none()); }

private:
  template <class T> Value child(const T* n) {
    if (!n) return none();
    if (failed_) return {};
    walk(*this, n);
    return result_;
  }

  void set(const char* k, Value v) {
    if (failed_ || !v || !setattr(t_, open_.back(), key(k), v)) failed_ = true;
  }

  // Field names, classes and singletons by the address of their name: the schema's
  // names are string literals, so each is looked up once per tree.
  Value key(const char* k) {
    Value& s = keys_[k];
    if (!s) {
      s = intern_literal(t_, k);
      if (!s || !list_append(t_, keep_, s)) return s = {};
    }
    return s;
  }
  Value class_value(const char* name) {
    Value& cls = classes_[name];
    if (!cls) {
      cls = getattr(t_, module_, key(name));
      if (cls && !is_layout(cls, Layout::Type)) cls = {};
    }
    return cls;
  }
  Value singleton(const char* name) {
    Value& obj = singletons_[name];
    if (!obj && !failed_) {
      Value cls = class_value(name);
      obj = cls ? object_new_instance(t_, cls) : Value{};
      if (!obj || !list_append(t_, keep_, obj)) return obj = {};
    }
    return obj;
  }

  Value collection_object(const ConstantCollection& c) {
    Value items = list_new(t_);
    if (!items) return {};
    for (const ConstantValue& item : c.items) {
      Value v = constant_object(item);
      if (!v || !list_append(t_, items, v)) return {};
    }
    if (!c.frozenset) return list_to_tuple(t_, items);
    Value set = set_new(t_, true);
    for (std::int64_t i = 0; set && i < list_length(items); i++)
      if (!set_add(t_, set, list_item(items, i))) return {};
    return set;
  }

  Value constant_object(const ConstantValue& value) {
    return std::visit(
        [&](const auto& v) -> Value {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, NoneValue>)
            return none();
          else if constexpr (std::is_same_v<T, EllipsisValue>)
            return runtime().ellipsis;
          else if constexpr (std::is_same_v<T, bool>)
            return py_bool(v);
          else if constexpr (std::is_same_v<T, IntLiteral>)
            return int_from_text(t_, v.text, 0);
          else if constexpr (std::is_same_v<T, double>)
            return float_new(t_, v);
          else if constexpr (std::is_same_v<T, ImaginaryLiteral>)
            return complex_new(t_, 0.0, v.imag);
          else if constexpr (std::is_same_v<T, std::u32string>)
            return str_from_code_points(t_, v);
          else if constexpr (std::is_same_v<T, BytesValue>)
            return bytes_new(t_, v.bytes);
          else
            return collection_object(*v);
        },
        value);
  }

  Thread& t_;
  Value module_;
  // A list holding every object made so far: the nodes still open are reachable from
  // nothing else until their parent takes them.
  Value keep_;
  Value result_;
  bool failed_ = false;
  std::vector<Value> open_;
  std::unordered_map<const char*, Value> keys_, classes_, singletons_;
};

} // namespace

Value ast_to_objects(Thread& t, const ast::Module& module) {
  Value ast_module = import_module(t, "_ast");
  if (!ast_module) return {};
  Value keep = list_new(t);
  if (!keep) return {};
  Exporter exporter(t, ast_module, keep);
  walk(exporter, &module);
  return exporter.result();
}

} // namespace interp
