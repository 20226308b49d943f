// interp/compile/assembler.cc - from the block graph of one unit to a CodeUnit: the
// optimizations CPython 3.11 applies to the graph (so that the instruction sequence is
// the one `dis` shows), line-number propagation, the stack depth, the exception table
// derived from the SETUP_*/POP_BLOCK pseudo-instructions, and the layout with absolute
// jump targets.

#include "interp/compile/compiler_internal.h"

#include <algorithm>
#include <cassert>

namespace interp::compile {

namespace {

constexpr int kMaxCopySize = 4; // exit blocks this small are copied to their jumps

bool is_scope_exit(std::uint16_t op) {
  return op == op_code(Op::RETURN_VALUE) || op == op_code(Op::RAISE_VARARGS) ||
         op == op_code(Op::RERAISE);
}
bool is_unconditional_jump(std::uint16_t op) {
  return op == op_code(Op::JUMP) || op == op_code(Op::JUMP_NO_INTERRUPT);
}

struct Graph {
  Unit& u;
  std::vector<Block>& b;
  explicit Graph(Unit& unit) : u(unit), b(unit.blocks) {}

  bool has_fallthrough(int i) const {
    auto& ins = b[i].instrs;
    if (ins.empty()) return true;
    return !ends_block(ins.back().op);
  }
  bool exits_scope(int i) const {
    auto& ins = b[i].instrs;
    return !ins.empty() && is_scope_exit(ins.back().op);
  }
  bool is_exit_without_lineno(int i) const {
    if (!exits_scope(i)) return false;
    for (auto& in : b[i].instrs)
      if (in.loc.line >= 0) return false;
    return true;
  }
  int first_nonempty(int i) const {
    while (i >= 0 && b[i].instrs.empty())
      i = b[i].next;
    return i;
  }

  void eliminate_empty_blocks() {
    for (int i = u.entry; i >= 0; i = b[i].next) {
      int next = b[i].next;
      if (next >= 0) {
        while (b[next].instrs.empty() && b[next].next >= 0)
          next = b[next].next;
        b[i].next = next;
      }
    }
    for (int i = u.entry; i >= 0; i = b[i].next)
      for (auto& in : b[i].instrs)
        if (in.target >= 0) {
          int t = in.target;
          while (b[t].instrs.empty() && b[t].next >= 0)
            t = b[t].next;
          in.target = t;
        }
  }

  // An unconditional jump to a small exit block without line numbers becomes a copy of it.
  void extend_block(int i) {
    auto& ins = b[i].instrs;
    if (ins.empty() || !is_unconditional_jump(ins.back().op)) return;
    int t = ins.back().target;
    if (!is_exit_without_lineno(t) || static_cast<int>(b[t].instrs.size()) > kMaxCopySize) return;
    ins.back().op = op_code(Op::NOP);
    ins.back().target = -1;
    std::vector<Instr> copy = b[t].instrs;
    ins.insert(ins.end(), copy.begin(), copy.end());
  }

  // Removes NOPs that carry no line number of their own.
  void clean_block(int i) {
    auto& ins = b[i].instrs;
    std::vector<Instr> out;
    int prev_lineno = -1;
    for (size_t src = 0; src < ins.size(); ++src) {
      int lineno = ins[src].loc.line;
      if (ins[src].op == op_code(Op::NOP)) {
        if (lineno < 0) continue;
        if (prev_lineno == lineno) continue;
        if (src + 1 < ins.size()) {
          int next_lineno = ins[src + 1].loc.line;
          if (next_lineno == lineno) continue;
          if (next_lineno < 0) {
            ins[src + 1].loc = ins[src].loc;
            continue;
          }
        } else {
          int next = b[i].next;
          while (next >= 0 && b[next].instrs.empty())
            next = b[next].next;
          if (next >= 0 && lineno == b[next].instrs[0].loc.line) continue;
        }
      }
      out.push_back(ins[src]);
      prev_lineno = lineno;
    }
    ins = std::move(out);
  }

  bool jump_thread(Instr& inst, const Instr& target, std::uint16_t op) {
    if (inst.loc.line == target.loc.line && inst.target != target.target) {
      inst.target = target.target;
      inst.op = op;
      return true;
    }
    return false;
  }

