// interp/objects/objects.h - making and taking apart the builtin objects from C++.
//
// One section per builtin type, implemented in the type's own file (str.cc, list.cc...).
// Functions that can fail return a null Value (or false / -1) with the thread's pending
// exception set; functions that cannot fail say so by returning a plain value.
#pragma once

#include "gc/gc.h"
#include "interp/runtime.h"

#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace interp {

namespace bytecode {
struct CodeUnit;
}

// ---- allocation ----------------------------------------------------------------------------
// A new zeroed object of `bytes` (header included) in the running transaction, with its
// class set; 0 and MemoryError when the heap is exhausted.
// `finalizable`: the collector hands the object to vm/finalizers.cc when it dies, as it
// does an instance of a class with __del__.
Value allocate(Thread& t, Layout layout, Value cls, std::size_t bytes, bool finalizable = false);
// What object.__new__(cls) makes (cls a type): a new instance of cls's layout, or 0 with
// TypeError for an abstract class or a layout object.__new__ cannot make.
Value object_new_instance(Thread& t, Value cls);

// ---- type ------------------------------------------------------------------------------------
inline Value type_of(Value v) {
  if (v.is_small_int()) return type_value(T_int);
  if (v.is_tagged_float()) return type_value(T_float);
  return ro<Object>(v)->cls;
}
inline const TypeObject* type_ro(Value type) {
  return rd<TypeObject>(type);
}
bool is_subtype(Value sub, Value base);
// The builtin type whose layout the instances of `type` take.
// The C3 linearization of `type`'s bases (what type.mro() returns), as a tuple.
Value c3_mro(Thread& t, Value type);
Value solid_base(Value type);
bool isinstance(Value v, TypeId base);
inline bool is_exact(Value v, TypeId id) {
  return type_of(v) == type_value(id);
}
// The attribute along the MRO, or 0 (never raises).
Value type_lookup(Value type, Value name);
// A class's dict or MRO changed: lookups cached before must not be trusted (type.cc). The
// class and every class below it get new versions.
void type_modified(Value type);
// ---- instance layout: slot words and weak-reference lists (type.cc) -----------------------
// The slot words instances of `type` carry at their end (__slots__ and the weak-reference
// list's word; see TypeObject::flags).
inline std::uint64_t slot_words(Value type) {
  return (rd<TypeObject>(type)->flags & kSlotWordsMask) >> kSlotWordsShift;
}
// Slot word `index` of an object (0 is the first: inherited words come first). The words
// are the last ones of the object, whatever its layout's struct and variable part.
Value* slot_word_at(Value obj, std::uint64_t index, bool write);
// The slot word that `descr` (what the MRO of `type` gives for a name) reads and writes on
// instances of `type`, or -1 where it is no __slots__ member that applies to them.
std::int64_t slot_index_for(Value descr, Value type);
// Whether instances of `type` may hold attributes in a __dict__ (CPython's tp_dictoffset
// != 0: object() itself may not).
bool has_instance_dict(Value type);
// Gives instances of a type made in C++, none of which exists yet, a word that lists their
// weak references: weakref.ref() takes them (and classes derived from it inherit it).
void make_weakrefable(Value type);
// Whether weakref.ref(obj) takes the object; and the word that lists its weak references
// (0 when there are none yet), nullptr for an object that takes none.
bool takes_weakrefs(Value obj);
Value* weakref_list_word(Value obj, bool write);
// The first live weak reference to `obj` (what its __weakref__ shows), or 0
// (interp/modules/weakref.cc).
Value first_weakref(Value obj);
// CPython's type attributes that describe the instances' memory (__basicsize__,
// __itemsize__, __dictoffset__, __weakrefoffset__), its Py_TPFLAGS_HAVE_GC (instances a
// collector of cycles tracks: sys.getsizeof adds its header of 16 bytes) and whether a
// class keeps instance dicts as CPython 3.11's "managed" dicts (16 bytes before the
// object, which sys.getsizeof counts too).
struct TypeSizes {
  std::int64_t basicsize, itemsize, dictoffset, weaklistoffset;
  bool gc, managed_dict;
};
TypeSizes type_sizes(Value type);
// Whether obj.__class__ may change from one class to the other: instances of both are laid
// out alike (CPython's compatible_for_assignment).
bool compatible_for_class_assignment(Value from, Value to);
// The version that vouches for what type_lookup finds along the class's MRO: 0 for a
// builtin type (never changes), kNotCacheable where a cache must not keep the class (one
// the running transaction made, which an abort may take back).
inline constexpr std::uint64_t kNotCacheable = ~std::uint64_t{0};
std::uint64_t cacheable_version(Value type);
std::string type_name(Value type); // __name__ as UTF-8
// CPython's tp_name of a type (what its messages print): __name__, with the module in
// front for a type made in C++ by a module other than builtins ("collections.deque").
std::string display_name(Value type);
std::string type_name_of(Value v); // display_name(type(v))
// module.qualname (the qualname alone for builtins), as repr() of a class shows it.
std::string qualified_name(Thread& t, Value type);
// A builtin type made at start-up (immutable after).
Value make_builtin_type(Thread& t, TypeId id, const char* name, Layout layout, Value base,
                        std::uint64_t flags);
