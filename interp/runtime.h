// interp/runtime.h - the interpreter's process-wide tables and its per-thread state.
//
// The Runtime is built once, in one transaction, before any Python code runs, and is
// never written afterwards: the builtin types, the singletons (None, True, ...), the
// well-known names, the native function table. Its Values are gc roots. Everything a
// program can change lives in the heap instead (sys.modules, module dicts, classes).
//
// A Thread is the C++ side of one interpreter thread: the exception in flight (between a
// raise and its handler, which never spans a transaction break), the output buffered by
// the running transaction, the nesting depth of C++ -> Python calls.
#pragma once

#include "interp/object.h"
#include "interp/objects/layouts.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace interp {

struct Thread;

// A native function: args[0] is self for methods. kwnames is a tuple of str naming the
// last len(kwnames) arguments, or 0. Returns 0 with an exception set on error.
using NativeFn = Value (*)(Thread& t, const Value* args, std::size_t nargs, Value kwnames);

struct NativeInfo {
  const char* name;
  NativeFn fn;
  const char* doc;
  // A slot wrapper's count of arguments after self, checked before the call as CPython's
  // wrappers check it; -1: the native checks its own arguments.
  std::int8_t slot_min_args = -1, slot_max_args = -1;
  // A method that takes no argument (0), exactly one (1) or only positional ones (2)
  // after self, whose count and keywords the call checks with CPython's wording (see
  // MethodArgs); -1: the native checks its own arguments.
  std::int8_t method_args = -1;
  // A type's __new__: the call checks that its first argument is a subtype of the native's
  // owner, as CPython's tp_new wrapper does, before the native reads it.
  bool takes_subtype = false;
  // A builtin sequence's __mul__, __rmul__ or __imul__ (CPython's sq_repeat): the *
  // operator calls it only after every numeric __mul__ declined (see mark_sequence_repeat).
  bool sequence_repeat = false;
};

// The natives by index: one table of fixed capacity whose entries never move, so that a
// call finds its entry with one indexed load (a tbb::concurrent_vector's segment lookup
// was a fifth of the time of call()). Entries are only added; an index reaches other
// threads through a heap object made after the entry was written.
class NativeTable {
public:
  static constexpr std::size_t kCapacity = std::size_t{1} << 16;
  NativeTable();
  // The new entry's index; fatal when the table is full.
  std::size_t push_back(const NativeInfo& info);
  NativeInfo& operator[](std::size_t index) { return entries_[index]; }
  const NativeInfo& operator[](std::size_t index) const { return entries_[index]; }

private:
  NativeInfo* entries_;
  std::atomic<std::size_t> count_{0};
};

