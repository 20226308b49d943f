// interp/compile/opcodes.h - the project's bytecode: what the compiler emits and the VM runs.
//
// The instruction set is CPython 3.11's, instruction for instruction where the name is the
// same (see the `dis` documentation of 3.11, and `python3.11 -m dis` for the shapes the
// compiler emits), with these differences, all chosen to make the VM and the JIT simpler:
//   - An instruction is one 32-bit word: opcode in the low 8 bits, argument in the high 24.
//     There is no EXTENDED_ARG, no inline CACHE entry, no RESUME, no PRECALL.
//   - Jump arguments are ABSOLUTE instruction indices (not byte offsets, not relative), so
//     there is one JUMP and one of each conditional jump instead of FORWARD/BACKWARD pairs.
//   - Cells and free variables are not part of the fast locals: LOAD_DEREF and friends
//     index the frame's cell array, cellvars first, then freevars (3.10's numbering).
//     The VM creates the cells when it builds the frame (arguments that are cells are
//     copied into their cells: see CodeUnit::cell_args), so there is no MAKE_CELL and no
//     COPY_FREE_VARS.
//   - A generator, coroutine or async generator is created by the call itself (the code's
//     flags say which), so there is no RETURN_GENERATOR and no POP_TOP after it: the first
//     resumption (send(None) / __next__) starts at instruction 0 and pushes nothing. Every
//     later resumption pushes the sent value as the result of the YIELD_VALUE that
//     suspended the frame (YIELD_VALUE pops the yielded value and, on resumption, pushes
//     the sent one; there is no RESUME after it).
//   - Calls: CALL n takes (NULL, callable, n args) or (callable, self, n args) as in 3.11;
//     the compiler uses the second form for LOAD_METHOD, for `__exit__(None, None, None)`
//     after BEFORE_WITH (the bound __exit__ below three Nones: CALL 2) and to call a
//     comprehension's function with its iterator (CALL 0 on (function, iterator)). A
//     KW_NAMES just before a CALL names its last len(names) arguments.
//   - MAKE_FUNCTION pops the code unit, then, as its flags say, the closure tuple of cells
//     (8), the annotations tuple of (name, value) pairs flattened (4), the keyword-defaults
//     dict (2) and the defaults tuple (1); the function's __qualname__ is the code's.
//   - Exception handling is by exception table (as in 3.11), see ExceptionEntry in
//     code_unit.h.
#pragma once

#include <cstdint>

