// interp/objects/layouts.h - the C++ struct of every layout (see interp/object.h).
//
// Field order matters to nobody but the C++ code here, but two rules hold for all:
// fields holding Values come before raw data, and scalar fields are small enough that
// the collector, which treats every word of a Value-holding object as a possible
// reference, cannot mistake them for live objects in a harmful way (at worst it keeps
// something alive one collection longer).
#pragma once

#include "interp/object.h"

#include <cstdint>

namespace interp {

enum TypeFlag : std::uint64_t {
  kHeapType = 1u << 0,           // a class statement made it: attributes may be set
  kBaseType = 1u << 1,           // may be subclassed
  kHasGetattr = 1u << 2,         // some class of the MRO defines __getattr__
  kIsAbstract = 1u << 3,         // has abstract methods
  kNoInstanceDict = 1u << 4,     // instances have no __dict__ (__slots__ or a builtin layout)
  kCustomGetattribute = 1u << 5, // __getattribute__ is not object's
  kCustomSetattr = 1u << 6,      // __setattr__ or __delattr__ is not object's
  // Bit 7 is free (it was kNoWeakref: TypeObject::weaklist says it now).
  kHasDel = 1u << 8,             // a class of the MRO defines __del__: instances are finalized
  // What `match` takes for a sequence / a mapping: list, tuple, range, memoryview, deque,
  // array and dict, the classes below them, and what collections.abc makes one (_abc).
  kSequence = 1u << 9,
  kMapping = 1u << 10,
};
constexpr std::uint64_t kCollectionFlags = kSequence | kMapping;
// Bits 32..47 of TypeObject::flags: the slot words every instance carries at its end, after
// its layout's struct (and after the struct's variable part, for a str): the __slots__
// words, and the word that lists the object's weak references (see type.cc).
constexpr int kSlotWordsShift = 32;
constexpr std::uint64_t kSlotWordsMask = 0xffffull << kSlotWordsShift;
// TypeObject::weaklist of a type whose instances are types: their own field holds it.
constexpr std::int64_t kWeaklistTypeField = -1;

struct TypeObject : Object {
  Value name;     // str: __name__
  Value qualname; // str: __qualname__
  Value module;   // str or 0
  Value bases;    // tuple
  Value mro;      // tuple
  Value base;     // the solid base (the class whose layout instances use), 0 for object
  std::uint64_t flags;
  std::uint64_t layout; // Layout of instances
  // A class (kHeapType) gets a new number, unique for the process, whenever its dict or
  // MRO changes (type_modified); 0 for builtin types, which never change. Per-thread
  // lookup caches check it (type.cc).
  std::uint64_t version;
  // A list of weak references to the classes made with this one among their bases
  // (__subclasses__), or 0. Kept for classes only: builtin types would be written by every
  // class statement of every thread.
  Value subclasses;
  // Whether instances take weak references, and where they list them (CPython's
  // tp_weaklistoffset): 0 not at all; k > 0 in slot word k - 1; kWeaklistTypeField in
  // their `weakrefs` (the instances are types).
  std::int64_t weaklist;
  // The list of this type's own weak references (see interp/modules/weakref.cc), or 0.
  Value weakrefs;
  // The type's attributes are its Object::dict.
};

struct IntObject : Object {
  std::int64_t size; // number of limbs, negative when the value is negative
  std::uint64_t limbs[];
};

struct FloatObject : Object {
  double value;
};

struct ComplexObject : Object {
  double real;
  double imag;
};

// kind 1: one byte per code point, all ASCII; kind 4: UTF-32.
struct StrObject : Object {
  std::int64_t length; // code points
  std::int64_t hash;   // -1 until computed (cached only by the transaction that made it)
  std::int64_t kind;
  alignas(8) unsigned char data[]; // length * kind bytes, then a NUL
};

struct BytesObject : Object {
  std::int64_t length;
  std::int64_t hash;               // -1 until computed
  alignas(8) unsigned char data[]; // length bytes, then a NUL
};

struct ByteArrayObject : Object {
  std::int64_t length;
  Value storage; // a Bytes object used as a growable buffer (capacity = its length)
};

struct TupleObject : Object {
  std::int64_t length;
  std::int64_t hash; // -1 until computed (cached only by the transaction that made it)
  Value items[];
};

struct ValueArray : Object {
  std::int64_t capacity;
  Value items[];
};

struct ListObject : Object {
  std::int64_t length;
  Value storage; // ValueArray, or 0 when empty
};

// An insertion-ordered hash table: entries in order, an open-addressing index of entry
// numbers. A deleted entry keeps its place with key 0 until the table is rebuilt.
struct DictEntry {
  std::int64_t hash;
  Value key; // 0: deleted
  Value value;
};
struct DictStorage : Object {
  std::int64_t index_size; // power of two
  std::int64_t capacity;   // entries
  std::int64_t used;       // entries taken, deleted ones included
  DictEntry entries[];     // then index_size std::int32_t slots (-1 empty, -2 deleted)
};
struct DictObject : Object {
  std::int64_t length;
  Value storage; // DictStorage, or 0 when empty
};

// Sets share the dict's table; values are unused.
struct SetObject : Object {
  std::int64_t length;
  Value storage;
  std::int64_t frozen;
  std::int64_t hash; // frozenset: -1 until computed
};

struct FunctionObject : Object {
  Value code;
  Value globals;    // dict
  Value builtins;   // dict
  Value name;       // str
  Value qualname;   // str
  Value defaults;   // tuple or 0
  Value kwdefaults; // dict or 0
  Value closure;    // tuple of cells or 0
  Value doc;
  Value annotations; // dict or 0
  Value module;
};

struct CodeObject : Object {
  std::int64_t unit; // index of the compiled CodeUnit in the runtime's code table
  // The same CodeUnit's address, with the low bit set so that the collector does not take
  // it for a reference. CodeUnits live as long as the process and sit at one address in
  // every view, so the word means the same thing to every transaction.
  std::uint64_t unit_address;
  Value consts;   // tuple
  Value names;    // tuple of str
  Value varnames; // tuple of str
  Value cellvars; // tuple of str
  Value freevars; // tuple of str
  Value name;
  Value qualname;
  Value filename;
};

enum FrameFlag : std::uint64_t {
  kFrameDiscardResult = 1u << 0, // __init__ frames: the caller gets `instance` instead
  kFrameGenerator = 1u << 1,     // owned by a generator object
  kFrameEntry = 1u << 2,         // first frame of a (nested) VM invocation: return exits it
  kFrameThrow = 1u << 3,         // resume by raising the pending exception at `lasti`
  kFrameResumed = 1u << 4,       // a generator frame resumed by FOR_ITER/SEND of the `back` frame
  // Python code may hold this frame (a traceback, sys._getframe, f_back): it is never
  // reused for another call (vm/frame.cc). Set on a frame and every frame below it.
  kFrameEscaped = 1u << 5,
  // sys.setprofile's function saw this frame's 'call' (a generator's is cleared when it
  // yields, so that its next resumption is a 'call' again).
  kFrameProfiled = 1u << 6,
  // sys.settrace: the 'call' was given (cleared at a yield, as above); f_trace_lines
  // turned off; f_trace_opcodes turned on ('opcode' events before each instruction).
  kFrameTraced = 1u << 7,
  kFrameNoTraceLines = 1u << 8,
  kFrameTraceOpcodes = 1u << 9,
  // A trace function set f_lineno (vm/line_jump.cc): pc and sp are the jump's, and the
  // frame goes on there with no further adjustment (its 'line' event is not restored; a
  // suspended generator's resumption pushes no sent value).
  kFrameJumped = 1u << 10,
  // Its trace function is running for its 'line' event or the 'return' of its yield: the
  // frame stands at an instruction boundary (or a yield), where f_lineno may be set.
  kFrameAtEvent = 1u << 11,
};

struct FrameObject : Object {
  Value code;
  Value back;     // the calling frame, or 0
  Value function; // or 0 (module and class bodies)
  Value globals;
  Value builtins;
  Value locals;        // module and class bodies: the namespace; functions: locals()'s dict, or 0
  Value instance;      // with kFrameDiscardResult: the object being initialized
  Value generator;     // with kFrameGenerator
  Value trace;         // f_trace, or 0
  std::int64_t traced; // sys.settrace: the instruction last run while traced, or -1
  std::int64_t pc;     // next instruction
  std::int64_t sp;     // number of values on the stack
  std::int64_t lasti;  // instruction that raised / is running
  std::int64_t flags;
  std::int64_t depth; // Python frames below and including this one
  std::int64_t nlocals;
  std::int64_t ncells;
  std::int64_t stacksize;
  Value slots[]; // nlocals fast locals, ncells cells, then the value stack