// Well-known names, made once as str objects (runtime().names[N_x]).
#define INTERP_NAMES(X)                                                                            \
  X(__init__)                                                                                      \
  X(__new__)                                                                                       \
  X(__call__)                                                                                      \
  X(__repr__)                                                                                      \
  X(__str__)                                                                                       \
  X(__hash__)                                                                                      \
  X(__eq__)                                                                                        \
  X(__ne__)                                                                                        \
  X(__lt__)                                                                                        \
  X(__le__)                                                                                        \
  X(__gt__)                                                                                        \
  X(__ge__) X(__bool__) X(__len__) X(__iter__) X(__next__) X(__getitem__) X(__setitem__) X(        \
      __delitem__) X(__contains__) X(__getattr__) X(__getattribute__) X(__setattr__)               \
      X(__delattr__) X(__get__) X(__set__) X(__delete__) X(__name__) X(__qualname__) X(__module__) \
          X(__doc__) X(__dict__) X(__class__) X(__main__) X(__builtins__) X(__file__) X(           \
              __enter__) X(__exit__) X(__index__) X(__int__) X(__float__) X(__format__)            \
              X(__classcell__) X(__init_subclass__) X(__set_name__) X(__mro_entries__) X(          \
                  __prepare__) X(__slots__) X(__annotations__) X(__neg__) X(__pos__) X(__invert__) \
                  X(__abs__) X(__round__) X(__reversed__) X(__missing__) X(__instancecheck__) X(   \
                      __subclasscheck__) X(__await__) X(__aiter__) X(__anext__) X(__aenter__)      \
                      X(__aexit__) X(__del__) X(__spec__) X(__path__) X(__package__) X(__loader__) \
                          X(__import__) X(__all__) X(__length_hint__) X(__complex__) X(__trunc__)  \
                              X(__floor__) X(__ceil__) X(__class_getitem__) X(__match_args__) X(   \
                                  __qualname_placeholder) X(__abstractmethods__) X(__weakref__)    \
                                  X(send) X(throw) X(close) X(keys) X(items) X(values) X(append)   \
                                      X(extend) X(write) X(flush) X(end) X(sep) X(file) X(key)     \
                                          X(reverse) X(mro) X(args) X(print) X(stdout) X(stderr)   \
                                              X(stdin) X(argv) X(path) X(modules) X(exit)          \
                                                  X(__cause__) X(__context__) X(__traceback__)     \
                                                      X(__suppress_context__) X(__notes__)         \
                                                          X(lineno) X(msg) X(filename) X(offset)   \
                                                              X(text) X(end_lineno) X(end_offset)  \
                                                                  X(value) X(code) X(errno)        \
                                                                      X(strerror) X(name) X(obj)   \
  X(_abc_impl) X(_abc_registry) X(_abc_cache) X(_abc_negative_cache)                               \
  X(_abc_negative_cache_version) X(_abc_invalidation_counter) X(__subclasshook__)                  \
  X(__subclasses__) X(__isabstractmethod__) X(__abc_tpflags__) X(__bases__) X(__sizeof__)

enum NameId : std::uint16_t {
#define INTERP_NAME_ENUM(n) N_##n,
  INTERP_NAMES(INTERP_NAME_ENUM)
#undef INTERP_NAME_ENUM
      kNameCount
};

// The builtin types, in the order they are made.
#define INTERP_TYPES(X)                                                                            \
  X(object)                                                                                        \
  X(type)                                                                                          \
  X(int)                                                                                           \
  X(bool)                                                                                          \
  X(float)                                                                                         \
  X(complex)                                                                                       \
  X(str)                                                                                           \
  X(bytes)                                                                                         \
  X(bytearray)                                                                                     \
  X(tuple)                                                                                         \
  X(list)                                                                                          \
  X(dict)                                                                                          \
  X(set) X(frozenset) X(function) X(code) X(frame) X(cell) X(module) X(builtin_function)           \
      X(method_descriptor) X(wrapper_descriptor) X(method_wrapper) X(method) X(NoneType)           \
          X(NotImplementedType) X(ellipsis) X(generator) X(coroutine) X(async_generator) X(range)  \
              X(slice) X(property) X(classmethod) X(staticmethod) X(super) X(value_array)          \
                  X(dict_storage) X(thread_state) X(list_iterator) X(tuple_iterator)               \
                      X(range_iterator) X(str_iterator) X(dict_keyiterator) X(dict_valueiterator)  \
                          X(dict_itemiterator) X(set_iterator) X(seq_iterator)                     \
                              X(callable_iterator) X(dict_keys) X(dict_values) X(dict_items)       \
                                  X(bytes_iterator) X(list_reverseiterator)                        \
                                      X(dict_reversekeyiterator) X(dict_reversevalueiterator)      \
                                          X(dict_reverseitemiterator) X(reversed) X(enumerate)     \
                                              X(zip) X(map) X(filter) X(traceback) X(memoryview)   \
                                                  X(BaseException) X(weakref) X(GenericAlias)      \
                                                      X(UnionType) X(mappingproxy)                 \
                                                          X(getset_descriptor)

enum TypeId : std::uint16_t {
#define INTERP_TYPE_ENUM(n) T_##n,
  INTERP_TYPES(INTERP_TYPE_ENUM)
#undef INTERP_TYPE_ENUM
      kTypeCount
};