// Adds a native method descriptor / class method / static method / attribute to a type.
void add_method(Thread& t, Value type, const char* name, NativeFn fn, const char* doc = nullptr);
// What the call checks of a method's arguments, as CPython checks those of its METH_NOARGS
// (none), METH_O (one) and keywordless METH_FASTCALL (positional: no keyword, the native
// counts them) methods.
enum class MethodArgs : std::int8_t { native_checks = -1, none = 0, one = 1, positional = 2 };
void add_method(Thread& t, Value type, const char* name, NativeFn fn, MethodArgs args);
// One method of a builtin type's table of methods.
struct MethodDef {
  const char* name;
  NativeFn fn;
  MethodArgs args = MethodArgs::native_checks;
};
void add_methods(Thread& t, Value type, std::span<const MethodDef> methods);
// Marks the native __mul__, __rmul__ and __imul__ already in a builtin sequence type's dict
// as repeating the sequence, as CPython's sq_repeat does: called directly they take only an
// integer count, and the * operator tries them last (binary_op).
void mark_sequence_repeat(Thread& t, Value type);
// The native function a builtin method descriptor calls, or null for any other object.
const NativeInfo* native_info(Value callable);
void add_classmethod(Thread& t, Value type, const char* name, NativeFn fn);
void add_staticmethod(Thread& t, Value type, const char* name, NativeFn fn);
void add_attribute(Thread& t, Value type, const char* name, Value value);
// A read-only attribute computed by fn(self) (a property whose getter is native).
// A property named `name` calling fn(self) (and setter(self, value) if given; deleting
// calls setter(self)).
void add_getter(Thread& t, Value type, const char* name, NativeFn fn, NativeFn setter = nullptr);
// Getset descriptors for attributes that `get` (the type's __getattribute__) answers by name
// before it looks anywhere else; `set` (its __setattr__, given (obj, name, value) or
// (obj, name) to delete) likewise, or none for read-only ones.
void add_named_getters(Thread& t, Value type, std::initializer_list<const char*> names,
                       NativeFn get, NativeFn set = nullptr);
// The same as member_descriptors (the kind CPython shows for attributes that are fields).
void add_named_members(Thread& t, Value type, std::initializer_list<const char*> names,
                       NativeFn get, NativeFn set = nullptr);
bool is_member_descriptor(Value v);
// A '__dict__' getset giving the instance's dict (for builtin types whose instances have one).
void add_instance_dict_getter(Thread& t, Value type);
// Recomputes the flags that say which attribute hooks a class has (after its dict changed).
void update_type_flags(Value type);
// Recomputes the MRO of a class (C3); false with TypeError when there is none.
bool compute_mro(Thread& t, Value type);
// A class statement's type(name, bases, ns) after the metaclass is chosen.
Value type_new(Thread& t, Value metatype, Value name, Value bases, Value ns, Value kwargs);

