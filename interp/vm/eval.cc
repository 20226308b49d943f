// interp/vm/eval.cc - the evaluation loop.
//
// The loop keeps the running frame's registers in C++ locals (pointers into the view of
// this transaction, valid until the transaction ends) and writes pc/sp back into the heap
// frame whenever it leaves the frame: on a call, a return, a yield, and at a transaction
// break. Frames are heap objects, so an abort rolls them back with everything else and
// the outermost loop resumes from the frame state of the last commit.
#include "interp/compile/code_unit.h"
#include "interp/modules/modules.h"
#include "interp/objects/class_key.h"
#include "interp/objects/iterators.h"
#include "interp/objects/numbers.h"
#include "interp/objects/objects.h"
#include "interp/objects/thread_cache.h"
#include "interp/ops.h"
#include "interp/vm/frame.h"
#include "interp/vm/outermost.h"
#include "interp/vm/vm.h"

#include "gc/gc.h"

#include <vector>

namespace interp::vm {

static bool truthy_traceback(Value traceback) {
  return traceback && traceback != none();
}

using namespace bytecode;

Value async_gen_wrap(Thread& t, Value value); // generator.cc

Value current_frame(Thread& t) {
  return t.frame;
}

namespace {

struct Registers {
  Value frame;
  FrameObject* f = nullptr;
  const CodeUnit* unit = nullptr;
  const Instruction* code = nullptr;
  const Value* consts = nullptr;
  Value names;
  Value* locals = nullptr;
  Value* cells = nullptr;
  Value* stack = nullptr;
  Value* sp = nullptr;
  std::int64_t pc = 0;

