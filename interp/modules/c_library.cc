// interp/modules/c_library.cc - opening a module's C library at its first import (see
// c_library.h).
#include "interp/modules/c_library.h"

#include "interp/runtime.h"

#include <dlfcn.h>

namespace interp {

// No transaction needs to be inevitable for this: opening is done once and never undone,
// so a transaction that aborts after it leaves the library open for its retry.
bool CLibrary::load(Thread& t) {
  std::call_once(once_, [this] {
    // RTLD_LOCAL: the library's symbols are reached through the pointers alone.
    handle_ = dlopen(soname_, RTLD_NOW | RTLD_LOCAL);
    if (!handle_) {
      error_ = dlerror();
      return;
    }
    if (!resolve_(*this)) {
      dlclose(handle_);
      handle_ = nullptr;
    }
  });
  if (error_.empty()) return true;
  raise(t, exc(E_ImportError), error_);
  return false;
}

void* CLibrary::symbol(const char* name) {
  void* address = dlsym(handle_, name);
  if (!address) {
    const char* why = dlerror();
    error_ = why ? why : std::string(soname_) + ": no address for " + name;
  }
  return address;
}

} // namespace interp
