// interp/modules/bytecode_cache.h - the bytecode cache of source modules: the code of
// `x.py` kept in `__pycache__/x.pypy_stm-311.pyc` (or under sys.pycache_prefix), so that
// the next import loads it instead of compiling.
//
// A cache file is CPython's layout: 16 bytes of header (the build's magic, flags 0, the
// source's mtime and size, each 4 bytes little-endian), then the marshal data of the
// module's code object. importlib's SourceFileLoader and py_compile write the same files
// (_imp gives them the build's magic).
#pragma once

#include "interp/runtime.h"

#include <string>

namespace interp {

// The tag in cache file names (sys.implementation.cache_tag).
inline constexpr const char* kCacheTag = "pypy_stm-311";

// Where the cache of `source_path` is, as importlib.util.cache_from_source says with
// sys.implementation.cache_tag, sys.pycache_prefix and sys.flags.optimize of now; empty
// when there is none (cache_tag None). 0 / false with an exception only when sys gives one.
bool cache_path_of(Thread& t, const std::string& source_path, std::string& out);

// The code of the module in `source_path`: loaded from `cache_path` when that cache is of
// this build and of the source as it is now; otherwise compiled from the source, and
// written to the cache unless sys.dont_write_bytecode (failing to write is silent). 0
// with the exception (ImportError for an unreadable source, SyntaxError, ...).
Value source_module_code(Thread& t, const std::string& source_path, const std::string& cache_path);

} // namespace interp