  static bool swappable(std::uint16_t op) {
    return op == op_code(Op::STORE_FAST) || op == op_code(Op::POP_TOP);
  }
  static int stores_to(const Instr& in) {
    return in.op == op_code(Op::STORE_FAST) ? static_cast<int>(in.arg) : -1;
  }
  static int next_swappable(std::vector<Instr>& ins, int i, int lineno) {
    while (++i < static_cast<int>(ins.size())) {
      auto& in = ins[i];
      if (0 <= lineno && in.loc.line != lineno) return -1;
      if (in.op == op_code(Op::NOP)) continue;
      if (swappable(in.op)) return i;
      return -1;
    }
    return -1;
  }
  // A run of SWAPs (and NOPs) starting at i is replaced by the fewest SWAPs that shuffle
  // the stack the same way: the run's permutation is split into cycles, and each cycle is
  // walked through position 0 (the only one a SWAP can exchange with). The new SWAPs fill
  // the end of the run. Returns the index of the run's last instruction.
  static int swaptimize(std::vector<Instr>& ins, int i) {
    int depth = static_cast<int>(ins[i].arg);
    int len = 0;
    bool more = false;
    int limit = static_cast<int>(ins.size()) - i;
    while (++len < limit) {
      std::uint16_t op = ins[i + len].op;
      if (op == op_code(Op::SWAP)) {
        depth = std::max(depth, static_cast<int>(ins[i + len].arg));
        more = true;
      } else if (op != op_code(Op::NOP)) {
        break;
      }
    }
    if (!more) return i;
    constexpr int kDone = -1;
    std::vector<int> stack(depth);
    for (int k = 0; k < depth; ++k)
      stack[k] = k;
    for (int k = 0; k < len; ++k)
      if (ins[i + k].op == op_code(Op::SWAP)) std::swap(stack[0], stack[ins[i + k].arg - 1]);
    int current = len - 1;
    for (int k = 0; k < depth; ++k) {
      if (stack[k] == kDone || stack[k] == k) continue;
      int j = k;
      while (true) {
        if (j) {
          ins[i + current].op = op_code(Op::SWAP);
          ins[i + current].arg = static_cast<std::uint32_t>(j + 1);
          --current;
        }
        if (stack[j] == kDone) break;
        int next_j = stack[j];
        stack[j] = kDone;
        j = next_j;
      }
    }
    while (0 <= current)
      ins[i + current--].op = op_code(Op::NOP);
    return i + len - 1;
  }

  // SWAP followed by stores: swap the stores instead of the stack items.
  static void apply_static_swaps(std::vector<Instr>& ins, int i) {
    for (; 0 <= i; i--) {
      auto& swap = ins[i];
      if (swap.op != op_code(Op::SWAP)) {
        if (swap.op == op_code(Op::NOP) || swappable(swap.op)) continue;
        return;
      }
      int j = next_swappable(ins, i, -1);
      if (j < 0) return;
      int k = j;
      int lineno = ins[j].loc.line;
      for (int count = static_cast<int>(swap.arg) - 1; 0 < count; count--) {
        k = next_swappable(ins, k, lineno);
        if (k < 0) return;
      }
      int store_j = stores_to(ins[j]), store_k = stores_to(ins[k]);
      if (store_j >= 0 || store_k >= 0) {
        if (store_j == store_k) return;
        for (int idx = j + 1; idx < k; idx++) {
          int s = stores_to(ins[idx]);
          if (s >= 0 && (s == store_j || s == store_k)) return;
        }
      }
      swap.op = op_code(Op::NOP);
      std::swap(ins[j], ins[k]);
    }
  }

  // LOAD_CONST x n; BUILD_TUPLE n -> LOAD_CONST (tuple).
  void fold_tuple_on_constants(std::vector<Instr>& ins, int i) {
    int n = static_cast<int>(ins[i].arg);
    auto tuple = std::make_shared<bytecode::ConstTuple>();
    for (int k = i - n; k < i; ++k) {
      if (ins[k].op != op_code(Op::LOAD_CONST)) return;
      tuple->items.push_back(u.consts[ins[k].arg]);
    }
    Constant c = std::shared_ptr<const bytecode::ConstTuple>(std::move(tuple));
    std::string key = constant_key(c);
    int index;
    auto it = u.const_index.find(key);
    if (it != u.const_index.end()) {
      index = it->second;
    } else {
      index = static_cast<int>(u.consts.size());
      u.consts.push_back(std::move(c));
      u.const_index.emplace(std::move(key), index);
    }
    for (int k = i - n; k < i; ++k)
      ins[k].op = op_code(Op::NOP);
    ins[i].op = op_code(Op::LOAD_CONST);
    ins[i].arg = static_cast<std::uint32_t>(index);
  }

