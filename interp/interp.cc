// interp/interp.cc - starting the interpreter: the builtin types in dependency order, the
// singletons and names, the builtin modules, the main thread; and running __main__.
#include "interp/interp.h"
#include "interp/num/format_text.h"

#include "gc/gc.h"
#include "interp/compile_source.h"
#include "interp/main_loader.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/iterators.h"
#include "interp/objects/numbers.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/outermost.h"
#include "interp/vm/vm.h"

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <unistd.h>

namespace interp {

Runtime& create_runtime();
void set_current_thread(Thread* t);
void init_object_type(Thread& t);
void init_tuple_type(Thread& t);
void init_list_type(Thread& t);
void init_dict_type(Thread& t);
void init_set_types(Thread& t);
void init_bytes_type(Thread& t);
void init_complex_type(Thread& t);
void init_range_types(Thread& t);
void init_code_type(Thread& t);
void init_frame_types(Thread& t);
void init_member_descriptor_type(Thread& t);
void init_function_types(Thread& t);
void init_slot_wrapper_types(Thread& t);
void document_builtin_methods(Thread& t);
void document_exception_classes(Thread& t);
void document_builtin_types(Thread& t);
void init_descriptor_types(Thread& t);
void init_str_type(Thread& t);
void init_operator_names(Thread& t);
void init_weakref_type(Thread& t);
void init_builtin_iterator_types(Thread& t);
void init_generic_alias_types(Thread& t);
void init_mappingproxy_type(Thread& t);

namespace {

struct BuiltinType {
  TypeId id;
  const char* name;
  Layout layout;
  TypeId base; // kTypeCount: none
  bool subclassable;
};

constexpr TypeId kNoBase = kTypeCount;

// Bases come before the types that derive from them.
const BuiltinType kBuiltinTypes[] = {
    {T_object, "object", Layout::Instance, kNoBase, true},
    {T_type, "type", Layout::Type, T_object, true},
    {T_int, "int", Layout::BigInt, T_object, true},
    {T_bool, "bool", Layout::BigInt, T_int, false},
    {T_float, "float", Layout::Float, T_object, true},
    {T_complex, "complex", Layout::Complex, T_object, true},
    {T_str, "str", Layout::Str, T_object, true},
    {T_bytes, "bytes", Layout::Bytes, T_object, true},
    {T_bytearray, "bytearray", Layout::ByteArray, T_object, true},
    {T_tuple, "tuple", Layout::Tuple, T_object, true},
    {T_list, "list", Layout::List, T_object, true},
    {T_dict, "dict", Layout::Dict, T_object, true},
    {T_set, "set", Layout::Set, T_object, true},
    {T_frozenset, "frozenset", Layout::Set, T_object, true},
    {T_function, "function", Layout::Function, T_object, false},
    {T_code, "code", Layout::Code, T_object, false},
    {T_frame, "frame", Layout::Frame, T_object, false},
    {T_cell, "cell", Layout::Cell, T_object, false},
    {T_module, "module", Layout::Module, T_object, true},
    {T_builtin_function, "builtin_function_or_method", Layout::Native, T_object, false},
    {T_method_descriptor, "method_descriptor", Layout::Native, T_object, false},
    {T_wrapper_descriptor, "wrapper_descriptor", Layout::Native, T_object, false},
    {T_method_wrapper, "method-wrapper", Layout::Native, T_object, false},
    {T_method, "method", Layout::Method, T_object, false},
    {T_NoneType, "NoneType", Layout::Instance, T_object, false},
    {T_NotImplementedType, "NotImplementedType", Layout::Instance, T_object, false},
    {T_ellipsis, "ellipsis", Layout::Instance, T_object, false},
    {T_generator, "generator", Layout::Generator, T_object, false},
    {T_coroutine, "coroutine", Layout::Generator, T_object, false},
    {T_async_generator, "async_generator", Layout::Generator, T_object, false},
    {T_range, "range", Layout::Range, T_object, false},
    {T_slice, "slice", Layout::Slice, T_object, false},
    {T_property, "property", Layout::Property, T_object, true},
    {T_classmethod, "classmethod", Layout::Wrapper, T_object, true},
    {T_staticmethod, "staticmethod", Layout::Wrapper, T_object, true},
    {T_super, "super", Layout::Super, T_object, true},
    {T_value_array, "value_array", Layout::ValueArray, T_object, false},
    {T_dict_storage, "dict_storage", Layout::DictStorage, T_object, false},
    {T_thread_state, "thread_state", Layout::ThreadState, T_object, false},
    {T_list_iterator, "list_iterator", Layout::Iterator, T_object, false},
    {T_tuple_iterator, "tuple_iterator", Layout::Iterator, T_object, false},
    {T_range_iterator, "range_iterator", Layout::Iterator, T_object, false},
    {T_str_iterator, "str_ascii_iterator", Layout::Iterator, T_object, false},
    {T_dict_keyiterator, "dict_keyiterator", Layout::Iterator, T_object, false},
    {T_dict_valueiterator, "dict_valueiterator", Layout::Iterator, T_object, false},
    {T_dict_itemiterator, "dict_itemiterator", Layout::Iterator, T_object, false},
    {T_set_iterator, "set_iterator", Layout::Iterator, T_object, false},
    {T_seq_iterator, "iterator", Layout::Iterator, T_object, false},
    {T_callable_iterator, "callable_iterator", Layout::Iterator, T_object, false},
    {T_dict_keys, "dict_keys", Layout::Iterator, T_object, false},
    {T_dict_values, "dict_values", Layout::Iterator, T_object, false},
    {T_dict_items, "dict_items", Layout::Iterator, T_object, false},
    {T_bytes_iterator, "bytes_iterator", Layout::Iterator, T_object, false},
    {T_list_reverseiterator, "list_reverseiterator", Layout::Iterator, T_object, false},
    {T_dict_reversekeyiterator, "dict_reversekeyiterator", Layout::Iterator, T_object, false},
    {T_dict_reversevalueiterator, "dict_reversevalueiterator", Layout::Iterator, T_object, false},
    {T_dict_reverseitemiterator, "dict_reverseitemiterator", Layout::Iterator, T_object, false},
    {T_reversed, "reversed", Layout::Iterator, T_object, true},
    {T_enumerate, "enumerate", Layout::Iterator, T_object, true},
    {T_zip, "zip", Layout::Iterator, T_object, true},
    {T_map, "map", Layout::Iterator, T_object, true},
    {T_filter, "filter", Layout::Iterator, T_object, true},
    {T_traceback, "traceback", Layout::Instance, T_object, false},
    {T_memoryview, "memoryview", Layout::Instance, T_object, false},
    {T_BaseException, "BaseException", Layout::Exception, T_object, true},
    {T_weakref, "ReferenceType", Layout::WeakRef, T_object, true},
    {T_GenericAlias, "GenericAlias", Layout::Iterator, T_object, true},
    {T_UnionType, "UnionType", Layout::Iterator, T_object, false},
    {T_mappingproxy, "mappingproxy", Layout::Wrapper, T_object, true},
    {T_getset_descriptor, "getset_descriptor", Layout::Property, T_object, false},
};
static_assert(std::size(kBuiltinTypes) == kTypeCount);

Thread* the_main_thread = nullptr;
// Every interpreter thread, for a forked child to drop the ones it does not have.
std::mutex live_threads_lock;
std::vector<Thread*> live_threads;

void add_runtime_roots(Runtime& rt) {
  for (Value& v : rt.types)
    gc::add_root(reinterpret_cast<const stm::Offset*>(&v));
  for (Value& v : rt.names)
    gc::add_root(reinterpret_cast<const stm::Offset*>(&v));
  for (Value* v : {&rt.none, &rt.true_, &rt.false_, &rt.not_implemented, &rt.ellipsis,
                   &rt.empty_tuple, &rt.empty_str, &rt.builtins_module, &rt.builtins,
                   &rt.sys_module, &rt.interned, &rt.spare_memory_error})
    gc::add_root(reinterpret_cast<const stm::Offset*>(v));
  for (Value& v : rt.char_strs)
    gc::add_root(reinterpret_cast<const stm::Offset*>(&v));
  for (auto& entry : rt.exception_types)
    gc::add_root(reinterpret_cast<const stm::Offset*>(&entry.second));
}

Value make_singleton(Thread& t, TypeId type) {
  return allocate(t, Layout::Instance, type_value(type), sizeof(Object));
}

Value make_bool(Thread& t, bool value) {
  Value b = allocate(t, Layout::BigInt, type_value(T_bool), sizeof(IntObject) + 8);
  IntObject* o = fresh<IntObject>(b);
  o->size = value ? 1 : 0;
  o->limbs[0] = value ? 1 : 0;
  return b;
}

void build_runtime(Thread& t) {
  Runtime& rt = runtime();
  // 1. The type objects, bare, so that every later allocation can name its class.
  for (const BuiltinType& bt : kBuiltinTypes)
    rt.types[bt.id] = allocate(t, Layout::Type, {}, sizeof(TypeObject));
  for (const BuiltinType& bt : kBuiltinTypes) {
    TypeObject* o = fresh<TypeObject>(rt.types[bt.id]);
    o->cls = rt.types[T_type];
    o->layout = static_cast<std::uint64_t>(bt.layout);
    o->flags = (bt.subclassable ? kBaseType : 0) | kNoInstanceDict;
    o->base = bt.base == kNoBase ? Value() : rt.types[bt.base];
  }
  // Instances of object (and user classes derived from it) may have dicts.
  fresh<TypeObject>(rt.types[T_object])->flags &= ~std::uint64_t(kNoInstanceDict);
  for (TypeId id : {T_function, T_module, T_type})
    fresh<TypeObject>(rt.types[id])->flags &= ~std::uint64_t(kNoInstanceDict);
  // What `match` takes for a sequence or a mapping; classes inherit it from their base.
  for (TypeId id : {T_list, T_tuple, T_range, T_memoryview})
    fresh<TypeObject>(rt.types[id])->flags |= kSequence;
  for (TypeId id : {T_dict, T_mappingproxy})
    fresh<TypeObject>(rt.types[id])->flags |= kMapping;
  // Whose instances take weak references, as CPython's (before any instance exists: the
  // word that lists them is a slot word).
  for (TypeId id : {T_type, T_function, T_set, T_frozenset, T_module, T_method, T_generator,
                    T_coroutine, T_async_generator, T_code, T_builtin_function, T_GenericAlias,
                    T_memoryview})
    make_weakrefable(rt.types[id]);
  // 2. Names, dicts, bases and MROs (bases first: the table is in that order).
  rt.empty_tuple = tuple_new(t, 0);
  for (const BuiltinType& bt : kBuiltinTypes) {
    Value type = rt.types[bt.id];
    Value n = intern_literal(t, bt.name);
    Value d = dict_new(t);
    Value base = rd<TypeObject>(type)->base;
    Value bases = base ? tuple_from(t, &base, 1) : rt.empty_tuple;
    TypeObject* o = fresh<TypeObject>(type);
    o->name = n;
    o->qualname = n;
    o->dict = d;
    o->bases = bases;
    compute_mro(t, type);
  }
  // 3. Singletons and names.
  rt.none = make_singleton(t, T_NoneType);
  rt.not_implemented = make_singleton(t, T_NotImplementedType);
  rt.ellipsis = make_singleton(t, T_ellipsis);
  rt.true_ = make_bool(t, true);
  rt.false_ = make_bool(t, false);
  rt.empty_str = intern_literal(t, "");
  rt.char_strs.assign(256, Value());
  for (char32_t c = 0; c < 256; ++c) {
    rt.char_strs[c] = str_from_code_points(t, std::u32string_view(&c, 1));
    str_hash(rt.char_strs[c]);
  }
  static const char* const kNames[] = {
#define INTERP_NAME_TEXT(n) #n,
      INTERP_NAMES(INTERP_NAME_TEXT)
#undef INTERP_NAME_TEXT
  };
  for (int i = 0; i < kNameCount; ++i)
    rt.names[i] = intern_literal(t, kNames[i]);
  // 4. The methods of every builtin type.
  init_operator_names(t);
  // Before the types whose attributes are member_descriptors.
  init_member_descriptor_type(t);
  init_exception_types(t);
  rt.spare_memory_error = exception_new(t, exc(E_MemoryError), rt.empty_tuple);
  init_object_type(t);
  init_int_type(t);
  init_float_type(t);
  init_complex_type(t);
  init_str_type(t);
  init_tuple_type(t);
  init_list_type(t);
  init_dict_type(t);
  init_set_types(t);
  init_bytes_type(t);
  init_range_types(t);
  init_code_type(t);
  init_frame_types(t);
  init_function_types(t);
  init_slot_wrapper_types(t);
  init_descriptor_types(t);
  init_iterator_types(t);
  init_weakref_type(t);
  init_builtin_iterator_types(t);
  vm::init_generator_types(t);
  document_builtin_methods(t);
  document_exception_classes(t);
  document_builtin_types(t);
  for (const BuiltinType& bt : kBuiltinTypes) {
    // Every type's own __doc__ (None without one), as CPython's types have: a lookup
    // through the MRO must not find object's docstring for an int.
    Value d = rd<TypeObject>(rt.types[bt.id])->dict;
    if (!dict_get_str(d, name(N___doc__))) dict_set(t, d, name(N___doc__), none());
    update_type_flags(rt.types[bt.id]);
    // The list of the type's own weak references, made now (see type_new).
    wr<TypeObject>(rt.types[bt.id])->weakrefs = list_new(t);
  }
  init_generic_alias_types(t);
  init_mappingproxy_type(t);
  // 5. builtins and sys.
  rt.builtins_module = module_new(t, intern_literal(t, "builtins"));
  rt.builtins = rd<Object>(rt.builtins_module)->dict;
  init_builtins_module(t, rt.builtins_module);
  init_import(t, rt.builtins);
  rt.sys_module = make_sys_module(t);
  rt.interned = dict_new(t);
  Value modules = getattr(t, rt.sys_module, name(N_modules));
  dict_set(t, modules, intern_literal(t, "builtins"), rt.builtins_module);
  dict_set(t, modules, intern_literal(t, "sys"), rt.sys_module);
  if (!install_standard_streams(t)) std::abort();
}

Thread* new_thread() {
  auto* t = new Thread();
  t->tx_length = 20000;
  find_stack_floor(*t);
  // Set but empty means unset, as for Python's own variables.
  if (const char* length = std::getenv("PYPYSTM_TX_LENGTH"); length && *length)
    t->tx_length = std::strtoull(length, nullptr, 10);
  if (t->tx_length == 0) t->tx_length = 1;
  Value* slots = t->root_slots();
  for (int i = 0; i < Thread::kRootCount; ++i)
    gc::add_root(reinterpret_cast<const stm::Offset*>(slots + i));
  {
    std::lock_guard guard(live_threads_lock);
    live_threads.push_back(t);
  }
  set_current_thread(t);
  stm::run_transaction([&] {
    Value state =
        allocate(*t, Layout::ThreadState, type_value(T_thread_state), sizeof(ThreadStateObject));
    if (!state) std::abort();
    t->state = state;
  });
  return t;
}

std::string directory_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : path.substr(0, slash);
}

Options the_options;
// sys is given the command line's settings once, before the first program runs.
bool sys_configured = false;

// The stdout/stderr text a transaction left, written before anything else goes out.
void flush_program_output(Thread& t) {
  vm::flush_output(t);
}

void write_stderr(const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(2, text.data() + done, text.size() - done);
    if (n <= 0) break;
    done += std::size_t(n);
  }
}

