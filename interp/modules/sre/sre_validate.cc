// interp/modules/sre/sre_validate.cc - checking compiled code before it is used, so that
// the engine may read it without bounds checks: every opcode known, every skip landing
// inside its block, every group number in range. _sre.compile refuses code that fails
// (RuntimeError, as CPython's does); re/_compiler.py never produces such code.
#include "interp/modules/sre/sre_constants.h"
#include "interp/modules/sre/sre_objects.h"

namespace interp::sre {

namespace {

constexpr int kMaxDepth = 20000;

class Validator {
public:
  Validator(const std::uint32_t* code, std::size_t size, std::int64_t groups)
      : code_(code), size_(size), groups_(groups) {}

  bool block(std::size_t pc, std::size_t end, int depth) {
    if (depth > kMaxDepth || end > size_) return false;
    while (pc < end) {
      std::size_t next;
      if (!op(pc, end, depth, next)) return false;
      pc = next;
    }
    return pc == end;
  }

private:
  // The word at i, or a value no check accepts past the end.
  std::uint32_t at(std::size_t i) const { return i < size_ ? code_[i] : 0xffffffffu; }

  // A skip word at pc: its target, checked to lie after pc and within `end`.
  bool target(std::size_t pc, std::size_t end, std::size_t& out) const {
    std::uint32_t skip = at(pc);
    if (skip == 0 || pc >= size_) return false;
    out = pc + skip;
    return out <= end;
  }

  bool charset(std::size_t pc, std::size_t end) const {
    while (pc < end) {
      switch (at(pc)) {
      case FAILURE:
        return pc + 1 == end;
      case NEGATE:
        pc += 1;
        break;
      case LITERAL:
        pc += 2;
        break;
      case CATEGORY:
        if (at(pc + 1) >= kCategoryCount) return false;
        pc += 2;
        break;
      case RANGE:
      case RANGE_UNI_IGNORE:
        if (at(pc + 1) > at(pc + 2)) return false;
        pc += 3;
        break;
      case CHARSET:
        pc += 9;
        break;
      case BIGCHARSET: {
        std::uint32_t blocks = at(pc + 1);
        if (blocks > 256 || pc + 2 + 64 > end) return false;
        const unsigned char* map = reinterpret_cast<const unsigned char*>(code_ + pc + 2);
        for (int i = 0; i < 256; ++i)
          if (map[i] >= blocks) return false;
        pc += 2 + 64 + std::size_t(blocks) * 8;
        break;
      }
      default:
        return false;
      }
    }
    return false;
  }

  // A body ending with SUCCESS at end - 1.
  bool body_then_success(std::size_t from, std::size_t end, int depth) {
    return end > from && at(end - 1) == SUCCESS && block(from, end - 1, depth + 1);
  }