  // 3.11's peephole pass over one block.
  void optimize_block(int bi) {
    auto& ins = b[bi].instrs;
    Instr nop;
    nop.op = op_code(Op::NOP);
    for (int i = 0; i < static_cast<int>(ins.size()); i++) {
      Instr& inst = ins[i];
      const Instr* target = &nop;
      if (inst.target >= 0) {
        int t = first_nonempty(inst.target);
        if (t >= 0) target = &b[t].instrs[0];
      }
      std::uint16_t nextop = i + 1 < static_cast<int>(ins.size()) ? ins[i + 1].op : 0;
      auto O = [](Op op) { return op_code(op); };
      switch (inst.op) {
      case op_code(Op::LOAD_CONST): {
        const Constant& c = u.consts[inst.arg];
        if (nextop == O(Op::POP_JUMP_IF_FALSE) || nextop == O(Op::POP_JUMP_IF_TRUE)) {
          bool is_true = constant_truth(c);
          inst.op = O(Op::NOP);
          bool jump_if_true = nextop == O(Op::POP_JUMP_IF_TRUE);
          if (is_true == jump_if_true)
            ins[i + 1].op = O(Op::JUMP);
          else
            ins[i + 1].op = O(Op::NOP), ins[i + 1].target = -1;
        } else if (nextop == O(Op::JUMP_IF_FALSE_OR_POP) || nextop == O(Op::JUMP_IF_TRUE_OR_POP)) {
          bool is_true = constant_truth(c);
          bool jump_if_true = nextop == O(Op::JUMP_IF_TRUE_OR_POP);
          if (is_true == jump_if_true) {
            ins[i + 1].op = O(Op::JUMP);
          } else {
            inst.op = O(Op::NOP);
            ins[i + 1].op = O(Op::NOP);
            ins[i + 1].target = -1;
          }
        } else if (nextop == O(Op::IS_OP)) {
          std::uint16_t jump_op = i + 2 < static_cast<int>(ins.size()) ? ins[i + 2].op : 0;
          if (std::holds_alternative<ast::NoneValue>(c) &&
              (jump_op == O(Op::POP_JUMP_IF_FALSE) || jump_op == O(Op::POP_JUMP_IF_TRUE))) {
            unsigned nextarg = ins[i + 1].arg;
            inst.op = O(Op::NOP);
            ins[i + 1].op = O(Op::NOP);
            ins[i + 2].op = (nextarg ^ (jump_op == O(Op::POP_JUMP_IF_FALSE)))
                                ? O(Op::POP_JUMP_IF_NOT_NONE)
                                : O(Op::POP_JUMP_IF_NONE);
          }
        }
        break;
      }
      case op_code(Op::BUILD_TUPLE):
        if (nextop == O(Op::UNPACK_SEQUENCE) && inst.arg == ins[i + 1].arg) {
          if (inst.arg == 1) {
            inst.op = O(Op::NOP);
            ins[i + 1].op = O(Op::NOP);
            continue;
          }
          if (inst.arg == 2 || inst.arg == 3) {
            inst.op = O(Op::NOP);
            ins[i + 1].op = O(Op::SWAP);
            continue;
          }
        }
        if (i >= static_cast<int>(inst.arg)) fold_tuple_on_constants(ins, i);
        break;
      case op_code(Op::JUMP_IF_FALSE_OR_POP):
        if (target->op == O(Op::POP_JUMP_IF_FALSE)) {
          i -= jump_thread(inst, *target, O(Op::POP_JUMP_IF_FALSE));
        } else if (target->op == O(Op::JUMP) || target->op == O(Op::JUMP_IF_FALSE_OR_POP)) {
          i -= jump_thread(inst, *target, O(Op::JUMP_IF_FALSE_OR_POP));
        } else if (target->op == O(Op::JUMP_IF_TRUE_OR_POP) ||
                   target->op == O(Op::POP_JUMP_IF_TRUE)) {
          if (inst.loc.line == target->loc.line) {
            inst.op = O(Op::POP_JUMP_IF_FALSE);
            inst.target = b[first_nonempty(inst.target)].next;
            --i;
          }
        }
        break;
      case op_code(Op::JUMP_IF_TRUE_OR_POP):
        if (target->op == O(Op::POP_JUMP_IF_TRUE)) {
          i -= jump_thread(inst, *target, O(Op::POP_JUMP_IF_TRUE));
        } else if (target->op == O(Op::JUMP) || target->op == O(Op::JUMP_IF_TRUE_OR_POP)) {
          i -= jump_thread(inst, *target, O(Op::JUMP_IF_TRUE_OR_POP));
        } else if (target->op == O(Op::JUMP_IF_FALSE_OR_POP) ||
                   target->op == O(Op::POP_JUMP_IF_FALSE)) {
          if (inst.loc.line == target->loc.line) {
            inst.op = O(Op::POP_JUMP_IF_TRUE);
            inst.target = b[first_nonempty(inst.target)].next;
            --i;
          }
        }
        break;
      case op_code(Op::POP_JUMP_IF_NOT_NONE):
      case op_code(Op::POP_JUMP_IF_NONE):
      case op_code(Op::POP_JUMP_IF_FALSE):
      case op_code(Op::POP_JUMP_IF_TRUE):
      case op_code(Op::JUMP):
        if (target->op == O(Op::JUMP)) i -= jump_thread(inst, *target, inst.op);
        break;
      case op_code(Op::SWAP):
        if (inst.arg == 1) {
          inst.op = O(Op::NOP);
          break;
        }
        i = swaptimize(ins, i);
        apply_static_swaps(ins, i);
        break;
      case op_code(Op::PUSH_NULL):
        if (nextop == O(Op::LOAD_GLOBAL) && (ins[i + 1].arg & 1) == 0) {
          inst.op = O(Op::NOP);
          inst.arg = 0;
          ins[i + 1].arg |= 1;
        }
        break;
      default:
        break;
      }
    }
  }