struct Runtime {
  std::uint16_t layout_ids[static_cast<int>(Layout::kCount)] = {};
  Layout layout_of_id[1 << 16];

  Value types[kTypeCount];
  Value names[kNameCount];
  Value none, true_, false_, not_implemented, ellipsis, empty_tuple, empty_str;
  Value builtins_module; // module
  Value builtins;        // its dict
  Value sys_module;
  // The strs sys.intern() gave out, each its own key and value. A dict in the heap, not a
  // table beside it: an interning rolls back with a transaction that aborts, and two
  // threads interning at once conflict as any two dict writers do. Kept for the life of
  // the process, as CPython 3.11 keeps its interned strings.
  Value interned;
  // A MemoryError made at start-up, raised when the heap has no room even for a new one
  // (see raise_memory_error).
  Value spare_memory_error;
  std::vector<Value> char_strs; // one-character strs for code points < 256

  // The exception classes, by name (BaseException first). Filled by exceptions.cc.
  std::vector<std::pair<std::string, Value>> exception_types;

  // sys.set_int_max_str_digits(): the longest decimal int conversion allowed (0: none).
  std::atomic<std::size_t> int_max_str_digits{4300};
  // sys.setrecursionlimit(): one for the interpreter, as in CPython (read through
  // recursion_limit(), below).
  std::atomic<int> recursion_limit{1000};
  // Set once the program's exit handlers have run and __main__ is being cleared
  // (sys.is_finalizing()).
  std::atomic<bool> finalizing{false};
  // Grows when a builtin module is first imported, possibly while other threads call
  // natives.
  NativeTable natives;
};

// Made before the first thread runs, then only read (its vectors grow behind locks).
extern Runtime* the_runtime;
inline Runtime& runtime() {
  return *the_runtime;
}
// A read-mostly word: every thread's Python calls check against it.
inline int recursion_limit() {
  return runtime().recursion_limit.load(std::memory_order_relaxed);
}
inline Layout layout_of(Value object) {
  return runtime().layout_of_id[ro<Object>(object)->header.type_id];
}
inline bool is_layout(Value v, Layout layout) {
  return v.is_object() &&
         ro<Object>(v)->header.type_id == runtime().layout_ids[static_cast<int>(layout)];
}
inline Value type_value(TypeId id) {
  return runtime().types[id];
}
inline Value name(NameId id) {
  return runtime().names[id];
}
inline Value name_value(NameId id) {
  return runtime().names[id];
}
inline Value none() {
  return runtime().none;
}
inline Value py_bool(bool b) {
  return b ? runtime().true_ : runtime().false_;
}

// Registers a native function, before threads start; returns its index.
std::int64_t register_native(const char* name, NativeFn fn, const char* doc = nullptr);

// ---- the per-thread state ------------------------------------------------------------------

enum class CollectState : std::uint8_t { None, Requested, Unwinding, Done };

// What a trace or profile function is told about (the first argument after the frame):
// Yield is a 'return' event of a frame that suspends.
enum class HookEvent : std::uint8_t { Call, Line, Return, Yield, Exception, Opcode, Other };

// CLOCK_MONOTONIC in seconds: the clock of Thread::block_deadline (vm/outermost.cc).
double monotonic_seconds();

