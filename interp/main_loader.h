// interp/main_loader.h - __main__.__loader__: of a script run by path, or of a program
// given as text.
#pragma once

#include "interp/runtime.h"

#include <string>

namespace interp {

// What a script's __loader__ is (CPython: importlib's SourceFileLoader for '__main__').
// Importing importlib at start-up would cost a tenth of a second, so this is a stand-in
// named and placed like that class, which becomes an instance of it (by __class__
// assignment) when the program first looks past its name and path, or when importlib
// gets imported (_imp._pypystm_install). 0 with an exception pending on failure.
// `fullname` is the loader's module name: __main__ for a script, the module's own name
// under -m.
Value main_script_loader(Thread& t, const std::string& fullname, const std::string& path);

// __main__.__loader__ of a program not read from a file (-c, stdin, the REPL): CPython's
// importlib BuiltinImporter class. Its stand-in is a class of that name and module that
// hands any other attribute to importlib's, and is replaced by it when importlib gets
// imported.
Value main_builtin_importer(Thread& t);

} // namespace interp
