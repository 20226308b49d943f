// interp/vm/frame.cc - frames, argument binding and the calls into Python code.
#include "interp/vm/frame.h"

#include "interp/compile/code_unit.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include "gc/gc.h"

#include <cstddef>
#include <cstring>
#include <vector>

namespace interp::vm {

// ---- frame reuse ---------------------------------------------------------------------------
// Every call needs a frame in the heap, and a new object costs its allocation, its copy
// out at commit and, once dead, a share of the next collection. Most frames die as their
// call returns, so the thread keeps a few of those and gives them to the next calls: deep
// recursion and hot call sites then make almost no new objects. Only frames nothing can
// reach are kept: escaped frames (tracebacks, sys._getframe) and generator frames never.

namespace {

constexpr std::size_t kFreeFramesMax = 16;
// A kept frame serves a call needing up to this many bytes less than it holds.
constexpr std::size_t kFrameSlack = 128;

bool free_frames_valid(Thread& t) {
  return t.free_frames_collections == gc::collection_count() &&
         t.free_frames_aborts == stm::thread_abort_count();
}

// A kept frame of at least `bytes` (and not much more), written as if new: 0 when none.
Value reuse_frame(Thread& t, std::size_t bytes) {
  if (t.free_frames.empty()) return {};
  if (!free_frames_valid(t)) {
    t.free_frames.clear();
    return {};
  }
  for (std::size_t i = t.free_frames.size(); i-- > 0;) {
    Value frame = t.free_frames[i];
    std::size_t size = ro<Object>(frame)->header.size;
    if (size < bytes || size > bytes + kFrameSlack) continue;
    t.free_frames.erase(t.free_frames.begin() + std::ptrdiff_t(i));
    auto* f = reinterpret_cast<char*>(wr<FrameObject>(frame));
    std::memset(f + offsetof(Object, dict), 0, size - offsetof(Object, dict));
    return frame;
  }
  return {};
}

} // namespace

void release_frame(Thread& t, Value frame) {
  if (rd<FrameObject>(frame)->flags & (kFrameEscaped | kFrameGenerator)) return;
  if (!free_frames_valid(t)) {
    t.free_frames.clear();
    t.free_frames_collections = gc::collection_count();
    t.free_frames_aborts = stm::thread_abort_count();
  }
  if (t.free_frames.size() == kFreeFramesMax) t.free_frames.erase(t.free_frames.begin());
  t.free_frames.push_back(frame);
}

void mark_escaped(Value frame) {
  for (; frame && !(rd<FrameObject>(frame)->flags & kFrameEscaped);
       frame = rd<FrameObject>(frame)->back)
    wr<FrameObject>(frame)->flags |= kFrameEscaped;
}

Value make_frame(Thread& t, Value code, Value globals, Value builtins, Value locals, Value function,
                 Value back) {
  const bytecode::CodeUnit& unit = code_unit(code);
  std::int64_t nlocals = std::int64_t(unit.varnames.size());
  std::int64_t ncells = std::int64_t(unit.cellvars.size() + unit.freevars.size());
  std::int64_t stacksize = std::int64_t(unit.stacksize) + 2;
  std::size_t bytes =
      sizeof(FrameObject) + std::size_t(nlocals + ncells + stacksize) * sizeof(Value);
  Value frame = reuse_frame(t, bytes);
  if (!frame) frame = allocate(t, Layout::Frame, type_value(T_frame), bytes);
  if (!frame) return {};
  FrameObject* f = fresh<FrameObject>(frame);
  f->code = code;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = locals;
  f->function = function;
  f->back = back;
  f->nlocals = nlocals;
  f->ncells = ncells;
  f->stacksize = stacksize;
  f->depth = back ? rd<FrameObject>(back)->depth + 1 : 1;
  for (std::size_t i = 0; i < unit.cellvars.size(); ++i) {
    Value cell = cell_new(t, {});
    if (!cell) return {};
    fresh<FrameObject>(frame)->slots[nlocals + std::int64_t(i)] = cell;
  }
  return frame;
}

namespace {

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

Value missing_error(Thread& t, const std::string& fname, const std::vector<std::string>& missing,
                    const char* kind) {
  return raisef(t, exc(E_TypeError), "%s() missing %zu required %s argument%s: %s", fname.c_str(),
                missing.size(), kind, missing.size() == 1 ? "" : "s", quoted_list(missing).c_str());
}

} // namespace

bool bind_arguments(Thread& t, Value frame, Value function, Value self, const Value* args,
                    std::size_t nargs, Value kwnames) {
  const FunctionObject* fn = rd<FunctionObject>(function);
  Value code = fn->code;
  const bytecode::CodeUnit& unit = code_unit(code);
  Value defaults = fn->defaults, kwdefaults = fn->kwdefaults, closure = fn->closure;
  // Only error messages need the name: made then, not on every call.
  auto fname_of = [&] { return str_utf8(rd<FunctionObject>(function)->qualname); };
  FrameObject* f = fresh<FrameObject>(frame);
  Value* locals = f->slots;
  std::size_t nkw = kwnames ? std::size_t(tuple_length(kwnames)) : 0;
  std::size_t npos = nargs - nkw;
  std::size_t total_pos = npos + (self ? 1 : 0);
  std::size_t argcount = unit.argcount, kwonly = unit.kwonlyargcount;
  // The common call: exactly the positional parameters, nothing else to sort out.
  if (total_pos == argcount && !nkw && !kwonly && !closure && unit.cellvars.empty() &&
      !(unit.flags & (bytecode::kVarargs | bytecode::kVarKeywords))) {
    std::size_t k = 0;
    if (self) locals[k++] = self;
    for (std::size_t i = 0; i < nargs; ++i)
      locals[k++] = args[i];
    return true;
  }
  bool has_varargs = unit.flags & bytecode::kVarargs;
  bool has_varkw = unit.flags & bytecode::kVarKeywords;
  std::size_t vararg_index = argcount + kwonly;
  std::size_t varkw_index = vararg_index + (has_varargs ? 1 : 0);
  Value kwdict;
  if (has_varkw) {
    kwdict = dict_new(t);
    if (!kwdict) return false;
    fresh<FrameObject>(frame)->slots[varkw_index] = kwdict;
  }
  locals = fresh<FrameObject>(frame)->slots;
  // Positional arguments.
  std::size_t i = 0;
  auto positional = [&](std::size_t k) { return self ? (k == 0 ? self : args[k - 1]) : args[k]; };
  for (; i < total_pos && i < argcount; ++i)
    locals[i] = positional(i);
  if (has_varargs) {
    std::size_t extra = total_pos > argcount ? total_pos - argcount : 0;
    Value tuple = tuple_new(t, extra);
    if (!tuple) return false;
    for (std::size_t k = 0; k < extra; ++k)
      tuple_init(tuple, k, positional(argcount + k));
    locals = fresh<FrameObject>(frame)->slots;
    locals[vararg_index] = tuple;
  } else if (total_pos > argcount) {
    std::size_t ndefaults = defaults ? std::size_t(tuple_length(defaults)) : 0;
    std::size_t kw_given = 0;
    for (std::size_t k = 0; k < nkw; ++k) {
      Value kn = tuple_item(kwnames, std::int64_t(k));
      for (std::size_t p = argcount; p < argcount + kwonly; ++p)
        if (str_equal_ascii(kn, unit.varnames[p])) ++kw_given;
    }
    std::string takes = ndefaults ? "from " + std::to_string(argcount - ndefaults) + " to " +
                                        std::to_string(argcount)
                                  : std::to_string(argcount);
    std::string given = std::to_string(total_pos);
    if (kw_given)
      given += " positional argument" + std::string(total_pos == 1 ? "" : "s") + " (and " +
               std::to_string(kw_given) + " keyword-only argument" + (kw_given == 1 ? "" : "s") +
               ")";
    raisef(t, exc(E_TypeError), "%s() takes %s positional argument%s but %s %s given",
           fname_of().c_str(), takes.c_str(), (ndefaults == 0 && argcount == 1) ? "" : "s",
           given.c_str(), (total_pos == 1 && !kw_given) ? "was" : "were");
    return false;
  }
  // Keyword arguments.
  std::vector<std::string> posonly_as_kw;
  for (std::size_t k = 0; k < nkw; ++k) {
    Value kn = tuple_item(kwnames, std::int64_t(k));
    Value value = args[npos + k];
    bool placed = false;
    for (std::size_t p = 0; p < argcount + kwonly; ++p) {
      if (!str_equal_ascii(kn, unit.varnames[p])) continue;
      if (p < unit.posonlyargcount) {
        if (has_varkw) break; // goes to **kwargs
        posonly_as_kw.push_back(unit.varnames[p]);
        placed = true;
        break;
      }
      locals = fresh<FrameObject>(frame)->slots;
      if (locals[p]) {
        raisef(t, exc(E_TypeError), "%s() got multiple values for argument '%s'",
               fname_of().c_str(), unit.varnames[p].c_str());
        return false;
      }
      locals[p] = value;
      placed = true;
      break;
    }
    if (placed) continue;
    if (!has_varkw) {
      raisef(t, exc(E_TypeError), "%s() got an unexpected keyword argument '%s'",
             fname_of().c_str(), str_utf8(kn).c_str());
      return false;
    }
    if (!dict_set(t, kwdict, kn, value)) return false;
  }
  if (!posonly_as_kw.empty()) {
    std::string names;
    for (std::size_t k = 0; k < posonly_as_kw.size(); ++k)
      names += (k ? ", " : "") + posonly_as_kw[k];
    raisef(t, exc(E_TypeError),
           "%s() got some positional-only arguments passed as keyword arguments: '%s'",
           fname_of().c_str(), names.c_str());
    return false;
  }
  // Defaults and what is still missing.
  locals = fresh<FrameObject>(frame)->slots;
  std::size_t ndefaults = defaults ? std::size_t(tuple_length(defaults)) : 0;
  std::vector<std::string> missing;
  for (std::size_t p = 0; p < argcount; ++p) {
    if (locals[p]) continue;
    if (p >= argcount - ndefaults)
      locals[p] = tuple_item(defaults, std::int64_t(p - (argcount - ndefaults)));
    else
      missing.push_back(unit.varnames[p]);
  }
  if (!missing.empty()) {
    missing_error(t, fname_of(), missing, "positional");
    return false;
  }
  for (std::size_t p = argcount; p < argcount + kwonly; ++p) {
    if (locals[p]) continue;
    Value d = kwdefaults ? dict_get_str(kwdefaults, intern_literal(t, unit.varnames[p].c_str()))
                         : Value();
    locals = fresh<FrameObject>(frame)->slots;
    if (d)
      locals[p] = d;
    else
      missing.push_back(unit.varnames[p]);
  }
  if (!missing.empty()) {
    missing_error(t, fname_of(), missing, "keyword-only");
    return false;
  }
  // Cells: arguments that are cells, then the closure.
  std::int64_t nlocals = std::int64_t(unit.varnames.size());
  for (std::size_t c = 0; c < unit.cell_args.size(); ++c) {
    int arg = unit.cell_args[c];
    if (arg < 0) continue;
    Value cell = locals[nlocals + std::int64_t(c)];
    wr<CellObject>(cell)->ref = locals[arg];
  }
  if (closure) {
    std::int64_t base = nlocals + std::int64_t(unit.cellvars.size());
    for (std::int64_t k = 0; k < tuple_length(closure); ++k)
      locals[base + k] = tuple_item(closure, k);
  }
  return true;
}

Value frame_for_call(Thread& t, Value function, Value self, const Value* args, std::size_t nargs,
                     Value kwnames, Value back) {
  const FunctionObject* fn = rd<FunctionObject>(function);
  Value code = fn->code;
  // A function made from a module's or a class body's code (FunctionType(code, globals))
  // stores its names in its globals, as CPython's does.
  Value locals = code_unit(code).flags & bytecode::kOptimized ? Value() : fn->globals;
  Value frame = make_frame(t, code, fn->globals, fn->builtins, locals, function, back);
  if (!frame) return {};
  if (!bind_arguments(t, frame, function, self, args, nargs, kwnames)) return {};
  return frame;
}

Value call_function(Thread& t, Value function, Value self, const Value* args, std::size_t nargs,
                    Value kwnames) {
  Value back = current_frame(t);
  Value frame = frame_for_call(t, function, self, args, nargs, kwnames, back);
  if (!frame) return {};
  const bytecode::CodeUnit& unit = code_unit(rd<FunctionObject>(function)->code);
  if (unit.flags & (bytecode::kGenerator | bytecode::kCoroutine | bytecode::kAsyncGenerator)) {
    fresh<FrameObject>(frame)->back = {};
    return generator_new(t, frame, rd<FunctionObject>(function)->code);
  }
  fresh<FrameObject>(frame)->flags |= kFrameEntry;
  bool yielded;
  Value result = eval(t, frame, false, yielded);
  // As a frame of the loop's own calls is when it returns (an operator's __add__, a
  // property's getter): the next nested call reuses it unless something kept it.
  if (result) release_frame(t, frame);
  return result;
}

Value call_with_self(Thread& t, Value callable, Value self, const Value* args, std::size_t nargs,
                     Value kwnames) {
  if (callable.is_object() && is_layout(callable, Layout::Function))
    return call_function(t, callable, self, args, nargs, kwnames);
  if (!self) return call(t, callable, args, nargs, kwnames);
  ArgumentsWithFirst all(self, args, nargs);
  return call(t, callable, all.data(), all.size(), kwnames);
}

Value call_function_or_other(Thread& t, Value callable, Value self, const Value* args,
                             std::size_t nargs, Value kwnames) {
  if (!self || !callable.is_object())
    return call_with_self(t, callable, self, args, nargs, kwnames);
  switch (layout_of(callable)) {
  case Layout::Function:
    return call_function(t, callable, self, args, nargs, kwnames);
  case Layout::Native:
    if (is_native_descriptor_type(type_of(callable)))
      return call_with_self(t, callable, self, args, nargs, kwnames);
    return call(t, callable, args, nargs, kwnames);
  default: {
    // `__call__ = dict` in typing's TypedDict metaclass: a class binds to nothing. An
    // instance as its own class's __call__ calls itself for ever: a C++ recursion, bounded
    // as CPython bounds it.
    CRecursion level(t, " while calling a Python object");
    if (!level) return {};
    Value bound = descriptor_get(t, callable, self, type_of(self));
    if (!bound) return {};
    return call(t, bound, args, nargs, kwnames);
  }
  }
}

// Runs `code` in a frame of its own loop (kFrameEntry), its free variables the cells of
// `closure` (a tuple, or 0).
static Value run_entry_frame(Thread& t, Value code, Value globals, Value builtins, Value locals,
                             Value function, Value closure) {
  Value frame = make_frame(t, code, globals, builtins, locals, function, current_frame(t));
  if (!frame) return {};
  FrameObject* f = fresh<FrameObject>(frame);
  f->flags |= kFrameEntry;
  if (closure) {
    std::int64_t base = f->nlocals + std::int64_t(code_unit(code).cellvars.size());
    for (std::int64_t k = 0; k < tuple_length(closure); ++k)
      f->slots[base + k] = tuple_item(closure, k);
  }
  bool yielded;
  return eval(t, frame, false, yielded);
}

Value run_code(Thread& t, Value code, Value globals, Value locals, Value closure) {
  // Globals without __builtins__ get the running code's builtins (a dict), as CPython's
  // exec() gives them.
  if (!dict_get_str(globals, name(N___builtins__)) &&
      !dict_set(t, globals, name(N___builtins__), builtins_of_globals(globals)))
    return {};
  if (code_unit(code).flags & bytecode::kCoroutine) {
    // Code compiled with top-level await: eval() gives its coroutine, as CPython's does.
    Value frame = make_frame(t, code, globals, builtins_of_globals(globals),
                             locals ? locals : globals, {}, {});
    return frame ? generator_new(t, frame, code) : Value();
  }
  return run_entry_frame(t, code, globals, builtins_of_globals(globals), locals ? locals : globals,
                         {}, closure);
}

Value run_class_body(Thread& t, Value body, Value ns) {
  const FunctionObject* fn = rd<FunctionObject>(body);
  return run_entry_frame(t, fn->code, fn->globals, fn->builtins, ns, body, fn->closure);
}

int code_line(Value code, std::int64_t instruction) {
  return unit_line(code_unit(code), instruction);
}

int unit_line(const bytecode::CodeUnit& unit, std::int64_t instruction) {
  if (instruction < 0) return unit.firstlineno;
  if (std::size_t(instruction) < unit.locations.size()) {
    int line = unit.locations[std::size_t(instruction)].line;
    if (line > 0) return line;
    for (std::int64_t i = instruction; i >= 0; --i)
      if (unit.locations[std::size_t(i)].line > 0) return unit.locations[std::size_t(i)].line;
  }
  return unit.firstlineno;
}

int frame_line(Value frame) {
  const FrameObject* f = rd<FrameObject>(frame);
  return code_line(f->code, f->lasti);
}

void add_traceback(Thread& t, Value frame, std::int64_t lasti) {
  Value e = t.pending;
  if (!e || !exception_check(e)) return;
  Value saved = fetch_pending(t);
  mark_escaped(frame);
  Value tb = allocate(t, Layout::Instance, type_value(T_traceback), sizeof(TracebackObject));
  if (tb) {
    TracebackObject* o = fresh<TracebackObject>(tb);
    Value old = rd<ExceptionObject>(e)->traceback;
    o->next = old == none() ? Value() : old;
    o->frame = frame;
    o->lineno = Value::small_int(code_line(rd<FrameObject>(frame)->code, lasti));
    o->lasti = Value::small_int(lasti);
    wr<ExceptionObject>(e)->traceback = tb;
  }
  t.pending = saved;
}

bool super_arguments(Thread& t, Value& type, Value& obj) {
  Value frame = current_frame(t);
  if (!frame) {
    raise(t, exc(E_RuntimeError), "super(): no current frame");
    return false;
  }
  const FrameObject* f = rd<FrameObject>(frame);
  const bytecode::CodeUnit& unit = code_unit(f->code);
  if (unit.argcount == 0 && !(unit.flags & bytecode::kVarargs)) {
    raise(t, exc(E_RuntimeError), "super(): no arguments");
    return false;
  }
  obj = f->slots[0];
  // An argument that is also a cell lives in its cell.
  for (std::size_t c = 0; c < unit.cell_args.size(); ++c)
    if (unit.cell_args[c] == 0) obj = rd<CellObject>(f->slots[f->nlocals + std::int64_t(c)])->ref;
  if (!obj) {
    raise(t, exc(E_RuntimeError), "super(): arg[0] deleted");
    return false;
  }
  for (std::size_t k = 0; k < unit.freevars.size(); ++k) {
    if (unit.freevars[k] != "__class__") continue;
    Value cell = f->slots[f->nlocals + std::int64_t(unit.cellvars.size() + k)];
    type = cell ? rd<CellObject>(cell)->ref : Value();
    if (!type) {
      raise(t, exc(E_RuntimeError), "super(): empty __class__ cell");
      return false;
    }
    if (!is_layout(type, Layout::Type)) {
      raise(t, exc(E_RuntimeError), "super(): __class__ is not a type");
      return false;
    }
    return true;
  }
  raise(t, exc(E_RuntimeError), "super(): __class__ cell not found");
  return false;
}

} // namespace interp::vm
