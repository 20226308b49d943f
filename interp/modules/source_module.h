// interp/modules/source_module.h - builtin modules whose body is Python source kept in the
// executable: the parts of _codecs, _ast and similar modules that are registries and
// tables over the C++ primitives, where Python is the clearer language.
#pragma once

#include "interp/objects/objects.h"

namespace interp {

// Runs `source` in the dict of `module` (made with new_module, so it may already hold
// native functions the source builds on). The source finds `_builtin(function)` in its
// globals while it runs: the function wrapped as a builtin function, which classes do not
// bind as a method. Afterwards every public module-level function (no leading '_') is
// wrapped so, and `_builtin` is gone. Returns the module, or 0 with the exception the
// source raised pending.
Value run_module_source(Thread& t, Value module, const char* source, const char* filename);

} // namespace interp