// A str as sys.stderr's errors="backslashreplace" writes it: lone surrogates as \udcff.
std::string utf8_backslashreplace(Value s) {
  std::string out;
  for (char32_t c : str_code_points(s)) {
    if (c >= 0xd800 && c <= 0xdfff) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", unsigned(c));
      out += escape;
    } else {
      num::append_utf8(out, c);
    }
  }
  return out;
}

bool set_item(Thread& t, Value dict, const char* key, Value value) {
  return value && dict_set(t, dict, intern_literal(t, key), value);
}

// sys.flags: a struct sequence of the command line's settings, unless the sys module
// already provides it.
Value make_flags(Thread& t, const Options& o) {
  const std::pair<const char*, Value> fields[] = {
      {"debug", Value::small_int(o.debug)},
      {"inspect", Value::small_int(o.inspect)},
      {"interactive", Value::small_int(o.interactive)},
      {"optimize", Value::small_int(o.optimize)},
      {"dont_write_bytecode", Value::small_int(o.dont_write_bytecode)},
      {"no_user_site", Value::small_int(o.no_user_site)},
      {"no_site", Value::small_int(o.no_site)},
      {"ignore_environment", Value::small_int(o.ignore_environment ? 1 : 0)},
      {"verbose", Value::small_int(o.verbose)},
      {"bytes_warning", Value::small_int(o.bytes_warning)},
      {"quiet", Value::small_int(o.quiet)},
      {"hash_randomization", Value::small_int(o.hash_randomization)},
      {"isolated", Value::small_int(o.isolated)},
      {"dev_mode", py_bool(o.dev_mode)},
      {"utf8_mode", Value::small_int(o.utf8_mode)},
      {"warn_default_encoding", Value::small_int(o.warn_default_encoding)},
      {"safe_path", py_bool(o.safe_path)},
      {"int_max_str_digits", Value::small_int(o.int_max_str_digits)},
  };
  const char* names[std::size(fields)];
  Value items[std::size(fields)];
  for (std::size_t i = 0; i < std::size(fields); ++i) {
    names[i] = fields[i].first;
    items[i] = fields[i].second;
  }
  Value type = new_struct_sequence_type(t, "flags", "sys", names, std::size(fields));
  if (type) refuse_instances(t, type);
  return type ? new_struct_sequence(t, type, items, std::size(fields)) : Value();
}

