// interp/modules/pickle.h - what the three files of the _pickle module share: the opcodes,
// the Pickler and Unpickler objects, and the helpers both directions use.
//
//   pickle.cc        the module: its exceptions, types (PickleBuffer too), attributes and
//                    functions;
//   pickle_dump.cc   the Pickler (dump, dumps);
//   pickle_load.cc   the Unpickler (load, loads, find_class).
//
// Behaviour is CPython 3.11's C accelerator (Modules/_pickle.c), which is what programs
// meet there: its byte output (which differs from pickle.py in places: batches of list
// items, bytearray below protocol 5, an empty SETITEMS batch after a dict of a multiple
// of 1000 items) and its messages. Neither direction keeps a Value in C++ memory that
// outlives a call to Python code or an allocation: stacks and memos are Python lists,
// reachable from C++ locals or from the Pickler / Unpickler object; C++ containers only
// hold ints (marks, memo indexes) and the identities of objects those lists keep alive.
#pragma once

#include "interp/modules/module_support.h"
#include "interp/runtime.h"

#include <cstdint>
#include <string>

namespace interp {
// The bytes of any object with the buffer protocol (interp/objects/bytes.cc).
bool buffer_contents(Thread& t, Value v, std::string& out, bool& error);
} // namespace interp

namespace interp::pickle {

constexpr int kHighestProtocol = 5;
constexpr int kDefaultProtocol = 4;
constexpr int kBatchSize = 1000;
constexpr std::size_t kFrameSizeTarget = 64 * 1024;
constexpr std::size_t kFrameSizeMin = 4;
constexpr std::size_t kFrameHeaderSize = 9;

enum Op : unsigned char {
  MARK = '(',
  STOP = '.',
  POP = '0',
  POP_MARK = '1',
  DUP = '2',
  FLOAT = 'F',
  INT = 'I',
  BININT = 'J',
  BININT1 = 'K',
  LONG = 'L',
  BININT2 = 'M',
  NONE = 'N',
  PERSID = 'P',
  BINPERSID = 'Q',
  REDUCE = 'R',
  STRING = 'S',
  BINSTRING = 'T',
  SHORT_BINSTRING = 'U',
  UNICODE = 'V',
  BINUNICODE = 'X',
  APPEND = 'a',
  BUILD = 'b',
  GLOBAL = 'c',
  DICT = 'd',
  EMPTY_DICT = '}',
  APPENDS = 'e',
  GET = 'g',
  BINGET = 'h',
  INST = 'i',
  LONG_BINGET = 'j',
  LIST = 'l',
  EMPTY_LIST = ']',
  OBJ = 'o',
  PUT = 'p',
  BINPUT = 'q',
  LONG_BINPUT = 'r',
  SETITEM = 's',
  TUPLE = 't',
  EMPTY_TUPLE = ')',
  SETITEMS = 'u',
  BINFLOAT = 'G',
  PROTO = 0x80,
  NEWOBJ = 0x81,
  EXT1 = 0x82,
  EXT2 = 0x83,
  EXT4 = 0x84,
  TUPLE1 = 0x85,
  TUPLE2 = 0x86,
  TUPLE3 = 0x87,
  NEWTRUE = 0x88,
  NEWFALSE = 0x89,
  LONG1 = 0x8a,
  LONG4 = 0x8b,
  BINBYTES = 'B',
  SHORT_BINBYTES = 'C',
  SHORT_BINUNICODE = 0x8c,
  BINUNICODE8 = 0x8d,
  BINBYTES8 = 0x8e,
  EMPTY_SET = 0x8f,
  ADDITEMS = 0x90,
  FROZENSET = 0x91,
  NEWOBJ_EX = 0x92,
  STACK_GLOBAL = 0x93,
  MEMOIZE = 0x94,
  FRAME = 0x95,
  BYTEARRAY8 = 0x96,
  NEXT_BUFFER = 0x97,
  READONLY_BUFFER = 0x98,
};

// _pickle.Pickler. `write` is 0 until __init__ ran.
struct PicklerObject : Object {
  Value write;           // file.write
  Value proto;           // small int
  Value fix_imports;     // bool: asked for and protocol < 3
  Value fast;            // small int, the `fast` attribute
  Value buffer_callback; // callable or 0
  Value memo_objs;       // list: the memoized objects ...
  Value memo_ids;        // list: ... and their memo indexes (small ints)
  Value pers_func;       // persistent_id, or 0
  Value dispatch_table;  // mapping, or 0 (copyreg.dispatch_table)
};

// _pickle.Unpickler. `read` is 0 until __init__ ran.
struct UnpicklerObject : Object {
  Value read;        // file.read
  Value readline;    // file.readline
  Value peek;        // file.peek, or 0
  Value encoding;    // str
  Value errors;      // str
  Value fix_imports; // bool
  Value buffers;     // iterator, or 0 when none was given
  Value pers_func;   // persistent_load, or 0
  Value memo;        // list indexed by memo key, 0 where nothing is stored
  Value memo_count;  // small int: entries of memo that hold an object
  Value proto;       // small int: the protocol of the pickle being loaded
};

// pickle.PickleBuffer: a buffer that protocol 5 pickles in band (as bytes or bytearray)
// or out of band (through buffer_callback).
struct PickleBufferObject : Object {
  Value view; // a memoryview of the buffer; 0 once released
};
bool is_picklebuffer(Value v);
// The PickleBuffer's view, or 0 with ValueError once it was released.
Value picklebuffer_view(Thread& t, Value pb);

// The module's own classes and functions, looked up through sys.modules["_pickle"].
Value pickling_error(Thread& t);
Value unpickling_error(Thread& t);
// Raises `cls` (an exception class) with `message`; returns 0.
Value raise_with(Thread& t, Value cls, std::string_view message);
// An attribute of a module by name (copyreg's registries, _compat_pickle's mappings).
Value module_value(Thread& t, const char* module, const char* attr);
Value unpickler_type(Thread& t);

// Attribute `name` of obj, or 0 without exception when it has none (0 with the
// exception for other errors: check t.pending).
Value lookup_attr(Thread& t, Value obj, const char* name);
// The parts of a dotted name ("A.B.c"), as a list of str; AttributeError for a
// "<locals>" part ("Can't pickle local object" when `obj` is 0, else "Can't get local
// attribute ... on ...").
Value dotted_path(Thread& t, Value obj, Value name);
// getattr along a dotted path, or 0 (with no exception when an attribute is missing);
// `parent` gets the object before the last step.
Value deep_attribute(Thread& t, Value obj, Value path, Value* parent);

// Pickling: dump / dumps, for a Pickler object (`self`, 0 for the module's functions).
struct DumpSettings {
  Value self; // the Pickler, or 0
  Value write;
  int proto = kDefaultProtocol;
  bool fix_imports = true;
  Value buffer_callback;
};
// dumps(): the bytes; dump(): writes them to settings.write and returns None.
Value run_dump(Thread& t, const DumpSettings& settings, Value obj);

// Unpickling.
struct LoadSettings {
  Value self;           // the Unpickler, or 0
  Value read, readline; // the file's methods, or 0 to read `data`
  Value peek;           // file.peek, or 0
  const std::string* data = nullptr;
  Value encoding, errors; // str
  bool fix_imports = true;
  Value buffers; // iterator or 0
};
Value run_load(Thread& t, const LoadSettings& settings);
// Unpickler.find_class's work, with the protocol of the load in progress.
Value find_class(Thread& t, Value module_name, Value global_name, int proto, bool fix_imports);

} // namespace interp::pickle