  void mark_reachable() {
    for (auto& blk : b)
      blk.predecessors = 0, blk.visited = false;
    std::vector<int> stack{u.entry};
    b[u.entry].predecessors = 1;
    while (!stack.empty()) {
      int i = stack.back();
      stack.pop_back();
      b[i].visited = true;
      int next = b[i].next;
      if (next >= 0 && has_fallthrough(i)) {
        if (!b[next].visited) stack.push_back(next);
        b[next].predecessors++;
      }
      for (auto& in : b[i].instrs)
        if (in.target >= 0) {
          if (!b[in.target].visited) stack.push_back(in.target);
          b[in.target].predecessors++;
        }
    }
  }

  void remove_redundant_jumps() {
    bool removed = false;
    for (int i = u.entry; i >= 0; i = b[i].next) {
      auto& ins = b[i].instrs;
      if (ins.empty()) continue;
      if (is_unconditional_jump(ins.back().op) && ins.back().target == b[i].next) {
        ins.back().op = op_code(Op::NOP);
        ins.back().target = -1;
        removed = true;
      }
    }
    if (removed) eliminate_empty_blocks();
  }

  void optimize_cfg() {
    eliminate_empty_blocks();
    for (int i = u.entry; i >= 0; i = b[i].next)
      extend_block(i);
    for (int i = u.entry; i >= 0; i = b[i].next) {
      optimize_block(i);
      clean_block(i);
    }
    for (int i = u.entry; i >= 0; i = b[i].next)
      extend_block(i);
    mark_reachable();
    for (int i = u.entry; i >= 0; i = b[i].next)
      if (b[i].predecessors == 0) b[i].instrs.clear();
    eliminate_empty_blocks();
    for (int i = u.entry; i >= 0; i = b[i].next)
      clean_block(i);
    remove_redundant_jumps();
  }