// Puts the command line's settings where programs look for them: sys.flags,
// sys._xoptions, sys.warnoptions, sys.executable, and the buffering attributes of the
// standard streams (-u: every write reaches the file at the next commit, as all output
// here does; a program sees write_through).
void configure_sys(Thread& t) {
  if (sys_configured) return;
  sys_configured = true;
  const Options& o = the_options;
  stm::run_transaction([&] {
    Value sys = runtime().sys_module;
    Value d = rd<Object>(sys)->dict;
    if (!dict_get_cstr(t, d, "flags")) set_item(t, d, "flags", make_flags(t, o));
    if (!o.pycache_prefix.empty())
      set_item(t, d, "pycache_prefix", str_from_os_bytes(t, o.pycache_prefix));
    if (o.int_max_str_digits >= 0)
      runtime().int_max_str_digits.store(std::size_t(o.int_max_str_digits));
    clear_pending(t);
    Value xoptions = dict_new(t);
    for (const Options::XOption& x : o.xoptions)
      if (xoptions)
        dict_set(t, xoptions, str_from_utf8(t, x.name),
                 x.has_value ? str_from_utf8(t, x.value) : runtime().true_);
    set_item(t, d, "_xoptions", xoptions);
    Value warn = list_new(t);
    for (const std::string& w : o.warnoptions)
      if (warn) list_append(t, warn, str_from_utf8(t, w));
    set_item(t, d, "warnoptions", warn);
    set_item(t, d, "dont_write_bytecode", py_bool(o.dont_write_bytecode));
    set_item(t, d, "executable", str_from_utf8(t, o.executable));
    set_item(t, d, "_base_executable", str_from_utf8(t, o.executable));
    clear_pending(t);
    const std::pair<const char*, int> streams[] = {{"stdout", 1}, {"stderr", 2}};
    for (const auto& [stream_name, fd] : streams) {
      Value s = dict_get_cstr(t, d, stream_name);
      if (!s) continue;
      // stdout is line buffered on a terminal, stderr always (CPython's choices).
      bool line = !o.unbuffered && (fd == 2 || ::isatty(fd));
      set_stream_buffering(s, line, o.unbuffered);
    }
  });
}

