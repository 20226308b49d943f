// interp/interp.cc - starting the interpreter: the builtin types in dependency order, the
// singletons and names, the builtin modules, the main thread; and running __main__.
#include "interp/interp.h"

#include "gc/gc.h"
#include "interp/compile_source.h"
#include "interp/modules/modules.h"
#include "interp/objects/iterators.h"
#include "interp/objects/numbers.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/outermost.h"
#include "interp/vm/vm.h"

#include <cstdio>
#include <cstdlib>
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
void init_range_types(Thread& t);
void init_code_type(Thread& t);
void init_frame_types(Thread& t);
void init_function_types(Thread& t);
void init_descriptor_types(Thread& t);
void init_str_type(Thread& t);
void init_builtin_iterator_types(Thread& t);
void init_generic_alias_types(Thread& t);

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
    {T_reversed, "reversed", Layout::Iterator, T_object, true},
    {T_enumerate, "enumerate", Layout::Iterator, T_object, true},
    {T_zip, "zip", Layout::Iterator, T_object, true},
    {T_map, "map", Layout::Iterator, T_object, true},
    {T_filter, "filter", Layout::Iterator, T_object, true},
    {T_traceback, "traceback", Layout::Instance, T_object, false},
    {T_memoryview, "memoryview", Layout::Instance, T_object, false},
    {T_BaseException, "BaseException", Layout::Exception, T_object, true},
    {T_weakref, "weakref", Layout::WeakRef, T_object, true},
    {T_GenericAlias, "GenericAlias", Layout::Iterator, T_object, true},
    {T_UnionType, "UnionType", Layout::Iterator, T_object, false},
};
static_assert(std::size(kBuiltinTypes) == kTypeCount);

Thread* the_main_thread = nullptr;

void add_runtime_roots(Runtime& rt) {
  for (Value& v : rt.types)
    gc::add_root(reinterpret_cast<const stm::Offset*>(&v));
  for (Value& v : rt.names)
    gc::add_root(reinterpret_cast<const stm::Offset*>(&v));
  for (Value* v :
       {&rt.none, &rt.true_, &rt.false_, &rt.not_implemented, &rt.ellipsis, &rt.empty_tuple,
        &rt.empty_str, &rt.builtins_module, &rt.builtins, &rt.sys_module})
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
  init_exception_types(t);
  init_object_type(t);
  init_int_type(t);
  init_float_type(t);
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
  init_descriptor_types(t);
  init_iterator_types(t);
  init_builtin_iterator_types(t);
  vm::init_generator_types(t);
  for (const BuiltinType& bt : kBuiltinTypes) {
    add_attribute(t, rt.types[bt.id], "__module__", intern_literal(t, "builtins"));
    update_type_flags(rt.types[bt.id]);
  }
  init_generic_alias_types(t);
  // 5. builtins and sys.
  rt.builtins_module = module_new(t, intern_literal(t, "builtins"));
  rt.builtins = rd<Object>(rt.builtins_module)->dict;
  init_builtins_module(t, rt.builtins_module);
  init_import(t, rt.builtins);
  rt.sys_module = make_sys_module(t);
  Value modules = getattr(t, rt.sys_module, name(N_modules));
  dict_set(t, modules, intern_literal(t, "builtins"), rt.builtins_module);
  dict_set(t, modules, intern_literal(t, "sys"), rt.sys_module);
}

