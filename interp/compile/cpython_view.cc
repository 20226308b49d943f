// interp/compile/cpython_view.cc - the CPython 3.11 layout of a code unit (see the header).
//
// The formats are those CPython 3.11 documents for its code objects (InternalDocs'
// locations.md and exception_handling_notes, and `dis`, which reads them):
//   - co_code: two bytes per unit, opcode then argument byte; arguments above 255 take
//     EXTENDED_ARG units before the instruction, highest byte first; CACHE units (zeros)
//     follow the specialising instructions. A forward jump counts units from the end of its
//     instruction, a backward one back from there.
//   - co_linetable: one entry per run of at most 8 units with one location; the first byte
//     is 1, a 4-bit kind and the run length - 1. This file writes three kinds: 15 (no
//     location), 13 (a line and no columns: a signed line delta) and 14 (the long form:
//     line delta, end line delta, column + 1, end column + 1). Line deltas are from the
//     previous entry's line, starting at co_firstlineno; its varints are 6-bit groups, least
//     significant first, bit 6 marking that more follow; a signed one is (|n| << 1) | sign.
//   - co_exceptiontable: per handler, start, length, target (in units) and depth << 1 |
//     lasti, as varints of 6-bit groups, most significant first, bit 6 marking that more
//     follow; bit 7 marks the first byte of each handler.
#include "interp/compile/cpython_view.h"

#include <algorithm>
#include <array>