// What an uncaught exception ends in. SystemExit gives its status (its message, if any,
// printed); anything else prints a traceback (through a sys.excepthook the program set)
// and gives 1, or kExitBySigint for KeyboardInterrupt. With system_exit_exits false
// (under -i, and in the REPL for everything but SystemExit) a SystemExit is printed like
// any other exception. `exits` tells whether the process should end.
int report_exception(Thread& t, Value e, bool system_exit_exits = true, bool* exits = nullptr) {
  int status = 1;
  bool exit_now = true;
  std::string text;
  bool hooked = false;
  stm::run_transaction([&] {
    text.clear();
    status = 1;
    exit_now = true;
    hooked = false;
    Value x = e; // an instance made here lives only in this transaction
    if (!exception_check(x)) {
      // Only an instance should ever get here. Should a class or another object do, it
      // is still reported (a class is instantiated first), never read as an instance.
      if (!(x.is_object() && is_layout(x, Layout::Type) && is_subtype(x, exc(E_BaseException)))) {
        text = "SystemError: uncaught object that is not an exception: " + type_name_of(x) + "\n";
        return;
      }
      Value instance = call0(t, x);
      if (!instance || !exception_check(instance)) {
        clear_pending(t);
        text = str_utf8(rd<TypeObject>(x)->name) + "\n";
        return;
      }
      x = instance;
    }
    Value type = type_of(x);
    if (system_exit_exits && is_subtype(type, exc(E_SystemExit))) {
      Value code = rd<ExceptionObject>(x)->extra[0];
      if (!code || code == none()) {
        status = 0;
      } else if (int_check(code)) {
        std::int64_t c;
        // A code beyond 64 bits is reported as -1, as CPython's conversion fails.
        status = int_to_i64(code, c) ? int(c & 0xff) : 255;
      } else {
        Value s = str(t, code);
        if (!s)
          clear_pending(t);
        else
          text = utf8_backslashreplace(s) + "\n";
        status = 1;
      }
      return;
    }
    exit_now = system_exit_exits;
    if (is_subtype(type, exc(E_KeyboardInterrupt)) && system_exit_exits) status = kExitBySigint;
    Value d = rd<Object>(runtime().sys_module)->dict;
    Value tb = rd<ExceptionObject>(x)->traceback;
    if (!tb) tb = none();
    set_item(t, d, "last_type", type);
    set_item(t, d, "last_value", x);
    set_item(t, d, "last_traceback", tb);
    clear_pending(t);
    Value hook = dict_get_cstr(t, d, "excepthook");
    Value original = dict_get_cstr(t, d, "__excepthook__");
    if (hook && hook != original && hook != none()) {
      Value args[3] = {type, x, tb};
      if (call(t, hook, args, 3)) {
        hooked = true;
        return;
      }
      Value failure = fetch_pending(t);
      text = "Error in sys.excepthook:\n";
      std::string more;
      format_exception_report(t, failure, more);
      text += more + "\nOriginal exception was:\n";
    }
    std::string trace;
    format_exception_report(t, x, trace);
    text += trace;
  });
  (void)hooked;
  if (exits) *exits = exit_now;
  // Output the program printed must come before the traceback.
  flush_program_output(t);
  if (!text.empty()) {
    std::fflush(stdout);
    write_stderr(text);
  }
  return status;
}

// The __main__ module: the one sys.modules holds when `reuse` (a program run before the
// REPL leaves its namespace there), else a new one put in its place.
Value main_module(Thread& t, bool reuse) {
  Value modules = getattr(t, runtime().sys_module, name(N_modules));
  if (!modules) return {};
  Value main_name = intern_literal(t, "__main__");
  if (reuse) {
    Value m = dict_get_str(modules, main_name);
    if (m && m.is_object() && rd<Object>(m)->dict) return m;
  }
  Value module = module_new(t, main_name);
  if (!module) return {};
  Value globals = rd<Object>(module)->dict;
  if (!dict_set(t, globals, name(N___builtins__), runtime().builtins_module)) return {};
  if (!set_item(t, globals, "__annotations__", dict_new(t))) return {};
  // CPython's start-up gives __main__ importlib's BuiltinImporter; a file run replaces it.
  Value importer = main_builtin_importer(t);
  if (!importer || !set_item(t, globals, "__loader__", importer)) return {};
  if (!dict_set(t, modules, main_name, module)) return {};
  return module;
}

// Where -m found its module: the file to run, the package it belongs to and its name
// (a package's is its __main__ submodule's).
struct MainModule {
  std::string filename;
  std::string package;
  std::string name;
  // An exception raised by a parent package's __init__, reported with its traceback as
  // runpy lets it through.
  Value failure;
};

// Runs source as the __main__ module. file_attr: __file__ (empty: none; "<stdin>" for a
// program read from stdin, which has no loader of its own); found: where -m found it
// (0: not run by -m), which gives __package__ and __spec__ (else None).
int run_as_main(Thread& t, const std::string& source, const std::string& filename,
                const std::string& file_attr, const MainModule* found) {
  Value code, globals, error;
  stm::run_transaction([&] {
    t.pending = {};
    error = code = globals = {};
    Value module = main_module(t, false);
    if (module) {
      globals = rd<Object>(module)->dict;
      if (!file_attr.empty()) {
        set_item(t, globals, "__file__", str_from_utf8(t, file_attr));
        set_item(t, globals, "__cached__", none());
      }
      // A script run by path gets a SourceFileLoader named __main__; a module run by -m
      // one of its own name, and a spec.
      if (!file_attr.empty() && file_attr[0] != '<' && !t.pending) {
        Value loader = main_script_loader(t, found ? found->name : "__main__", file_attr);
        set_item(t, globals, "__loader__", loader);
        Value spec =
            found && loader ? main_module_spec(t, found->name, file_attr, loader) : Value();
        if (spec) {
          set_item(t, globals, "__spec__", spec);
          set_item(t, globals, "__package__", str_from_utf8(t, found->package));
        }
      }
    }
    if (!t.pending)
      code =
          compile_source(t, source, filename, ast::Mode::Exec, -1, parse::SourceKind::ScriptFile);
    if (!code) error = fetch_pending(t);
  });
  if (error) return report_exception(t, error, !the_options.inspect);
  Value exception;
  vm::run_outermost(t, code, globals, exception);
  if (exception) return report_exception(t, exception, !the_options.inspect);
  flush_program_output(t);
  return 0;
}

} // namespace