// ---- int and bool ------------------------------------------------------------------------
Value int_from_i64(Thread& t, std::int64_t v); // never fails for tagged range; may allocate
bool int_check(Value v);                       // int or a subclass, bool included
// The value as int64 if the int fits; false otherwise (no exception set).
bool int_to_i64(Value v, std::int64_t& out);
// Index conversion as operator.index (__index__): TypeError with CPython's message.
bool index_to_i64(Thread& t, Value v, std::int64_t& out, bool clamp = false);
// operator.index(v): v itself if an int, else what its __index__ gives (which must be an
// int); 0 with CPython's TypeError.
Value index_value(Thread& t, Value v);
Value int_from_text(Thread& t, std::string_view text, int base); // int('...') rules
// The text of str `s` with its Unicode decimal digits and spaces made ASCII, as int(),
// float() and complex() read numbers (the UTF-8 unchanged when another non-ASCII
// character makes it no number anyway).
std::string ascii_digits(Value s);
std::string int_to_decimal(Value v);

// ---- float ---------------------------------------------------------------------------------
// Tagged in the Value when it fits (value.h), else a heap object.
Value float_new_boxed(Thread& t, double v);
inline Value float_new(Thread& t, double v) {
  if (Value tagged = Value::tagged_float(v)) return tagged;
  return float_new_boxed(t, v);
}
// v is a float (or an instance of a subclass).
inline double float_value(Value v) {
  return v.is_tagged_float() ? v.tagged_float_value() : ro<FloatObject>(v)->value;
}
// An exact float, or a small int that a double holds exactly (|i| <= 2**53): what orders
// against a float by comparing doubles (C++'s comparisons give Python's, NaN included).
[[gnu::always_inline]] inline bool exact_double(Value v, double& out) {
  if (v.is_tagged_float()) {
    out = v.tagged_float_value();
    return true;
  }
  if (v.is_small_int()) {
    std::int64_t i = v.small_int_value();
    out = double(i);
    return i >= -(std::int64_t{1} << 53) && i <= (std::int64_t{1} << 53);
  }
  if (!is_exact(v, T_float)) return false;
  out = float_value(v);
  return true;
}
// float or a subclass.
inline bool float_check(Value v) {
  return v.is_tagged_float() || (v.is_object() && isinstance(v, T_float));
}
// float(x) for ints and floats and __float__: TypeError as CPython.
bool to_double(Thread& t, Value v, double& out);
// What v.__float__() returned (r: 0 when it raised) as a double: a float subclass's
// instance with a DeprecationWarning, anything else a TypeError.
bool float_result(Thread& t, Value v, Value r, double& out);

// ---- complex -------------------------------------------------------------------------------
// cls 0: complex itself.
Value complex_new(Thread& t, double re, double im, Value cls = {});