struct alignas(64) Thread {
  Value pending; // the exception in flight, or 0
  Value state;   // this thread's ThreadStateObject
  Value frame;   // the innermost running Python frame, or 0
  Value handled; // the exception being handled (sys.exc_info()), or 0
  Value kwnames; // KW_NAMES of the next CALL
  static constexpr int kRootCount = 5;
  int c_depth = 0; // nested C++ -> Python calls (each is a nested VM loop)
  // Below this address the native stack is nearly used up: a nested loop or C++ recursion
  // raises RecursionError there, whatever the recursion limit allows (0: unknown).
  const char* stack_floor = nullptr;
  std::string out;         // stdout written by the running transaction, flushed at commit
  std::string err;         // stderr, likewise
  // Bytes the running transaction wrote to regular files that only write (io.cc): they
  // reach the descriptor, in order, when it commits, as `out` does; `at` is the file
  // offset (binary files write at their position) or -1 (where the descriptor stands).
  struct FileWrite {
    int fd;
    std::int64_t at;
    std::string bytes;
  };
  std::vector<FileWrite> file_out;
  std::size_t file_out_bytes = 0;
  std::uint64_t ticks = 0; // instructions run in this transaction (counted at checkpoints)
  std::uint64_t tx_length = 0;
  bool main = false;

  // A native call that must wait (a lock held by another thread) sets `block_on` and
  // returns 0 with no exception: the outermost loop commits, waits outside any
  // transaction until `ready(block_on)` says the wait is over (or the deadline passes),
  // and runs the instruction again, which then finds `block_expired` if it timed out.
  Value block_on;
  bool (*block_ready)(Value object) = nullptr; // reads the committed state
  double block_deadline = -1;                  // CLOCK_MONOTONIC seconds, < 0: none
  bool block_expired = false;
  Value block_retry;      // the object waited for, while its instruction runs again
  std::int64_t ident = 0; // _thread.get_ident()
  // Locks released when the thread ends (threading's join); reachable from the heap too.
  std::vector<Value> exit_sentinels;
  // Work for right after the running transaction commits (starting the threads it
  // created): called with true after the commit, or with false when it aborts instead.
  std::vector<std::function<void(bool committed)>> after_commit;
  // Frames of calls that returned and that nothing can reach, for the next calls to reuse
  // (vm/frame.cc). Stale once a collection ran (it may have freed them) or a transaction
  // of this thread aborted (it may have made them): the counts say when.
  std::vector<Value> free_frames;
  std::uint64_t free_frames_collections = 0;
  std::uint64_t free_frames_aborts = 0;

  // The arguments of the latest CALL (of anything but an inlined Python function) made
  // by the outermost loop; any other loop's CALL clears it. A native that finds its own
  // `args` here was called by that loop directly (or through natives that passed them
  // on unchanged), at an instruction boundary where the transaction may break.
  const Value* outermost_call_args = nullptr;
  // gc.collect() called that way asks the loop (Requested, returning 0 with no
  // exception) to commit and collect with the VM's C++ frames off the stack; the loop
  // leaves (Unwinding), collects, and runs the call again, which finds Done (see
  // interp/vm/outermost.cc).
  CollectState collect = CollectState::None;
  // Finalizers and weakref callbacks (interp/vm/finalizers.cc): running now, and taken
  // by the running transaction (released when it commits or aborts).
  bool running_finalizers = false;
  bool holds_finalizations = false;
  // sys.setprofile gave this thread a function (kept in its state object, which rolls
  // back with an aborted transaction; this flag only says where to look), and the
  // function is running now (its own calls are not reported to it).
  bool profiling = false;
  bool in_profiler = false;
  // The same for sys.settrace.
  bool tracing = false;
  bool in_tracer = false;
  // The event last given to a trace or profile function (as CPython's tracing_what, it
  // stays after the function returns, and starts as 'call'): setting f_lineno jumps only
  // from a 'line' event, or from the 'return' of a yield (vm/line_jump.cc).
  HookEvent hook_event = HookEvent::Call;

  Value* root_slots(); // the Values above, for gc::add_root
};

// Asks the outermost loop to wait outside any transaction until `ready(object)` holds or
// `timeout` seconds (< 0: no limit) have passed since the first try: a native sets this
// and returns 0 with no exception. A rerun (the instruction running again after a wait)
// keeps the first try's deadline.
inline void wait_outside_for(Thread& t, Value object, bool (*ready)(Value), double timeout,
                             bool rerun) {
  t.block_on = object;
  t.block_ready = ready;
  if (!rerun) t.block_deadline = timeout < 0 ? -1 : monotonic_seconds() + timeout;
}