// What CPython's site module adds to builtins for interactive use: help (pydoc's), exit,
// quit and the license printers. Written in Python, as site does it.
constexpr const char* kSiteBuiltins = R"(
class Quitter:
    def __init__(self, name, eof):
        self.name = name
        self.eof = eof
    def __repr__(self):
        return f'Use {self.name}() or {self.eof} to exit'
    def __call__(self, code=None):
        import sys
        try:
            sys.stdin.close()
        except Exception:
            pass
        raise SystemExit(code)

class _Printer:
    def __init__(self, name, text):
        self._name = name
        self._text = text
    def __repr__(self):
        return self._text
    def __call__(self):
        print(self._text)

class _Helper:
    def __repr__(self):
        return ("Type help() for interactive help, "
                "or help(object) for help about object.")
    def __call__(self, *args, **kwds):
        import pydoc
        return pydoc.help(*args, **kwds)

help = _Helper()
exit = Quitter('exit', 'Ctrl-D (i.e. EOF)')
quit = Quitter('quit', 'Ctrl-D (i.e. EOF)')
copyright = _Printer('copyright', 'Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.')
credits = _Printer('credits', 'Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n    for supporting Python development.  See www.python.org for more information.')
license = _Printer('license', 'Type license() to see the full license text')
)";

// What site's enablerlcompleter sets as sys.__interactivehook__, which the REPL calls at
// its start: Tab completion through rlcompleter, and the history kept in
// ~/.python_history between sessions. Not in isolated mode (-I), as site.
constexpr const char* kInteractiveHook = R"(
def register_readline():
    import atexit, os
    try:
        import readline, rlcompleter
    except ImportError:
        return
    readline.parse_and_bind('tab: complete')
    try:
        readline.read_init_file()
    except OSError:
        pass
    # A startup file may have read a history already: it then owns saving it too.
    if readline.get_current_history_length() == 0:
        history = os.path.join(os.path.expanduser('~'), '.python_history')
        try:
            readline.read_history_file(history)
        except OSError:
            pass
        def write_history():
            try:
                readline.write_history_file(history)
            except OSError:
                pass
        atexit.register(write_history)

import sys
sys.__interactivehook__ = register_readline
)";

void add_site_builtins(Thread& t) {
  stm::run_transaction([&] {
    Value ns = dict_new(t);
    dict_set(t, ns, name(N___name__), intern_literal(t, "_sitebuiltins"));
    dict_set(t, ns, name(N___builtins__), runtime().builtins_module);
    Value code = compile_source(t, kSiteBuiltins, "<_sitebuiltins>", ast::Mode::Exec);
    if (!code || !vm::run_code(t, code, ns, ns)) {
      clear_pending(t);
      return;
    }
    for (const char* n : {"help", "exit", "quit", "copyright", "credits", "license"})
      if (Value v = dict_get_cstr(t, ns, n))
        dict_set(t, runtime().builtins, intern_literal(t, n), v);
  });
  if (the_options.isolated) return;
  stm::run_transaction([&] {
    Value ns = dict_new(t);
    dict_set(t, ns, name(N___name__), intern_literal(t, "site"));
    dict_set(t, ns, name(N___builtins__), runtime().builtins_module);
    Value code = compile_source(t, kInteractiveHook, "<site>", ast::Mode::Exec);
    if (!code || !vm::run_code(t, code, ns, ns)) clear_pending(t);
  });
}

void start(const Options& options) {
  the_options = options;
  if (!stm::initialized()) stm::initialize();
  stm::attach_thread();
  create_runtime();
  // Nothing is rooted until the runtime is built: no collection may run before.
  gc::set_enabled(false);
  auto* t = new Thread();
  t->tx_length = 20000;
  set_current_thread(t);
  stm::run_transaction([&] { build_runtime(*t); });
  add_runtime_roots(runtime());
  vm::install_finalization_hook();
  gc::set_enabled(true);
  delete t;
  the_main_thread = new_thread();
  the_main_thread->main = true;
  the_main_thread->ident = 1;
  // sys.argv and sys.path.
  Thread& mt = *the_main_thread;
  stm::run_transaction([&] {
    Value argv = getattr(mt, runtime().sys_module, name(N_argv));
    Value path = getattr(mt, runtime().sys_module, name(N_path));
    for (const std::string& a : options.argv)
      list_append(mt, argv, str_from_os_bytes(mt, a));
    if (Value orig_argv = dict_get_cstr(mt, rd<Object>(runtime().sys_module)->dict, "orig_argv"))
      for (const std::string& a : options.orig_argv)
        list_append(mt, orig_argv, str_from_os_bytes(mt, a));
    if (options.argv.empty()) list_append(mt, argv, runtime().empty_str);
    for (const std::string& p : options.path_prefix)
      list_append(mt, path, str_from_utf8(mt, p));
    if (!options.ignore_environment) {
      if (const char* pp = std::getenv("PYTHONPATH")) {
        std::string all = pp;
        std::size_t start_at = 0;
        while (start_at <= all.size()) {
          std::size_t colon = all.find(':', start_at);
          std::string part = all.substr(start_at, colon == std::string::npos ? std::string::npos
                                                                             : colon - start_at);
          if (!part.empty()) list_append(mt, path, str_from_utf8(mt, part));
          if (colon == std::string::npos) break;
          start_at = colon + 1;
        }
      }
    }
#ifdef PYPYSTM_LIB_DIR
    list_append(mt, path, str_from_utf8(mt, PYPYSTM_LIB_DIR));
#endif
    list_append(mt, path, str_from_utf8(mt, "/usr/lib/python3.11"));
  });
  if (!options.no_site) add_site_builtins(mt);
  // As in CPython: -X faulthandler, -X dev or PYTHONFAULTHANDLER turn the fault handler on.
  bool fault_handler = options.dev_mode;
  for (const Options::XOption& x : options.xoptions)
    fault_handler |= x.name == "faulthandler";
  if (!options.ignore_environment)
    if (const char* env = std::getenv("PYTHONFAULTHANDLER"); env && *env) fault_handler = true;
  if (fault_handler)
    stm::run_transaction([&] {
      Value enable = module_attr(mt, "faulthandler", "enable");
      if (!enable || !call0(mt, enable)) clear_pending(mt);
    });
}

const std::vector<std::pair<std::string, ModuleFactory>>& registered_modules() {
  return the_options.builtin_modules;
}

Thread& main_thread() {
  return *the_main_thread;
}

const Options& options() {
  return the_options;
}

