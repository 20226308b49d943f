// interp/main_loader.h - __main__.__loader__ of a script run by path.
#pragma once

#include "interp/runtime.h"

#include <string>

namespace interp {

// What a script's __loader__ is (CPython: importlib's SourceFileLoader for '__main__').
// Importing importlib at start-up would cost a tenth of a second, so this is a stand-in
// named and placed like that class, which becomes an instance of it (by __class__
// assignment) when the program first looks past its name and path, or when importlib
// gets imported (_imp._pypystm_install). 0 with an exception pending on failure.
Value main_script_loader(Thread& t, const std::string& path);

} // namespace interp