// ---- str -----------------------------------------------------------------------------------
Value str_from_utf8(Thread& t, std::string_view utf8);
// Bytes from the operating system (command-line arguments, file names) as os.fsdecode
// makes them: strict UTF-8, each undecodable byte as a lone surrogate U+DC80..U+DCFF.
Value str_from_os_bytes(Thread& t, std::string_view bytes);
// The reverse, as os.fsencode: U+DC80..U+DCFF back to their bytes; any other surrogate is
// CPython's UnicodeEncodeError.
bool str_to_os_bytes(Thread& t, Value s, std::string& out);
Value str_from_ascii(Thread& t, std::string_view ascii);
Value str_from_code_points(Thread& t, std::u32string_view cps);
Value str_from_code_point(Thread& t, char32_t cp);
// s[start:stop] for 0 <= start <= stop <= len(s), copied without widening ASCII text.
Value str_substring(Thread& t, Value s, std::int64_t start, std::int64_t stop);
std::string str_utf8(Value s); // surrogates as CPython's surrogatepass would write them
// str_utf8, or the strict encoder's UnicodeEncodeError for a lone surrogate (false).
bool str_utf8_strict(Thread& t, Value s, std::string& out);
std::u32string str_code_points(Value s);
std::int64_t str_length(Value s);
char32_t str_at(Value s, std::int64_t i);
std::int64_t str_hash_slow(Value s); // computes (and caches when it may) the hash
inline std::int64_t str_hash(Value s) {
  std::int64_t h = ro<StrObject>(s)->hash;
  return h != -1 ? h : str_hash_slow(s);
}
bool str_equal(Value a, Value b);
// -1, 0 or 1 as a's code points order against b's (no copy of either).
int str_order(Value a, Value b);
bool str_equal_ascii(Value s, std::string_view ascii);
Value str_concat(Thread& t, Value a, Value b);
// The strs items[0..n) joined by `sep` (0: none), in one new str; every item is a str.
Value str_join_values(Thread& t, Value sep, const Value* items, std::size_t n);
bool str_check(Value v);
// A str made once at start-up for a C++ literal (immutable).
Value intern_literal(Thread& t, const char* text);

// ---- bytes ---------------------------------------------------------------------------------
Value bytes_new(Thread& t, std::string_view data);
std::string_view bytes_view(Value b);
// The bytes of any object with the buffer protocol (bytes, bytearray, memoryview, array,
// mmap); false (no exception) when v has none, false with an exception (error set) for a
// released view or a closed map.
bool buffer_contents(Thread& t, Value v, std::string& out, bool& error);

// ---- the buffer protocol (memoryview.cc) -----------------------------------------------------
// What an object exports to memoryview: its bytes, kept in a Bytes object (`storage`; 0 while
// there are none) that a growing object may replace, so a view asks again at each access.
struct BufferExport {
  Value storage;
  std::int64_t length = 0; // bytes in use
  char format = 'B';       // the struct format of the items
  bool readonly = true;
};
// The exporter of a module's type (array.array): 1 with `out` filled, 0 for an object not of
// its type, -1 with an exception. Registered when the module is made.
using BufferExporter = int (*)(Thread& t, Value v, BufferExport& out);
void register_buffer_exporter(BufferExporter exporter);
// bytes, bytearray and the registered exporters' objects: 1, 0 or -1 as an exporter answers.
int buffer_export(Thread& t, Value v, BufferExport& out);
// A view of unsigned bytes over the writable buffer of `v` (bytearray, array.array, a
// writable contiguous memoryview), for readinto(), recv_into() and pack_into() to write
// through; 0 with no exception for anything else (0 with one when asking failed).
Value writable_byte_view(Thread& t, Value v);

// ---- tuple ---------------------------------------------------------------------------------
Value tuple_new(Thread& t, std::size_t n); // items 0: fill with tuple_init
inline void tuple_init(Value tuple, std::size_t i, Value v) {
  fresh<TupleObject>(tuple)->items[i] = v;
}
Value tuple_from(Thread& t, const Value* items, std::size_t n);
inline std::int64_t tuple_length(Value tuple) {
  return ro<TupleObject>(tuple)->length;
}
inline Value tuple_item(Value tuple, std::int64_t i) {
  return ro<TupleObject>(tuple)->items[i];
}

// ---- list ----------------------------------------------------------------------------------
Value list_new(Thread& t, std::size_t n = 0); // n items of None... (0 means empty)
Value list_from(Thread& t, const Value* items, std::size_t n);
bool list_append(Thread& t, Value list, Value item);
// list.insert(i, item): i clamped to the list as list.insert clamps it.
bool list_insert_at(Thread& t, Value list, std::int64_t i, Value item);
// list.extend(iterable); false with an exception pending.
bool list_extend_impl(Thread& t, Value list, Value iterable);
std::int64_t list_length(Value list);
Value list_item(Value list, std::int64_t i); // no bounds check
void list_set_item(Value list, std::int64_t i, Value v);
void list_truncate(Value list, std::int64_t n); // del list[n:]
Value list_to_tuple(Thread& t, Value list);