Thread* attach_thread() {
  stm::attach_thread();
  return new_thread();
}

static void forget_thread(Thread* t) {
  Value* slots = t->root_slots();
  for (int i = 0; i < Thread::kRootCount; ++i)
    gc::remove_root(reinterpret_cast<const stm::Offset*>(slots + i));
  std::lock_guard guard(live_threads_lock);
  std::erase(live_threads, t);
}

void for_each_thread(const std::function<void(Thread&)>& fn) {
  std::lock_guard guard(live_threads_lock);
  for (Thread* t : live_threads)
    fn(*t);
}

void detach_thread(Thread* t) {
  forget_thread(t);
  set_current_thread(nullptr);
  delete t;
  stm::detach_thread();
}

void after_fork_in_child(Thread& t) {
  // The others' roots may name objects that only their vanished transactions made. Their
  // states are not deleted: nothing in the child runs their destructors' assumptions.
  new (&live_threads_lock) std::mutex;
  std::vector<Thread*> others;
  for (Thread* other : live_threads)
    if (other != &t) others.push_back(other);
  for (Thread* other : others)
    forget_thread(other);
  t.main = true;
  the_main_thread = &t;
  vm::after_fork_in_child();
  for (void (*forget)() : the_options.after_fork_in_child)
    forget();
}

int run_main_source(const std::string& source, const std::string& filename) {
  Thread& t = main_thread();
  configure_sys(t);
  // A program from stdin has __file__ "<stdin>", as CPython's; -c's has none.
  return run_as_main(t, source, filename, filename == "<string>" ? std::string() : filename,
                     nullptr);
}

namespace {

// "Error while finding module specification for 'a.b' (ModuleNotFoundError: ...)".
std::string spec_error(Thread& t, const std::string& module, Value e) {
  std::string message;
  Value s = str(t, e);
  if (s) {
    message = str_utf8(s);
  } else {
    clear_pending(t);
  }
  std::string text = "Error while finding module specification for '" + module + "' (" +
                     type_name_of(e) + ": " + message + ")";
  if (module.size() > 3 && module.compare(module.size() - 3, 3, ".py") == 0)
    text += ". Try using '" + module.substr(0, module.size() - 3) + "' instead of '" + module +
            "' as the module name.";
  return text;
}

// Whether importing package `parent` failed only because it (or a package above it) is
// missing, which runpy reports in one line; any other failure, an ImportError raised by
// its __init__ included, goes through with its traceback.
bool parent_is_missing(Thread& t, Value e, const std::string& parent) {
  if (!is_subtype(type_of(e), exc(E_ImportError))) return false;
  Value missing = getattr_opt(t, e, intern_literal(t, "name"));
  clear_pending(t);
  if (!missing || !str_check(missing)) return false;
  std::string name = str_utf8(missing);
  return name == parent || parent.rfind(name + ".", 0) == 0;
}

// After a parent package's import failed: the one-line message, or empty with the
// exception kept in `found` to be reported whole.
std::string parent_import_failure(Thread& t, const std::string& target, const std::string& parent,
                                  MainModule& found) {
  Value e = fetch_pending(t);
  if (parent_is_missing(t, e, parent)) return spec_error(t, target, e);
  found.failure = e;
  return {};
}

bool readable(const std::string& path) {
  return access(path.c_str(), R_OK) == 0;
}

// Finds the file that `python -m module` runs, as runpy does: the parent packages are
// imported (their __init__ runs), a package runs its __main__ submodule. Returns an
// error message for stderr (after "program: "), empty when found.
std::string find_main_module(Thread& t, const std::string& module, MainModule& found) {
  std::string target = module;
  for (int depth = 0; depth < 2; ++depth) {
    if (target.empty()) return "No module named ";
    if (target[0] == '.') return "Relative module names not supported";
    std::size_t dot = target.rfind('.');
    std::string parent = dot == std::string::npos ? "" : target.substr(0, dot);
    std::string leaf = dot == std::string::npos ? target : target.substr(dot + 1);
    Value dirs;
    if (parent.empty()) {
      dirs = getattr(t, runtime().sys_module, name(N_path));
    } else {
      Value m = import_module(t, parent);
      if (!m) return parent_import_failure(t, target, parent, found);
      dirs = getattr_opt(t, m, intern_literal(t, "__path__"));
      if (!dirs) {
        if (t.pending) return spec_error(t, target, fetch_pending(t));
        raisef(t, exc(E_ModuleNotFoundError),
               "__path__ attribute not found on '%s' while trying to find '%s'", parent.c_str(),
               target.c_str());
        return spec_error(t, target, fetch_pending(t));
      }
    }
    Value entries = list_of(t, dirs);
    if (!entries) return spec_error(t, target, fetch_pending(t));
    std::string file, package_dir;
    for (std::int64_t i = 0; i < list_length(entries) && file.empty() && package_dir.empty(); ++i) {
      Value entry = list_item(entries, i);
      if (!str_check(entry)) continue;
      std::string dir = str_utf8(entry);
      std::string base = (dir.empty() ? "." : dir) + "/" + leaf;
      if (readable(base + "/__init__.py"))
        package_dir = base;
      else if (readable(base + ".py"))
        file = base + ".py";
    }
    if (!package_dir.empty()) {
      if (depth == 1)
        return "Cannot use package as __main__ module; '" + parent +
               "' is a package and cannot be directly executed";
      // The package itself is imported first, as runpy does.
      if (!import_module(t, target)) return parent_import_failure(t, target, target, found);
      found.package = target;
      target += ".__main__";
      continue;
    }
    if (file.empty()) {
      if (depth == 1)
        return "No module named " + target + "; '" + parent +
               "' is a package and cannot be directly executed";
      return "No module named " + target;
    }
    found.name = target;
    found.filename = file[0] == '/' ? file : std::string(".") + "/" + file;
    if (file[0] != '/') {
      char cwd[4096];
      if (getcwd(cwd, sizeof cwd)) found.filename = std::string(cwd) + "/" + file;
    }
    if (depth == 0) found.package = parent;
    return {};
  }
  return "No module named " + target;
}

} // namespace

