// interp/compile/code_serial.h - CodeUnits as bytes and back: what marshal writes for a
// code object and what the import system's bytecode cache (__pycache__/*.pyc) holds.
//
// The layout is the project's own (CodeUnit's fields in order, integers as varints) and
// so is the instruction set it carries, which changes from one build to the next: the
// bytes begin with build_magic(), and bytes of another build are refused. Reading
// validates everything it reads (sizes against what is left, UTF-8, opcodes, argument
// ranges, jumps and stack depths through compile::check_code), so corrupt or crafted data
// is an error, never a unit the VM could crash on.
#pragma once

#include "interp/compile/code_unit.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace interp::bytecode {

// Four bytes that identify this interpreter build: a hash of the executable's GNU
// build-id (or, without one, of its size and modification time). The bytecode cache's
// header begins with them, as a .pyc file begins with CPython's magic number.
std::string_view build_magic();

// Appends `unit` (and the units among its constants) to `out`, build_magic() first.
void serialize_code(const CodeUnit& unit, std::string& out);

struct SerialError {
  bool truncated; // the data ends too soon (EOFError); otherwise it is bad (ValueError)
  std::string message;
};

// Reads a unit that serialize_code wrote, starting at data[pos]; pos moves past it.
std::variant<std::shared_ptr<const CodeUnit>, SerialError> deserialize_code(std::string_view data,
                                                                            std::size_t& pos);

} // namespace interp::bytecode
