// interp/compile/opcodes.cc - the names and argument-ness of the instructions, from the
// one table in opcodes.h.
#include "interp/compile/opcodes.h"

namespace interp::bytecode {

namespace {
constexpr const char* kNames[] = {
#define INTERP_OPCODE_NAME(name, has_arg) #name,
    INTERP_OPCODES(INTERP_OPCODE_NAME)
#undef INTERP_OPCODE_NAME
};
constexpr bool kHasArgument[] = {
#define INTERP_OPCODE_HAS_ARG(name, has_arg) has_arg,
    INTERP_OPCODES(INTERP_OPCODE_HAS_ARG)
#undef INTERP_OPCODE_HAS_ARG
};
} // namespace

const char* op_name(Op op) {
  auto i = static_cast<unsigned>(op);
  return i < static_cast<unsigned>(Op::kCount) ? kNames[i] : "<invalid>";
}

bool op_has_argument(Op op) {
  auto i = static_cast<unsigned>(op);
  return i < static_cast<unsigned>(Op::kCount) && kHasArgument[i];
}

} // namespace interp::bytecode