int run_main_archive() {
  Thread& t = main_thread();
  configure_sys(t);
  // As CPython runs a zip archive: runpy finds __main__ on sys.path, whose first entry is
  // the archive (runpy reports a missing one itself, and exits).
  Value payload, error;
  stm::run_transaction([&] {
    t.pending = {};
    payload = error = {};
    Value runpy = main_module(t, false) ? import_module(t, "runpy") : Value();
    Value run = runpy ? getattr(t, runpy, intern_literal(t, "_run_module_as_main")) : Value();
    Value run_args[2] = {run ? str_from_utf8(t, "__main__") : Value(), py_bool(false)};
    Value args = run_args[0] ? tuple_from(t, run_args, 2) : Value();
    Value call[3] = {run, args, none()};
    payload = args ? tuple_from(t, call, 3) : Value();
    if (!payload) error = fetch_pending(t);
  });
  if (error) return report_exception(t, error, !the_options.inspect);
  Value exception;
  vm::run_outermost_call(t, &payload, exception);
  if (exception) return report_exception(t, exception, !the_options.inspect);
  flush_program_output(t);
  return 0;
}

int run_main_module(const std::string& module) {
  Thread& t = main_thread();
  configure_sys(t);
  MainModule found;
  std::string message;
  stm::run_transaction([&] {
    found = {};
    message = find_main_module(t, module, found);
    if (message.empty() && !found.failure) {
      // sys.argv[0] names the file, as runpy sets it.
      Value argv = getattr(t, runtime().sys_module, name(N_argv));
      Value path = str_from_utf8(t, found.filename);
      if (argv && path) setitem(t, argv, Value::small_int(0), path);
    }
    clear_pending(t);
  });
  flush_program_output(t);
  if (found.failure) return report_exception(t, found.failure, !the_options.inspect);
  if (!message.empty()) {
    std::fflush(stdout);
    write_stderr(the_options.executable + ": " + message + "\n");
    return 1;
  }
  std::string source;
  if (FILE* f = std::fopen(found.filename.c_str(), "rb")) {
    char buffer[65536];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
      source.append(buffer, n);
    std::fclose(f);
  } else {
    write_stderr(the_options.executable + ": can't open file '" + found.filename + "'\n");
    return 1;
  }
  return run_as_main(t, source, found.filename, found.filename, &found);
}

namespace {

volatile std::sig_atomic_t interrupted_at_prompt = 0;

void on_prompt_interrupt(int) {
  interrupted_at_prompt = 1;
}

enum class LineRead { Line, End, Interrupted };

// One line of stdin, read a byte at a time so that what the program later reads from
// sys.stdin is still there. Ctrl-C while waiting (the runtime has no SIGINT handler of its
// own yet) abandons the entry, as CPython's prompt does, instead of killing the REPL.
LineRead read_line(std::string& line) {
  line.clear();
  interrupted_at_prompt = 0;
  struct sigaction action = {}, previous = {};
  action.sa_handler = on_prompt_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0; // no SA_RESTART: the read returns EINTR
  sigaction(SIGINT, &action, &previous);
  LineRead result = LineRead::Line;
  char c;
  for (;;) {
    ssize_t n = ::read(0, &c, 1);
    if (interrupted_at_prompt) {
      result = LineRead::Interrupted;
      break;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (line.empty()) result = LineRead::End;
      break;
    }
    line.push_back(c);
    if (c == '\n') break;
  }
  sigaction(SIGINT, &previous, nullptr);
  return result;
}

bool blank_or_comment(const std::string& line) {
  for (char c : line) {
    if (c == '#') return true;
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
  }
  return true;
}

bool blank(const std::string& line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
  return true;
}

// Whether the first line of an entry opens a compound statement: the REPL then reads
// until a blank line, as CPython's does even for `for x in y: f(x)`.
bool opens_block(const std::string& line) {
  std::size_t start = line.find_first_not_of(" \t");
  if (start == std::string::npos) return false;
  if (line[start] == '@') return true;
  std::size_t end = line.find_first_not_of("abcdefghijklmnopqrstuvwxyz", start);
  std::string word = line.substr(start, end == std::string::npos ? std::string::npos : end - start);
  static const char* const kCompound[] = {"if",   "while", "for",   "try",
                                          "with", "def",   "class", "async"};
  for (const char* k : kCompound)
    if (word == k) return true;
  std::size_t last = line.find_last_not_of(" \t\r\n");
  return last != std::string::npos && line[last] == ':';
}

// A SyntaxError that more lines could cure: the entry goes on with the "... " prompt.
bool incomplete_input(Thread& t, Value error, const std::string& source) {
  if (!is_subtype(type_of(error), exc(E_SyntaxError))) return false;
  std::size_t last = source.find_last_not_of("\r\n");
  if (last != std::string::npos && source[last] == '\\') return true;
  Value args = rd<ExceptionObject>(error)->args;
  if (!args || !is_exact(args, T_tuple) || tuple_length(args) == 0) return false;
  Value msg = tuple_item(args, 0);
  if (!str_check(msg)) return false;
  std::string text = str_utf8(msg);
  (void)t;
  return text.find("was never closed") != std::string::npos ||
         text.find("unterminated triple-quoted string") != std::string::npos ||
         text.find("unexpected EOF") != std::string::npos ||
         text.find("expected an indented block") != std::string::npos;
}

// Whether a block being entered already has an error that more lines cannot cure: the
// REPL then reports it at once, as CPython's does (`def f(:`), instead of reading on to
// the blank line.
bool fails_for_good(Thread& t, const std::string& entry) {
  bool fails = false;
  stm::run_transaction([&] {
    t.pending = {};
    fails = false;
    if (compile_source(t, entry, "<stdin>", ast::Mode::Single)) return;
    Value error = fetch_pending(t);
    fails = !incomplete_input(t, error, entry);
  });
  return fails;
}

// str(sys.ps1) or str(sys.ps2), CPython's defaults set when missing.
std::string prompt(Thread& t, bool first) {
  std::string text;
  stm::run_transaction([&] {
    text = first ? ">>> " : "... ";
    Value d = rd<Object>(runtime().sys_module)->dict;
    Value p = dict_get_cstr(t, d, first ? "ps1" : "ps2");
    if (!p) return;
    Value s = str(t, p);
    if (s)
      text = str_utf8(s);
    else
      clear_pending(t);
  });
  flush_program_output(t);
  return text;
}

// Compiles `source` and runs it in the outermost loop (which can block outside a
// transaction) with fresh globals; the exception it raised, or 0.
Value run_snippet(Thread& t, const char* source, const char* filename) {
  Value code, globals, error;
  stm::run_transaction([&] {
    t.pending = {};
    error = {};
    globals = dict_new(t);
    if (globals) dict_set(t, globals, name(N___builtins__), runtime().builtins_module);
    code = globals ? compile_source(t, source, filename, ast::Mode::Exec) : Value();
    if (!code) error = fetch_pending(t);
  });
  Value exception = error;
  if (code) vm::run_outermost(t, code, globals, exception);
  return exception;
}

// sys.__interactivehook__, called as CPython's REPL does at its start; its failure is
// reported and the REPL goes on. False when it raised SystemExit that ends the program.
bool run_interactive_hook(Thread& t) {
  static const char kCall[] = "import sys\n"
                              "hook = getattr(sys, '__interactivehook__', None)\n"
                              "if hook is not None:\n"
                              "    hook()\n";
  Value exception = run_snippet(t, kCall, "<interactivehook>");
  flush_program_output(t);
  if (exception) {
    write_stderr("Failed calling sys.__interactivehook__\n");
    report_exception(t, exception, false);
  }
  return true;
}

} // namespace