namespace interp::bytecode {

// X(name, has_argument)
#define INTERP_OPCODES(X)                                                                          \
  X(NOP, false)                                                                                    \
  X(POP_TOP, false)                                                                                \
  X(PUSH_NULL, false)                                                                              \
  X(COPY, true) /* push a copy of the i-th item from the top (1 = TOS) */                          \
  X(SWAP, true) /* swap TOS with the i-th item (2 = the one below TOS) */                          \
  X(LOAD_CONST, true)                                                                              \
  X(LOAD_FAST, true) /* UnboundLocalError when unbound */                                          \
  X(STORE_FAST, true)                                                                              \
  X(DELETE_FAST, true)                                                                             \
  X(LOAD_DEREF, true) /* cell array index: cellvars, then freevars */                              \
  X(STORE_DEREF, true)                                                                             \
  X(DELETE_DEREF, true)                                                                            \
  X(LOAD_CLASSDEREF, true) /* class body: the locals mapping first, then the cell */               \
  X(LOAD_CLOSURE, true)    /* push the cell itself */                                              \
  X(LOAD_NAME, true)                                                                               \
  X(STORE_NAME, true)                                                                              \
  X(DELETE_NAME, true)                                                                             \
  X(LOAD_GLOBAL, true) /* arg = namei << 1 | push_null (NULL pushed before the value) */           \
  X(STORE_GLOBAL, true)                                                                            \
  X(DELETE_GLOBAL, true)                                                                           \
  X(LOAD_ATTR, true)                                                                               \
  X(STORE_ATTR, true) /* TOS.name = TOS1 */                                                        \
  X(DELETE_ATTR, true)                                                                             \
  X(LOAD_METHOD, true) /* obj -> (meth, obj) or (NULL, obj.name) */                                \
  X(LOAD_BUILD_CLASS, false)                                                                       \
  X(LOAD_ASSERTION_ERROR, false)                                                                   \
  X(UNARY_POSITIVE, false)                                                                         \
  X(UNARY_NEGATIVE, false)                                                                         \
  X(UNARY_NOT, false)                                                                              \
  X(UNARY_INVERT, false)                                                                           \
  X(BINARY_OP, true)   /* arg: BinaryOp below */                                                   \
  X(COMPARE_OP, true)  /* arg: CompareOp below */                                                  \
  X(IS_OP, true)       /* arg 1: `is not` */                                                       \
  X(CONTAINS_OP, true) /* arg 1: `not in` */                                                       \
  X(BINARY_SUBSCR, false)                                                                          \
  X(STORE_SUBSCR, false) /* TOS1[TOS] = TOS2 */                                                    \
  X(DELETE_SUBSCR, false)                                                                          \
  X(BUILD_SLICE, true) /* 2 or 3 */                                                                \
  X(BUILD_TUPLE, true)                                                                             \
  X(BUILD_LIST, true)                                                                              \
  X(BUILD_SET, true)                                                                               \
  X(BUILD_MAP, true)           /* arg pairs: key1, value1, key2, value2... */                      \
  X(BUILD_CONST_KEY_MAP, true) /* values..., keys tuple */                                         \
  X(BUILD_STRING, true)                                                                            \
  X(LIST_APPEND, true) /* STACK[-i].append(TOS), TOS popped */                                     \
  X(SET_ADD, true)                                                                                 \
  X(MAP_ADD, true) /* STACK[-i][TOS1] = TOS, both popped */                                        \
  X(LIST_EXTEND, true)                                                                             \
  X(SET_UPDATE, true)                                                                              \
  X(DICT_UPDATE, true)                                                                             \
  X(DICT_MERGE, true) /* like DICT_UPDATE, but duplicate keys are a TypeError */                   \
  X(LIST_TO_TUPLE, false)                                                                          \
  X(FORMAT_VALUE, true) /* arg & 3: 0 none, 1 str, 2 repr, 3 ascii; arg & 4: a spec on TOS */      \
  X(UNPACK_SEQUENCE, true)                                                                         \
  X(UNPACK_EX, true)         /* arg = before | after << 8 */                                       \
  X(JUMP, true)              /* absolute target; a safe point like any boundary */                 \
  X(JUMP_NO_INTERRUPT, true) /* the back edge of `yield from` / `await` */                         \
  X(POP_JUMP_IF_FALSE, true)                                                                       \
  X(POP_JUMP_IF_TRUE, true)                                                                        \
  X(POP_JUMP_IF_NONE, true)                                                                        \
  X(POP_JUMP_IF_NOT_NONE, true)                                                                    \
  X(JUMP_IF_FALSE_OR_POP, true)                                                                    \
  X(JUMP_IF_TRUE_OR_POP, true)                                                                     \
  X(GET_ITER, false)                                                                               \
  X(FOR_ITER, true) /* exhausted: pop the iterator and jump */                                     \
  X(GET_LEN, false)                                                                                \
  X(MATCH_MAPPING, false)                                                                          \
  X(MATCH_SEQUENCE, false)                                                                         \
  X(MATCH_KEYS, false)                                                                             \
  X(MATCH_CLASS, true)                                                                             \
  X(MAKE_FUNCTION, true)    /* flags: 1 defaults, 2 kwdefaults, 4 annotations, 8 closure */        \
  X(CALL, true)             /* 3.11: (NULL, callable, args) or (callable, self, args) */           \
  X(KW_NAMES, true)         /* consti: tuple of keyword names for the next CALL */                 \
  X(CALL_FUNCTION_EX, true) /* (NULL, callable, args tuple[, kwargs mapping if arg & 1]) */        \
  X(RETURN_VALUE, false)                                                                           \
  X(YIELD_VALUE, false)                                                                            \
  X(GET_YIELD_FROM_ITER, false)                                                                    \
  X(SEND, true) /* (receiver, value): receiver returned -> pop value, jump */                      \
  X(ASYNC_GEN_WRAP, false)                                                                         \
  X(GET_AWAITABLE, true)                                                                           \
  X(GET_AITER, false)                                                                              \
  X(GET_ANEXT, false)                                                                              \
  X(END_ASYNC_FOR, false)                                                                          \
  X(BEFORE_WITH, false)                                                                            \
  X(BEFORE_ASYNC_WITH, false)                                                                      \
  X(WITH_EXCEPT_START, false)                                                                      \
  X(PUSH_EXC_INFO, false)                                                                          \
  X(POP_EXCEPT, false)                                                                             \
  X(CHECK_EXC_MATCH, false)                                                                        \
  X(CHECK_EG_MATCH, false)                                                                         \
  X(PREP_RERAISE_STAR, false)                                                                      \
  X(RERAISE, true) /* arg 1: restore the frame's lasti from the stack */                           \
  X(RAISE_VARARGS, true)                                                                           \
  X(IMPORT_NAME, true) /* (level, fromlist) -> module */                                           \
  X(IMPORT_FROM, true)                                                                             \
  X(IMPORT_STAR, false)                                                                            \
  X(SETUP_ANNOTATIONS, false)                                                                      \
  X(PRINT_EXPR, false)

enum class Op : std::uint8_t {
#define INTERP_OPCODE_ENUM(name, has_arg) name,
  INTERP_OPCODES(INTERP_OPCODE_ENUM)
#undef INTERP_OPCODE_ENUM
      kCount
};

const char* op_name(Op op);
bool op_has_argument(Op op);

using Instruction = std::uint32_t;
inline constexpr unsigned kArgumentBits = 24;
inline constexpr std::uint32_t kMaxArgument = (1u << kArgumentBits) - 1;

inline constexpr Instruction make_instruction(Op op, std::uint32_t arg = 0) {
  return static_cast<std::uint32_t>(op) | (arg << 8);
}
inline constexpr Op op_of(Instruction insn) {
  return static_cast<Op>(insn & 0xff);
}
inline constexpr std::uint32_t arg_of(Instruction insn) {
  return insn >> 8;
}

// BINARY_OP's argument: CPython 3.11's numbering (NB_*), in-place forms from 13 on.
enum class BinaryOp : std::uint8_t {
  Add,
  And,
  FloorDivide,
  LShift,
  MatrixMultiply,
  Multiply,
  Remainder,
  Or,
  Power,
  RShift,
  Subtract,
  TrueDivide,
  Xor,
  InplaceAdd,
  InplaceAnd,
  InplaceFloorDivide,
  InplaceLShift,
  InplaceMatrixMultiply,
  InplaceMultiply,
  InplaceRemainder,
  InplaceOr,
  InplacePower,
  InplaceRShift,
  InplaceSubtract,
  InplaceTrueDivide,
  InplaceXor
};
inline constexpr unsigned kInplaceOffset = 13;

// COMPARE_OP's argument.
enum class CompareOp : std::uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

// GET_AWAITABLE's argument (as 3.11): 0 plain await, 1 after __aenter__, 2 after __aexit__.

// CodeUnit::flags, CPython's CO_* values.
enum CodeFlag : std::uint32_t {
  kOptimized = 0x1,
  kNewLocals = 0x2,
  kVarargs = 0x4,
  kVarKeywords = 0x8,
  kNested = 0x10,
  kGenerator = 0x20,
  kNoFree = 0x40,
  kCoroutine = 0x80,
  kIterableCoroutine = 0x100,
  kAsyncGenerator = 0x200,
  // `from __future__ import annotations` was in effect (CO_FUTURE_ANNOTATIONS); set on
  // every code object of such a module, as 3.11 does.
  kFutureAnnotations = 0x1000000,
};

} // namespace interp::bytecode
