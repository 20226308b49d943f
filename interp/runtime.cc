// interp/runtime.cc - the process-wide tables, the per-thread state, allocation and the
// raising of exceptions.
#include "interp/runtime.h"

#include "gc/gc.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <pthread.h>

namespace interp {

namespace {

// Layout descriptors for the collector. Objects of "value" layouts hold only Values and
// small scalars, so every word after the header may be traced; "data" layouts hold raw
// bytes after their Value fields, which are traced up to `values_end`.
template <std::size_t kEnd>
void trace_prefix(const stm::ObjectHeader* object, void (*visit)(stm::Offset, void*), void* ctx) {
  auto* words = reinterpret_cast<const std::uint64_t*>(object);
  for (std::size_t i = 1; i < kEnd / 8; ++i)
    if (words[i] && !(words[i] & 15)) visit(words[i], ctx);
}

void trace_all(const stm::ObjectHeader* object, void (*visit)(stm::Offset, void*), void* ctx) {
  auto* words = reinterpret_cast<const std::uint64_t*>(object);
  std::size_t n = object->size / 8;
  for (std::size_t i = 1; i < n; ++i)
    if (words[i] && !(words[i] & 15)) visit(words[i], ctx);
}

void trace_weakref(const stm::ObjectHeader* object, void (*visit)(stm::Offset, void*), void* ctx) {
  auto* words = reinterpret_cast<const std::uint64_t*>(object);
  std::size_t n = object->size / 8, weak = offsetof(WeakRefObject, target) / 8;
  for (std::size_t i = 1; i < n; ++i)
    if (i != weak && words[i] && !(words[i] & 15)) visit(words[i], ctx);
}

// A float's or complex's raw fields sit between the Object's Values and the __slots__
// words that a subclass's instance carries after them: both are traced, the raw fields not.
template <std::size_t kStructEnd>
void trace_around(const stm::ObjectHeader* object, void (*visit)(stm::Offset, void*), void* ctx) {
  auto* words = reinterpret_cast<const std::uint64_t*>(object);
  std::size_t n = object->size / 8;
  for (std::size_t i = 1; i < n; ++i)
    if ((i < sizeof(Object) / 8 || i >= kStructEnd / 8) && words[i] && !(words[i] & 15))
      visit(words[i], ctx);
}

// A str's Values are its class and dict, and the slot words that an instance of a subclass
// with __slots__ carries after the characters (and their NUL): every word from there on,
// padding included, which allocation zeroed.
void trace_str(const stm::ObjectHeader* object, void (*visit)(stm::Offset, void*), void* ctx) {
  trace_prefix<sizeof(Object)>(object, visit, ctx);
  auto* s = reinterpret_cast<const StrObject*>(object);
  std::size_t chars_end = sizeof(StrObject) + std::size_t(s->length) * std::size_t(s->kind) + 4;
  auto* words = reinterpret_cast<const std::uint64_t*>(object);
  for (std::size_t i = (chars_end + 7) / 8, n = object->size / 8; i < n; ++i)
    if (words[i] && !(words[i] & 15)) visit(words[i], ctx);
}

struct LayoutInfo {
  Layout layout;
  const char* name;
  gc::TraceFn trace;
};

constexpr std::size_t kObjectEnd = sizeof(Object);

const LayoutInfo kLayouts[] = {
    {Layout::Instance, "instance", trace_all},
    {Layout::Type, "type", trace_all},
    {Layout::BigInt, "int", trace_prefix<kObjectEnd>},
    {Layout::Float, "float", trace_around<sizeof(FloatObject)>},
    {Layout::Complex, "complex", trace_around<sizeof(ComplexObject)>},
    {Layout::Str, "str", trace_str},
    {Layout::Bytes, "bytes", trace_prefix<kObjectEnd>},
    {Layout::ByteArray, "bytearray", trace_all},
    {Layout::Tuple, "tuple", trace_all},
    {Layout::List, "list", trace_all},
    {Layout::ValueArray, "value_array", trace_all},
    {Layout::Dict, "dict", trace_all},
    {Layout::DictStorage, "dict_storage", trace_all},
    {Layout::Set, "set", trace_all},
    {Layout::SetStorage, "set_storage", trace_all},
    {Layout::Function, "function", trace_all},
    {Layout::Code, "code", trace_all},
    {Layout::Frame, "frame", trace_all},
    {Layout::Cell, "cell", trace_all},
    {Layout::Module, "module", trace_all},
    {Layout::Native, "builtin_function", trace_all},
    {Layout::Method, "method", trace_all},
    {Layout::Exception, "exception", trace_all},
    {Layout::Generator, "generator", trace_all},
    {Layout::Range, "range", trace_all},
    {Layout::Slice, "slice", trace_all},
    {Layout::Iterator, "iterator", trace_all},
    {Layout::Property, "property", trace_all},
    {Layout::Wrapper, "wrapper", trace_all},
    {Layout::Super, "super", trace_all},
    {Layout::ThreadState, "thread_state", trace_all},
    {Layout::WeakRef, "weakref", trace_all},
    {Layout::Lock, "lock", trace_all},
};
static_assert(std::size(kLayouts) == static_cast<std::size_t>(Layout::kCount));

thread_local Thread* this_thread = nullptr;

} // namespace

Runtime* the_runtime = nullptr;

void register_layouts(Runtime& rt) {
  for (const LayoutInfo& info : kLayouts) {
    gc::TypeInfo type{info.name, info.trace, 0};
    if (info.layout == Layout::WeakRef) {
      // The target is weak: not traced, cleared by the collector when it dies.
      type.trace = trace_weakref;
      type.flags = gc::kWeakReference;
      type.weak_offset = offsetof(WeakRefObject, target);
      type.weak_callback_offset = offsetof(WeakRefObject, callback);
    }
    std::uint16_t id = gc::register_type(type);
    rt.layout_ids[static_cast<int>(info.layout)] = id;
    rt.layout_of_id[id] = info.layout;
  }
}

Runtime& create_runtime() {
  if (!the_runtime) {
    the_runtime = new Runtime();
    register_layouts(*the_runtime);
  }
  return *the_runtime;
}

NativeTable::NativeTable()
    : entries_(static_cast<NativeInfo*>(std::calloc(kCapacity, sizeof(NativeInfo)))) {
  if (!entries_) std::abort();
}

std::size_t NativeTable::push_back(const NativeInfo& info) {
  std::size_t index = count_.fetch_add(1, std::memory_order_relaxed);
  if (index >= kCapacity) {
    std::fprintf(stderr, "pypy-stm: fatal error: more than %zu native functions\n", kCapacity);
    std::abort();
  }
  entries_[index] = info;
  return index;
}

std::int64_t register_native(const char* name, NativeFn fn, const char* doc) {
  return static_cast<std::int64_t>(runtime().natives.push_back({name, fn, doc}));
}

Thread& current_thread() {
  return *this_thread;
}
Thread* current_thread_if_any() {
  return this_thread;
}
void set_current_thread(Thread* t) {
  this_thread = t;
}

Value* Thread::root_slots() {
  return &pending;
}

// Numbers, strings and bytes of the builtin types themselves reference only their type,
// which the runtime keeps alive: the collector need not read them (most of what a
// string-building or float loop leaves for it). A subclass's instance references its
// class, which may be garbage otherwise, and may have an instance dict.
static bool is_leaf(Layout layout, Value cls) {
  switch (layout) {
  case Layout::Str:
    return cls == type_value(T_str);
  case Layout::Float:
    return cls == type_value(T_float);
  case Layout::BigInt:
    return cls == type_value(T_int);
  case Layout::Bytes:
    return cls == type_value(T_bytes);
  case Layout::Complex:
    return cls == type_value(T_complex);
  default:
    return false;
  }
}

Value allocate(Thread& t, Layout layout, Value cls, std::size_t bytes, bool finalizable) {
  // Instances of classes with __slots__ (or a weak-reference list) carry the slot words at
  // their very end, after the layout's struct and any padding (type.cc's slot_word_at
  // finds them from the object's size alone).
  if (cls) {
    if (std::size_t words = (ro<TypeObject>(cls)->flags & kSlotWordsMask) >> kSlotWordsShift)
      bytes = (((bytes + 7) & ~std::size_t{7}) + 8 * words + 15) & ~std::size_t{15};
  }
  // Instances of classes with __del__ are finalized (interp/vm/finalizers.cc).
  finalizable = finalizable || (cls && (ro<TypeObject>(cls)->flags & kHasDel));
  stm::Offset object = gc::allocate(runtime().layout_ids[static_cast<int>(layout)], bytes,
                                    finalizable, is_leaf(layout, cls));
  if (!object) return raise_memory_error(t); // exhausted even after a collection
  Value v = Value::object(object);
  fresh<Object>(v)->cls = cls;
  return v;
}

// ---- raising ---------------------------------------------------------------------------------

Value exc(ExcId id) {
  static const char* const kNames[] = {
#define INTERP_EXC_NAME(n) #n,
      INTERP_COMMON_EXCEPTIONS(INTERP_EXC_NAME)
#undef INTERP_EXC_NAME
  };
  static Value cache[kExcCount];
  if (!cache[id]) cache[id] = exception_type(kNames[id]); // benign race: same value
  return cache[id];
}

Value exception_type(const char* name) {
  for (auto& [n, type] : runtime().exception_types)
    if (n == name) return type;
  std::fprintf(stderr, "pypy-stm: internal error: no exception class %s\n", name);
  std::abort();
}

Value raise(Thread& t, Value exc_type, std::string_view message) {
  Value text = str_from_utf8(t, message);
  if (!text) return {};
  Value args = tuple_from(t, &text, 1);
  if (!args) return {};
  Value instance = exception_new(t, exc_type, args);
  if (instance) t.pending = instance;
  return {};
}

Value raisef(Thread& t, Value exc_type, const char* format, ...) {
  char buffer[1024];
  va_list ap;
  va_start(ap, format);
  int n = std::vsnprintf(buffer, sizeof buffer, format, ap);
  va_end(ap);
  if (n < 0) n = 0;
  return raise(t, exc_type, std::string_view(buffer, std::min<std::size_t>(n, sizeof buffer - 1)));
}

Value exception_from_class(Thread& t, Value cls) {
  Value instance = call0(t, cls);
  if (!instance) return {};
  if (!exception_check(instance))
    return raisef(t, exc(E_TypeError),
                  "calling %s should have returned an instance of BaseException, not %s",
                  repr_utf8(t, cls).c_str(), repr_utf8(t, type_of(instance)).c_str());
  return instance;
}

Value raise_value(Thread& t, Value exception) {
  if (exception.is_object() && is_layout(exception, Layout::Type)) {
    exception = exception_from_class(t, exception);
    if (!exception) return {};
  }
  t.pending = exception;
  return {};
}

void find_stack_floor(Thread& t) {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return;
  void* low = nullptr;
  std::size_t size = 0;
  if (pthread_attr_getstack(&attr, &low, &size) == 0 && low && size) {
    // What the deepest stretch between two checks may need, and at most a quarter of a
    // small stack (threading.stack_size).
    std::size_t margin = std::min<std::size_t>(512 * 1024, size / 4);
    t.stack_floor = static_cast<const char*>(low) + margin;
  }
  pthread_attr_destroy(&attr);
}

CRecursion::CRecursion(Thread& t, const char* where) : t_(t), entered_(false) {
  if (t.c_depth + 1 > recursion_limit() || native_stack_low(t)) {
    raisef(t, exc(E_RecursionError), "maximum recursion depth exceeded%s", where);
    return;
  }
  ++t.c_depth;
  entered_ = true;
}

CRecursion::~CRecursion() {
  if (entered_) --t_.c_depth;
}

Value raise_memory_error(Thread& t) {
  // Set while this thread makes the new instance: an allocation failing inside comes back
  // here and must take the spare rather than try again.
  static thread_local bool making = false;
  if (!making) {
    struct Guard {
      Guard() { making = true; }
      ~Guard() { making = false; } // also when a transaction abort unwinds through here
    } guard;
    Value instance = exception_new(t, exc(E_MemoryError), runtime().empty_tuple);
    if (instance) {
      t.pending = instance;
      return {};
    }
  }
  Value spare = runtime().spare_memory_error;
  if (!spare) {
    std::fprintf(stderr, "pypy-stm: fatal: out of memory while starting\n");
    std::abort();
  }
  // Raised afresh: what an earlier raise attached to it is dropped.
  ExceptionObject* w = wr<ExceptionObject>(spare);
  w->traceback = none();
  w->cause = none();
  w->context = none();
  w->suppress_context = runtime().false_;
  w->notes = {};
  t.pending = spare;
  return {};
}

bool matches(Thread& t, Value exc_type) {
  return t.pending && is_subtype(type_of(t.pending), exc_type);
}

void clear_pending(Thread& t) {
  t.pending = {};
}

Value fetch_pending(Thread& t) {
  Value e = t.pending;
  t.pending = {};
  return e;
}

} // namespace interp
