// interp/code_marshal.cc - see code_marshal.h.
#include "interp/code_marshal.h"

#include "interp/compile/code_serial.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

namespace interp {

namespace {

using bytecode::CodeUnit;
using bytecode::Constant;

// As marshal, nesting deeper than this is refused rather than overflowing the C++ stack.
constexpr int kMaxDepth = 2000;

bool unit_of(Thread& t, Value code, int depth, std::shared_ptr<const CodeUnit>& out);

bool constant_of(Thread& t, Value v, int depth, Constant& out) {
  if (depth > kMaxDepth) {
    raise(t, exc(E_ValueError), "object too deeply nested to marshal");
    return false;
  }
  if (v == none()) {
    out = ast::NoneValue{};
  } else if (v == runtime().ellipsis) {
    out = ast::EllipsisValue{};
  } else if (v == runtime().true_ || v == runtime().false_) {
    out = v == runtime().true_;
  } else if (v.is_small_int() || is_exact(v, T_int)) {
    out = ast::IntLiteral{int_to_decimal(v)};
  } else if (v.is_tagged_float() || is_exact(v, T_float)) {
    out = float_value(v);
  } else if (is_exact(v, T_complex)) {
    out = bytecode::ComplexValue{ro<ComplexObject>(v)->real, ro<ComplexObject>(v)->imag};
  } else if (is_exact(v, T_str)) {
    out = str_code_points(v);
  } else if (is_exact(v, T_bytes)) {
    out = ast::BytesValue{std::string(bytes_view(v))};
  } else if (is_exact(v, T_tuple) || is_exact(v, T_frozenset)) {
    bool tuple = is_exact(v, T_tuple);
    Value items = tuple ? v : list_of(t, v);
    if (!items) return false;
    std::int64_t n = tuple ? tuple_length(items) : list_length(items);
    std::vector<Constant> converted(std::size_t(n), Constant{});
    for (std::int64_t i = 0; i < n; ++i)
      if (!constant_of(t, tuple ? tuple_item(items, i) : list_item(items, i), depth + 1,
                       converted[std::size_t(i)]))
        return false;
    if (tuple)
      out =
          std::make_shared<const bytecode::ConstTuple>(bytecode::ConstTuple{std::move(converted)});
    else
      out = std::make_shared<const bytecode::ConstFrozenSet>(
          bytecode::ConstFrozenSet{std::move(converted)});
  } else if (v.is_object() && is_layout(v, Layout::Code)) {
    std::shared_ptr<const CodeUnit> unit;
    if (!unit_of(t, v, depth + 1, unit)) return false;
    out = std::move(unit);
  } else {
    raise(t, exc(E_ValueError), "unmarshallable object");
    return false;
  }
  return true;
}

void names_of(Value tuple, std::vector<std::string>& out) {
  for (std::int64_t i = 0; i < tuple_length(tuple) && std::size_t(i) < out.size(); ++i)
    if (str_check(tuple_item(tuple, i))) out[std::size_t(i)] = str_utf8(tuple_item(tuple, i));
}

// A copy of the code's unit with the heap's constants, names and texts.
bool unit_of(Thread& t, Value code, int depth, std::shared_ptr<const CodeUnit>& out) {
  auto unit = std::make_shared<CodeUnit>(code_unit(code));
  const CodeObject* o = ro<CodeObject>(code);
  Value consts = o->consts;
  unit->consts.assign(std::size_t(tuple_length(consts)), Constant{});
  for (std::int64_t i = 0; i < tuple_length(consts); ++i)
    if (!constant_of(t, tuple_item(consts, i), depth + 1, unit->consts[std::size_t(i)]))
      return false;
  names_of(o->names, unit->names);
  names_of(o->varnames, unit->varnames);
  names_of(o->cellvars, unit->cellvars);
  names_of(o->freevars, unit->freevars);
  if (str_check(o->name)) unit->name = str_utf8(o->name);
  if (str_check(o->qualname)) unit->qualname = str_utf8(o->qualname);
  if (str_check(o->filename)) unit->filename = str_utf8(o->filename);
  out = std::move(unit);
  return true;
}

} // namespace

bool code_to_bytes(Thread& t, Value code, std::string& out) {
  std::shared_ptr<const CodeUnit> unit;
  if (!unit_of(t, code, 0, unit)) return false;
  bytecode::serialize_code(*unit, out);
  return true;
}

Value code_from_bytes(Thread& t, std::string_view data, std::size_t& pos) {
  auto result = bytecode::deserialize_code(data, pos);
  if (auto* error = std::get_if<bytecode::SerialError>(&result))
    return raise(t, exc(error->truncated ? E_EOFError : E_ValueError), error->message.c_str());
  return code_new(t, std::get<std::shared_ptr<const CodeUnit>>(std::move(result)));
}

} // namespace interp