int run_repl(bool fresh) {
  Thread& t = main_thread();
  configure_sys(t);
  Value globals;
  std::string banner;
  stm::run_transaction([&] {
    banner.clear();
    Value module = main_module(t, true);
    globals = module ? rd<Object>(module)->dict : Value();
    Value d = rd<Object>(runtime().sys_module)->dict;
    if (!dict_get_cstr(t, d, "ps1")) set_item(t, d, "ps1", str_from_ascii(t, ">>> "));
    if (!dict_get_cstr(t, d, "ps2")) set_item(t, d, "ps2", str_from_ascii(t, "... "));
    Value version = dict_get_cstr(t, d, "version");
    Value platform = dict_get_cstr(t, d, "platform");
    if (version && platform && str_check(version) && str_check(platform))
      banner = "Python " + str_utf8(version) + " on " + str_utf8(platform) + "\n" +
               "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n";
    clear_pending(t);
  });
  if (!globals) return 1;
  // The banner only greets a REPL that no program ran before.
  if (fresh && !the_options.quiet) write_stderr(banner);
  if (fresh && !the_options.ignore_environment) {
    const char* startup = std::getenv("PYTHONSTARTUP");
    if (startup && *startup) {
      std::string source;
      if (FILE* f = std::fopen(startup, "rb")) {
        char buffer[65536];
        std::size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
          source.append(buffer, n);
        std::fclose(f);
        Value code, error;
        stm::run_transaction([&] {
          error = {};
          code = compile_source(t, source, startup, ast::Mode::Exec);
          if (!code) error = fetch_pending(t);
        });
        Value exception = error;
        if (code) vm::run_outermost(t, code, globals, exception);
        if (exception) {
          bool exits = false;
          int status = report_exception(t, exception, true, &exits);
          if (exits && is_subtype(type_of(exception), exc(E_SystemExit))) return status;
        }
        flush_program_output(t);
      } else {
        int error = errno;
        write_stderr("Could not open PYTHONSTARTUP\n" + std::string("FileNotFoundError: [Errno ") +
                     std::to_string(error) + "] " + std::strerror(error) + ": '" + startup + "'\n");
      }
    }
  }
  if (!run_interactive_hook(t)) return 1;
  std::string entry, line;
  bool in_block = false;
  for (;;) {
    std::fflush(stdout);
    LineRead read;
    if (readline_imported() && ::isatty(0) && ::isatty(1)) {
      // As CPython's: once readline is imported it reads the terminal, prompt included.
      std::string shown = prompt(t, entry.empty());
      int got = read_line_with_readline(t, shown, line, false);
      if (got > 0) line += '\n';
      read = got > 0 ? LineRead::Line : got == 0 ? LineRead::End : LineRead::Interrupted;
    } else {
      write_stderr(prompt(t, entry.empty()));
      read = read_line(line);
    }
    if (read == LineRead::Interrupted) {
      write_stderr("\nKeyboardInterrupt\n");
      entry.clear();
      in_block = false;
      continue;
    }
    bool got = read == LineRead::Line;
    if (!got) {
      // End of input ends the line the prompt started; a pending entry still runs.
      write_stderr("\n");
      if (entry.empty()) return 0;
    } else {
      if (entry.empty() && blank_or_comment(line)) continue;
      bool first = entry.empty();
      entry += line;
      if (line.back() != '\n') entry += '\n';
      if (first) in_block = opens_block(line);
      if (in_block && !blank(line) && !fails_for_good(t, entry)) continue;
    }
    Value code, error;
    bool more = false;
    stm::run_transaction([&] {
      t.pending = {};
      error = {};
      more = false;
      code = compile_source(t, entry, "<stdin>", ast::Mode::Single);
      if (code) return;
      error = fetch_pending(t);
      more = got && !in_block && incomplete_input(t, error, entry);
    });
    if (more) continue;
    entry.clear();
    in_block = false;
    Value exception = error;
    if (code) vm::run_outermost(t, code, globals, exception);
    if (exception) {
      bool exits = false;
      bool system_exit = false;
      stm::run_transaction(
          [&] { system_exit = is_subtype(type_of(exception), exc(E_SystemExit)); });
      int status = report_exception(t, exception, system_exit, &exits);
      if (system_exit && exits) return status;
    }
    flush_program_output(t);
  }
}

// As CPython ends: once __main__ is gone from sys.modules, a collection finds what only
// it held and runs those objects' __del__ methods and weakref callbacks, with the module's
// globals still whole, as CPython's collector does for the cycle through a class's
// functions and their globals. Skipped while daemon threads still run: they could still
// reach those objects, where CPython's would be frozen for good.
void collect_main_module(Thread& t) {
  std::size_t threads = 0;
  for_each_thread([&](Thread&) { ++threads; });
  if (threads > 1) return;
  runtime().finalizing = true;
  static const char kCollect[] = "import sys, gc\n"
                                 "sys.modules.pop('__main__', None)\n"
                                 "gc.collect()\n";
  Value exception = run_snippet(t, kCollect, "<shutdown>");
  (void)exception; // a failure here has nothing left to report to
  flush_program_output(t);
}

int finalize(int status) {
  Thread& t = main_thread();
  // Python code, run by the outermost loop: joining threads blocks, which only the
  // outermost loop can do outside a transaction.
  static const char kShutdown[] = "import sys\n"
                                  "threading = sys.modules.get('threading')\n"
                                  "if threading is not None and hasattr(threading, '_shutdown'):\n"
                                  "    threading._shutdown()\n"
                                  "atexit = sys.modules.get('atexit')\n"
                                  "if atexit is not None and hasattr(atexit, '_run_exitfuncs'):\n"
                                  "    atexit._run_exitfuncs()\n";
  Value exception = run_snippet(t, kShutdown, "<shutdown>");
  if (exception) {
    bool exits = false;
    int s = report_exception(t, exception, true, &exits);
    bool system_exit = false;
    stm::run_transaction([&] { system_exit = is_subtype(type_of(exception), exc(E_SystemExit)); });
    if (system_exit) status = s;
  }
  flush_program_output(t);
  collect_main_module(t);
  return status;
}

} // namespace interp