// ---- dict ----------------------------------------------------------------------------------
Value dict_new(Thread& t);
// Lookup: the value, or 0. On 0, `error` tells whether an exception was raised (a key's
// __eq__ or __hash__ may raise).
Value dict_get(Thread& t, Value dict, Value key, bool& error);
// str keys with no user __eq__: cannot fail.
Value dict_get_str(Value dict, Value key);
Value dict_get_cstr(Thread& t, Value dict, const char* key);
// The same for a caller that remembers where the key was last time (an attribute read at
// one instruction meets dicts of one shape): `hint` is the entry tried first, and is
// updated to where the key is.
Value dict_get_str_hinted_slow(Value dict, Value key, std::int32_t& hint);
inline Value dict_get_str_hinted(Value dict, Value key, std::int32_t& hint) {
  // The common case inline (an attribute read where the name sat last time, under the
  // same str): the rest, equal strs of other identity included, out of line.
  if (Value storage = rd<DictObject>(dict)->storage) {
    const DictStorage* s = rd<DictStorage>(storage);
    if (hint >= 0 && hint < s->used && s->entries[hint].key == key) return s->entries[hint].value;
  }
  return dict_get_str_hinted_slow(dict, key, hint);
}
// Sets exact str `key` (an attribute name), using `hint` as above and updating it: a
// replaced value is one store; a new key is added with the str's own hash.
bool dict_set_str_hinted(Thread& t, Value dict, Value key, Value value, std::int32_t& hint);
// Where a global name was found last time, for LOAD_GLOBAL (one per instruction and
// thread): a hit in globals, or a miss there (no key added since: the storage and its
// count of entries are unchanged) and a hit in builtins. The entry's own key object is
// kept, so a right guess costs no hashing and no string compare. The offsets are only
// compared, never followed, and the cache is void after a collection or an abort of the
// thread (either may free them and hand the cells out again).
struct GlobalHint {
  std::uint64_t collections = ~std::uint64_t{0}, aborts = 0;
  Value globals_storage, builtins_storage, key;
  std::int64_t globals_used = 0;
  std::int32_t entry = -1;
  bool in_builtins = false;
};
// str `key` in dict `globals`, else in dict `builtins`; 0 when in neither. Where the hint
// no longer holds: looks the key up again and remembers where it was found.
Value dict_get_global_slow(Value globals, Value builtins, Value key, GlobalHint& hint);
// The same, with the guesses that hold checked inline (LOAD_GLOBAL): an entry of globals
// that still has the key, or an entry of builtins while globals has gained no key.
inline Value dict_get_global(Value globals, Value builtins, Value key, GlobalHint& hint) {
  if (hint.collections == gc::collection_count() && hint.aborts == stm::thread_abort_count()) {
    Value gs = rd<DictObject>(globals)->storage;
    if (gs == hint.globals_storage) {
      if (!hint.in_builtins) {
        const DictStorage* g = rd<DictStorage>(gs);
        if (g->entries[hint.entry].key == hint.key) return g->entries[hint.entry].value;
      } else if ((gs ? rd<DictStorage>(gs)->used : 0) == hint.globals_used) {
        Value bs = rd<DictObject>(builtins)->storage;
        if (bs && bs == hint.builtins_storage) {
          const DictStorage* b = rd<DictStorage>(bs);
          if (b->entries[hint.entry].key == hint.key) return b->entries[hint.entry].value;
        }
      }
    }
  }
  return dict_get_global_slow(globals, builtins, key, hint);
}
bool dict_set(Thread& t, Value dict, Value key, Value value);
// d.setdefault(key, value): the value for key, added when absent, with key hashed once.
Value dict_setdefault(Thread& t, Value dict, Value key, Value value);
// 1 removed, 0 not there, -1 error.
int dict_del(Thread& t, Value dict, Value key);
std::int64_t dict_length(Value dict);
// Iteration in insertion order: pos starts at 0; false at the end.
bool dict_next(Value dict, std::int64_t& pos, Value& key, Value& value);
// With the hash the dict keeps for the key: what copies between dicts and sets reuse, so
// that a key's __hash__ runs once, as CPython's do.
bool dict_next_hashed(Value dict, std::int64_t& pos, Value& key, Value& value, std::int64_t& hash);
// dict_get and dict_set for a key whose hash is known.
Value dict_get_hashed(Thread& t, Value dict, Value key, std::int64_t hash, bool& error);
bool dict_set_hashed(Thread& t, Value dict, Value key, std::int64_t hash, Value value);
// The next key of a set or frozenset from `pos`, with its kept hash; false at the end.
bool set_next_hashed(Value set, std::int64_t& pos, Value& key, std::int64_t& hash);
Value dict_copy(Thread& t, Value dict);
bool dict_update(Thread& t, Value dict, Value other); // other: a dict or mapping or pairs
bool dict_check(Value v);