  bool op(std::size_t pc, std::size_t end, int depth, std::size_t& next) {
    std::uint32_t o = at(pc);
    switch (o) {
    case FAILURE:
    case SUCCESS:
    case ANY:
    case ANY_ALL:
      next = pc + 1;
      return true;
    case AT:
      next = pc + 2;
      return at(pc + 1) < kAtCount;
    case CATEGORY:
      next = pc + 2;
      return at(pc + 1) < kCategoryCount;
    case LITERAL:
    case NOT_LITERAL:
    case LITERAL_IGNORE:
    case NOT_LITERAL_IGNORE:
    case LITERAL_UNI_IGNORE:
    case NOT_LITERAL_UNI_IGNORE:
    case LITERAL_LOC_IGNORE:
    case NOT_LITERAL_LOC_IGNORE:
      next = pc + 2;
      return pc + 1 < end;
    case MARK:
      next = pc + 2;
      return at(pc + 1) < 2 * std::uint64_t(groups_);
    case GROUPREF:
    case GROUPREF_IGNORE:
    case GROUPREF_LOC_IGNORE:
    case GROUPREF_UNI_IGNORE:
      next = pc + 2;
      return at(pc + 1) < std::uint64_t(groups_);
    case IN:
    case IN_IGNORE:
    case IN_UNI_IGNORE:
    case IN_LOC_IGNORE:
      return target(pc + 1, end, next) && charset(pc + 2, next);
    case INFO: {
      if (!target(pc + 1, end, next) || next < pc + 5) return false;
      std::uint32_t flags = at(pc + 2);
      if (flags & INFO_PREFIX) {
        std::uint64_t n = at(pc + 5);
        return pc + 7 + 2 * n <= next && at(pc + 6) <= n;
      }
      if (flags & INFO_CHARSET) return charset(pc + 5, next);
      return true;
    }
    case BRANCH: {
      std::size_t alt = pc + 1;
      std::vector<std::size_t> jumps;
      while (at(alt) != 0) {
        std::size_t after;
        if (!target(alt, end, after) || after < alt + 3) return false;
        if (at(after - 2) != JUMP || !block(alt + 1, after - 2, depth + 1)) return false;
        jumps.push_back(after - 1);
        alt = after;
      }
      if (alt >= end) return false;
      next = alt + 1;
      for (std::size_t j : jumps)
        if (j + at(j) != next) return false;
      return true;
    }
    case REPEAT_ONE:
    case MIN_REPEAT_ONE:
    case POSSESSIVE_REPEAT_ONE: {
      if (!target(pc + 1, end, next) || next < pc + 6 || at(pc + 2) > at(pc + 3)) return false;
      std::size_t item_end;
      if (!item(pc + 4, next - 1, item_end) || item_end != next - 1) return false;
      return at(next - 1) == SUCCESS;
    }
    case REPEAT: {
      std::size_t until;
      if (!target(pc + 1, end, until) || until < pc + 4 || until >= end) return false;
      if (at(pc + 2) > at(pc + 3)) return false;
      if (at(until) != MAX_UNTIL && at(until) != MIN_UNTIL) return false;
      next = until + 1;
      return block(pc + 4, until, depth + 1);
    }
    case POSSESSIVE_REPEAT:
      // The skip lands on the SUCCESS ending the body (as REPEAT's lands on its UNTIL).
      if (!target(pc + 1, end, next) || at(pc + 2) > at(pc + 3) || next >= end) return false;
      next += 1;
      return next >= pc + 5 && body_then_success(pc + 4, next, depth);
    case ATOMIC_GROUP:
      return target(pc + 1, end, next) && body_then_success(pc + 2, next, depth);
    case ASSERT:
    case ASSERT_NOT:
      return target(pc + 1, end, next) && next >= pc + 4 && body_then_success(pc + 3, next, depth);
    case GROUPREF_EXISTS: {
      if (at(pc + 1) >= std::uint64_t(groups_)) return false;
      std::size_t no;
      if (!target(pc + 2, end + 1, no) || no < pc + 4) return false;
      no -= 1; // the skip counts from the group word
      if (no > end) return false;
      // Either "yes JUMP skip no" or just "yes".
      if (no >= pc + 5 && at(no - 2) == JUMP) {
        std::size_t after;
        if (target(no - 1, end, after) && block(pc + 3, no - 2, depth + 1) &&
            block(no, after, depth + 1)) {
          next = after;
          return true;
        }
      }
      next = no;
      return block(pc + 3, no, depth + 1);
    }
    default:
      return false;
    }
  }

  bool item(std::size_t pc, std::size_t end, std::size_t& next) {
    switch (at(pc)) {
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
      return op(pc, end, 0, next) && next <= end;
    default:
      return false;
    }
  }

  const std::uint32_t* code_;
  std::size_t size_;
  std::int64_t groups_;
};

} // namespace

bool code_is_valid(const std::uint32_t* code, std::size_t size, std::int64_t groups) {
  if (size == 0 || code[size - 1] != SUCCESS) return false;
  return Validator(code, size, groups).block(0, size, 0);
}

} // namespace interp::sre