  // Visits blocks in reverse order of creation, as 3.11 (its block list): this decides
  // which jump gets which copy.
  void duplicate_exits_without_lineno() {
    mark_reachable();
    std::vector<bool> in_layout(b.size(), false);
    for (int i = u.entry; i >= 0; i = b[i].next)
      in_layout[i] = true;
    for (int i = static_cast<int>(in_layout.size()); i-- > 0;) {
      if (!in_layout[i]) continue;
      auto& ins = b[i].instrs;
      if (ins.empty() || !is_jump_op(ins.back().op)) continue;
      int t = ins.back().target;
      if (is_exit_without_lineno(t) && b[t].predecessors > 1) {
        Block copy;
        copy.instrs = b[t].instrs;
        copy.instrs[0].loc = ins.back().loc;
        copy.predecessors = 1;
        copy.next = b[t].next;
        b.push_back(std::move(copy)); // invalidates `ins`
        int nt = static_cast<int>(b.size()) - 1;
        b[i].instrs.back().target = nt;
        b[t].predecessors--;
        b[t].next = nt;
      }
    }
    for (int i = u.entry; i >= 0; i = b[i].next)
      while (b[i].next >= 0 && b[b[i].next].instrs.empty())
        b[i].next = b[b[i].next].next;
    for (int i = u.entry; i >= 0; i = b[i].next) {
      int next = b[i].next;
      if (next >= 0 && !b[i].instrs.empty() && has_fallthrough(i) && is_exit_without_lineno(next))
        b[next].instrs[0].loc = b[i].instrs.back().loc;
    }
  }

  void trim_unused_consts() {
    int max_index = 0; // the first constant may be the docstring: always kept
    for (int i = u.entry; i >= 0; i = b[i].next)
      for (auto& in : b[i].instrs)
        if (in.op == op_code(Op::LOAD_CONST) || in.op == op_code(Op::KW_NAMES))
          max_index = std::max(max_index, static_cast<int>(in.arg));
    if (max_index + 1 < static_cast<int>(u.consts.size())) u.consts.resize(max_index + 1);
  }

  void propagate_line_numbers() {
    mark_reachable();
    for (int i = u.entry; i >= 0; i = b[i].next) {
      auto& ins = b[i].instrs;
      if (ins.empty()) continue;
      Location prev{-1, -1, -1, -1};
      for (auto& in : ins) {
        if (in.loc.line < 0)
          in.loc = prev;
        else
          prev = in.loc;
      }
      int next = b[i].next;
      if (has_fallthrough(i) && next >= 0 && b[next].predecessors == 1 && !b[next].instrs.empty() &&
          b[next].instrs[0].loc.line < 0)
        b[next].instrs[0].loc = prev;
      if (is_jump_op(ins.back().op)) {
        int t = ins.back().target;
        if (b[t].predecessors == 1 && b[t].instrs[0].loc.line < 0)
          b[t].instrs[0].loc = ins.back().loc;
      }
    }
  }

  void guarantee_lineno_for_exits() {
    int lineno = u.firstlineno;
    for (int i = u.entry; i >= 0; i = b[i].next) {
      auto& ins = b[i].instrs;
      if (ins.empty()) continue;
      if (ins.back().loc.line < 0) {
        if (ins.back().op == op_code(Op::RETURN_VALUE))
          for (auto& in : ins)
            in.loc = Location{lineno, lineno, -1, -1};
      } else {
        lineno = ins.back().loc.line;
      }
    }
  }

  int stackdepth() {
    for (auto& blk : b)
      blk.start_depth = -1;
    int maxdepth = 0;
    std::vector<int> stack;
    auto push = [&](int t, int depth) {
      if (b[t].start_depth < 0) {
        b[t].start_depth = depth;
        stack.push_back(t);
      }
    };
    push(u.entry, 0);
    while (!stack.empty()) {
      int i = stack.back();
      stack.pop_back();
      int depth = b[i].start_depth;
      int next = b[i].next;
      bool falls = true;
      for (auto& in : b[i].instrs) {
        int new_depth = depth + stack_effect(in.op, in.arg, false);
        maxdepth = std::max(maxdepth, new_depth);
        if (in.target >= 0) {
          int target_depth = depth + stack_effect(in.op, in.arg, true);
          maxdepth = std::max(maxdepth, target_depth);
          push(in.target, target_depth);
        }
        depth = new_depth;
        if (ends_block(in.op)) {
          falls = false;
          break;
        }
      }
      if (falls && next >= 0) push(next, depth);
    }
    return maxdepth;
  }

