// interp/modules/module_support.h - what the modules written in C++ share: making a
// module from a table of functions, and making the classes they define (deque, count,
// StringIO, ...) as non-heap types whose instances use one of the runtime's layouts.
#pragma once

#include "interp/objects/args.h"
#include "interp/objects/objects.h"

namespace interp {

struct ModuleFunction {
  const char* name;
  NativeFn fn;
};

// A module named `module_name` holding one builtin function per entry.
Value new_module(Thread& t, const char* module_name, const ModuleFunction* functions,
                 std::size_t n);
// Adds one builtin function per entry to a module made already (a module whose functions
// are defined in several files); false with the exception.
bool add_module_functions(Thread& t, Value module, const ModuleFunction* functions, std::size_t n);
void module_set(Thread& t, Value module, const char* attr, Value value);

// A class whose instances have `layout`; `base` 0 means object. Subclassable types get
// kBaseType. The class's __module__ is `module_name`.
Value new_type(Thread& t, const char* type_name, const char* module_name, Layout layout,
               Value base = {}, bool subclassable = true);

// An exception class as a Python class statement makes it: `type_name`, deriving from
// `base`, with __module__ `module_name` (struct.error, binascii.Error, ...).
Value new_exception_type(Thread& t, const char* type_name, const char* module_name, Value base);

// An attribute of a module, imported if need be (a C++ module's own classes, which its
// functions look up this way rather than keep in a C++ global); 0 with the exception.
Value module_attr(Thread& t, const char* module, const char* attr);

// Raises OSError(errno, strerror[, filename[, None, filename2]]), of the subclass
// OSError's constructor picks for the errno (FileNotFoundError, ...); returns 0.
Value raise_os_error(Thread& t, int err, Value filename = {}, Value filename2 = {});

// A file descriptor argument: an int, or an object with fileno(), as CPython's select and
// fcntl take them (TypeError / ValueError otherwise).
// The report of an uncaught exception, as CPython prints it (by the standard library's
// traceback module, or vm::format_exception when that cannot run).
void format_exception_report(Thread& t, Value exception, std::string& out);
// The same report written to a Python file object and flushed (the excepthooks' output
// goes to the sys.stderr object of the moment, a StringIO included); false with the
// exception of the write.
bool write_exception_report(Thread& t, Value exception, Value file);
// C memory that a heap object owns (a library's stream or handle) is kept in one of its
// fields as a tagged int, which the collector does not follow; 0 means none.
inline Value address_value(const void* p) {
  return Value::small_int(std::int64_t(reinterpret_cast<std::uintptr_t>(p)));
}
template <class T> T* address_in(Value field) {
  return field ? reinterpret_cast<T*>(field.small_int_value()) : nullptr;
}
// Finishes a builtin type whose instances own C memory: its flags, and __del__ run on its
// instances, which update_type_flags leaves to classes made in Python.
void finish_owning_type(Value type);
// v.__fspath__ bound, or 0.
Value fspath_method(Thread& t, Value v);
// A path argument: str, bytes or os.PathLike, with os's messages; `as_bytes` (optional)
// says whether it was bytes, so that results can be bytes too.
bool path_arg(Thread& t, Value v, std::string& out, bool* as_bytes = nullptr);
bool file_descriptor_arg(Thread& t, Value v, int& fd);

// Argument i of a native call by position or keyword (0 when absent).
Value arg_or_keyword(const Value* args, std::size_t nargs, Value kwnames, std::size_t position,
                     const char* keyword);

} // namespace interp

namespace interp {

// A struct sequence class (sys.version_info's, os.stat_result's kind): a tuple subclass
// whose fields are also attributes, with __match_args__ naming the first `visible` of them
// (the tuple's items); the others (time.struct_time's tm_zone, tm_gmtoff) are attributes
// only, kept in slots after the items. At most 24 fields. type(seq[, dict]) makes one.
Value new_struct_sequence_type(Thread& t, const char* type_name, const char* module_name,
                               const char* const* fields, std::size_t n,
                               std::size_t visible = std::size_t(-1));
// Gives `type` a __new__ that refuses, as CPython's types without tp_new do ("cannot create
// 'sys.flags' instances"): for objects only the runtime makes.
void refuse_instances(Thread& t, Value type);

// `n` items: the visible fields then the hidden ones (all of them, in field order).
Value new_struct_sequence(Thread& t, Value type, const Value* items, std::size_t n,
                          std::size_t visible = std::size_t(-1));

} // namespace interp
