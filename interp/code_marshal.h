// interp/code_marshal.h - code objects as bytes and back (compile/code_serial.h's layout):
// what marshal writes for a code object and what the bytecode cache holds.
#pragma once

#include "interp/runtime.h"

#include <string>
#include <string_view>

namespace interp {

// Appends the bytes of `code` as it is on the heap (constants, names and file name as the
// code object holds them now: code.replace and _imp._fix_co_filename change them). False
// with ValueError("unmarshallable object") for a constant that is no marshal constant.
bool code_to_bytes(Thread& t, Value code, std::string& out);

// The code object whose bytes start at data[pos] (pos moves past them); 0 with EOFError
// ("marshal data too short") or ValueError ("bad marshal data (...)") raised.
Value code_from_bytes(Thread& t, std::string_view data, std::size_t& pos);

} // namespace interp
