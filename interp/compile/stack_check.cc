// interp/compile/disassembler.cc - readable listings of CodeUnits.
#include "interp/compile/compiler_internal.h"