Thread* new_thread() {
  auto* t = new Thread();
  t->tx_length = 20000;
  if (const char* length = std::getenv("PYPYSTM_TX_LENGTH"))
    t->tx_length = std::strtoull(length, nullptr, 10);
  if (t->tx_length == 0) t->tx_length = 1;
  Value* slots = t->root_slots();
  for (int i = 0; i < Thread::kRootCount; ++i)
    gc::add_root(reinterpret_cast<const stm::Offset*>(slots + i));
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

// Prints an uncaught exception (or handles SystemExit) and gives the exit status.
int report_exception(Thread& t, Value e) {
  int status = 1;
  std::string text;
  stm::run_transaction([&] {
    text.clear();
    status = 1;
    if (is_subtype(type_of(e), exc(E_SystemExit))) {
      Value code = rd<ExceptionObject>(e)->extra[0];
      if (!code || code == none()) {
        status = 0;
      } else if (int_check(code)) {
        std::int64_t c;
        status = int_to_i64(code, c) ? int(c & 0xff) : 1;
      } else {
        Value s = str(t, code);
        if (!s)
          clear_pending(t);
        else
          text = str_utf8(s) + "\n";
        status = 1;
      }
      return;
    }
    Value hook_text;
    vm::format_exception(t, e, text);
  });
  // Output the program printed must come before the traceback.
  vm::flush_output(t);
  if (!text.empty()) {
    std::fflush(stdout);
    ssize_t ignored = ::write(2, text.data(), text.size());
    (void)ignored;
  }
  return status;
}

} // namespace

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
      list_append(mt, argv, str_from_utf8(mt, a));
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
}

const std::vector<std::pair<std::string, ModuleFactory>>& registered_modules() {
  return the_options.builtin_modules;
}

Thread& main_thread() {
  return *the_main_thread;
}

Thread* attach_thread() {
  stm::attach_thread();
  return new_thread();
}

void detach_thread(Thread* t) {
  Value* slots = t->root_slots();
  for (int i = 0; i < Thread::kRootCount; ++i)
    gc::remove_root(reinterpret_cast<const stm::Offset*>(slots + i));
  set_current_thread(nullptr);
  delete t;
  stm::detach_thread();
}

int run_main_source(const std::string& source, const std::string& filename) {
  Thread& t = main_thread();
  Value code, globals, error;
  stm::run_transaction([&] {
    t.pending = {};
    error = {};
    Value main_name = intern_literal(t, "__main__");
    Value module = module_new(t, main_name);
    globals = rd<Object>(module)->dict;
    dict_set(t, globals, name(N___builtins__), runtime().builtins_module);
    if (filename[0] != '<') dict_set(t, globals, name(N___file__), str_from_utf8(t, filename));
    Value modules = getattr(t, runtime().sys_module, name(N_modules));
    dict_set(t, modules, main_name, module);
    code = compile_source(t, source, filename, ast::Mode::Exec);
    if (!code) error = fetch_pending(t);
  });
  if (error) return report_exception(t, error);
  Value exception;
  vm::run_outermost(t, code, globals, exception);
  if (exception) return report_exception(t, exception);
  vm::flush_output(t);
  return 0;
}

int run_main_module(const std::string& module) {
  Thread& t = main_thread();
  std::string source, filename;
  Value error;
  stm::run_transaction([&] {
    error = {};
    Value path = getattr(t, runtime().sys_module, name(N_path));
    std::string rel = module;
    for (char& c : rel)
      if (c == '.') c = '/';
    for (std::int64_t i = 0; path && i < list_length(path); ++i) {
      Value entry = list_item(path, i);
      if (!str_check(entry)) continue;
      std::string dir = str_utf8(entry);
      if (dir.empty()) dir = ".";
      for (const std::string& candidate :
           {dir + "/" + rel + ".py", dir + "/" + rel + "/__main__.py"}) {
        if (access(candidate.c_str(), R_OK) == 0) {
          filename = candidate;
          return;
        }
      }
    }
    raisef(t, exc(E_ModuleNotFoundError), "No module named %s", module.c_str());
    error = fetch_pending(t);
  });
  if (error) {
    std::string text = "pypy-stm: Error while finding module specification for '" + module +
                       "' (ModuleNotFoundError: No module named '" + module + "')\n";
    ssize_t ignored = ::write(2, text.data(), text.size());
    (void)ignored;
    return 1;
  }
  FILE* f = std::fopen(filename.c_str(), "rb");
  if (!f) return 1;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
    source.append(buffer, n);
  std::fclose(f);
  return run_main_source(source, filename);
}

} // namespace interp
