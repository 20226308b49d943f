// interp/modules/c_library.h - a C library that a builtin module opens at its first import
// (libsqlite3, liblzma, libbz2) instead of the executable linking it: a program that never
// imports the module then neither maps the library nor pays for its relocations at start,
// as CPython's lib-dynload modules (see docs/ARCHITECTURE.md).
//
// Each library has an X-macro list of the functions its module calls. For each,
// INTERP_C_LIBRARY_FUNCTIONS declares a pointer of the type of the header's declaration,
// named as the function, in the module's namespace: unqualified calls in that namespace
// find the pointer before the global function (and a variable turns off argument-dependent
// lookup, which would bring the global one back), so the module's call sites read as
// direct calls. A call that bypasses the table does not link: the executable lacks the
// library.
//
// A library's global variables (readline's rl_line_buffer, rl_startup_hook) go in the
// same kind of list, through INTERP_C_LIBRARY_SYMBOLS: the pointer is then the variable's
// address, typed from the header's declaration, and the module reads and writes *name.
#pragma once

#include <mutex>
#include <string>

namespace interp {

struct Thread;

class CLibrary {
public:
  using Resolver = bool (*)(CLibrary&);
  // `resolve` fills the library's pointers through resolve() below.
  CLibrary(const char* soname, Resolver resolve) : soname_(soname), resolve_(resolve) {}
  CLibrary(const CLibrary&) = delete;
  CLibrary& operator=(const CLibrary&) = delete;

  // Opens the library and fills its pointers, once for the whole process, whichever thread
  // imports first (the others wait for it). False with ImportError carrying dlerror()'s
  // text, as for a missing extension module, when the library or a function is missing;
  // every later import fails alike.
  bool load(Thread& t);

  template <class Fn> bool resolve(const char* name, Fn& fn) {
    void* address = symbol(name);
    if (!address) return false;
    fn = reinterpret_cast<Fn>(address);
    return true;
  }

private:
  void* symbol(const char* name);

  const char* soname_;
  Resolver resolve_;
  void* handle_ = nullptr;
  std::once_flag once_;
  std::string error_; // empty once loaded
};

#define INTERP_C_LIBRARY_POINTER(fn) inline decltype(&::fn) fn = nullptr;
#define INTERP_C_LIBRARY_RESOLVE(fn) &&lib.resolve(#fn, fn)
// In the namespace of the module's code: the pointers of the functions of LIST.
#define INTERP_C_LIBRARY_FUNCTIONS(LIST) LIST(INTERP_C_LIBRARY_POINTER)
// The same for a list that also names variables: the pointers of the functions, and the
// addresses of the variables.
#define INTERP_C_LIBRARY_SYMBOLS(LIST) LIST(INTERP_C_LIBRARY_POINTER)
// A CLibrary::Resolver filling those pointers (in the same namespace).
#define INTERP_C_LIBRARY_RESOLVER(LIST)                                                            \
  [](CLibrary& lib) { return true LIST(INTERP_C_LIBRARY_RESOLVE); }

} // namespace interp
