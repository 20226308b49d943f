// interp/modules/warn.cc - warnings that the interpreter gives, through the warnings
// module, so that filters, catch_warnings and -W apply to them as to any other.
#include "interp/modules/modules.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

namespace interp {

bool warn(Thread& t, Value category, const std::string& message, std::int64_t stacklevel) {
  Value warnings = import_module(t, "warnings");
  Value fn = warnings ? getattr(t, warnings, intern_literal(t, "warn")) : Value();
  Value text = fn ? str_from_utf8(t, message) : Value();
  if (!text) return false;
  Value args[3] = {text, category, Value::small_int(stacklevel)};
  return bool(call(t, fn, args, 3));
}

} // namespace interp