// ---- set -----------------------------------------------------------------------------------
Value set_new(Thread& t, bool frozen);
bool set_add(Thread& t, Value set, Value key);
int set_contains(Thread& t, Value set, Value key); // 1, 0, -1 error

// ---- code, function, frame, cell, module, method, native --------------------------------
// The byte offset CPython 3.11 would give instruction `instruction` of `code` (f_lasti,
// tb_lasti); -1 for -1.
std::int64_t code_cpython_offset(Value code, std::int64_t instruction);
Value code_new(Thread& t, std::shared_ptr<const bytecode::CodeUnit> unit);
inline const bytecode::CodeUnit& code_unit(Value code) {
  return *reinterpret_cast<const bytecode::CodeUnit*>(ro<CodeObject>(code)->unit_address & ~1ull);
}
Value function_new(Thread& t, Value code, Value globals, Value qualname);
// The builtins that code run with these globals sees: their __builtins__ (a module's dict),
// or, without one, the running code's (the interpreter's outside any frame).
Value builtins_of_globals(Value globals);
// obj.__getstate__(): the state that __reduce__ hands pickle and copy (a subclass's
// __dict__ and slots, by object's).
Value object_state(Thread& t, Value obj);
Value cell_new(Thread& t, Value content);
Value module_new(Thread& t, Value name);
Value method_new(Thread& t, Value function, Value self);
// `name`: the native's name as a str when the caller has it (binding a descriptor, in a
// hot path), else made from the registered name.
Value native_new(Thread& t, std::int64_t index, Value self, Value owner, TypeId type,
                 Value name = {});
// `doc` may start with the signature as CPython writes it, "name($module, x, /)\n--\n\n":
// __text_signature__ is then the part in parentheses (inspect.signature reads it) and
// __doc__ what follows the "--" line.
Value make_native_function(Thread& t, const char* name, NativeFn fn, Value module = {},
                           const char* doc = nullptr);
// The two parts of a native's documentation (see make_native_function); empty views where
// a part is missing.
std::string_view native_signature_text(const char* name, const char* doc);
std::string_view native_doc_text(const char* name, const char* doc);
// Whether `type` is method_descriptor or wrapper_descriptor: natives that bind to an
// instance of their owner and check the type of the self they are called with.
inline bool is_native_descriptor_type(Value type) {
  return type == type_value(T_method_descriptor) || type == type_value(T_wrapper_descriptor);
}
// descr.__get__(obj) for those two: a builtin method or method-wrapper bound to obj, or
// TypeError when obj is not an instance of the descriptor's class.
Value native_descriptor_bind(Thread& t, Value descr, Value obj);
// The TypeError of calling such a descriptor with no self (`self` 0) or a self that is
// not an instance of its class.
Value native_descriptor_misuse(Thread& t, Value descr, Value self);