  // The instruction it is at: the one running (a call in progress) or the last one run.
  std::int64_t instruction() const { return pc > 0 ? pc - 1 : lasti; }
};

struct CellObject : Object {
  Value ref; // 0: empty
};

struct ModuleObject : Object {
  Value name; // its __dict__ is Object::dict
};

// A function written in C++. `self` is 0 for a plain function or an unbound method
// descriptor; a bound builtin method has it set. `owner` is the class that defines a
// method descriptor (for "descriptor 'x' for 'list' objects doesn't apply to a 'int'").
struct NativeObject : Object {
  std::int64_t index; // into the runtime's native function table
  Value self;
  Value owner;
  Value name;
  Value module;
};

struct MethodObject : Object {
  Value function;
  Value self;
};

struct ExceptionObject : Object {
  Value args;      // tuple
  Value traceback; // traceback chain (a tuple list, see exceptions.cc) or None
  Value cause;
  Value context;
  Value suppress_context; // True/False
  Value notes;            // list or 0
  Value extra[4];         // per-class fields: SyntaxError's, OSError's, StopIteration.value, ...
};

enum GeneratorKind : std::int64_t { kGenerator = 0, kCoroutine = 1, kAsyncGenerator = 2 };
struct GeneratorObject : Object {
  Value frame; // 0 once finished
  Value name;
  Value qualname;
  std::int64_t kind;
  std::int64_t running;
  Value yield_from; // the iterator being delegated to, or 0
  Value exc_state;  // the exception its suspended frame is handling, or 0
  Value caller_exc; // while it runs: the exception its resumer handles (sys.exc_info()'s fallback)
  Value finalizer;  // an async generator: the finalizer hook when it first ran, or 0
  Value origin;     // a coroutine: cr_origin, the callers that made it, or 0
  Value code;       // gi_code/cr_code/ag_code, kept once the frame is gone
  // A small int: the except blocks of its own frame now running (PUSH_EXC_INFO counts up,
  // POP_EXCEPT down). While it is above 0 the handled exception is the generator's own,
  // kept across a yield, even when it is the same object its resumer handles.
  Value handlers;
};

struct RangeObject : Object {
  Value start;
  Value stop;
  Value step;
  Value length;
};

struct SliceObject : Object {
  Value start;
  Value stop;
  Value step;
};

// The iterators of builtin containers: `kind` says which, `seq` is what is iterated.
struct IteratorObject : Object {
  Value seq;
  std::int64_t index;
  std::int64_t kind;
  Value extra; // a range's step / a callable_iterator's sentinel / a dict's expected size
  Value extra2;
};

struct PropertyObject : Object {
  Value fget;
  Value fset;
  Value fdel;
  Value doc;
  Value name;
};

struct WrapperObject : Object {
  Value wrapped;
};

struct SuperObject : Object {
  Value type;
  Value obj;
  Value obj_type;
};

struct ThreadStateObject : Object {
  Value top_frame;      // the innermost frame of the outermost VM loop
  Value handled;        // sys.exc_info()'s exception, or None
  Value result;         // the value of a finished run
  Value asyncgen_hooks; // sys.set_asyncgen_hooks' (firstiter, finalizer) tuple, or 0
  Value profiler;       // sys.setprofile's function, or 0
  Value tracer;         // sys.settrace's function, or 0
  Value origin_depth;   // sys.set_coroutine_origin_tracking_depth's int, or 0
};

struct WeakRefObject : Object {
  Value target; // cleared by the collector (gc::kWeakReference: the word at byte 8 is ... see
                // runtime.cc)
  Value callback;
  std::int64_t hash;
};

// _thread's locks. `owner` is the holder's thread ident (an int) or 0 when free; an
// RLock counts re-entries in `count`. Plain locks may be released by any thread.
struct LockObject : Object {
  Value owner;
  Value count;
};

} // namespace interp
