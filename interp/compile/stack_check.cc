// interp/compile/stack_check.cc - see stack_check.h.

#include "interp/compile/stack_check.h"

#include "interp/compile/compiler_internal.h"

#include <vector>

namespace interp::compile {

namespace {

using bytecode::arg_of;
using bytecode::CodeUnit;
using bytecode::op_of;

bool ends_flow(Op op) {
  return op == Op::JUMP || op == Op::JUMP_NO_INTERRUPT || op == Op::RETURN_VALUE ||
         op == Op::RAISE_VARARGS || op == Op::RERAISE;
}

std::optional<std::string> check_one(const CodeUnit& code) {
  const std::string where = "in " + code.qualname + ": ";
  size_t n = code.code.size();
  if (n == 0) return where + "no instructions";
  if (code.locations.size() != n) return where + "locations and instructions differ in number";
  // Argument ranges.
  for (size_t i = 0; i < n; ++i) {
    Op op = op_of(code.code[i]);
    std::uint32_t arg = arg_of(code.code[i]);
    auto bad = [&](const char* what) {
      return where + "instruction " + std::to_string(i) + " (" + bytecode::op_name(op) +
             "): " + what;
    };
    if (static_cast<unsigned>(op) >= static_cast<unsigned>(Op::kCount)) return bad("bad opcode");
    switch (op) {
    case Op::LOAD_CONST:
    case Op::KW_NAMES:
      if (arg >= code.consts.size()) return bad("constant index out of range");
      break;
    case Op::LOAD_FAST:
    case Op::STORE_FAST:
    case Op::DELETE_FAST:
      if (arg >= code.varnames.size()) return bad("local index out of range");
      break;
    case Op::LOAD_DEREF:
    case Op::STORE_DEREF:
    case Op::DELETE_DEREF:
    case Op::LOAD_CLASSDEREF:
    case Op::LOAD_CLOSURE:
      if (arg >= code.cellvars.size() + code.freevars.size()) return bad("cell index out of range");
      break;
    case Op::LOAD_GLOBAL:
      if ((arg >> 1) >= code.names.size()) return bad("name index out of range");
      break;
    case Op::LOAD_NAME:
    case Op::STORE_NAME:
    case Op::DELETE_NAME:
    case Op::STORE_GLOBAL:
    case Op::DELETE_GLOBAL:
    case Op::LOAD_ATTR:
    case Op::STORE_ATTR:
    case Op::DELETE_ATTR:
    case Op::LOAD_METHOD:
    case Op::IMPORT_NAME:
    case Op::IMPORT_FROM:
      if (arg >= code.names.size()) return bad("name index out of range");
      break;
    default:
      if (is_jump_op(op_code(op)) && arg >= n) return bad("jump out of range");
      break;
    }
  }
  for (auto& e : code.exception_table)
    if (e.start >= e.end || e.end > n || e.target >= n)
      return where + "exception table entry out of range";

  std::vector<int> depth_at(n, -1);
  std::vector<size_t> work;
  auto reach = [&](size_t target, int depth, size_t from) -> std::optional<std::string> {
    if (depth < 0)
      return where + "negative stack depth reaching " + std::to_string(target) + " from " +
             std::to_string(from);
    if (depth > static_cast<int>(code.stacksize))
      return where + "stack depth " + std::to_string(depth) + " above stacksize " +
             std::to_string(code.stacksize) + " at " + std::to_string(target);
    if (depth_at[target] < 0) {
      depth_at[target] = depth;
      work.push_back(target);
    } else if (depth_at[target] != depth) {
      return where + "inconsistent stack depth at " + std::to_string(target) + ": " +
             std::to_string(depth_at[target]) + " and " + std::to_string(depth) + " (from " +
             std::to_string(from) + ")";
    }
    return std::nullopt;
  };
  if (auto err = reach(0, 0, 0)) return err;
  while (!work.empty()) {
    size_t i = work.back();
    work.pop_back();
    int depth = depth_at[i];
    Op op = op_of(code.code[i]);
    std::uint32_t arg = arg_of(code.code[i]);
    // The handler covering this instruction.
    for (auto& e : code.exception_table) {
      if (i < e.start || i >= e.end) continue;
      if (static_cast<int>(e.depth) > depth)
        return where + "handler depth " + std::to_string(e.depth) + " above the depth " +
               std::to_string(depth) + " of instruction " + std::to_string(i);
      if (auto err = reach(e.target, static_cast<int>(e.depth) + (e.push_lasti ? 1 : 0) + 1, i))
        return err;
      break;
    }
    int after = depth + stack_effect(op_code(op), arg, false);
    if (after < 0)
      return where + "stack underflow at " + std::to_string(i) + " (" + bytecode::op_name(op) + ")";
    if (after > static_cast<int>(code.stacksize))
      return where + "stack depth above stacksize after " + std::to_string(i);
    if (is_jump_op(op_code(op)))
      if (auto err = reach(arg, depth + stack_effect(op_code(op), arg, true), i)) return err;
    if (ends_flow(op)) continue;
    if (i + 1 >= n) return where + "the last instruction falls off the end";
    if (auto err = reach(i + 1, after, i)) return err;
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> check_code(const bytecode::CodeUnit& code) {
  if (auto err = check_one(code)) return err;
  for (auto& c : code.consts)
    if (auto* nested = std::get_if<std::shared_ptr<const bytecode::CodeUnit>>(&c))
      if (auto err = check_code(**nested)) return err;
  return std::nullopt;
}

} // namespace interp::compile
