// interp/modules/sre/sre_engine.h - the regular expression engine: runs the code words
// that re/_compiler.py produces against a str or bytes, anchored (match, fullmatch) or
// searching.
//
// A backtracking machine with explicit stacks instead of recursion, so that the depth of
// a match is bounded by memory, not by the C++ stack; it polls the safe point as it goes.
// The code and the text are immutable heap objects (a bytes of 32-bit words; a str or
// bytes), read through their addresses, which are taken again after each safe point.
#pragma once

#include "interp/runtime.h"

#include <cstdint>
#include <vector>

namespace interp::sre {

struct MatchRequest {
  Value code;                // bytes: the pattern's code words
  Value text;                // str or bytes
  std::int64_t groups = 0;   // capturing groups, group 0 not counted
  std::int64_t pos = 0;      // where matching starts (0 <= pos <= length)
  std::int64_t endpos = 0;   // the text is seen as ending here (0 <= endpos <= length)
  bool match_all = false;    // fullmatch: the match must end at endpos
  bool must_advance = false; // a match starting at pos must not be empty
};

struct MatchResult {
  // spans[2 * g], spans[2 * g + 1]: where group g starts and ends, -1 when unmatched.
  std::vector<std::int64_t> spans;
  std::int64_t lastindex = -1; // the last group closed, -1 if none
};

// The match at req.pos; false when there is none.
bool match_at(const MatchRequest& req, MatchResult& out);
// The first match at or after req.pos.
bool search(const MatchRequest& req, MatchResult& out);

// The text's length in code points (str) or bytes.
std::int64_t text_length(Value text);

} // namespace interp::sre