  void load(Value fr) {
    frame = fr;
    f = wr<FrameObject>(fr);
    unit = &code_unit(f->code);
    code = unit->code.data();
    const CodeObject* c = ro<CodeObject>(f->code);
    consts = ro<TupleObject>(c->consts)->items;
    names = c->names;
    locals = f->slots;
    cells = f->slots + f->nlocals;
    stack = cells + f->ncells;
    sp = stack + f->sp;
    pc = f->pc;
  }
  void save() {
    f->pc = pc;
    f->sp = sp - stack;
  }
  // Leaves the running frame (its registers saved) for `to`, a frame of this loop.
  void enter(Thread& t, Value to) {
    save();
    load(to);
    t.frame = to;
  }
};

Value name_at(const Registers& r, std::uint32_t i) {
  return tuple_item(r.names, i);
}

Value unbound_local(Thread& t, const std::string& n) {
  return raisef(t, exc(E_UnboundLocalError),
                "cannot access local variable '%s' where it is not associated with a value",
                n.c_str());
}

Value name_error(Thread& t, Value n) {
  Value e = raisef(t, exc(E_NameError), "name '%s' is not defined", str_utf8(n).c_str());
  // NameError.name: what the "Did you mean" suggestion is computed from when printed.
  if (t.pending && exception_check(t.pending)) wr<ExceptionObject>(t.pending)->extra[0] = n;
  return e;
}

// Mapping lookups for LOAD_NAME and friends: dicts directly, other mappings by protocol.
Value mapping_get(Thread& t, Value mapping, Value key) {
  if (dict_check(mapping) && is_exact(mapping, T_dict)) {
    if (str_check(key)) return dict_get_str(mapping, key);
    bool error;
    return dict_get(t, mapping, key, error);
  }
  Value v = getitem(t, mapping, key);
  if (!v && matches(t, exc(E_KeyError))) clear_pending(t);
  return v;
}

Value load_global(Thread& t, Value globals, Value builtins, Value n) {
  if (Value v = dict_get_str(globals, n)) return v;
  if (Value v = mapping_get(t, builtins, n)) return v;
  if (t.pending) return {};
  return name_error(t, n);
}

// LOAD_GLOBAL's guesses, per thread and indexed by the instruction's address.
struct GlobalHintSlot {
  const Instruction* at = nullptr;
  Value name; // code may be freed and its memory reused: the name must match too
  GlobalHint hint;
};
constexpr std::size_t kGlobalHintSlots = 1024;

Value load_global_hinted(Thread& t, Value globals, Value builtins, Value n, const Instruction* at) {
  if (!is_exact(builtins, T_dict)) return load_global(t, globals, builtins, n);
  GlobalHintSlot& slot =
      ThreadCache<GlobalHintSlot, kGlobalHintSlots>::at(reinterpret_cast<std::uintptr_t>(at) >> 2);
  if (slot.at != at || slot.name != n) {
    slot.at = at;
    slot.name = n;
    slot.hint = GlobalHint{};
  }
  if (Value v = dict_get_global(globals, builtins, n, slot.hint)) return v;
  return name_error(t, n);
}

// How CPython names a function in the errors of a call: module.qualname (qualname alone
// for builtins), or the repr of an object with no __qualname__.
std::string function_text(Thread& t, Value fn) {
  Value q = getattr_opt(t, fn, name(N___qualname__));
  if (t.pending) clear_pending(t);
  if (!q || !str_check(q)) return repr_utf8(t, fn);
  Value m = getattr_opt(t, fn, name(N___module__));
  if (t.pending) clear_pending(t);
  if (m && str_check(m) && !str_equal_ascii(m, "builtins")) return str_utf8(m) + "." + str_utf8(q);
  return str_utf8(q);
}

bool unpack(Thread& t, Value seq, std::int64_t before, std::int64_t after, bool star, Value* out) {
  // out receives the items in stack order (last item first).
  if (!star && seq.is_object() && (is_exact(seq, T_tuple) || is_exact(seq, T_list))) {
    bool tuple = is_exact(seq, T_tuple);
    std::int64_t n = tuple ? tuple_length(seq) : list_length(seq);
    if (n != before) {
      if (n < before)
        raisef(t, exc(E_ValueError), "not enough values to unpack (expected %lld, got %lld)",
               (long long)before, (long long)n);
      else
        raisef(t, exc(E_ValueError), "too many values to unpack (expected %lld)",
               (long long)before);
      return false;
    }
    for (std::int64_t i = 0; i < n; ++i)
      out[n - 1 - i] = tuple ? tuple_item(seq, i) : list_item(seq, i);
    return true;
  }
  Value it = iter(t, seq);
  if (!it) {
    if (matches(t, exc(E_TypeError))) {
      clear_pending(t);
      raisef(t, exc(E_TypeError), "cannot unpack non-iterable %s object",
             type_name_of(seq).c_str());
    }
    return false;
  }
  std::int64_t total = before + after + (star ? 1 : 0);
  // The items taken so far also go into a heap list: the iterator may run Python code that
  // collects, and `out` is C++ memory the collector does not see.
  Value taken = list_new(t);
  if (!taken) return false;
  for (std::int64_t i = 0; i < before; ++i) {
    Value x = next(t, it);
    if (!x) {
      if (!t.pending) {
        if (star)
          raisef(t, exc(E_ValueError),
                 "not enough values to unpack (expected at least %lld, got %lld)",
                 (long long)(before + after), (long long)i);
        else
          raisef(t, exc(E_ValueError), "not enough values to unpack (expected %lld, got %lld)",
                 (long long)before, (long long)i);
      }
      return false;
    }
    if (!list_append(t, taken, x)) return false;
    out[total - 1 - i] = x;
  }
  if (!star) {
    Value extra = next(t, it);
    if (extra) {
      raisef(t, exc(E_ValueError), "too many values to unpack (expected %lld)", (long long)before);
      return false;
    }
    return !t.pending && list_length(taken) >= 0; // `taken` in use (so alive) until here
  }
  Value rest = list_of(t, it);
  if (!rest) return false;
  std::int64_t n = list_length(rest);
  if (n < after) {
    raisef(t, exc(E_ValueError), "not enough values to unpack (expected at least %lld, got %lld)",
           (long long)(before + after), (long long)(before + n));
    return false;
  }
  for (std::int64_t i = 0; i < after; ++i)
    out[after - 1 - i] = list_item(rest, n - after + i);
  if (after) {
    Value trimmed = list_new(t);
    if (!trimmed) return false;
    for (std::int64_t i = 0; i < n - after; ++i)
      if (!list_append(t, trimmed, list_item(rest, i))) return false;
    rest = trimmed;
  }
  out[after] = rest;
  return list_length(taken) >= 0; // `taken` stays in use (so alive) until here
}

Value build_class(Thread& t, const Value* args, std::size_t nargs, Value kwnames);

Value format_value(Thread& t, Value v, std::uint32_t flags, Value spec) {
  switch (flags & 3) {
  case 1:
    v = str(t, v);
    break;
  case 2:
    v = repr(t, v);
    break;
  case 3:
    v = ascii(t, v);
    break;
  default:
    break;
  }
  if (!v) return {};
  if (!spec && is_exact(v, T_str)) return v;
  // format(n, '') of an int is str(n).
  if (!spec && v.is_small_int()) return str(t, v);
  return format(t, v, spec ? spec : runtime().empty_str);
}

// A class pattern names each attribute once, positionally (through __match_args__) or
// by keyword: a second mention is a TypeError.
bool note_match_attribute(Thread& t, Value cls, Value attr, std::vector<Value>& seen) {
  for (Value earlier : seen)
    if (str_equal(earlier, attr)) {
      Value shown = repr(t, attr);
      if (shown)
        raisef(t, exc(E_TypeError), "%s() got multiple sub-patterns for attribute %s",
               type_name(cls).c_str(), str_utf8(shown).c_str());
      return false;
    }
  seen.push_back(attr);
  return true;
}

bool is_generator_code(const CodeUnit* unit) {
  return unit->flags & (bytecode::kGenerator | bytecode::kCoroutine | bytecode::kAsyncGenerator);
}

// Whether attribute `attr` of `obj`, whose class has nothing of that name along its MRO,
// lives in the instance dict (made or not yet): an Instance-layout object whose class
// gives its instances dicts. __dict__ is no key of the dict but the dict itself.
bool dict_holds(Value obj, Value type, Value attr) {
  return is_layout(obj, Layout::Instance) && has_instance_dict(type) &&
         !(ro<StrObject>(attr)->length == 8 && str_equal_ascii(attr, "__dict__"));
}

// What LOAD_ATTR / STORE_ATTR at an instruction last met: instances of a class (whose
// key vouches for no hook and for what the MRO holds under the name) and where the
// attribute lives: in their dicts, where the name sat at `hint` (objects made by one
// class's __init__ have dicts of one shape), or in their __slots__ word `slot`. Per thread
// and indexed by the instruction's address, separately for loads and stores (they honour
// different hooks); a site that does not match costs the full check.
struct AttributeSite {
  ClassKey key;
  std::int32_t hint = 0;
  std::int64_t slot = -1;
};
constexpr std::size_t kAttributeSites = 512;
AttributeSite& attribute_site(const Instruction* at, bool store) {
  std::size_t site = (reinterpret_cast<std::uintptr_t>(at) >> 2) % kAttributeSites;
  return ThreadCache<AttributeSite, 2 * kAttributeSites>::at(store * kAttributeSites + site);
}

// Where `attr` of `obj` may be read or written with no descriptor to honour, as the site
// knows or finds out: the instance dict (which may be 0), the slot word site.slot, or
// neither (the full lookup runs).
enum class Direct : std::uint8_t { None, Dict, Slot };

// A site that does not match looks again, out of the loop's way.
[[gnu::noinline]] Direct site_refill(AttributeSite& site, Value obj, Value attr,
                                     std::uint64_t hooks) {
  Value type = type_of(obj);
  if (rd<TypeObject>(type)->flags & hooks) return Direct::None;
  Value descr = type_lookup(type, attr);
  std::int64_t slot = descr ? slot_index_for(descr, type) : -1;
  if (slot < 0 && (descr || !dict_holds(obj, type, attr))) return Direct::None;
  // The caller reads the slot's index from the site, so it holds it even where the key
  // cannot vouch for the next time.
  site.key.remember(type, attr);
  site.slot = slot;
  return slot >= 0 ? Direct::Slot : Direct::Dict;
}

inline Direct site_direct(AttributeSite& site, Value obj, Value attr, std::uint64_t hooks) {
  if (!obj.is_object()) return Direct::None;
  if (site.key.matches(type_of(obj), attr)) return site.slot >= 0 ? Direct::Slot : Direct::Dict;
  return site_refill(site, obj, attr, hooks);
}

// The attribute read directly (0 where the full lookup must run: it also raises).
Value site_attribute(AttributeSite& site, Value obj, Value attr) {
  switch (site_direct(site, obj, attr, kCustomGetattribute | kHasGetattr)) {
  case Direct::Dict:
    if (Value dict = rd<Object>(obj)->dict) return dict_get_str_hinted(dict, attr, site.hint);
    return {};
  case Direct::Slot:
    return *slot_word_at(obj, std::uint64_t(site.slot), false);
  case Direct::None:
    break;
  }
  return {};
}

// What LOAD_METHOD at an instruction last met: instances of a class that gives the name
// as `method`, a function or a builtin method descriptor that binds to them
// (get_method's unbound case). Only the instance dict, which may shadow the name, is
// looked at again.
struct MethodSite {
  ClassKey key;
  Value method;
};
MethodSite& method_site(const Instruction* at) {
  return ThreadCache<MethodSite, kAttributeSites>::at(reinterpret_cast<std::uintptr_t>(at) >> 2);
}

Value site_method(const MethodSite& site, Value obj, Value attr) {
  if (!site.key.matches(type_of(obj), attr)) return {};
  Value dict = obj.is_object() ? rd<Object>(obj)->dict : Value();
  return dict && dict_get_str(dict, attr) ? Value() : site.method;
}

bool callable_as_function(Value callable, Value& function, Value& self) {
  if (!callable.is_object()) return false;
  Layout l = layout_of(callable);
  if (l == Layout::Function) {
    function = callable;
    return true;
  }
  if (l == Layout::Method) {
    const MethodObject* m = rd<MethodObject>(callable);
    if (m->function.is_object() && is_layout(m->function, Layout::Function)) {
      function = m->function;
      self = m->self;
      return true;
    }
    return false;
  }
  // An object whose class defines __call__ as a Python function (functools.partial, for
  // one) runs it as a frame of this loop too. In a nested loop, a blocking wait would
  // have to abort and lose the transaction's writes; a thread joined by an atexit
  // partial after it was told to stop then waited for ever.
  if (l == Layout::Native) return false;
  Value meta = type_of(callable);
  if (meta == type_value(T_type))
    return false; // a class whose metaclass is type: a native __call__
  Value call = type_lookup(meta, name(N___call__));
  if (call && call.is_object() && is_layout(call, Layout::Function)) {
    function = call;
    self = callable;
    return true;
  }
  return false;
}

// Can the call run as a frame of this loop? A Python function (bound or not, or a class's
// Python __call__) whose code is not a generator's: calling a generator function makes
// a generator, which is not stackless.
bool inline_call(Value callable, Value& function, Value& self) {
  return callable_as_function(callable, function, self) &&
         !is_generator_code(&code_unit(rd<FunctionObject>(function)->code));
}

// What a CALL or CALL_FUNCTION_EX last found instantiable inline: a class (its key vouches
// that its MRO still gives object.__new__ and the same __init__) and that __init__.
struct InstantiationSite {
  ClassKey key;
  Value init;
};

// Can calling `callable` make its instance here and run __init__ as a frame of this loop?
// A heap class made by `type` whose __new__ is object.__new__ and whose __init__ is a plain
// Python function; `init` receives the latter. `at` is the calling instruction.
bool inline_instantiation(const Instruction* at, Value callable, Value& init) {
  if (!callable.is_object() || !is_layout(callable, Layout::Type)) return false;
  if (type_of(callable) != type_value(T_type)) return false;
  auto& site = ThreadCache<InstantiationSite, kAttributeSites>::at(
      reinterpret_cast<std::uintptr_t>(at) >> 2);
  if (site.key.matches(callable, name(N___init__))) {
    init = site.init;
  } else {
    const TypeObject* to = rd<TypeObject>(callable);
    if (!(to->flags & kHeapType)) return false;
    Value object_new = dict_get_str(rd<TypeObject>(type_value(T_object))->dict, name(N___new__));
    if (type_lookup(callable, name(N___new__)) != object_new) return false;
    init = type_lookup(callable, name(N___init__));
    if (!init || !init.is_object() || !is_layout(init, Layout::Function)) return false;
    if (site.key.remember(callable, name(N___init__))) site.init = init;
  }
  // The function's __code__ may have been replaced since: checked at every call.
  return !is_generator_code(&code_unit(rd<FunctionObject>(init)->code));
}

// The __init__ frame for a new instance of `cls` (inline_instantiation's `init`), with
// kFrameDiscardResult: its RETURN_VALUE gives the caller the instance. 0 with the
// exception set.
Value instantiation_frame(Thread& t, Value cls, Value init, const Value* args, std::size_t nargs,
                          Value kwnames, Value back) {
  Value instance = object_new_instance(t, cls);
  if (!instance) return {};
  Value frame = frame_for_call(t, init, instance, args, nargs, kwnames, back);
  if (!frame) return {};
  FrameObject* f = wr<FrameObject>(frame);
  f->flags |= kFrameDiscardResult;
  f->instance = instance;
  return frame;
}

// obj.<special>() looked up on its type, or TypeError `message` (with obj's type name)
// when the type has no such method.
Value call_special(Thread& t, Value obj, NameId special, const char* message) {
  Value f = lookup_special(t, obj, special);
  if (!f) {
    if (!t.pending) raisef(t, exc(E_TypeError), message, type_name_of(obj).c_str());
    return {};
  }
  return call0(t, f);
}

// Is a new frame of this loop within the recursion limit? Else RecursionError.
bool within_recursion_limit(Thread& t, Value frame) {
  if (rd<FrameObject>(frame)->depth <= recursion_limit()) return true;
  raise(t, exc(E_RecursionError), "maximum recursion depth exceeded");
  return false;
}

} // namespace

Value eval(Thread& t, Value entry, bool outermost, bool& yielded) {
  yielded = false;
  if (++t.c_depth > std::int64_t(recursion_limit()) + 50 || native_stack_low(t)) {
    --t.c_depth;
    return raise(t, exc(E_RecursionError), "maximum recursion depth exceeded");
  }
  struct DepthGuard {
    Thread& t;
    Value saved_frame;
    ~DepthGuard() {
      --t.c_depth;
      t.frame = saved_frame;
    }
  } guard{t, t.frame};

  Registers r;
  r.load(entry);
  t.frame = entry;
  bool throwing = r.f->flags & kFrameThrow;
  r.f->flags &= ~std::int64_t(kFrameThrow);
  if (r.f->depth > recursion_limit())
    return raise(t, exc(E_RecursionError), "maximum recursion depth exceeded");

#define INTERP_LABEL_ADDRESS(name, has_arg) &&L_##name,
  static void* const kTargets[] = {INTERP_OPCODES(INTERP_LABEL_ADDRESS)};
#undef INTERP_LABEL_ADDRESS
  // Under sys.settrace every instruction goes back to the boundary, for its 'line' event.
#define INTERP_TRACED_ADDRESS(name, has_arg) &&L_traced,
  static void* const kTracedTargets[] = {INTERP_OPCODES(INTERP_TRACED_ADDRESS)};
#undef INTERP_TRACED_ADDRESS
  // The table in use: looked at again at each boundary and after each call, which is
  // where sys.settrace can have been called (code run by other instructions, a
  // property's say, starts the tracing of this frame at its next boundary).
  void* const* targets = kTargets;

  for (;;) {
    // ---- the instruction boundary: a safe point, and the place transactions break.
    stm::safe_point();
    if (outermost && ++t.ticks >= t.tx_length) {
      r.save();
      transaction_break(t, r.frame);
      r.load(r.frame);
    }
    // A signal arrived: its Python handler runs here, before the next instruction, which
    // raises instead of running if the handler raised (a waiting call was interrupted).
    bool interrupted = false;
    if (outermost && signals_tripped.load(std::memory_order_relaxed) && t.main) [[unlikely]] {
      r.save();
      interrupted = !run_signal_handlers(t, r.frame);
      r.load(r.frame);
      if (interrupted) t.block_retry = {};
    }
    // sys.setprofile: the frame about to run its first instruction (or a generator's
    // first after a resumption) is a 'call'. Every frame change passes here.
    targets = kTargets;
    if (t.profiling || t.tracing) [[unlikely]] {
      r.save();
      if (!hooks_before(t, r.frame, r.pc)) interrupted = true;
      r.load(r.frame);
      if (t.tracing) targets = kTracedTargets;
    }
    {
      Instruction insn = r.code[r.pc];
      Value* insn_sp = r.sp;
      std::int64_t lasti = r.pc++;
      bool new_traceback = true;
      // Whether the exception takes the handled one as its __context__: CPython gives an
      // exception its context only where it is raised (a raise statement, or a native
      // that makes it), not again on each call it passes out of. 1: yes; -1: no; 0: if
      // it has no traceback yet (a native made it, rather than passed it on).
      int takes_context = 0;
      std::uint32_t arg = arg_of(insn);
      Value* sp = r.sp;
      if (throwing) {
        // generator.throw(): the exception is raised by the suspended YIELD_VALUE. It is
        // chained only to what the generator itself was handling when it yielded, not to
        // what its caller handles.
        throwing = false;
        lasti = r.f->lasti;
        r.pc = lasti + 1;
        takes_context = t.handled && in_own_handler(ro<GeneratorObject>(r.f->generator)) ? 1 : -1;
        goto error;
      }
      if (interrupted) [[unlikely]]
        goto error;
// Each instruction ends by fetching and jumping to the next one itself (a computed goto
// per handler, so the branch predictor learns each handler's successors), skipping the
// instruction boundary's checks above. Those checks - the safe point, the transaction
// break, a pending generator.throw() - run only where control goes back: a backward jump
// (JUMP_TO), a call or return that changes frames, and anything else that ends with
// `continue` or reaches `checkpoint`. Every loop has a backward jump and straight-line code
// is finite, so a thread still reaches a safe point within a bounded number of
// instructions, as CPython's eval breaker does.
#define TARGET(op)                                                                                 \
  case Op::op:                                                                                     \
    L_##op:
#define DISPATCH()                                                                                 \
  do {                                                                                             \
    r.sp = sp;                                                                                     \
    insn = r.code[r.pc];                                                                           \
    insn_sp = sp;                                                                                  \
    lasti = r.pc++;                                                                                \
    arg = arg_of(insn);                                                                            \
    goto* targets[static_cast<std::uint8_t>(op_of(insn))];                                         \
  } while (0)
#define JUMP_TO(target)                                                                            \
  do {                                                                                             \
    r.pc = (target);                                                                               \
    if (r.pc <= lasti) {                                                                           \
      t.ticks += lasti - r.pc; /* the loop body's instructions, for PYPYSTM_TX_LENGTH */           \
      goto checkpoint;                                                                             \
    }                                                                                              \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<std::ptrdiff_t>(n)])
#define ERROR_IF(cond)                                                                             \
  do {                                                                                             \
    if (cond) {                                                                                    \
      r.sp = sp;                                                                                   \
      goto error;                                                                                  \
    }                                                                                              \
  } while (0)
      switch (op_of(insn)) {
        TARGET(NOP)
        DISPATCH();
        TARGET(POP_TOP)
        --sp;
        DISPATCH();
        TARGET(PUSH_NULL)
        PUSH(Value());
        DISPATCH();
        TARGET(COPY) {
          Value v = PEEK(arg);
          PUSH(v);
          DISPATCH();
        }
        TARGET(SWAP)
        std::swap(sp[-1], sp[-std::int64_t(arg)]);
        DISPATCH();
        TARGET(LOAD_CONST)
        PUSH(r.consts[arg]);
        DISPATCH();
        TARGET(LOAD_FAST) {
          Value v = r.locals[arg];
          if (!v) {
            unbound_local(t, r.unit->varnames[arg]);
            ERROR_IF(true);
          }
          PUSH(v);
          DISPATCH();
        }
        TARGET(STORE_FAST)
        r.locals[arg] = POP();
        DISPATCH();
        TARGET(DELETE_FAST)
        if (!r.locals[arg]) {
          unbound_local(t, r.unit->varnames[arg]);
          ERROR_IF(true);
        }
        r.locals[arg] = {};
        DISPATCH();
        TARGET(LOAD_DEREF)
        TARGET(LOAD_CLASSDEREF) {
          std::size_t ncellvars = r.unit->cellvars.size();
          const std::string& var =
              arg < ncellvars ? r.unit->cellvars[arg] : r.unit->freevars[arg - ncellvars];
          if (op_of(insn) == Op::LOAD_CLASSDEREF && r.f->locals) {
            Value n = intern_literal(t, var.c_str());
            ERROR_IF(!n);
            Value v = mapping_get(t, rd<FrameObject>(r.frame)->locals, n);
            ERROR_IF(!v && t.pending);
            if (v) {
              PUSH(v);
              DISPATCH();
            }
          }
          Value v = rd<CellObject>(r.cells[arg])->ref;
          if (!v) {
            if (arg < ncellvars)
              unbound_local(t, var);
            else
              raisef(t, exc(E_NameError),
                     "cannot access free variable '%s' where it is not associated with a value in "
                     "enclosing scope",
                     var.c_str());
            ERROR_IF(true);
          }
          PUSH(v);
          DISPATCH();
        }
        TARGET(STORE_DEREF)
        wr<CellObject>(r.cells[arg])->ref = POP();
        DISPATCH();
        TARGET(DELETE_DEREF) {
          Value cell = r.cells[arg];
          if (!rd<CellObject>(cell)->ref) {
            std::size_t ncellvars = r.unit->cellvars.size();
            unbound_local(t, arg < ncellvars ? r.unit->cellvars[arg]
                                             : r.unit->freevars[arg - ncellvars]);
            ERROR_IF(true);
          }
          wr<CellObject>(cell)->ref = {};
          DISPATCH();
        }
        TARGET(LOAD_CLOSURE)
        PUSH(r.cells[arg]);
        DISPATCH();
        TARGET(LOAD_NAME) {
          Value n = name_at(r, arg);
          Value v = mapping_get(t, r.f->locals, n);
          ERROR_IF(!v && t.pending);
          if (!v) v = dict_get_str(r.f->globals, n);
          if (!v) {
            v = mapping_get(t, r.f->builtins, n);
            ERROR_IF(!v && t.pending);
          }
          if (!v) {
            name_error(t, n);
            ERROR_IF(true);
          }
          PUSH(v);
          DISPATCH();
        }
        TARGET(STORE_NAME) {
          Value v = POP();
          Value locals = r.f->locals;
          bool ok = is_exact(locals, T_dict) ? dict_set(t, locals, name_at(r, arg), v)
                                             : setitem(t, locals, name_at(r, arg), v);
          ERROR_IF(!ok);
          DISPATCH();
        }
        TARGET(DELETE_NAME) {
          Value n = name_at(r, arg);
          Value locals = r.f->locals;
          int res =
              is_exact(locals, T_dict) ? dict_del(t, locals, n) : (delitem(t, locals, n) ? 1 : -1);
          if (res == 0) name_error(t, n);
          ERROR_IF(res <= 0);
          DISPATCH();
        }
        TARGET(LOAD_GLOBAL) {
          if (arg & 1) PUSH(Value());
          Value v = load_global_hinted(t, r.f->globals, r.f->builtins, name_at(r, arg >> 1),
                                       &r.code[lasti]);
          ERROR_IF(!v);
          PUSH(v);
          DISPATCH();
        }
        TARGET(STORE_GLOBAL) {
          Value v = POP();
          ERROR_IF(!dict_set(t, r.f->globals, name_at(r, arg), v));
          DISPATCH();
        }
        TARGET(DELETE_GLOBAL) {
          int res = dict_del(t, r.f->globals, name_at(r, arg));
          if (res == 0) name_error(t, name_at(r, arg));
          ERROR_IF(res <= 0);
          DISPATCH();
        }
        TARGET(LOAD_ATTR) {
          r.sp = sp;
          // An attribute in the instance dict of a plain object, with no hook on its class
          // and nothing of that name along the MRO: no descriptor to honour.
          if (Value found =
                  site_attribute(attribute_site(&r.code[lasti], false), TOP(), name_at(r, arg))) {
            TOP() = found;
            DISPATCH();
          }
          Value v = getattr(t, TOP(), name_at(r, arg));
          if (!v) attribute_error_context(t, TOP(), name_at(r, arg));
          ERROR_IF(!v);
          TOP() = v;
          DISPATCH();
        }
        TARGET(STORE_ATTR) {
          r.sp = sp;
          Value obj = POP();
          Value v = POP();
          Value n = name_at(r, arg);
          AttributeSite& site = attribute_site(&r.code[lasti], true);
          switch (site_direct(site, obj, n, kCustomSetattr)) {
          case Direct::Dict: {
            Value dict = rd<Object>(obj)->dict;
            if (!dict) { // the first attribute of a new instance: its dict is made now
              dict = dict_new(t);
              ERROR_IF(!dict);
              wr<Object>(obj)->dict = dict;
            }
            ERROR_IF(!dict_set_str_hinted(t, dict, n, v, site.hint));
            DISPATCH();
          }
          case Direct::Slot:
            *slot_word_at(obj, std::uint64_t(site.slot), true) = v;
            DISPATCH();
          case Direct::None:
            break;
          }
          ERROR_IF(!setattr(t, obj, n, v));
          DISPATCH();
        }
        TARGET(DELETE_ATTR) {
          r.sp = sp;
          Value obj = POP();
          ERROR_IF(!setattr(t, obj, name_at(r, arg), {}));
          DISPATCH();
        }
        TARGET(LOAD_METHOD) {
          r.sp = sp;
          Value obj = TOP();
          MethodSite& site = method_site(&r.code[lasti]);
          if (Value m = site_method(site, obj, name_at(r, arg))) {
            TOP() = m;
            PUSH(obj);
            DISPATCH();
          }
          bool unbound;
          Value m = get_method(t, obj, name_at(r, arg), unbound);
          if (!m) attribute_error_context(t, obj, name_at(r, arg));
          ERROR_IF(!m);
          if (unbound) {
            if (site.key.remember(type_of(obj), name_at(r, arg))) site.method = m;
            TOP() = m;
            PUSH(obj);
          } else {
            TOP() = Value();
            PUSH(m);
          }
          DISPATCH();
        }
        TARGET(LOAD_BUILD_CLASS) {
          Value v = mapping_get(t, r.f->builtins, intern_literal(t, "__build_class__"));
          if (!v) {
            raise(t, exc(E_NameError), "__build_class__ not found");
            ERROR_IF(true);
          }
          PUSH(v);
          DISPATCH();
        }
        TARGET(LOAD_ASSERTION_ERROR)
        PUSH(exc(E_AssertionError));
        DISPATCH();
        TARGET(UNARY_POSITIVE)
        TARGET(UNARY_NEGATIVE)
        TARGET(UNARY_INVERT) {
          r.sp = sp;
          Value v = TOP();
          Value res = op_of(insn) == Op::UNARY_POSITIVE   ? unary_positive(t, v)
                      : op_of(insn) == Op::UNARY_NEGATIVE ? unary_negative(t, v)
                                                          : unary_invert(t, v);
          ERROR_IF(!res);
          TOP() = res;
          DISPATCH();
        }
        TARGET(UNARY_NOT) {
          r.sp = sp;
          int truth = truthy(t, TOP());
          ERROR_IF(truth < 0);
          TOP() = py_bool(!truth);
          DISPATCH();
        }
        TARGET(BINARY_OP) {
          r.sp = sp;
          Value b = POP();
          Value a = TOP();
          Value res = tagged_binary_op(a, b, arg);
          if (!res) {
            ERROR_IF(t.pending);
            r.f->pc = r.pc; // an operator method in Python may look at this frame's line
            res = binary_op(t, a, b, BinaryOp(arg));
          }
          ERROR_IF(!res);
          TOP() = res;
          DISPATCH();
        }
        TARGET(COMPARE_OP) {
          r.sp = sp;
          Value b = POP();
          Value a = TOP();
          if (a.is_small_int() && b.is_small_int()) {
            TOP() =
                py_bool(compare_numbers(a.small_int_value(), b.small_int_value(), CompareOp(arg)));
            DISPATCH();
          }
          double x, y;
          if (exact_double(a, x) && exact_double(b, y)) {
            TOP() = py_bool(compare_numbers(x, y, CompareOp(arg)));
            DISPATCH();
          }
          r.f->pc = r.pc;
          Value res = compare(t, a, b, CompareOp(arg));
          ERROR_IF(!res);
          TOP() = res;
          DISPATCH();
        }
        TARGET(IS_OP) {
          Value b = POP();
          TOP() = py_bool((TOP() == b) != bool(arg));
          DISPATCH();
        }
        TARGET(CONTAINS_OP) {
          r.sp = sp;
          Value container = POP();
          int res = contains(t, container, TOP());
          ERROR_IF(res < 0);
          TOP() = py_bool(bool(res) != bool(arg));
          DISPATCH();
        }
        TARGET(BINARY_SUBSCR) {
          r.sp = sp;
          Value key = POP();
          Value v = getitem(t, TOP(), key);
          ERROR_IF(!v);
          TOP() = v;
          DISPATCH();
        }
        TARGET(STORE_SUBSCR) {
          r.sp = sp;
          Value key = POP();
          Value container = POP();
          Value v = POP();
          bool ok;
          if (container.is_object() && is_exact(container, T_dict))
            ok = dict_set(t, container, key, v);
          else
            ok = setitem(t, container, key, v);
          ERROR_IF(!ok);
          DISPATCH();
        }
        TARGET(DELETE_SUBSCR) {
          r.sp = sp;
          Value key = POP();
          Value container = POP();
          ERROR_IF(!delitem(t, container, key));
          DISPATCH();
        }
        TARGET(BUILD_SLICE) {
          Value step = arg == 3 ? POP() : none();
          Value stop = POP();
          Value start = TOP();
          r.sp = sp;
          Value s = slice_new(t, start, stop, step);
          ERROR_IF(!s);
          TOP() = s;
          DISPATCH();
        }
        TARGET(BUILD_TUPLE) {
          r.sp = sp;
          Value v = tuple_from(t, sp - arg, arg);
          ERROR_IF(!v);
          sp -= arg;
          PUSH(v);
          DISPATCH();
        }
        TARGET(BUILD_LIST) {
          r.sp = sp;
          Value v = list_from(t, sp - arg, arg);
          ERROR_IF(!v);
          sp -= arg;
          PUSH(v);
          DISPATCH();
        }
        TARGET(BUILD_SET) {
          r.sp = sp;
          Value v = set_new(t, false);
          ERROR_IF(!v);
          for (std::uint32_t i = 0; i < arg; ++i)
            ERROR_IF(!set_add(t, v, sp[-std::int64_t(arg) + i]));
          sp -= arg;
          PUSH(v);
          DISPATCH();
        }
        TARGET(BUILD_MAP) {
          r.sp = sp;
          Value d = dict_new(t);
          ERROR_IF(!d);
          for (std::uint32_t i = 0; i < arg; ++i)
            ERROR_IF(!dict_set(t, d, sp[-2 * std::int64_t(arg) + 2 * i],
                               sp[-2 * std::int64_t(arg) + 2 * i + 1]));
          sp -= 2 * arg;
          PUSH(d);
          DISPATCH();
        }
        TARGET(BUILD_CONST_KEY_MAP) {
          r.sp = sp;
          Value keys = TOP();
          Value d = dict_new(t);
          ERROR_IF(!d);
          for (std::uint32_t i = 0; i < arg; ++i)
            ERROR_IF(!dict_set(t, d, tuple_item(keys, i), sp[-1 - std::int64_t(arg) + i]));
          sp -= arg + 1;
          PUSH(d);
          DISPATCH();
        }
        TARGET(BUILD_STRING) {
          r.sp = sp;
          Value s = str_join_values(t, {}, sp - std::int64_t(arg), arg);
          ERROR_IF(!s);
          sp -= arg;
          PUSH(s);
          DISPATCH();
        }
        TARGET(LIST_APPEND) {
          r.sp = sp;
          Value v = POP();
          ERROR_IF(!list_append(t, PEEK(arg), v));
          DISPATCH();
        }
        TARGET(SET_ADD) {
          r.sp = sp;
          Value v = POP();
          ERROR_IF(!set_add(t, PEEK(arg), v));
          DISPATCH();
        }
        TARGET(MAP_ADD) {
          r.sp = sp;
          Value v = POP();
          Value k = POP();
          ERROR_IF(!dict_set(t, PEEK(arg), k, v));
          DISPATCH();
        }
        TARGET(LIST_EXTEND) {
          r.sp = sp;
          Value iterable = POP();
          Value target = PEEK(arg);
          Value items = tuple_of(t, iterable, true);
          if (!items && matches(t, exc(E_TypeError)) &&
              !type_lookup(type_of(iterable), name(N___iter__)) &&
              !type_lookup(type_of(iterable), name(N___getitem__))) {
            clear_pending(t);
            raisef(t, exc(E_TypeError), "Value after * must be an iterable, not %s",
                   type_name_of(iterable).c_str());
          }
          ERROR_IF(!items);
          for (std::int64_t i = 0; i < tuple_length(items); ++i)
            ERROR_IF(!list_append(t, target, tuple_item(items, i)));
          DISPATCH();
        }
        TARGET(SET_UPDATE) {
          r.sp = sp;
          Value iterable = POP();
          Value target = PEEK(arg);
          Value items = tuple_of(t, iterable);
          ERROR_IF(!items);
          for (std::int64_t i = 0; i < tuple_length(items); ++i)
            ERROR_IF(!set_add(t, target, tuple_item(items, i)));
          DISPATCH();
        }
        TARGET(DICT_UPDATE)
        TARGET(DICT_MERGE) {
          r.sp = sp;
          Value other = POP();
          Value target = PEEK(arg);
          if (!dict_check(other) && !getattr_opt(t, other, name(N_keys))) {
            if (!t.pending)
              raisef(t, exc(E_TypeError),
                     op_of(insn) == Op::DICT_MERGE ? "argument after ** must be a mapping, not %s"
                                                   : "'%s' object is not a mapping",
                     type_name_of(other).c_str());
            ERROR_IF(true);
          }
          if (op_of(insn) == Op::DICT_MERGE) {
            Value keys = list_of(t, other);
            ERROR_IF(!keys);
            for (std::int64_t i = 0; i < list_length(keys); ++i) {
              Value k = list_item(keys, i);
              bool error;
              Value existing = dict_get(t, target, k, error);
              ERROR_IF(error);
              if (existing) {
                Value fn = PEEK(arg + 2);
                std::string fname = fn ? function_text(t, fn) : "function";
                Value key_text = str(t, k); // str() of the key, as 3.11's %S
                ERROR_IF(!key_text);
                raisef(t, exc(E_TypeError), "%s() got multiple values for keyword argument '%s'",
                       fname.c_str(), str_utf8(key_text).c_str());
                ERROR_IF(true);
              }
              Value v = getitem(t, other, k);
              ERROR_IF(!v);
              ERROR_IF(!dict_set(t, target, k, v));
            }
          } else {
            ERROR_IF(!dict_update(t, target, other));
          }
          DISPATCH();
        }
        TARGET(LIST_TO_TUPLE) {
          r.sp = sp;
          Value v = list_to_tuple(t, TOP());
          ERROR_IF(!v);
          TOP() = v;
          DISPATCH();
        }
        TARGET(FORMAT_VALUE) {
          r.sp = sp;
          Value spec = (arg & 4) ? POP() : Value();
          Value v = format_value(t, TOP(), arg, spec);
          ERROR_IF(!v);
          TOP() = v;
          DISPATCH();
        }
        TARGET(UNPACK_SEQUENCE) {
          r.sp = sp;
          Value seq = POP();
          std::vector<Value> items(arg);
          ERROR_IF(!unpack(t, seq, arg, 0, false, items.data()));
          for (std::uint32_t i = 0; i < arg; ++i)
            PUSH(items[i]);
          DISPATCH();
        }
        TARGET(UNPACK_EX) {
          r.sp = sp;
          Value seq = POP();
          std::int64_t before = arg & 0xff, after = arg >> 8;
          std::vector<Value> items(std::size_t(before + after + 1));
          ERROR_IF(!unpack(t, seq, before, after, true, items.data()));
          for (Value v : items)
            PUSH(v);
          DISPATCH();
        }
        TARGET(JUMP)
        TARGET(JUMP_NO_INTERRUPT)
        JUMP_TO(arg);
        DISPATCH();
        TARGET(POP_JUMP_IF_FALSE)
        TARGET(POP_JUMP_IF_TRUE) {
          Value v = POP();
          int truth;
          if (v == runtime().true_)
            truth = 1;
          else if (v == runtime().false_)
            truth = 0;
          else {
            r.sp = sp;
            truth = truthy(t, v);
            ERROR_IF(truth < 0);
          }
          if (bool(truth) == (op_of(insn) == Op::POP_JUMP_IF_TRUE)) JUMP_TO(arg);
          DISPATCH();
        }
        TARGET(POP_JUMP_IF_NONE)
        if (POP() == none()) JUMP_TO(arg);
        DISPATCH();
        TARGET(POP_JUMP_IF_NOT_NONE)
        if (POP() != none()) JUMP_TO(arg);
        DISPATCH();
        TARGET(JUMP_IF_FALSE_OR_POP)
        TARGET(JUMP_IF_TRUE_OR_POP) {
          r.sp = sp;
          int truth = truthy(t, TOP());
          ERROR_IF(truth < 0);
          if (bool(truth) == (op_of(insn) == Op::JUMP_IF_TRUE_OR_POP))
            JUMP_TO(arg);
          else
            --sp;
          DISPATCH();
        }
        TARGET(GET_ITER) {
          r.sp = sp;
          Value it = iter(t, TOP());
          ERROR_IF(!it);
          TOP() = it;
          DISPATCH();
        }
        TARGET(FOR_ITER) {
          r.sp = sp;
          if (TOP().is_object() && is_layout(TOP(), Layout::Generator)) {
            // A suspended generator runs in this loop until it yields back or ends.
            if (Value gen_frame = generator_resume_inline(t, TOP(), none(), r.frame)) {
              r.enter(t, gen_frame);
              continue;
            }
            ERROR_IF(t.pending);
          }
          Value v;
          if (range_iterator_step(TOP(), v)) {
            PUSH(v);
            DISPATCH();
          }
          v = next_or_wait(t, TOP());
          if (!v) {
            ERROR_IF(t.pending || t.block_on); // a wait: the loop runs FOR_ITER again
            --sp;
            r.pc = arg;
            DISPATCH();
          }
          PUSH(v);
          DISPATCH();
        }
        TARGET(GET_LEN) {
          r.sp = sp;
          std::int64_t n;
          ERROR_IF(!length(t, TOP(), n));
          PUSH(Value::small_int(n));
          DISPATCH();
        }
        TARGET(MATCH_MAPPING) {
          Value v = TOP();
          PUSH(py_bool(v.is_object() && (rd<TypeObject>(type_of(v))->flags & kMapping)));
          DISPATCH();
        }
        TARGET(MATCH_SEQUENCE) {
          Value v = TOP();
          PUSH(py_bool(v.is_object() && (rd<TypeObject>(type_of(v))->flags & kSequence)));
          DISPATCH();
        }
        TARGET(MATCH_KEYS) {
          r.sp = sp;
          Value keys = TOP();
          Value subject = PEEK(2);
          std::int64_t n = tuple_length(keys);
          Value values = tuple_new(t, std::size_t(n));
          ERROR_IF(!values);
          bool all = true;
          Value get = getattr(t, subject, intern_literal(t, "get"));
          ERROR_IF(!get);
          Value dummy = allocate(t, Layout::Instance, type_value(T_object), sizeof(Object));
          ERROR_IF(!dummy);
          for (std::int64_t i = 0; i < n; ++i) {
            Value key = tuple_item(keys, i);
            // Keys computed at run time (Keys.KEY) may repeat one written before them.
            for (std::int64_t k = 0; k < i; ++k) {
              int same = equal(t, tuple_item(keys, k), key);
              ERROR_IF(same < 0);
              if (same) {
                Value shown = repr(t, key);
                ERROR_IF(!shown);
                raisef(t, exc(E_ValueError), "mapping pattern checks duplicate key (%s)",
                       str_utf8(shown).c_str());
                ERROR_IF(true);
              }
            }
            Value v = call2(t, get, key, dummy);
            ERROR_IF(!v);
            if (v == dummy) {
              all = false;
              break;
            }
            tuple_init(values, i, v);
          }
          PUSH(all ? values : none());
          DISPATCH();
        }
        TARGET(MATCH_CLASS) {
          r.sp = sp;
          Value kw_names = POP();
          Value cls = POP();
          Value subject = TOP();
          if (!is_layout(cls, Layout::Type)) {
            raise(t, exc(E_TypeError), "called match pattern must be a type");
            ERROR_IF(true);
          }
          if (!is_subtype(type_of(subject), cls)) {
            TOP() = none();
            DISPATCH();
          }
          // The attributes found go into a heap list: a later lookup may run Python code
          // and collect, and the collector does not see C++ containers.
          std::vector<Value> seen; // names, held by __match_args__ and kw_names
          Value attrs = list_new(t);
          ERROR_IF(!attrs);
          std::int64_t npos = arg;
          if (npos) {
            Value match_args = getattr_opt(t, cls, name(N___match_args__));
            ERROR_IF(!match_args && t.pending);
            bool self_match = false;
            for (TypeId id : {T_bool, T_bytearray, T_bytes, T_dict, T_float, T_frozenset, T_int,
                              T_list, T_set, T_str, T_tuple})
              if (is_subtype(cls, type_value(id)) && !(rd<TypeObject>(cls)->flags & kHeapType))
                self_match = true;
            if (!match_args) {
              if (self_match && npos == 1) {
                ERROR_IF(!list_append(t, attrs, subject));
              } else {
                raisef(t, exc(E_TypeError), "%s() accepts 0 positional sub-patterns (%lld given)",
                       type_name(cls).c_str(), (long long)npos);
                ERROR_IF(true);
              }
            } else {
              if (!isinstance(match_args, T_tuple)) {
                raisef(t, exc(E_TypeError), "%s.__match_args__ must be a tuple (got %s)",
                       type_name(cls).c_str(), type_name_of(match_args).c_str());
                ERROR_IF(true);
              }
              if (tuple_length(match_args) < npos) {
                raisef(t, exc(E_TypeError),
                       "%s() accepts %lld positional sub-pattern%s (%lld given)",
                       type_name(cls).c_str(), (long long)tuple_length(match_args),
                       tuple_length(match_args) == 1 ? "" : "s", (long long)npos);
                ERROR_IF(true);
              }
              for (std::int64_t i = 0; i < npos; ++i) {
                Value attr_name = tuple_item(match_args, i);
                if (!(attr_name.is_object() && is_exact(attr_name, T_str))) {
                  raisef(t, exc(E_TypeError), "__match_args__ elements must be strings (got %s)",
                         type_name_of(attr_name).c_str());
                  ERROR_IF(true);
                }
                ERROR_IF(!note_match_attribute(t, cls, attr_name, seen));
                Value v = getattr_opt(t, subject, attr_name);
                ERROR_IF(!v && t.pending);
                if (!v) {
                  npos = -1;
                  break;
                }
                ERROR_IF(!list_append(t, attrs, v));
              }
            }
          }
          if (npos >= 0) {
            for (std::int64_t i = 0; i < tuple_length(kw_names); ++i) {
              ERROR_IF(!note_match_attribute(t, cls, tuple_item(kw_names, i), seen));
              Value v = getattr_opt(t, subject, tuple_item(kw_names, i));
              ERROR_IF(!v && t.pending);
              if (!v) {
                npos = -1;
                break;
              }
              ERROR_IF(!list_append(t, attrs, v));
            }
          }
          if (npos < 0) {
            TOP() = none();
            DISPATCH();
          }
          Value result = list_to_tuple(t, attrs);
          ERROR_IF(!result);
          TOP() = result;
          DISPATCH();
        }
        TARGET(MAKE_FUNCTION) {
          r.sp = sp;
          Value code = POP();
          Value closure = (arg & 8) ? POP() : Value();
          Value annotations = (arg & 4) ? POP() : Value();
          Value kwdefaults = (arg & 2) ? POP() : Value();
          Value defaults = (arg & 1) ? POP() : Value();
          Value fn = function_new(t, code, r.f->globals, {});
          ERROR_IF(!fn);
          FunctionObject* o = fresh<FunctionObject>(fn);
          o->closure = closure;
          o->kwdefaults = kwdefaults;
          o->defaults = defaults;
          if (annotations && isinstance(annotations, T_tuple)) {
            Value d = dict_new(t);
            ERROR_IF(!d);
            for (std::int64_t i = 0; i + 1 < tuple_length(annotations); i += 2)
              ERROR_IF(!dict_set(t, d, tuple_item(annotations, i), tuple_item(annotations, i + 1)));
            annotations = d;
          }
          fresh<FunctionObject>(fn)->annotations = annotations;
          PUSH(fn);
          DISPATCH();
        }
        TARGET(KW_NAMES)
        t.kwnames = r.consts[arg];
        DISPATCH();
        TARGET(CALL) {
          Value kwnames = t.kwnames;
          t.kwnames = {};
          Value* base = sp - arg - 2;
          Value callable = base[0], self = base[1];
          const Value* args = sp - arg;
          std::size_t nargs = arg;
          if (!callable) {
            callable = self;
            self = {};
          }
          Value function, bound_self = self;
          // LOAD_METHOD leaves (function, self); a bound method under a non-null second
          // slot is the other shape, where that slot is the first argument: a with
          // statement's exit is CALL 2 on (__exit__, None, None, None).
          bool slot_is_argument =
              self && callable.is_object() && is_layout(callable, Layout::Method);
          if (inline_call(callable, function, bound_self) &&
              (!self || bound_self == self || slot_is_argument)) {
            r.sp = sp;
            Value frame = frame_for_call(t, function, bound_self ? bound_self : Value(),
                                         slot_is_argument ? base + 1 : args,
                                         slot_is_argument ? nargs + 1 : nargs, kwnames, r.frame);
            ERROR_IF(!frame || !within_recursion_limit(t, frame));
            sp = base;
            r.sp = sp;
            r.enter(t, frame);
            continue;
          }
          // next(gen), next(gen, default), gen.send(v), gen.__next__(): the generator runs as
          // a frame of this loop, as FOR_ITER resumes it, not in a nested loop. Only the
          // default stays on the stack, where the value yielded will replace it.
          Value gen, sent;
          bool with_default;
          if (!kwnames && is_generator_call(callable, self, args, nargs, gen, sent, with_default)) {
            r.sp = sp;
            if (Value gen_frame = generator_resume_inline(t, gen, sent, r.frame)) {
              Value fallback = with_default ? args[1] : Value();
              sp = base;
              if (with_default) *sp++ = fallback;
              r.sp = sp;
              r.enter(t, gen_frame);
              continue;
            }
            ERROR_IF(t.pending);
          }
          Value init;
          if (!base[0] && inline_instantiation(&r.code[lasti], callable, init)) {
            // The instance is made here and __init__ runs as a frame of this loop; its
            // RETURN_VALUE gives the caller the instance (kFrameDiscardResult).
            r.sp = sp;
            Value frame = instantiation_frame(t, callable, init, sp - arg, nargs, kwnames, r.frame);
            ERROR_IF(!frame || !within_recursion_limit(t, frame));
            sp = base;
            r.sp = sp;
            r.enter(t, frame);
            continue;
          }
          r.sp = sp;
          Value res;
          // sys.setprofile: calls of builtin functions are 'c_call' and 'c_return' (or
          // 'c_exception'), with the function bound to its object as CPython shows it.
          Value profiled;
          if (t.profiling && callable.is_object() && is_layout(callable, Layout::Native))
              [[unlikely]] {
            profiled = self ? method_new(t, callable, self) : callable;
            r.save();
            bool reported = profiled && profile_event(t, r.frame, "c_call", profiled);
            r.load(r.frame);
            ERROR_IF(!reported);
          }
          // The callee may run Python code that looks at this frame's line (a warning's
          // stacklevel, sys._getframe): the frame records where it is.
          r.f->pc = r.pc;
          t.outermost_call_args = outermost && !self ? args : nullptr;
          if (self) {
            // (callable, self, args...) on the stack: self and the arguments are contiguous.
            res = call(t, callable, base + 1, nargs + 1, kwnames);
          } else {
            res = call(t, callable, args, nargs, kwnames);
          }
          if (profiled) [[unlikely]] {
            r.save();
            if (!profile_event(t, r.frame, res ? "c_return" : "c_exception", profiled)) res = {};
            r.load(r.frame);
          }
          ERROR_IF(!res);
          sp = base;
          PUSH(res);
          if (t.tracing) [[unlikely]]
            targets = kTracedTargets;
          DISPATCH();
        }
        TARGET(CALL_FUNCTION_EX) {
          r.sp = sp;
          Value kwargs = (arg & 1) ? POP() : Value();
          Value args = POP();
          Value callable = POP();
          Value null_slot = POP();
          if (!callable)
            callable = null_slot;
          else if (null_slot) {
            // (callable, self) pair: prepend self.
            Value self_tuple = tuple_from(t, &null_slot, 1);
            ERROR_IF(!self_tuple);
            Value joined = binary_op(t, self_tuple, tuple_of(t, args, true), BinaryOp::Add);
            ERROR_IF(!joined);
            args = joined;
          }
          if (!isinstance(args, T_tuple) || !is_exact(args, T_tuple)) {
            Value converted = tuple_of(t, args, true);
            // Only an object that cannot be iterated gets this message: a TypeError from
            // inside the iteration (a generator's body) goes on as it is.
            bool iterable = type_lookup(type_of(args), name(N___iter__)) ||
                            type_lookup(type_of(args), name(N___getitem__));
            if (!converted && !iterable && matches(t, exc(E_TypeError))) {
              clear_pending(t);
              std::string fname = function_text(t, callable);
              raisef(t, exc(E_TypeError), "%s() argument after * must be an iterable, not %s",
                     fname.c_str(), type_name_of(args).c_str());
            }
            ERROR_IF(!converted);
            args = converted;
          }
          if (kwargs && !dict_check(kwargs)) {
            Value d = dict_new(t);
            ERROR_IF(!d);
            if (!dict_update(t, d, kwargs)) {
              if (matches(t, exc(E_AttributeError)) || matches(t, exc(E_TypeError))) {
                clear_pending(t);
                raisef(t, exc(E_TypeError), "argument after ** must be a mapping, not %s",
                       type_name_of(kwargs).c_str());
              }
              ERROR_IF(true);
            }
            kwargs = d;
          }
          // A plain Python function, or a plain class's __init__, runs as a frame of this
          // loop, as with CALL.
          Value function, bound_self, init;
          bool plain_function = inline_call(callable, function, bound_self);
          if (plain_function || inline_instantiation(&r.code[lasti], callable, init)) {
            std::vector<Value> all;
            for (std::int64_t i = 0; i < tuple_length(args); ++i)
              all.push_back(tuple_item(args, i));
            Value kwnames;
            if (kwargs && dict_length(kwargs)) {
              kwnames = tuple_new(t, std::size_t(dict_length(kwargs)));
              ERROR_IF(!kwnames);
              std::int64_t pos = 0, i = 0;
              Value k, v;
              while (dict_next(kwargs, pos, k, v)) {
                if (!str_check(k)) {
                  raise(t, exc(E_TypeError), "keywords must be strings");
                  ERROR_IF(true);
                }
                tuple_init(kwnames, i++, k);
                all.push_back(v);
              }
            }
            Value frame = plain_function ? frame_for_call(t, function, bound_self, all.data(),
                                                          all.size(), kwnames, r.frame)
                                         : instantiation_frame(t, callable, init, all.data(),
                                                               all.size(), kwnames, r.frame);
            keep_alive(args); // `all` holds copies of their items until the frame has them
            keep_alive(kwargs);
            ERROR_IF(!frame || !within_recursion_limit(t, frame));
            r.sp = sp;
            r.enter(t, frame);
            continue;
          }
          bool profiled =
              t.profiling && callable.is_object() && is_layout(callable, Layout::Native);
          if (profiled) [[unlikely]] {
            r.save();
            bool reported = profile_event(t, r.frame, "c_call", callable);
            r.load(r.frame);
            ERROR_IF(!reported);
          }
          r.f->pc = r.pc;
          Value res = call_ex(t, callable, args, kwargs);
          if (profiled) [[unlikely]] {
            r.save();
            if (!profile_event(t, r.frame, res ? "c_return" : "c_exception", callable)) res = {};
            r.load(r.frame);
          }
          ERROR_IF(!res);
          PUSH(res);
          if (t.tracing) [[unlikely]]
            targets = kTracedTargets;
          DISPATCH();
        }
        TARGET(RETURN_VALUE) {
          Value retval = POP();
          r.sp = sp;
          if (t.profiling || t.tracing) [[unlikely]] {
            r.save();
            bool reported = hooks_leaving(t, r.frame, retval, false);
            r.load(r.frame);
            if (!reported) goto error;
          }
          std::int64_t flags = r.f->flags;
          Value back = r.f->back;
          r.save();
          if (flags & (kFrameResumed | kFrameGenerator | kFrameDiscardResult | kFrameEntry))
              [[unlikely]] {
            if (flags & kFrameResumed) {
              // A generator resumed by FOR_ITER/SEND of the frame below ends: the loop ends
              // (FOR_ITER) or the `yield from` has its value (SEND).
              Value receiver = rd<FrameObject>(r.frame)->generator;
              generator_leave_inline(t, r.frame, true);
              r.load(back);
              t.frame = back;
              Instruction resumer = r.code[r.pc - 1];
              if (t.tracing && op_of(resumer) != Op::CALL) [[unlikely]] {
                bool reported = trace_iteration_end(t, r.frame, receiver, none(), retval);
                r.load(r.frame);
                if (!reported) {
                  lasti = r.pc - 1;
                  goto error;
                }
              }
              if (op_of(resumer) == Op::CALL) {
                // next(gen, default) gives the default, kept on the stack; next(gen) and
                // send() raise StopIteration with the return value.
                if (arg_of(resumer) == 2) continue;
                stop_iteration_with(t, retval);
                lasti = r.pc - 1;
                goto error;
              }
              r.pc = arg_of(resumer);
              if (op_of(resumer) == Op::SEND)
                r.sp[-1] = retval;
              else
                --r.sp;
              continue;
            }
            if (flags & kFrameGenerator) {
              wr<FrameObject>(r.frame)->pc = -1; // finished
              return retval;
            }
            if (flags & kFrameEntry) return retval;
            // __init__ returns (kFrameDiscardResult): its caller gets the instance.
            if (retval != none()) {
              r.load(back);
              t.frame = back;
              raisef(t, exc(E_TypeError), "__init__() should return None, not '%s'",
                     type_name_of(retval).c_str());
              lasti = r.pc - 1;
              goto error;
            }
            retval = r.f->instance;
          }
          release_frame(t, r.frame);
          r.load(back);
          t.frame = back;
          *r.sp++ = retval;
          continue;
        }
        TARGET(YIELD_VALUE) {
          Value v = POP();
          r.sp = sp;
          if (t.profiling || t.tracing) [[unlikely]] {
            r.save();
            bool reported = hooks_leaving(t, r.frame, v, true);
            r.load(r.frame);
            if (!reported) goto error;
          }
          r.save();
          if (r.f->flags & kFrameResumed) {
            // Back to the FOR_ITER/SEND/CALL that resumed this generator, with the value
            // (in place of next()'s default, which waited on the stack).
            Value back = r.f->back;
            generator_leave_inline(t, r.frame, false);
            r.load(back);
            t.frame = back;
            Instruction resumer = r.code[r.pc - 1];
            if (op_of(resumer) == Op::CALL && arg_of(resumer) == 2)
              r.sp[-1] = v;
            else
              *r.sp++ = v;
            continue;
          }
          yielded = true;
          return v;
        }
        TARGET(GET_YIELD_FROM_ITER) {
          r.sp = sp;
          Value v = TOP();
          if (v.is_object() && is_layout(v, Layout::Generator) &&
              ro<GeneratorObject>(v)->kind == interp::kCoroutine &&
              !(r.unit->flags & (bytecode::kCoroutine | bytecode::kIterableCoroutine))) {
            raise(t, exc(E_TypeError),
                  "cannot 'yield from' a coroutine object in a non-coroutine generator");
            ERROR_IF(true);
          }
          if (!(v.is_object() && is_layout(v, Layout::Generator))) {
            Value it = iter(t, v);
            ERROR_IF(!it);
            TOP() = it;
          }
          DISPATCH();
        }
        TARGET(SEND) {
          r.sp = sp;
          Value v = POP();
          Value receiver = TOP();
          Value res;
          bool finished = false;
          if (receiver.is_object() && is_layout(receiver, Layout::Generator)) {
            if (Value gen_frame = generator_resume_inline(t, receiver, v, r.frame)) {
              r.sp = sp;
              r.enter(t, gen_frame);
              continue;
            }
            ERROR_IF(t.pending);
            res = generator_send(t, receiver, v, finished);
            ERROR_IF(!res);
          } else if (v == none() && receiver.is_object() && is_layout(receiver, Layout::Iterator)) {
            res = next(t, receiver);
            if (!res) {
              ERROR_IF(t.pending);
              res = none();
              finished = true;
            }
          } else if (v == none()) {
            // An awaitable's iterator ends with StopIteration(value): the await's result.
            res = call_method(t, receiver, N___next__, nullptr, 0);
            if (!res && matches(t, exc(E_StopIteration))) {
              Value e = fetch_pending(t);
              res = rd<ExceptionObject>(e)->extra[0];
              if (!res) res = none();
              finished = true;
            }
            ERROR_IF(!res);
          } else {
            res = call_method(t, receiver, N_send, &v, 1);
            if (!res && matches(t, exc(E_StopIteration))) {
              Value e = fetch_pending(t);
              res = rd<ExceptionObject>(e)->extra[0];
              if (!res) res = none();
              finished = true;
            }
            ERROR_IF(!res);
          }
          if (finished) {
            if (t.tracing) [[unlikely]] {
              r.sp = sp;
              r.save();
              bool reported = trace_iteration_end(t, r.frame, receiver, v, res);
              r.load(r.frame);
              sp = r.sp;
              ERROR_IF(!reported);
            }
            TOP() = res;
            r.pc = arg;
          } else {
            PUSH(res);
          }
          DISPATCH();
        }
        TARGET(ASYNC_GEN_WRAP) {
          // Marks the value of an async generator's `yield` for its awaitables (generator.cc).
          r.sp = sp;
          Value w = async_gen_wrap(t, TOP());
          ERROR_IF(!w);
          TOP() = w;
          DISPATCH();
        }
        TARGET(GET_AWAITABLE) {
          r.sp = sp;
          Value it = awaitable_iter(t, TOP(), int(bytecode::arg_of(insn)));
          ERROR_IF(!it);
          TOP() = it;
          DISPATCH();
        }
        TARGET(GET_AITER) {
          r.sp = sp;
          Value it = call_special(t, TOP(), N___aiter__,
                                  "'async for' requires an object with __aiter__ method, got %s");
          ERROR_IF(!it);
          TOP() = it;
          DISPATCH();
        }
        TARGET(GET_ANEXT) {
          r.sp = sp;
          Value awaitable =
              call_special(t, TOP(), N___anext__,
                           "'async for' requires an iterator with __anext__ method, got %s");
          ERROR_IF(!awaitable);
          if (!(awaitable.is_object() && is_layout(awaitable, Layout::Generator))) {
            Value it = awaitable_iter(t, awaitable, 0);
            if (!it) {
              // The reason becomes the cause of what async for reports.
              Value cause = fetch_pending(t);
              raisef(t, exc(E_TypeError),
                     "'async for' received an invalid object from __anext__: %s",
                     type_name_of(awaitable).c_str());
              if (cause && t.pending) {
                wr<ExceptionObject>(t.pending)->cause = cause;
                wr<ExceptionObject>(t.pending)->context = cause;
                wr<ExceptionObject>(t.pending)->suppress_context = runtime().true_;
              }
              ERROR_IF(true);
            }
            awaitable = it;
          }
          PUSH(awaitable);
          DISPATCH();
        }
        TARGET(END_ASYNC_FOR) {
          r.sp = sp;
          Value e = POP();
          if (is_subtype(type_of(e), exc(E_StopAsyncIteration))) {
            --sp; // the async iterator
            t.handled = {};
            DISPATCH();
          }
          t.pending = e;
          new_traceback = false;
          goto error;
        }
        TARGET(BEFORE_WITH)
        TARGET(BEFORE_ASYNC_WITH) {
          r.sp = sp;
          bool async = op_of(insn) == Op::BEFORE_ASYNC_WITH;
          Value mgr = TOP();
          Value enter = lookup_special(t, mgr, async ? N___aenter__ : N___enter__);
          if (!enter) {
            if (!t.pending)
              raisef(t, exc(E_TypeError),
                     async
                         ? "'%s' object does not support the asynchronous context manager protocol"
                         : "'%s' object does not support the context manager protocol",
                     type_name_of(mgr).c_str());
            ERROR_IF(true);
          }
          Value exit = lookup_special(t, mgr, async ? N___aexit__ : N___exit__);
          if (!exit) {
            if (!t.pending)
              raisef(t, exc(E_TypeError),
                     async
                         ? "'%s' object does not support the asynchronous context manager protocol "
                           "(missed __aexit__ method)"
                         : "'%s' object does not support the context manager protocol (missed "
                           "__exit__ method)",
                     type_name_of(mgr).c_str());
            ERROR_IF(true);
          }
          // A plain Python __enter__ (a Condition's, a class's own) runs as a frame of this
          // loop, which pushes its result here: a wait in it is then an ordinary wait of
          // this loop, not a nested one that commits and goes on inevitably.
          Value function, bound_self;
          if (!async && inline_call(enter, function, bound_self)) {
            Value frame = frame_for_call(t, function, bound_self, nullptr, 0, {}, r.frame);
            ERROR_IF(!frame || !within_recursion_limit(t, frame));
            TOP() = exit;
            r.sp = sp;
            r.enter(t, frame);
            continue;
          }
          // The manager stays on the stack until __enter__ returns: one that must wait (a
          // lock) runs the instruction again.
          Value res = call0(t, enter);
          ERROR_IF(!res);
          TOP() = exit;
          PUSH(res);
          DISPATCH();
        }
        TARGET(WITH_EXCEPT_START) {
          r.sp = sp;
          Value e = TOP();
          Value exit = PEEK(4);
          Value tb = rd<ExceptionObject>(e)->traceback;
          Value argv[3] = {type_of(e), e, tb ? tb : none()};
          Value res = call(t, exit, argv, 3);
          ERROR_IF(!res);
          PUSH(res);
          DISPATCH();
        }
        TARGET(PUSH_EXC_INFO) {
          Value e = POP();
          Value prev = t.handled ? t.handled : none();
          // A generator's outermost handler saves the generator's own state (none: see
          // generator.cc), not the exception of whoever resumed it then.
          if (r.f->flags & kFrameGenerator) {
            GeneratorObject* g = wr<GeneratorObject>(r.f->generator);
            if (!in_own_handler(g)) prev = none();
            g->handlers = Value::small_int((g->handlers ? g->handlers.small_int_value() : 0) + 1);
          }
          PUSH(prev);
          t.handled = e;
          PUSH(e);
          DISPATCH();
        }
        TARGET(POP_EXCEPT) {
          end_handler(t, r.f, POP());
          DISPATCH();
        }
        TARGET(CHECK_EXC_MATCH) {
          r.sp = sp;
          Value right = POP();
          Value left = TOP();
          auto is_exc_class = [](Value v) {
            return v.is_object() && is_layout(v, Layout::Type) &&
                   is_subtype(v, exc(E_BaseException));
          };
          bool ok = is_exc_class(right);
          if (!ok && right.is_object() && isinstance(right, T_tuple)) {
            ok = true;
            for (std::int64_t i = 0; i < tuple_length(right); ++i)
              if (!is_exc_class(tuple_item(right, i))) ok = false;
          }
          if (!ok) {
            raise(t, exc(E_TypeError),
                  "catching classes that do not inherit from BaseException is not allowed");
            ERROR_IF(true);
          }
          bool match;
          if (isinstance(right, T_tuple)) {
            match = false;
            for (std::int64_t i = 0; i < tuple_length(right); ++i)
              if (is_subtype(type_of(left), tuple_item(right, i))) match = true;
          } else {
            match = is_subtype(type_of(left), right);
          }
          PUSH(py_bool(match));
          DISPATCH();
        }
        TARGET(CHECK_EG_MATCH) {
          r.sp = sp;
          Value right = POP();
          Value left = TOP();
          auto is_exc_class = [](Value v) {
            return v.is_object() && is_layout(v, Layout::Type) &&
                   is_subtype(v, exc(E_BaseException));
          };
          bool is_tuple = right.is_object() && isinstance(right, T_tuple);
          bool ok = is_exc_class(right),
               has_group = ok && is_subtype(right, exc(E_BaseExceptionGroup));
          if (!ok && is_tuple) {
            ok = true;
            for (std::int64_t i = 0; i < tuple_length(right); ++i) {
              Value c = tuple_item(right, i);
              if (!is_exc_class(c))
                ok = false;
              else if (is_subtype(c, exc(E_BaseExceptionGroup)))
                has_group = true;
            }
          }
          if (!ok) {
            raise(t, exc(E_TypeError),
                  "catching classes that do not inherit from BaseException is not allowed");
            ERROR_IF(true);
          }
          if (has_group) {
            raise(t, exc(E_TypeError),
                  "catching ExceptionGroup with except* is not allowed. Use except instead.");
            ERROR_IF(true);
          }
          Value match, rest;
          ERROR_IF(!exception_group_match(t, left, right, match, rest));
          if (match == none()) {
            PUSH(match);
          } else {
            // [exc] becomes [rest, match]; the handler sees the match as sys.exc_info().
            TOP() = rest;
            PUSH(match);
            t.handled = match;
          }
          DISPATCH();
        }
        TARGET(PREP_RERAISE_STAR) {
          r.sp = sp;
          Value excs = POP();
          Value orig = POP();
          r.sp = sp;
          Value v = exception_group_prep_reraise(t, orig, excs);
          ERROR_IF(!v);
          PUSH(v);
          DISPATCH();
        }
        TARGET(RERAISE) {
          Value e = POP();
          r.f->lasti = lasti;
          if (arg) {
            Value last = PEEK(arg);
            if (last.is_small_int()) r.f->lasti = last.small_int_value();
          }
          r.sp = sp;
          t.pending = e;
          new_traceback = false; // the exception already has this frame's entry
          goto error;
        }
        TARGET(RAISE_VARARGS) {
          r.sp = sp;
          if (arg == 0) {
            if (!t.handled) {
              raise(t, exc(E_RuntimeError), "No active exception to reraise");
              ERROR_IF(true);
            }
            t.pending = t.handled;
            r.sp = sp;
            r.f->lasti = lasti;
            new_traceback = false;
            goto error;
          }
          Value cause = arg == 2 ? POP() : Value();
          Value e = POP();
          r.sp = sp;
          if (e.is_object() && is_layout(e, Layout::Type) && is_subtype(e, exc(E_BaseException))) {
            e = exception_from_class(t, e);
            ERROR_IF(!e);
          } else if (!exception_check(e)) {
            raise(t, exc(E_TypeError), "exceptions must derive from BaseException");
            ERROR_IF(true);
          }
          if (cause) {
            if (cause == none()) {
            } else if (cause.is_object() && is_layout(cause, Layout::Type) &&
                       is_subtype(cause, exc(E_BaseException))) {
              cause = exception_from_class(t, cause);
              ERROR_IF(!cause);
            } else if (!exception_check(cause)) {
              raise(t, exc(E_TypeError), "exception causes must derive from BaseException");
              ERROR_IF(true);
            }
            ExceptionObject* w = wr<ExceptionObject>(e);
            w->cause = cause;
            w->suppress_context = runtime().true_;
          }
          t.pending = e;
          takes_context = 1;
          ERROR_IF(true);
          DISPATCH();
        }
        TARGET(IMPORT_NAME) {
          r.sp = sp;
          r.f->pc = r.pc; // a module's warnings at import name this line
          Value fromlist = POP();
          Value level = TOP();
          Value import = mapping_get(t, r.f->builtins, name(N___import__));
          if (!import) {
            raise(t, exc(E_ImportError), "__import__ not found");
            ERROR_IF(true);
          }
          Value argv[5] = {name_at(r, arg), r.f->globals, r.f->locals ? r.f->locals : none(),
                           fromlist, level};
          Value m = call(t, import, argv, 5);
          ERROR_IF(!m);
          TOP() = m;
          DISPATCH();
        }
        TARGET(IMPORT_FROM) {
          r.sp = sp;
          Value module = TOP();
          Value n = name_at(r, arg);
          Value v = getattr_opt(t, module, n);
          ERROR_IF(!v && t.pending);
          if (!v) {
            // A submodule being imported may be in sys.modules only.
            Value pkg = getattr_opt(t, module, name(N___name__));
            if (t.pending) clear_pending(t);
            if (pkg && str_check(pkg)) {
              Value modules = getattr(t, runtime().sys_module, name(N_modules));
              if (modules) {
                Value full = str_from_utf8(t, str_utf8(pkg) + "." + str_utf8(n));
                bool error;
                v = full ? dict_get(t, modules, full, error) : Value();
              }
              if (t.pending) clear_pending(t);
            }
            if (!v) {
              Value file = getattr_opt(t, module, name(N___file__));
              if (t.pending) clear_pending(t);
              std::string mod = pkg && str_check(pkg) ? str_utf8(pkg) : "<unknown module name>";
              if (file && str_check(file))
                raisef(t, exc(E_ImportError), "cannot import name '%s' from '%s' (%s)",
                       str_utf8(n).c_str(), mod.c_str(), str_utf8(file).c_str());
              else
                raisef(t, exc(E_ImportError),
                       "cannot import name '%s' from '%s' (unknown location)", str_utf8(n).c_str(),
                       mod.c_str());
              // ImportError.name and .path, as CPython sets them.
              if (t.pending && is_layout(t.pending, Layout::Exception)) {
                wr<ExceptionObject>(t.pending)->extra[1] = pkg && str_check(pkg) ? pkg : none();
                wr<ExceptionObject>(t.pending)->extra[2] = file && str_check(file) ? file : none();
              }
              ERROR_IF(true);
            }
          }
          PUSH(v);
          DISPATCH();
        }
        TARGET(IMPORT_STAR) {
          r.sp = sp;
          Value module = POP();
          Value locals = r.f->locals;
          Value all = getattr_opt(t, module, name(N___all__));
          ERROR_IF(!all && t.pending);
          Value mdict = rd<Object>(module)->dict;
          if (all) {
            Value items = tuple_of(t, all);
            ERROR_IF(!items);
            for (std::int64_t i = 0; i < tuple_length(items); ++i) {
              Value n = tuple_item(items, i);
              Value v = getattr(t, module, n);
              ERROR_IF(!v);
              ERROR_IF(
                  !(dict_check(locals) ? dict_set(t, locals, n, v) : setitem(t, locals, n, v)));
            }
          } else if (mdict) {
            std::int64_t pos = 0;
            Value k, v;
            std::vector<std::pair<Value, Value>> pairs;
            while (dict_next(mdict, pos, k, v))
              if (str_check(k) && !(str_length(k) > 0 && str_at(k, 0) == '_'))
                pairs.emplace_back(k, v);
            for (auto& [key, value] : pairs)
              ERROR_IF(!(dict_check(locals) ? dict_set(t, locals, key, value)
                                            : setitem(t, locals, key, value)));
          }
          DISPATCH();
        }
        TARGET(SETUP_ANNOTATIONS) {
          r.sp = sp;
          Value locals = r.f->locals;
          Value existing = mapping_get(t, locals, name(N___annotations__));
          ERROR_IF(!existing && t.pending);
          if (!existing) {
            Value d = dict_new(t);
            ERROR_IF(!d);
            ERROR_IF(!(dict_check(locals) ? dict_set(t, locals, name(N___annotations__), d)
                                          : setitem(t, locals, name(N___annotations__), d)));
          }
          DISPATCH();
        }
        TARGET(PRINT_EXPR) {
          r.sp = sp;
          Value v = POP();
          Value hook = getattr_opt(t, runtime().sys_module, intern_literal(t, "displayhook"));
          if (!hook && !t.pending) raise(t, exc(E_RuntimeError), "lost sys.displayhook");
          ERROR_IF(!hook);
          ERROR_IF(!call1(t, hook, v));
          DISPATCH();
        }
      default:
      L_unknown:
        raisef(t, exc(E_SystemError), "unknown opcode %u", unsigned(op_of(insn)));
        ERROR_IF(true);
      }
    L_traced:
      // sys.settrace: the fetched instruction runs from the boundary, after its 'line'.
      r.pc = lasti;
    checkpoint:
      r.sp = sp;
      continue;

    error:
      if (!t.pending && t.collect == CollectState::Requested) {
        // gc.collect(), called by this instruction: leave the loop with the frames saved
        // at it, so that it runs again once the outermost loop has collected.
        if (outermost && t.c_depth == 1 && !stm::atomic_depth()) {
          r.sp = insn_sp;
          r.pc = lasti;
          r.save();
          leave_to_collect(t, r.frame);
          return {};
        }
        // Not reached (gc.collect asks only this loop), but a loop that cannot break
        // collects inside the transaction and runs the instruction again.
        gc::collect();
        t.collect = CollectState::Done;
        r.sp = insn_sp;
        r.pc = lasti;
        continue;
      }
      if (!t.pending && t.block_on) {
        // The instruction must wait (a lock): run it again after waiting outside any
        // transaction. The outermost loop breaks the transaction there. Inside a nested
        // loop it cannot start again from a saved frame: it commits what it did so far
        // and goes on inevitably after the wait. (Aborting to wait in the outermost loop
        // instead undoes what the wait depends on: work handed to other threads, a lock
        // taken earlier in the same call, a Condition's waiter.)
        if (!stm::atomic_depth()) {
          r.sp = insn_sp;
          r.pc = lasti;
          r.save();
          if (outermost && t.c_depth == 1)
            wait_outside(t, r.frame);
          else
            wait_outside_nested(t, r.frame);
          r.load(r.frame);
          continue;
        }
        t.block_on = {};
        raise(t, exc(E_RuntimeError),
              "pypy-stm: a blocking wait inside an atomic block is not supported yet");
      }
      // The instruction at `lasti` raised: record where, then find a handler.
      if (new_traceback) {
        // A new exception raised while another is handled gets it as __context__. One that
        // comes out of a native call with a traceback was raised further in, and has its
        // context from there.
        Value e = t.pending;
        if (e && exception_check(e) && t.handled && t.handled != e && exception_check(t.handled) &&
            (takes_context > 0 ||
             (takes_context == 0 && !truthy_traceback(rd<ExceptionObject>(e)->traceback)))) {
          // As 3.11's _PyErr_SetObject: the handled exception becomes the context, and a
          // link back to `e` in its own chain is cut so that no cycle forms (a cycle there
          // already is left alone: Floyd's walk stops on it).
          Value o = t.handled, slow = o;
          for (bool step_slow = false;; step_slow = !step_slow) {
            Value ctx = rd<ExceptionObject>(o)->context;
            if (!ctx || !exception_check(ctx)) break;
            if (ctx == e) {
              wr<ExceptionObject>(o)->context = none();
              break;
            }
            o = ctx;
            if (o == slow) break;
            if (step_slow) slow = rd<ExceptionObject>(slow)->context;
          }
          wr<ExceptionObject>(e)->context = t.handled;
        }
        r.f->lasti = lasti;
        add_traceback(t, r.frame, lasti);
        if (t.tracing) [[unlikely]] {
          r.save();
          trace_exception(t, r.frame); // its own exception, if any, replaces this one
          r.load(r.frame);
        }
      }
      std::int64_t where = lasti;
      for (;;) {
        const ExceptionEntry* handler = nullptr;
        for (const ExceptionEntry& entry : r.unit->exception_table)
          if (std::int64_t(entry.start) <= where && where < std::int64_t(entry.end)) {
            handler = &entry;
            break;
          }
        if (handler) {
          Value e = fetch_pending(t);
          Value* hsp = r.stack + handler->depth;
          if (handler->push_lasti) *hsp++ = Value::small_int(r.f->lasti);
          *hsp++ = e;
          r.sp = hsp;
          r.pc = handler->target;
          break;
        }
        // No handler here: the frame ends with the exception. Its f_lineno stays the
        // line of the instruction that raised (a RERAISE put back the one that raised
        // first), as 3.11's frame->prev_instr, also for the 'return' event (with None)
        // that follows (an exception of the hook's function takes the place of this one).
        r.pc = r.f->lasti + 1;
        if (t.profiling || t.tracing) [[unlikely]] {
          r.save();
          hooks_leaving(t, r.frame, {}, false);
          r.load(r.frame);
        }
        std::int64_t flags = r.f->flags;
        r.save();
        Value back = r.f->back;
        if (flags & kFrameResumed) {
          // Out of a generator resumed by this loop, into its resumer.
          generator_leave_inline(t, r.frame, true);
        } else if (flags & kFrameGenerator) {
          wr<FrameObject>(r.frame)->pc = -1;
          return {};
        } else if (flags & kFrameEntry) {
          return {};
        }
        r.load(back);
        t.frame = back;
        where = r.pc - 1;
        r.f->lasti = where;
        add_traceback(t, r.frame, where);
        if (t.tracing) [[unlikely]] {
          r.save();
          trace_exception(t, r.frame); // the caller sees it raised by the call
          r.load(r.frame);
        }
      }
    }
  }
}

} // namespace interp::vm