// ---- slot wrappers (slot_wrappers.cc) ----------------------------------------------------
// A special method that CPython implements through a type slot: its text signature and
// doc, which are the same for every builtin type that has it.
struct SlotWrapper {
  const char* name;
  const char* text_signature;
  const char* doc;
};
// The slot behind the special method `name` of the builtin `type`, which is then a
// wrapper_descriptor; null for a method_descriptor.
const SlotWrapper* slot_wrapper(Value type, std::string_view name);
// Records the argument count of `slot` (from its text signature) in the native.
void set_slot_arity(std::int64_t native, const SlotWrapper& slot);
// Before calling a slot wrapper with `given` arguments after self: CPython's TypeError
// (and false) when the count or a keyword does not fit.
bool slot_arguments_ok(Thread& t, const NativeInfo& info, std::size_t given, Value kwnames);
// The same for a method whose info.method_args is set; `type` names it in the message.
bool method_arguments_ok(Thread& t, const NativeInfo& info, Value type, std::size_t given,
                         Value kwnames);

// ---- exceptions --------------------------------------------------------------------------
// An instance of an exception class made from args (a tuple).
Value exception_new(Thread& t, Value type, Value args);
bool exception_check(Value v); // an instance of BaseException
// warnings.warn(message, category, stacklevel), for the warnings the interpreter itself
// gives, so that filters, catch_warnings and -W apply to them: false with the exception
// set when the warning is an error (or the warning machinery failed).
bool warn(Thread& t, Value category, const std::string& message, std::int64_t stacklevel = 1);
// warnings.warn(text, category, source=source) for a warning about an object that a
// finalizer found, pointing at the running frame: the warnings module's filters and hooks
// decide, and its message keeps the source (warn_source.cc). False with the exception.
bool warn_with_source(Thread& t, Value category, Value text, Value source);
void init_exception_types(Thread& t);
// except*: splits `exception` by a clause's class (match and rest, None when empty), and
// assembles the exception left to re-raise from the clauses' raised/re-raised list.
bool exception_group_match(Thread& t, Value exception, Value match_type, Value& match, Value& rest);
Value exception_group_prep_reraise(Thread& t, Value orig, Value excs);

// ---- generators --------------------------------------------------------------------------
Value generator_new(Thread& t, Value frame, Value code);

// ---- misc ----------------------------------------------------------------------------------
Value slice_new(Thread& t, Value start, Value stop, Value step);
Value range_new(Thread& t, Value start, Value stop, Value step);
Value iterator_new(Thread& t, TypeId type, Value seq, std::int64_t kind = 0);
// types.GenericAlias(origin, args): what list[int] and type[int] make.
Value generic_alias_new(Thread& t, Value origin, Value args);
// 1 when `fn.__isabstractmethod__` is true, 0 when false or missing, -1 on error.
int abstract_flag(Thread& t, Value fn);
// C.__bases__ = bases: checked as CPython does, the MROs below recomputed.
Value set_bases(Thread& t, Value type, Value bases);
// types.UnionType (`int | str`) and the tuple of its members.
bool is_union_object(Value v);
Value union_members(Value v);
// locals() of a frame: its namespace, or (a function) its fast locals and cells in a dict.
Value frame_locals(Thread& t, Value frame);
// The class that a builtin descriptor (getset_descriptor, member_descriptor) belongs to.
Value descriptor_owner(Value descr);
// A getset's or member's __qualname__ (a native: args[0] is the descriptor).
Value descriptor_qualname(Thread& t, const Value* args, std::size_t nargs, Value kwnames);
// A read-only view of `mapping` (what a class's __dict__ returns).
Value mappingproxy_new(Thread& t, Value mapping);

} // namespace interp