Thread& current_thread();
Thread* current_thread_if_any(); // null in a thread that runs no Python code

// ---- exceptions: raising -------------------------------------------------------------------

// Each sets the pending exception and returns a null Value, so `return raise(...)` works.
Value raise(Thread& t, Value exc_type, std::string_view message);
Value raise_value(Thread& t, Value exception); // an instance or a class
// cls(): the instance that raising an exception class makes, or 0 with TypeError pending
// when the call returned something that is not an exception (a __new__ may).
Value exception_from_class(Thread& t, Value cls);
// MemoryError() (no arguments, as CPython raises it). When the heap cannot hold even that,
// the runtime's spare instance is raised instead. Every MemoryError the runtime raises
// goes through here: pending is always an instance, never the class.
Value raise_memory_error(Thread& t);
Value raisef(Thread& t, Value exc_type, const char* format, ...)
    __attribute__((format(printf, 3, 4)));
// One level of a recursion in C++ (nested containers, nested tuples of classes), bounded by
// the recursion limit as CPython bounds its own: false, with RecursionError("maximum
// recursion depth exceeded" + where) pending, past the limit. Ends with its scope.
// Records where the calling thread's native stack ends, for Thread::stack_floor.
void find_stack_floor(Thread& t);
inline bool native_stack_low(const Thread& t) {
  return static_cast<const char*>(__builtin_frame_address(0)) < t.stack_floor;
}

class CRecursion {
public:
  CRecursion(Thread& t, const char* where);
  ~CRecursion();
  explicit operator bool() const { return entered_; }

private:
  Thread& t_;
  bool entered_;
};
Value exception_type(const char* name);  // by name: "TypeError", ...
bool matches(Thread& t, Value exc_type); // pending exception is an instance of exc_type
void clear_pending(Thread& t);
Value fetch_pending(Thread& t); // takes the pending exception (0 if none)

// Shortcuts for the common ones.
#define INTERP_COMMON_EXCEPTIONS(X)                                                                \
  X(TypeError)                                                                                     \
  X(ValueError)                                                                                    \
  X(AttributeError)                                                                                \
  X(KeyError)                                                                                      \
  X(IndexError)                                                                                    \
  X(NameError)                                                                                     \
  X(ZeroDivisionError)                                                                             \
  X(OverflowError)                                                                                 \
  X(RuntimeError)                                                                                  \
  X(StopIteration)                                                                                 \
  X(RecursionError)                                                                                \
  X(MemoryError)                                                                                   \
  X(NotImplementedError) X(UnboundLocalError) X(SystemError) X(ImportError) X(ModuleNotFoundError) \
      X(OSError) X(SystemExit) X(KeyboardInterrupt) X(AssertionError) X(GeneratorExit)             \
          X(StopAsyncIteration) X(UnicodeDecodeError) X(UnicodeEncodeError) X(LookupError)         \
              X(ArithmeticError) X(Exception) X(BaseException) X(SyntaxError) X(IndentationError)  \
                  X(TabError) X(FileNotFoundError) X(EOFError) X(BufferError) X(UnicodeError)      \
                      X(DeprecationWarning) X(RuntimeWarning) X(Warning) X(UserWarning)            \
                          X(BaseExceptionGroup) X(ExceptionGroup) X(PermissionError)               \
                              X(IsADirectoryError) X(NotADirectoryError) X(FileExistsError)        \
                                  X(TimeoutError) X(BrokenPipeError) X(SyntaxWarning)              \
                                      X(UnicodeTranslateError) X(ImportWarning)

enum ExcId : std::uint16_t {
#define INTERP_EXC_ENUM(n) E_##n,
  INTERP_COMMON_EXCEPTIONS(INTERP_EXC_ENUM)
#undef INTERP_EXC_ENUM
      kExcCount
};
Value exc(ExcId id);

} // namespace interp