  struct Handler {
    int block;
  };

  void label_exception_targets() {
    for (auto& blk : b)
      blk.visited = false;
    std::vector<std::vector<int>> stacks(b.size());
    std::vector<int> todo{u.entry};
    b[u.entry].visited = true;
    while (!todo.empty()) {
      int i = todo.back();
      todo.pop_back();
      std::vector<int> except_stack = std::move(stacks[i]);
      int handler = except_stack.empty() ? -1 : except_stack.back();
      for (auto& in : b[i].instrs) {
        if (is_block_push(in.op)) {
          if (!b[in.target].visited) {
            stacks[in.target] = except_stack;
            b[in.target].visited = true;
            todo.push_back(in.target);
          }
          b[in.target].except_handler = true;
          if (in.op == kSetupWith || in.op == kSetupCleanup) b[in.target].preserve_lasti = true;
          except_stack.push_back(in.target);
          handler = in.target;
        } else if (in.op == kPopBlock) {
          if (!except_stack.empty()) except_stack.pop_back();
          handler = except_stack.empty() ? -1 : except_stack.back();
        } else {
          in.handler = handler;
          if (is_jump_op(in.op) && !b[in.target].visited) {
            stacks[in.target] = except_stack;
            b[in.target].visited = true;
            todo.push_back(in.target);
          }
        }
      }
      int next = b[i].next;
      if (has_fallthrough(i) && next >= 0 && !b[next].visited) {
        stacks[next] = std::move(except_stack);
        b[next].visited = true;
        todo.push_back(next);
      }
    }
    for (int i = u.entry; i >= 0; i = b[i].next)
      for (auto& in : b[i].instrs)
        if (is_block_push(in.op) || in.op == kPopBlock) {
          in.op = op_code(Op::NOP);
          in.target = -1;
          in.handler = -1;
        }
    for (int i = u.entry; i >= 0; i = b[i].next)
      clean_block(i);
  }
};

} // namespace

std::shared_ptr<const bytecode::CodeUnit> assemble(Unit& unit, const std::string& filename,
                                                   std::uint32_t flags) {
  Graph g(unit);
  g.optimize_cfg();
  g.duplicate_exits_without_lineno();
  g.trim_unused_consts();
  g.propagate_line_numbers();
  g.guarantee_lineno_for_exits();
  int maxdepth = g.stackdepth();
  g.label_exception_targets();

  auto& b = unit.blocks;
  // Layout: instruction indices; the RESUME marker takes no room.
  int offset = 0;
  for (int i = unit.entry; i >= 0; i = b[i].next) {
    b[i].offset = offset;
    for (auto& in : b[i].instrs)
      if (in.op < 256) ++offset;
  }
  auto code = std::make_shared<bytecode::CodeUnit>();
  code->name = unit.name;
  code->qualname = unit.qualname;
  code->filename = filename;
  code->firstlineno = unit.firstlineno;
  code->argcount = unit.argcount;
  code->posonlyargcount = unit.posonlyargcount;
  code->kwonlyargcount = unit.kwonlyargcount;
  code->flags = flags;
  code->stacksize = static_cast<std::uint32_t>(maxdepth);
  int current_handler = -1;
  std::uint32_t start = 0;
  auto close_entry = [&](std::uint32_t end) {
    if (current_handler < 0) return;
    const Block& h = b[current_handler];
    bytecode::ExceptionEntry e;
    e.start = start;
    e.end = end;
    e.target = static_cast<std::uint32_t>(h.offset);
    int depth = h.start_depth - 1 - (h.preserve_lasti ? 1 : 0);
    e.depth = static_cast<std::uint32_t>(std::max(depth, 0));
    e.push_lasti = h.preserve_lasti;
    code->exception_table.push_back(e);
  };
  for (int i = unit.entry; i >= 0; i = b[i].next) {
    for (auto& in : b[i].instrs) {
      if (in.op >= 256) continue;
      std::uint32_t index = static_cast<std::uint32_t>(code->code.size());
      if (in.handler != current_handler) {
        close_entry(index);
        start = index;
        current_handler = in.handler;
      }
      std::uint32_t arg = in.arg;
      if (in.target >= 0) arg = static_cast<std::uint32_t>(b[in.target].offset);
      code->code.push_back(bytecode::make_instruction(static_cast<Op>(in.op), arg));
      Location loc = in.loc;
      if (loc.line < 0) loc = Location{0, 0, -1, -1};
      code->locations.push_back(loc);
    }
  }
  close_entry(static_cast<std::uint32_t>(code->code.size()));
  code->consts = unit.consts;
  code->names = unit.names;
  code->varnames = unit.varnames;
  code->cellvars = unit.cellvars;
  code->freevars = unit.freevars;
  for (auto& cell : unit.cellvars) {
    int arg = -1;
    std::uint32_t nargs = unit.argcount + unit.kwonlyargcount +
                          ((flags & bytecode::kVarargs) ? 1 : 0) +
                          ((flags & bytecode::kVarKeywords) ? 1 : 0);
    for (std::uint32_t k = 0; k < nargs && k < unit.varnames.size(); ++k)
      if (unit.varnames[k] == cell) arg = static_cast<int>(k);
    code->cell_args.push_back(arg);
  }
  code->docstring = unit.docstring;
  return code;
}

// ---- instruction properties --------------------------------------------------------------

bool is_block_push(std::uint16_t op) {
  return op == kSetupFinally || op == kSetupCleanup || op == kSetupWith;
}

bool is_jump_op(std::uint16_t op) {
  switch (op) {
  case op_code(Op::JUMP):
  case op_code(Op::JUMP_NO_INTERRUPT):
  case op_code(Op::POP_JUMP_IF_FALSE):
  case op_code(Op::POP_JUMP_IF_TRUE):
  case op_code(Op::POP_JUMP_IF_NONE):
  case op_code(Op::POP_JUMP_IF_NOT_NONE):
  case op_code(Op::JUMP_IF_FALSE_OR_POP):
  case op_code(Op::JUMP_IF_TRUE_OR_POP):
  case op_code(Op::FOR_ITER):
  case op_code(Op::SEND):
    return true;
  default:
    return false;
  }
}

bool ends_block(std::uint16_t op) {
  return is_unconditional_jump(op) || is_scope_exit(op);
}

int stack_effect(std::uint16_t op, std::uint32_t arg, bool jump) {
  int oparg = static_cast<int>(arg);
  switch (op) {
  case kSetupFinally:
    return jump ? 1 : 0;
  case kSetupCleanup:
    return jump ? 2 : 0;
  case kSetupWith:
    return jump ? 1 : 0;
  case kPopBlock:
    return 0;
  default:
    break;
  }
  if (op >= 256) return 0; // RESUME marker
  switch (static_cast<Op>(op)) {
  case Op::NOP:
    return 0;
  case Op::POP_TOP:
    return -1;
  case Op::PUSH_NULL:
    return 1;
  case Op::COPY:
    return 1;
  case Op::SWAP:
    return 0;
  case Op::LOAD_CONST:
  case Op::LOAD_FAST:
  case Op::LOAD_DEREF:
  case Op::LOAD_CLASSDEREF:
  case Op::LOAD_CLOSURE:
  case Op::LOAD_NAME:
    return 1;
  case Op::STORE_FAST:
  case Op::STORE_DEREF:
  case Op::STORE_NAME:
  case Op::STORE_GLOBAL:
    return -1;
  case Op::DELETE_FAST:
  case Op::DELETE_DEREF:
  case Op::DELETE_NAME:
  case Op::DELETE_GLOBAL:
    return 0;
  case Op::LOAD_GLOBAL:
    return 1 + (oparg & 1);
  case Op::LOAD_ATTR:
    return 0;
  case Op::STORE_ATTR:
    return -2;
  case Op::DELETE_ATTR:
    return -1;
  case Op::LOAD_METHOD:
    return 1;
  case Op::LOAD_BUILD_CLASS:
  case Op::LOAD_ASSERTION_ERROR:
    return 1;
  case Op::UNARY_POSITIVE:
  case Op::UNARY_NEGATIVE:
  case Op::UNARY_NOT:
  case Op::UNARY_INVERT:
    return 0;
  case Op::BINARY_OP:
  case Op::COMPARE_OP:
  case Op::IS_OP:
  case Op::CONTAINS_OP:
  case Op::BINARY_SUBSCR:
    return -1;
  case Op::STORE_SUBSCR:
    return -3;
  case Op::DELETE_SUBSCR:
    return -2;
  case Op::BUILD_SLICE:
    return oparg == 3 ? -2 : -1;
  case Op::BUILD_TUPLE:
  case Op::BUILD_LIST:
  case Op::BUILD_SET:
  case Op::BUILD_STRING:
    return 1 - oparg;
  case Op::BUILD_MAP:
    return 1 - 2 * oparg;
  case Op::BUILD_CONST_KEY_MAP:
    return -oparg;
  case Op::LIST_APPEND:
  case Op::SET_ADD:
    return -1;
  case Op::MAP_ADD:
    return -2;
  case Op::LIST_EXTEND:
  case Op::SET_UPDATE:
  case Op::DICT_UPDATE:
  case Op::DICT_MERGE:
    return -1;
  case Op::LIST_TO_TUPLE:
    return 0;
  case Op::FORMAT_VALUE:
    return (oparg & 4) ? -1 : 0;
  case Op::UNPACK_SEQUENCE:
    return oparg - 1;
  case Op::UNPACK_EX:
    return (oparg & 0xff) + (oparg >> 8);
  case Op::JUMP:
  case Op::JUMP_NO_INTERRUPT:
    return 0;
  case Op::POP_JUMP_IF_FALSE:
  case Op::POP_JUMP_IF_TRUE:
  case Op::POP_JUMP_IF_NONE:
  case Op::POP_JUMP_IF_NOT_NONE:
    return -1;
  case Op::JUMP_IF_FALSE_OR_POP:
  case Op::JUMP_IF_TRUE_OR_POP:
    return jump ? 0 : -1;
  case Op::GET_ITER:
    return 0;
  case Op::FOR_ITER:
    return jump ? -1 : 1;
  case Op::GET_LEN:
  case Op::MATCH_MAPPING:
  case Op::MATCH_SEQUENCE:
  case Op::MATCH_KEYS:
    return 1;
  case Op::MATCH_CLASS:
    return -2;
  case Op::MAKE_FUNCTION:
    return -((oparg & 1) ? 1 : 0) - ((oparg & 2) ? 1 : 0) - ((oparg & 4) ? 1 : 0) -
           ((oparg & 8) ? 1 : 0);
  case Op::CALL:
    return -oparg - 1;
  case Op::KW_NAMES:
    return 0;
  case Op::CALL_FUNCTION_EX:
    return -2 - (oparg & 1);
  case Op::RETURN_VALUE:
    return -1;
  case Op::YIELD_VALUE:
    return 0;
  case Op::GET_YIELD_FROM_ITER:
    return 0;
  case Op::SEND:
    return jump ? -1 : 0;
  case Op::ASYNC_GEN_WRAP:
  case Op::GET_AWAITABLE:
  case Op::GET_AITER:
    return 0;
  case Op::GET_ANEXT:
    return 1;
  case Op::END_ASYNC_FOR:
    return -2;
  case Op::BEFORE_WITH:
  case Op::BEFORE_ASYNC_WITH:
  case Op::WITH_EXCEPT_START:
  case Op::PUSH_EXC_INFO:
    return 1;
  case Op::POP_EXCEPT:
    return -1;
  case Op::CHECK_EXC_MATCH:
  case Op::CHECK_EG_MATCH:
    return 0;
  case Op::PREP_RERAISE_STAR:
    return -1;
  case Op::RERAISE:
    return -1;
  case Op::RAISE_VARARGS:
    return -oparg;
  case Op::IMPORT_NAME:
    return -1;
  case Op::IMPORT_FROM:
    return 1;
  case Op::IMPORT_STAR:
    return -1;
  case Op::SETUP_ANNOTATIONS:
    return 0;
  case Op::PRINT_EXPR:
    return -1;
  case Op::kCount:
    break;
  }
  return 0;
}

} // namespace interp::compile