namespace interp::bytecode {

namespace {

// CPython 3.11's opcode numbers (opcode.opmap) and inline cache sizes
// (opcode._inline_cache_entries).
constexpr std::uint8_t kExtendedArg = 144;

struct CPythonOp {
  Op op;
  std::uint8_t forward;  // the opcode, or its forward form for a jump
  std::uint8_t backward; // the backward form of a jump; 0: not a relative jump
  std::uint8_t caches;
};

// JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, FOR_ITER and SEND have only forward forms in
// 3.11 (the compiler never jumps back with them).
constexpr CPythonOp kCPythonOps[] = {
    {Op::NOP, 9, 0, 0},
    {Op::POP_TOP, 1, 0, 0},
    {Op::PUSH_NULL, 2, 0, 0},
    {Op::COPY, 120, 0, 0},
    {Op::SWAP, 99, 0, 0},
    {Op::LOAD_CONST, 100, 0, 0},
    {Op::LOAD_FAST, 124, 0, 0},
    {Op::STORE_FAST, 125, 0, 0},
    {Op::DELETE_FAST, 126, 0, 0},
    {Op::LOAD_DEREF, 137, 0, 0},
    {Op::STORE_DEREF, 138, 0, 0},
    {Op::DELETE_DEREF, 139, 0, 0},
    {Op::LOAD_CLASSDEREF, 148, 0, 0},
    {Op::LOAD_CLOSURE, 136, 0, 0},
    {Op::LOAD_NAME, 101, 0, 0},
    {Op::STORE_NAME, 90, 0, 0},
    {Op::DELETE_NAME, 91, 0, 0},
    {Op::LOAD_GLOBAL, 116, 0, 5},
    {Op::STORE_GLOBAL, 97, 0, 0},
    {Op::DELETE_GLOBAL, 98, 0, 0},
    {Op::LOAD_ATTR, 106, 0, 4},
    {Op::STORE_ATTR, 95, 0, 4},
    {Op::DELETE_ATTR, 96, 0, 0},
    {Op::LOAD_METHOD, 160, 0, 10},
    {Op::LOAD_BUILD_CLASS, 71, 0, 0},
    {Op::LOAD_ASSERTION_ERROR, 74, 0, 0},
    {Op::UNARY_POSITIVE, 10, 0, 0},
    {Op::UNARY_NEGATIVE, 11, 0, 0},
    {Op::UNARY_NOT, 12, 0, 0},
    {Op::UNARY_INVERT, 15, 0, 0},
    {Op::BINARY_OP, 122, 0, 1},
    {Op::COMPARE_OP, 107, 0, 2},
    {Op::IS_OP, 117, 0, 0},
    {Op::CONTAINS_OP, 118, 0, 0},
    {Op::BINARY_SUBSCR, 25, 0, 4},
    {Op::STORE_SUBSCR, 60, 0, 1},
    {Op::DELETE_SUBSCR, 61, 0, 0},
    {Op::BUILD_SLICE, 133, 0, 0},
    {Op::BUILD_TUPLE, 102, 0, 0},
    {Op::BUILD_LIST, 103, 0, 0},
    {Op::BUILD_SET, 104, 0, 0},
    {Op::BUILD_MAP, 105, 0, 0},
    {Op::BUILD_CONST_KEY_MAP, 156, 0, 0},
    {Op::BUILD_STRING, 157, 0, 0},
    {Op::LIST_APPEND, 145, 0, 0},
    {Op::SET_ADD, 146, 0, 0},
    {Op::MAP_ADD, 147, 0, 0},
    {Op::LIST_EXTEND, 162, 0, 0},
    {Op::SET_UPDATE, 163, 0, 0},
    {Op::DICT_UPDATE, 165, 0, 0},
    {Op::DICT_MERGE, 164, 0, 0},
    {Op::LIST_TO_TUPLE, 82, 0, 0},
    {Op::FORMAT_VALUE, 155, 0, 0},
    {Op::UNPACK_SEQUENCE, 92, 0, 1},
    {Op::UNPACK_EX, 94, 0, 0},
    {Op::JUMP, 110, 140, 0},
    {Op::JUMP_NO_INTERRUPT, 110, 134, 0},
    {Op::POP_JUMP_IF_FALSE, 114, 175, 0},
    {Op::POP_JUMP_IF_TRUE, 115, 176, 0},
    {Op::POP_JUMP_IF_NONE, 129, 174, 0},
    {Op::POP_JUMP_IF_NOT_NONE, 128, 173, 0},
    {Op::JUMP_IF_FALSE_OR_POP, 111, 111, 0},
    {Op::JUMP_IF_TRUE_OR_POP, 112, 112, 0},
    {Op::FOR_ITER, 93, 93, 0},
    {Op::SEND, 123, 123, 0},
    {Op::GET_ITER, 68, 0, 0},
    {Op::GET_LEN, 30, 0, 0},
    {Op::MATCH_MAPPING, 31, 0, 0},
    {Op::MATCH_SEQUENCE, 32, 0, 0},
    {Op::MATCH_KEYS, 33, 0, 0},
    {Op::MATCH_CLASS, 152, 0, 0},
    {Op::MAKE_FUNCTION, 132, 0, 0},
    {Op::CALL, 171, 0, 4},
    {Op::KW_NAMES, 172, 0, 0},
    {Op::CALL_FUNCTION_EX, 142, 0, 0},
    {Op::RETURN_VALUE, 83, 0, 0},
    {Op::YIELD_VALUE, 86, 0, 0},
    {Op::GET_YIELD_FROM_ITER, 69, 0, 0},
    {Op::ASYNC_GEN_WRAP, 87, 0, 0},
    {Op::GET_AWAITABLE, 131, 0, 0},
    {Op::GET_AITER, 50, 0, 0},
    {Op::GET_ANEXT, 51, 0, 0},
    {Op::END_ASYNC_FOR, 54, 0, 0},
    {Op::BEFORE_WITH, 53, 0, 0},
    {Op::BEFORE_ASYNC_WITH, 52, 0, 0},
    {Op::WITH_EXCEPT_START, 49, 0, 0},
    {Op::PUSH_EXC_INFO, 35, 0, 0},
    {Op::POP_EXCEPT, 89, 0, 0},
    {Op::CHECK_EXC_MATCH, 36, 0, 0},
    {Op::CHECK_EG_MATCH, 37, 0, 0},
    {Op::PREP_RERAISE_STAR, 88, 0, 0},
    {Op::RERAISE, 119, 0, 0},
    {Op::RAISE_VARARGS, 130, 0, 0},
    {Op::IMPORT_NAME, 108, 0, 0},
    {Op::IMPORT_FROM, 109, 0, 0},
    {Op::IMPORT_STAR, 84, 0, 0},
    {Op::SETUP_ANNOTATIONS, 85, 0, 0},
    {Op::PRINT_EXPR, 70, 0, 0},
};

static_assert(std::size(kCPythonOps) == std::size_t(Op::kCount),
              "an instruction has no CPython form");

CPythonOp cpython_op(Op op) {
  static const auto by_op = [] {
    std::array<CPythonOp, std::size_t(Op::kCount)> table{};
    for (const CPythonOp& c : kCPythonOps)
      table[std::size_t(c.op)] = c;
    return table;
  }();
  return by_op[std::size_t(op)];
}

bool is_cell_op(Op op) {
  return op == Op::LOAD_DEREF || op == Op::STORE_DEREF || op == Op::DELETE_DEREF ||
         op == Op::LOAD_CLASSDEREF || op == Op::LOAD_CLOSURE;
}

// The EXTENDED_ARG units an argument needs.
std::uint32_t prefix_units(std::uint32_t arg) {
  return arg > 0xffffff ? 3 : arg > 0xffff ? 2 : arg > 0xff ? 1 : 0;
}

// Fast-locals-plus index of each cell (cellvars, then freevars).
std::vector<std::uint32_t> cell_slots(const CodeUnit& unit) {
  std::vector<std::string> names = localsplus_names(unit);
  std::vector<std::uint32_t> slots;
  auto slot_of = [&](const std::string& name, std::size_t from) {
    auto at = std::find(names.begin() + std::ptrdiff_t(from), names.end(), name);
    return std::uint32_t(at - names.begin());
  };
  for (const std::string& c : unit.cellvars)
    slots.push_back(slot_of(c, 0));
  std::size_t frees = names.size() - unit.freevars.size();
  for (std::size_t k = 0; k < unit.freevars.size(); ++k)
    slots.push_back(std::uint32_t(frees + k));
  return slots;
}

void put_lsb_varint(std::string& out, std::uint32_t v) {
  while (v >= 64) {
    out.push_back(char(0x40 | (v & 63)));
    v >>= 6;
  }
  out.push_back(char(v));
}

void put_lsb_svarint(std::string& out, int v) {
  put_lsb_varint(out, v < 0 ? (std::uint32_t(-v) << 1) | 1 : std::uint32_t(v) << 1);
}

void put_msb_varint(std::string& out, std::uint32_t v, bool first) {
  int groups = 1;
  while (groups < 6 && (v >> (6 * groups)) != 0)
    ++groups;
  for (int g = groups - 1; g >= 0; --g) {
    char byte = char((v >> (6 * g)) & 63);
    if (g > 0) byte |= 0x40;
    if (first && g == groups - 1) byte |= char(0x80);
    out.push_back(byte);
  }
}

} // namespace

std::vector<std::string> localsplus_names(const CodeUnit& unit) {
  std::vector<std::string> names = unit.varnames;
  for (std::size_t k = 0; k < unit.cellvars.size(); ++k) {
    bool argument = k < unit.cell_args.size() && unit.cell_args[k] >= 0;
    if (!argument && std::find(unit.varnames.begin(), unit.varnames.end(), unit.cellvars[k]) ==
                         unit.varnames.end())
      names.push_back(unit.cellvars[k]);
  }
  names.insert(names.end(), unit.freevars.begin(), unit.freevars.end());
  return names;
}

CPythonView cpython_view(const CodeUnit& unit, bool with_code) {
  const std::size_t n = unit.code.size();
  std::vector<std::uint32_t> slots = cell_slots(unit);
  std::vector<std::uint32_t> prefix(n, 0), args(n, 0);
  CPythonView view;
  // Prefixes only grow, so this settles: each pass lays the units out with the prefixes
  // found so far and widens those whose argument (a jump distance) no longer fits.
  for (bool changed = true; changed;) {
    changed = false;
    view.start.assign(n + 1, 0);
    view.opcode.assign(n, 0);
    std::uint32_t at = 0;
    for (std::size_t i = 0; i < n; ++i) {
      view.start[i] = at;
      view.opcode[i] = at + prefix[i];
      at += prefix[i] + 1 + cpython_op(op_of(unit.code[i])).caches;
    }
    view.start[n] = at;
    for (std::size_t i = 0; i < n; ++i) {
      Op op = op_of(unit.code[i]);
      std::uint32_t arg = arg_of(unit.code[i]);
      CPythonOp c = cpython_op(op);
      if (c.backward) {
        std::uint32_t next = view.opcode[i] + 1 + c.caches, target = view.start[arg];
        arg = target >= next ? target - next : next - target;
      } else if (is_cell_op(op)) {
        arg = arg < slots.size() ? slots[arg] : arg;
      }
      args[i] = arg;
      if (prefix_units(arg) > prefix[i]) {
        prefix[i] = prefix_units(arg);
        changed = true;
      }
    }
  }
  if (!with_code) return view;
  view.code.reserve(std::size_t(view.start[n]) * 2);
  for (std::size_t i = 0; i < n; ++i) {
    CPythonOp c = cpython_op(op_of(unit.code[i]));
    std::uint8_t opcode = c.forward;
    if (c.backward && view.start[arg_of(unit.code[i])] < view.opcode[i] + 1 + c.caches)
      opcode = c.backward;
    for (std::uint32_t p = prefix[i]; p > 0; --p) {
      view.code.push_back(char(kExtendedArg));
      view.code.push_back(char((args[i] >> (8 * p)) & 0xff));
    }
    view.code.push_back(char(opcode));
    view.code.push_back(char(op_has_argument(op_of(unit.code[i])) ? args[i] & 0xff : 0));
    view.code.append(std::size_t(c.caches) * 2, '\0');
  }
  return view;
}

std::string location_table(const CodeUnit& unit, const CPythonView& view) {
  std::string out;
  int line = unit.firstlineno;
  for (std::size_t i = 0; i < unit.code.size(); ++i) {
    const Location& at = i < unit.locations.size() ? unit.locations[i] : Location{};
    for (std::uint32_t left = view.start[i + 1] - view.start[i]; left > 0;) {
      std::uint32_t run = std::min<std::uint32_t>(left, 8);
      left -= run;
      if (at.line < 1) {
        out.push_back(char(0x80 | (15 << 3) | (run - 1)));
      } else if (at.col < 0) {
        out.push_back(char(0x80 | (13 << 3) | (run - 1)));
        put_lsb_svarint(out, at.line - line);
        line = at.line;
      } else {
        out.push_back(char(0x80 | (14 << 3) | (run - 1)));
        put_lsb_svarint(out, at.line - line);
        put_lsb_varint(out, std::uint32_t(std::max(at.end_line - at.line, 0)));
        put_lsb_varint(out, std::uint32_t(at.col + 1));
        put_lsb_varint(out, std::uint32_t(std::max(at.end_col + 1, 0)));
        line = at.line;
      }
    }
  }
  return out;
}

std::string exception_table(const CodeUnit& unit, const CPythonView& view) {
  std::string out;
  for (const ExceptionEntry& e : unit.exception_table) {
    std::uint32_t start = view.start[e.start];
    put_msb_varint(out, start, true);
    put_msb_varint(out, view.start[e.end] - start, false);
    put_msb_varint(out, view.start[e.target], false);
    put_msb_varint(out, e.depth << 1 | (e.push_lasti ? 1 : 0), false);
  }
  return out;
}

std::string line_number_table(const CodeUnit& unit, const CPythonView& view) {
  std::string out;
  auto pair = [&](int bytes, int lines) {
    out.push_back(char(bytes));
    out.push_back(char(static_cast<std::int8_t>(lines)));
  };
  int line = unit.firstlineno;
  std::uint32_t offset = 0;
  for (std::size_t i = 0; i < unit.code.size(); ++i) {
    int at = i < unit.locations.size() ? unit.locations[i].line : 0;
    if (at < 1 || at == line) continue;
    int bytes = int(view.start[i] * 2 - offset), lines = at - line;
    for (; bytes > 255; bytes -= 255)
      pair(255, 0);
    for (; lines > 127; lines -= 127, bytes = 0)
      pair(bytes, 127);
    for (; lines < -128; lines += 128, bytes = 0)
      pair(bytes, -128);
    pair(bytes, lines);
    offset = view.start[i] * 2;
    line = at;
  }
  return out;
}

} // namespace interp::bytecode
