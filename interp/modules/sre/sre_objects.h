// interp/modules/sre/sre_objects.h - the objects of the _sre module (compiled pattern,
// match, scanner) and what their files share: reading a subject string, slicing it,
// binding a method's arguments, making a match object from the engine's result.
//
// All three are Instance-layout objects whose fields follow the header (the collector
// traces every word of that layout); numbers are stored as small ints. Patterns and
// matches never change once made, so they are read without barriers; a scanner advances
// and is read and written through barriers.
#pragma once

#include "interp/modules/sre/sre_engine.h"
#include "interp/objects/objects.h"

#include <initializer_list>
#include <string>

namespace interp {
// The bytes of a buffer (bytes, bytearray, memoryview): false without exception when v
// has none (bytes.cc).
bool buffer_contents(Thread& t, Value v, std::string& out, bool& error);
} // namespace interp

namespace interp::sre {

struct PatternObject : Object {
  Value pattern;      // the source str or bytes (or None)
  Value flags;        // int
  Value code;         // bytes holding the code words
  Value groups;       // int: capturing groups
  Value groupindex;   // dict name -> group number
  Value indexgroup;   // tuple group number -> name or None
  Value match_type;   // the class of the matches it makes
  Value scanner_type; // the class of its scanners
  Value kind;         // small int: 0 str pattern, 1 bytes pattern, -1 None
};

struct MatchObject : Object {
  Value string; // the subject as given
  Value text;   // the str or bytes matched (a bytes copy of a bytearray or memoryview)
  Value re;     // the pattern
  Value pos;    // small ints
  Value endpos;
  Value lastindex; // -1 when no group closed
  Value spans;     // tuple of small ints: start and end of each group, -1 unmatched
};

struct ScannerObject : Object {
  Value pattern;
  Value string;
  Value text;
  Value first_pos; // the pos it was made with (its matches' pos)
  Value pos;       // where the next match or search starts
  Value endpos;
  Value must_advance; // small int: the last match was empty, so the next may not be
  Value exhausted;    // small int: a search found nothing
};

inline const PatternObject* pattern_of(Value p) {
  return ro<PatternObject>(p);
}
inline std::int64_t small(Value v) {
  return v.small_int_value();
}

// The str or bytes to match `string` against (a bytes copy of other bytes-like objects);
// TypeError as CPython when it is neither or does not suit the pattern's kind.
bool subject_text(Thread& t, Value pattern, Value string, Value& text);
// text[from:to] as a new str or bytes.
Value slice_text(Thread& t, Value text, std::int64_t from, std::int64_t to);
// The empty str or bytes, whichever `text` is (the joiner of sub's pieces).
Value empty_like(Thread& t, Value text);

// Binds a method's arguments (args[0] is self; self_count 0 for a function) to `names`,
// CPython's wording for the errors; out[i] is 0 for an argument not given. The first
// `required` are required.
bool bind_args(Thread& t, const char* fname, const Value* args, std::size_t nargs, Value kwnames,
               std::initializer_list<const char*> names, std::size_t required, Value* out,
               std::size_t self_count = 1);
// pos and endpos as indexes (absent: 0 and the end), read before the subject is looked at,
// as CPython's argument parsing does; then clamped to [0, length] as CPython clamps them.
bool read_range(Thread& t, Value pos, Value endpos, std::int64_t& from, std::int64_t& to);
void clamp_range(std::int64_t length, std::int64_t& from, std::int64_t& to);

// Fills a request to run `pattern` over `text`.
MatchRequest make_request(Value pattern, Value text, std::int64_t pos, std::int64_t endpos);
Value make_match(Thread& t, Value pattern, Value string, Value text, std::int64_t pos,
                 std::int64_t endpos, const MatchResult& result);
Value make_scanner(Thread& t, Value pattern, Value string, Value pos, Value endpos);

// Methods Pattern and Match share: __copy__ and __deepcopy__ (both immutable, so the
// object itself) and __class_getitem__ (a types.GenericAlias).
Value copy_self(Thread& t, const Value* args, std::size_t nargs, Value kwnames);
Value deepcopy_self(Thread& t, const Value* args, std::size_t nargs, Value kwnames);
Value class_getitem(Thread& t, const Value* args, std::size_t nargs, Value kwnames);

// The classes, made by the module (sre_module.cc) in this order.
Value make_pattern_type(Thread& t);
Value make_match_type(Thread& t);
Value make_scanner_type(Thread& t);

// The module function compile(pattern, flags, code, groups, groupindex, indexgroup).
Value compile_pattern(Thread& t, Value pattern_type, Value match_type, Value scanner_type,
                      const Value* args);

// Whether the code words are well formed for `groups` groups (see sre_validate.cc).
bool code_is_valid(const std::uint32_t* code, std::size_t size, std::int64_t groups);

} // namespace interp::sre
