// interp/modules/sre/sre_engine.cc - the backtracking regular expression engine (see
// sre_engine.h).
//
// The machine walks the code forward; every place where it has a choice (an alternative
// of a BRANCH, one repetition more or less) pushes a Choice and takes the first option.
// A failure pops the latest Choice and resumes from it. State that a resumed Choice must
// see as it was (group marks, lastindex, the counters of REPEAT records) is changed only
// through an undo trail, so backtracking rewinds it exactly.
//
// Sub-matches that must not be backtracked into once they succeed - lookaround bodies,
// atomic groups, each iteration of a possessive repeat - push a barrier Choice and note
// its place in `contexts`: the SUCCESS that ends the body cuts the stack back to the
// barrier (dropping the body's choices, keeping its marks), and a failure that reaches
// the barrier means the body did not match.
#include "interp/modules/sre/sre_engine.h"

#include "interp/modules/sre/sre_chars.h"
#include "interp/modules/sre/sre_constants.h"

#include "stm/stm.h"

#include <algorithm>

namespace interp::sre {

std::int64_t text_length(Value text) {
  if (layout_of(text) == Layout::Str) return ro<StrObject>(text)->length;
  return ro<BytesObject>(text)->length;
}

namespace {

// Whether `ch` is in the character set starting at `set` (the items up to FAILURE).
bool in_charset(const std::uint32_t* set, std::uint32_t ch) {
  bool ok = true;
  for (;;) {
    switch (*set++) {
    case FAILURE:
      return !ok;
    case LITERAL:
      if (ch == set[0]) return ok;
      set += 1;
      break;
    case CATEGORY:
      if (category_matches(set[0], ch)) return ok;
      set += 1;
      break;
    case CHARSET:
      if (ch < 256 && (set[ch >> 5] & (1u << (ch & 31)))) return ok;
      set += 8;
      break;
    case RANGE:
      if (set[0] <= ch && ch <= set[1]) return ok;
      set += 2;
      break;
    case RANGE_UNI_IGNORE: {
      // ch is lower case already; its upper case may fall in the range instead.
      if (set[0] <= ch && ch <= set[1]) return ok;
      std::uint32_t up = upper_unicode(ch);
      if (set[0] <= up && up <= set[1]) return ok;
      set += 2;
      break;
    }
    case NEGATE:
      ok = !ok;
      break;
    case BIGCHARSET: {
      // A count of 256-bit blocks, 256 bytes of block numbers (one per high byte of a
      // BMP code point), then the blocks.
      std::uint32_t blocks = *set++;
      if (ch < 65536) {
        unsigned block = reinterpret_cast<const unsigned char*>(set)[ch >> 8];
        const std::uint32_t* bits = set + 64 + block * 8;
        if (bits[(ch & 255) >> 5] & (1u << (ch & 31))) return ok;
      }
      set += 64 + blocks * 8;
      break;
    }
    default:
      return false; // not a set item: the code was validated, so never reached
    }
  }
}

bool in_charset_locale(const std::uint32_t* set, std::uint32_t ch) {
  return in_charset(set, ch) || in_charset(set, lower_locale(ch)) ||
         in_charset(set, upper_locale(ch));
}

// A one-character item (the operand of REPEAT_ONE and friends, or any single-character
// opcode met on the way): does `ch` match it?
bool item_matches(const std::uint32_t* op, std::uint32_t ch) {
  switch (op[0]) {
  case ANY:
    return ch != '\n';
  case ANY_ALL:
    return true;
  case LITERAL:
    return ch == op[1];
  case NOT_LITERAL:
    return ch != op[1];
  case LITERAL_IGNORE:
    return lower_ascii(ch) == op[1];
  case NOT_LITERAL_IGNORE:
    return lower_ascii(ch) != op[1];
  case LITERAL_UNI_IGNORE:
    return lower_unicode(ch) == op[1];
  case NOT_LITERAL_UNI_IGNORE:
    return lower_unicode(ch) != op[1];
  case LITERAL_LOC_IGNORE:
    return locale_equal(op[1], ch);
  case NOT_LITERAL_LOC_IGNORE:
    return !locale_equal(op[1], ch);
  case CATEGORY:
    return category_matches(op[1], ch);
  case IN:
    return in_charset(op + 2, ch);
  case IN_IGNORE:
    return in_charset(op + 2, lower_ascii(ch));
  case IN_UNI_IGNORE:
    return in_charset(op + 2, lower_unicode(ch));
  case IN_LOC_IGNORE:
    return in_charset_locale(op + 2, ch);
  default:
    return false;
  }
}

// How many code words a one-character item takes.
std::uint32_t item_width(const std::uint32_t* op) {
  switch (op[0]) {
  case ANY:
  case ANY_ALL:
    return 1;
  case IN:
  case IN_IGNORE:
  case IN_UNI_IGNORE:
  case IN_LOC_IGNORE:
    return 1 + op[1];
  default:
    return 2;
  }
}

// What a Choice resumes.
enum ChoiceKind : std::uint8_t {
  kBranch,       // pc: the skip word of the next alternative
  kRepeatOne,    // pc: REPEAT_ONE; a: characters taken now; b: the minimum
  kMinRepeatOne, // pc: MIN_REPEAT_ONE; a: characters taken now
  kMaxUntilTail, // pc: MAX_UNTIL; a: the repeat record; the body failed: try the tail
  kMinUntilBody, // pc: MIN_UNTIL; a: the repeat record; the tail failed: one more body
  // Barriers (see the file comment); pc: the opcode that pushed it.
  kAssert,
  kAssertNot,
  kAtomic,
  kPossessiveIteration, // a: iterations done before this one
};

struct Choice {
  ChoiceKind kind;
  std::uint32_t pc;
  std::int64_t ptr;
  std::int64_t a;
  std::int64_t b;
  std::size_t trail;   // undo trail height when pushed
  std::size_t repeats; // number of repeat records when pushed
};

// A REPEAT ... MAX_UNTIL/MIN_UNTIL loop being run.
struct Repeat {
  std::int64_t count;    // iterations done, -1 before the first
  std::int64_t last_ptr; // where the last iteration started (to stop empty loops)
  std::uint32_t pc;      // the REPEAT opcode
  std::int32_t prev;     // the enclosing repeat record, -1 if none
};

enum UndoKind : std::uint8_t { kMark, kLastIndex, kCount, kLastPtr, kCurrentRepeat };
struct Undo {
  UndoKind kind;
  std::int32_t index;
  std::int64_t old;
};

template <class C> class Machine {
public:
  Machine(const MatchRequest& req)
      : code_obj_(req.code), text_obj_(req.text), end_(req.endpos), match_all_(req.match_all),
        marks_(std::size_t(req.groups) * 2, -1) {
    reload();
  }

  // Runs the code from `pc` with the match starting at `ptr`; true on a match, whose end
  // is then in match_end.
  bool run(std::uint32_t pc, std::int64_t ptr, bool must_advance) {
    start_ = ptr;
    must_advance_ = must_advance;
    std::fill(marks_.begin(), marks_.end(), -1);
    lastindex_ = -1;
    trail_.clear();
    stack_.clear();
    contexts_.clear();
    repeats_.clear();
    current_repeat_ = -1;
    for (;;) {
      if ((++steps_ & 0xfff) == 0) poll();
      if (!step(pc, ptr) && !backtrack(pc, ptr)) return false;
      if (done_) {
        done_ = false;
        match_end = ptr;
        return true;
      }
    }
  }

  void fill(MatchResult& out, std::int64_t start) const {
    out.spans.assign(marks_.size() + 2, -1);
    out.spans[0] = start;
    out.spans[1] = match_end;
    for (std::size_t g = 0; g + 1 < marks_.size(); g += 2) {
      if (marks_[g] >= 0 && marks_[g + 1] >= 0) {
        out.spans[g + 2] = marks_[g];
        out.spans[g + 3] = marks_[g + 1];
      }
    }
    out.lastindex = lastindex_;
  }

  void poll() {
    stm::safe_point();
    reload();
  }

  const std::uint32_t* code() const { return code_; }
  const C* text() const { return text_; }

  std::int64_t match_end = -1;

private:
  void reload() {
    code_ = reinterpret_cast<const std::uint32_t*>(ro<BytesObject>(code_obj_)->data);
    if (layout_of(text_obj_) == Layout::Str)
      text_ = reinterpret_cast<const C*>(ro<StrObject>(text_obj_)->data);
    else
      text_ = reinterpret_cast<const C*>(ro<BytesObject>(text_obj_)->data);
  }

  // ---- the undo trail: only needed while some Choice could resume.
  void log(UndoKind kind, std::int32_t index, std::int64_t old) {
    if (!stack_.empty()) trail_.push_back({kind, index, old});
  }
  void set_mark(std::uint32_t i, std::int64_t v) {
    log(kMark, std::int32_t(i), marks_[i]);
    marks_[i] = v;
  }
  void set_lastindex(std::int64_t v) {
    log(kLastIndex, 0, lastindex_);
    lastindex_ = v;
  }
  void set_count(std::int32_t r, std::int64_t v) {
    log(kCount, r, repeats_[r].count);
    repeats_[r].count = v;
  }
  void set_last_ptr(std::int32_t r, std::int64_t v) {
    log(kLastPtr, r, repeats_[r].last_ptr);
    repeats_[r].last_ptr = v;
  }
  void set_current_repeat(std::int32_t r) {
    log(kCurrentRepeat, 0, current_repeat_);
    current_repeat_ = r;
  }
  void rewind(const Choice& c) {
    while (trail_.size() > c.trail) {
      const Undo& u = trail_.back();
      switch (u.kind) {
      case kMark:
        marks_[u.index] = u.old;
        break;
      case kLastIndex:
        lastindex_ = u.old;
        break;
      case kCount:
        repeats_[u.index].count = u.old;
        break;
      case kLastPtr:
        repeats_[u.index].last_ptr = u.old;
        break;
      case kCurrentRepeat:
        current_repeat_ = std::int32_t(u.old);
        break;
      }
      trail_.pop_back();
    }
    repeats_.resize(c.repeats);
  }

  void push(ChoiceKind kind, std::uint32_t pc, std::int64_t ptr, std::int64_t a = 0,
            std::int64_t b = 0) {
    stack_.push_back({kind, pc, ptr, a, b, trail_.size(), repeats_.size()});
  }
  void push_barrier(ChoiceKind kind, std::uint32_t pc, std::int64_t ptr, std::int64_t a = 0) {
    push(kind, pc, ptr, a);
    contexts_.push_back(stack_.size() - 1);
  }

  // The code after a construct whose skip word follows its opcode at `pc`.
  std::uint32_t skip_target(std::uint32_t pc) const { return pc + 1 + code_[pc + 1]; }

  // How many characters from `ptr` (at most `limit`) match the one-character item.
  std::int64_t count_items(std::uint32_t item, std::int64_t ptr, std::int64_t limit) {
    std::int64_t stop = ptr + limit, i = ptr;
    const std::uint32_t* op = code_ + item;
    switch (op[0]) {
    case ANY_ALL:
      return limit;
    case ANY:
      while (i < stop && text_[i] != '\n')
        ++i;
      return i - ptr;
    case LITERAL:
      while (i < stop && text_[i] == op[1])
        ++i;
      return i - ptr;
    case NOT_LITERAL:
      while (i < stop && text_[i] != op[1])
        ++i;
      return i - ptr;
    default:
      while (i < stop) {
        if ((i & 0xffff) == 0) {
          poll();
          op = code_ + item;
        }
        if (!item_matches(op, text_[i])) break;
        ++i;
      }
      return i - ptr;
    }
  }

  bool at(std::uint32_t where, std::int64_t ptr) const {
    switch (where) {
    case AT_BEGINNING:
    case AT_BEGINNING_STRING:
      return ptr == 0;
    case AT_BEGINNING_LINE:
      return ptr == 0 || text_[ptr - 1] == '\n';
    case AT_END:
      return ptr == end_ || (ptr + 1 == end_ && text_[ptr] == '\n');
    case AT_END_LINE:
      return ptr == end_ || text_[ptr] == '\n';
    case AT_END_STRING:
      return ptr == end_;
    case AT_BOUNDARY:
    case AT_LOC_BOUNDARY:
    case AT_NON_BOUNDARY:
    case AT_LOC_NON_BOUNDARY:
    case AT_UNI_BOUNDARY:
    case AT_UNI_NON_BOUNDARY: {
      if (end_ == 0) return false;
      bool uni = where == AT_UNI_BOUNDARY || where == AT_UNI_NON_BOUNDARY;
      auto word = [&](std::uint32_t ch) { return uni ? is_unicode_word(ch) : is_ascii_word(ch); };
      bool before = ptr > 0 && word(text_[ptr - 1]);
      bool after = ptr < end_ && word(text_[ptr]);
      bool boundary = where == AT_BOUNDARY || where == AT_LOC_BOUNDARY || where == AT_UNI_BOUNDARY;
      return boundary ? before != after : before == after;
    }
    default:
      return false;
    }
  }

  // Text equality of a back reference under each flavour of case folding.
  bool same_char(std::uint32_t op, std::uint32_t a, std::uint32_t b) const {
    switch (op) {
    case GROUPREF_IGNORE:
      return lower_ascii(a) == lower_ascii(b);
    case GROUPREF_LOC_IGNORE:
      return lower_locale(a) == lower_locale(b);
    case GROUPREF_UNI_IGNORE:
      return lower_unicode(a) == lower_unicode(b);
    default:
      return a == b;
    }
  }

  // Takes the first alternative of a BRANCH whose skip words start at `at` that could
  // match at ptr, leaving a Choice for the rest; false when none can.
  bool enter_branch(std::uint32_t at, std::int64_t ptr, std::uint32_t& pc) {
    for (; code_[at]; at += code_[at]) {
      std::uint32_t body = at + 1;
      if (code_[body] == LITERAL && (ptr >= end_ || text_[ptr] != code_[body + 1])) continue;
      std::uint32_t next = at + code_[at];
      if (code_[next]) push(kBranch, next, ptr);
      pc = body;
      return true;
    }
    return false;
  }

  // The next iteration of a possessive repeat (`count` done, the last one starting at
  // `last`, -1 while under the minimum) or its tail.
  void possessive_step(std::uint32_t op, std::int64_t count, std::int64_t last, std::int64_t ptr,
                       std::uint32_t& pc) {
    std::uint32_t min = code_[op + 2], max = code_[op + 3];
    if (count < min || ((count < max || max == kMaxRepeat) && ptr != last)) {
      push_barrier(kPossessiveIteration, op, ptr, count);
      pc = op + 4;
    } else {
      pc = possessive_tail(op);
    }
  }

  // POSSESSIVE_REPEAT's skip lands on the SUCCESS that ends its body; the tail follows.
  std::uint32_t possessive_tail(std::uint32_t op) const { return skip_target(op) + 1; }

  // The first character of REPEAT_ONE's tail, when it is a literal: counts that leave a
  // different character next can be skipped.
  std::int64_t fit_tail(std::uint32_t tail, std::int64_t base, std::int64_t count,
                        std::int64_t min) const {
    if (code_[tail] != LITERAL) return count;
    std::uint32_t ch = code_[tail + 1];
    while (count >= min && (base + count >= end_ || text_[base + count] != ch))
      --count;
    return count;
  }

  // Executes one instruction at pc; false when it fails.
  bool step(std::uint32_t& pc, std::int64_t& ptr) {
    const std::uint32_t* op = code_ + pc;
    switch (op[0]) {
    case FAILURE:
      return false;
    case SUCCESS: {
      if (contexts_.empty()) {
        if ((match_all_ && ptr != end_) || (must_advance_ && ptr == start_)) return false;
        done_ = true;
        return true;
      }
      std::size_t at_ = contexts_.back();
      contexts_.pop_back();
      Choice barrier = stack_[at_];
      stack_.resize(at_);
      switch (barrier.kind) {
      case kAssert:
        ptr = barrier.ptr;
        pc = skip_target(barrier.pc);
        return true;
      case kAssertNot:
        return false;
      case kAtomic:
        pc = skip_target(barrier.pc);
        return true;
      case kPossessiveIteration: {
        std::int64_t min = code_[barrier.pc + 2];
        std::int64_t last = barrier.a < min ? -1 : barrier.ptr;
        possessive_step(barrier.pc, barrier.a + 1, last, ptr, pc);
        return true;
      }
      default:
        return false;
      }
    }
    case ANY:
    case ANY_ALL:
    case LITERAL:
    case NOT_LITERAL:
    case LITERAL_IGNORE:
    case NOT_LITERAL_IGNORE:
    case LITERAL_UNI_IGNORE:
    case NOT_LITERAL_UNI_IGNORE:
    case LITERAL_LOC_IGNORE:
    case NOT_LITERAL_LOC_IGNORE:
    case CATEGORY:
    case IN:
    case IN_IGNORE:
    case IN_UNI_IGNORE:
    case IN_LOC_IGNORE:
      if (ptr >= end_ || !item_matches(op, text_[ptr])) return false;
      ++ptr;
      pc += item_width(op);
      return true;
    case AT:
      if (!at(op[1], ptr)) return false;
      pc += 2;
      return true;
    case INFO:
    case JUMP:
      pc = skip_target(pc);
      return true;
    case MARK: {
      std::uint32_t i = op[1];
      if (i & 1) set_lastindex(i / 2 + 1);
      set_mark(i, ptr);
      pc += 2;
      return true;
    }
    case BRANCH:
      return enter_branch(pc + 1, ptr, pc);
    case GROUPREF:
    case GROUPREF_IGNORE:
    case GROUPREF_LOC_IGNORE:
    case GROUPREF_UNI_IGNORE: {
      std::int64_t from = marks_[2 * op[1]], to = marks_[2 * op[1] + 1];
      if (from < 0 || to < 0 || to < from) return false;
      if (to - from > end_ - ptr) return false;
      for (std::int64_t i = 0; i < to - from; ++i)
        if (!same_char(op[0], text_[from + i], text_[ptr + i])) return false;
      ptr += to - from;
      pc += 2;
      return true;
    }
    case GROUPREF_EXISTS:
      if (marks_[2 * op[1]] >= 0 && marks_[2 * op[1] + 1] >= 0)
        pc += 3;
      else
        pc = pc + 1 + op[2];
      return true;
    case ASSERT:
    case ASSERT_NOT: {
      std::int64_t back = op[2];
      if (ptr < back) {
        if (op[0] == ASSERT) return false;
        pc = skip_target(pc);
        return true;
      }
      push_barrier(op[0] == ASSERT ? kAssert : kAssertNot, pc, ptr);
      ptr -= back;
      pc += 3;
      return true;
    }
    case ATOMIC_GROUP:
      push_barrier(kAtomic, pc, ptr);
      pc += 2;
      return true;
    case POSSESSIVE_REPEAT:
      possessive_step(pc, 0, -1, ptr, pc);
      return true;
    case REPEAT_ONE:
    case MIN_REPEAT_ONE:
    case POSSESSIVE_REPEAT_ONE: {
      std::int64_t min = op[2], max = op[3];
      std::int64_t room = end_ - ptr;
      if (room < min) return false;
      std::int64_t limit = max == kMaxRepeat || max > room ? room : max;
      std::uint32_t tail = skip_target(pc);
      if (op[0] == MIN_REPEAT_ONE) {
        if (min && count_items(pc + 4, ptr, min) < min) return false;
        if (min < limit) push(kMinRepeatOne, pc, ptr, min);
        ptr += min;
        pc = tail;
        return true;
      }
      std::int64_t count = count_items(pc + 4, ptr, limit);
      if (count < min) return false;
      if (op[0] == REPEAT_ONE) {
        count = fit_tail(tail, ptr, count, min);
        if (count < min) return false;
        if (count > min) push(kRepeatOne, pc, ptr, count, min);
      }
      ptr += count;
      pc = tail;
      return true;
    }
    case REPEAT: {
      repeats_.push_back({-1, -1, pc, current_repeat_});
      set_current_repeat(std::int32_t(repeats_.size() - 1));
      pc = skip_target(pc);
      return true;
    }
    case MAX_UNTIL:
    case MIN_UNTIL: {
      std::int32_t r = current_repeat_;
      if (r < 0) return false;
      Repeat rep = repeats_[r];
      std::int64_t min = code_[rep.pc + 2];
      std::uint32_t max = code_[rep.pc + 3];
      std::int64_t count = rep.count + 1;
      if (count < min) {
        set_count(r, count);
        pc = rep.pc + 4;
        return true;
      }
      if (op[0] == MAX_UNTIL) {
        if ((count < max || max == kMaxRepeat) && ptr != rep.last_ptr) {
          push(kMaxUntilTail, pc, ptr, r);
          set_count(r, count);
          set_last_ptr(r, ptr);
          pc = rep.pc + 4;
          return true;
        }
      } else {
        push(kMinUntilBody, pc, ptr, r);
      }
      set_current_repeat(rep.prev);
      pc += 1;
      return true;
    }
    default:
      return false; // unknown opcode (validated code has none)
    }
  }

  // Resumes the latest Choice that still has an option; false when none has.
  bool backtrack(std::uint32_t& pc, std::int64_t& ptr) {
    while (!stack_.empty()) {
      Choice c = stack_.back();
      rewind(c);
      switch (c.kind) {
      case kBranch:
        stack_.pop_back();
        ptr = c.ptr;
        if (enter_branch(c.pc, ptr, pc)) return true;
        continue;
      case kRepeatOne: {
        std::uint32_t tail = skip_target(c.pc);
        std::int64_t count = fit_tail(tail, c.ptr, c.a - 1, c.b);
        if (count < c.b) {
          stack_.pop_back();
          continue;
        }
        if (count == c.b)
          stack_.pop_back();
        else
          stack_.back().a = count;
        ptr = c.ptr + count;
        pc = tail;
        return true;
      }
      case kMinRepeatOne: {
        std::uint32_t max = code_[c.pc + 3];
        std::int64_t next = c.ptr + c.a;
        if ((c.a >= max && max != kMaxRepeat) || next >= end_ ||
            !item_matches(code_ + c.pc + 4, text_[next])) {
          stack_.pop_back();
          continue;
        }
        stack_.back().a = c.a + 1;
        ptr = next + 1;
        pc = skip_target(c.pc);
        return true;
      }
      case kMaxUntilTail:
        stack_.pop_back();
        set_current_repeat(repeats_[c.a].prev);
        ptr = c.ptr;
        pc = c.pc + 1;
        return true;
      case kMinUntilBody: {
        stack_.pop_back();
        std::int32_t r = std::int32_t(c.a);
        Repeat rep = repeats_[r];
        std::uint32_t max = code_[rep.pc + 3];
        std::int64_t count = rep.count + 1;
        if ((count >= max && max != kMaxRepeat) || c.ptr == rep.last_ptr) continue;
        set_count(r, count);
        set_last_ptr(r, c.ptr);
        ptr = c.ptr;
        pc = rep.pc + 4;
        return true;
      }
      case kAssert:
      case kAtomic:
        stack_.pop_back();
        contexts_.pop_back();
        continue;
      case kAssertNot:
        stack_.pop_back();
        contexts_.pop_back();
        ptr = c.ptr;
        pc = skip_target(c.pc);
        return true;
      case kPossessiveIteration:
        stack_.pop_back();
        contexts_.pop_back();
        if (c.a < std::int64_t(code_[c.pc + 2])) continue;
        ptr = c.ptr;
        pc = possessive_tail(c.pc);
        return true;
      }
    }
    return false;
  }

  Value code_obj_, text_obj_;
  const std::uint32_t* code_ = nullptr;
  const C* text_ = nullptr;
  std::int64_t end_;
  std::int64_t start_ = 0;
  bool match_all_;
  bool must_advance_ = false;
  bool done_ = false;
  std::vector<std::int64_t> marks_;
  std::int64_t lastindex_ = -1;
  std::vector<Undo> trail_;
  std::vector<Choice> stack_;
  std::vector<std::size_t> contexts_;
  std::vector<Repeat> repeats_;
  std::int32_t current_repeat_ = -1;
  std::uint64_t steps_ = 0;
};

// The INFO block at the start of the code: the shortest match, and what a match must
// start with (a literal prefix's first character, or a character set).
struct Info {
  std::uint32_t body = 0; // where the pattern proper starts
  std::int64_t min = 0;
  bool has_prefix = false;
  std::uint32_t first = 0;   // the prefix's first character
  std::uint32_t charset = 0; // pc of the charset, 0 when none
};

Info read_info(const std::uint32_t* code) {
  Info info;
  if (code[0] != INFO) return info;
  info.body = 1 + code[1];
  info.min = code[3];
  if (code[2] & INFO_PREFIX) {
    info.has_prefix = code[5] > 0;
    info.first = code[7];
  } else if (code[2] & INFO_CHARSET) {
    info.charset = 5;
  }
  return info;
}

template <class C> bool run_match(const MatchRequest& req, MatchResult& out) {
  Machine<C> m(req);
  Info info = read_info(m.code());
  // A pos past endpos still runs (an empty pattern matches there, as in CPython).
  if (req.endpos >= req.pos && req.endpos - req.pos < info.min) return false;
  if (!m.run(info.body, req.pos, req.must_advance)) return false;
  m.fill(out, req.pos);
  return true;
}

template <class C> bool run_search(const MatchRequest& req, MatchResult& out) {
  Machine<C> m(req);
  Info info = read_info(m.code());
  std::uint32_t first_op = m.code()[info.body];
  bool anchored = first_op == AT && (m.code()[info.body + 1] == AT_BEGINNING ||
                                     m.code()[info.body + 1] == AT_BEGINNING_STRING);
  std::int64_t end = req.endpos;
  for (std::int64_t p = req.pos; p <= end; ++p) {
    if (end - p < info.min) return false;
    if ((p & 0xff) == 0) m.poll();
    if (info.has_prefix) {
      const C* text = m.text();
      while (p < end && text[p] != info.first)
        ++p;
      if (p >= end) return false;
    } else if (info.charset) {
      while (p < end && !in_charset(m.code() + info.charset, m.text()[p])) {
        ++p;
        if ((p & 0xffff) == 0) m.poll();
      }
      if (p >= end) return false;
    }
    if (m.run(info.body, p, req.must_advance && p == req.pos)) {
      m.fill(out, p);
      return true;
    }
    if (anchored) return false;
  }
  return false;
}

bool narrow(Value text) {
  return layout_of(text) != Layout::Str || ro<StrObject>(text)->kind == 1;
}

} // namespace

bool match_at(const MatchRequest& req, MatchResult& out) {
  return narrow(req.text) ? run_match<std::uint8_t>(req, out) : run_match<std::uint32_t>(req, out);
}

bool search(const MatchRequest& req, MatchResult& out) {
  return narrow(req.text) ? run_search<std::uint8_t>(req, out)
                          : run_search<std::uint32_t>(req, out);
}

} // namespace interp::sre
