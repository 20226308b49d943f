// interp/objects/frame.cc - what Python code sees of frames and traceback entries: f_code,
// f_lineno, f_back, f_globals, f_locals, f_builtins, f_lasti, and tb_frame, tb_lineno,
// tb_next, tb_lasti. The VM owns both layouts (interp/vm); these are read-only views, but for
// tb_next, which may be set, and f_lineno, whose setting is a debugger's jump.
#include "interp/vm/frame.h"
#include "interp/compile/code_unit.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

namespace interp {

namespace {

Value or_none(Value v) {
  return v ? v : none();
}

INTERP_NATIVE(frame_code) {
  return rd<FrameObject>(args[0])->code;
}

INTERP_NATIVE(frame_lineno) {
  const FrameObject* f = rd<FrameObject>(args[0]);
  return Value::small_int(vm::code_line(f->code, f->instruction()));
}

// f_lineno = n: a debugger's jump (vm/line_jump.cc).
INTERP_NATIVE(frame_set_lineno) {
  if (nargs < 2) return raise(t, exc(E_AttributeError), "cannot delete attribute");
  return vm::jump_to_line(t, args[0], args[1]) ? none() : Value();
}

INTERP_NATIVE(frame_lasti) {
  const FrameObject* f = rd<FrameObject>(args[0]);
  return Value::small_int(code_cpython_offset(f->code, f->instruction()));
}

INTERP_NATIVE(frame_back) {
  Value back = rd<FrameObject>(args[0])->back;
  vm::mark_escaped(back);
  return or_none(back);
}

INTERP_NATIVE(frame_globals) {
  return rd<FrameObject>(args[0])->globals;
}

INTERP_NATIVE(frame_builtins) {
  return rd<FrameObject>(args[0])->builtins;
}

INTERP_NATIVE(frame_locals_getter) {
  return frame_locals(t, args[0]);
}

INTERP_NATIVE(frame_repr) {
  const FrameObject* f = rd<FrameObject>(args[0]);
  const bytecode::CodeUnit& unit = code_unit(f->code);
  char address[32];
  std::snprintf(address, sizeof address, "0x%llx", (unsigned long long)args[0].offset());
  std::string text = std::string("<frame at ") + address + ", file '" + unit.filename + "', line " +
                     std::to_string(vm::code_line(f->code, f->instruction())) + ", code " +
                     unit.name + ">";
  return str_from_utf8(t, text);
}

// Drops the frame's variables. A generator's frame closes its generator first; a frame
// still running refuses.
INTERP_NATIVE(frame_clear) {
  Value frame = args[0];
  const FrameObject* f = rd<FrameObject>(frame);
  if (f->flags & kFrameGenerator) {
    Value gen = f->generator;
    if (gen && rd<GeneratorObject>(gen)->frame == frame) {
      if (rd<GeneratorObject>(gen)->running & 1) // its frame is running (kRunningFrame)
        return raise(t, exc(E_RuntimeError), "cannot clear an executing frame");
      vm::finalize_generator(t, gen);
      if (t.pending) return {};
    }
  } else {
    for (Value running = vm::current_frame(t); running; running = rd<FrameObject>(running)->back)
      if (running == frame) return raise(t, exc(E_RuntimeError), "cannot clear an executing frame");
  }
  FrameObject* w = wr<FrameObject>(frame);
  for (std::int64_t i = 0; i < w->nlocals + w->ncells + w->sp; ++i)
    w->slots[i] = Value();
  if (w->function && w->locals) w->locals = Value();
  return none();
}

INTERP_NATIVE(tb_frame) {
  return rd<vm::TracebackObject>(args[0])->frame;
}

INTERP_NATIVE(tb_lineno) {
  return rd<vm::TracebackObject>(args[0])->lineno;
}

INTERP_NATIVE(tb_next) {
  return or_none(rd<vm::TracebackObject>(args[0])->next);
}

// tb.tb_next = other (unittest cuts its own frames off a traceback this way).
INTERP_NATIVE(tb_set_next) {
  if (nargs < 2) return raise(t, exc(E_TypeError), "can't delete tb_next attribute");
  Value next = args[1];
  if (next == none())
    next = {};
  else if (type_of(next) != type_value(T_traceback))
    return raisef(t, exc(E_TypeError), "expected traceback object, got '%s'",
                  type_name_of(next).c_str());
  for (Value cursor = next; cursor; cursor = rd<vm::TracebackObject>(cursor)->next)
    if (cursor == args[0]) return raise(t, exc(E_ValueError), "traceback loop detected");
  wr<vm::TracebackObject>(args[0])->next = next;
  return none();
}

// `lasti` is an instruction of the frame's code, or -1 - offset for an entry made by
// TracebackType(), which is given CPython's byte offset.
INTERP_NATIVE(tb_lasti) {
  const vm::TracebackObject* tb = rd<vm::TracebackObject>(args[0]);
  std::int64_t lasti = tb->lasti.small_int_value();
  if (lasti < 0) return Value::small_int(-1 - lasti);
  return Value::small_int(code_cpython_offset(rd<FrameObject>(tb->frame)->code, lasti));
}

// types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)
INTERP_NATIVE(tb_new) {
  Value a[4];
  if (!parse_arguments(t, "TracebackType", args + 1, nargs - 1, kwnames,
                       {"tb_next", "tb_frame", "tb_lasti", "tb_lineno"}, 0, 4, a))
    return {};
  if (a[0] != none() && type_of(a[0]) != type_value(T_traceback))
    return raisef(t, exc(E_TypeError), "expected traceback object or None, got '%s'",
                  type_name_of(a[0]).c_str());
  if (!is_layout(a[1], Layout::Frame))
    return raisef(t, exc(E_TypeError), "TracebackType() argument 'tb_frame' must be frame, not %s",
                  type_name_of(a[1]).c_str());
  std::int64_t lasti, lineno;
  if (!index_to_i64(t, a[2], lasti) || !index_to_i64(t, a[3], lineno)) return {};
  if (!Value::fits_small(lasti) || !Value::fits_small(lineno) || lasti < 0)
    return raise(t, exc(E_OverflowError), "Python int too large to convert to C int");
  Value tb = allocate(t, Layout::Instance, type_value(T_traceback), sizeof(vm::TracebackObject));
  if (!tb) return {};
  vm::TracebackObject* o = fresh<vm::TracebackObject>(tb);
  o->next = a[0] == none() ? Value() : a[0];
  o->frame = a[1];
  o->lasti = Value::small_int(-1 - lasti);
  o->lineno = Value::small_int(lineno);
  vm::mark_escaped(a[1]);
  return tb;
}

} // namespace

// Module and class bodies have a real namespace. A function's locals() is one dict per
// frame, kept in `locals` and brought up to date with the fast locals and cells at every
// call, as CPython 3.11's: keys the function added stay, unbound locals go.
Value frame_locals(Thread& t, Value frame) {
  if (!rd<FrameObject>(frame)->function && rd<FrameObject>(frame)->locals)
    return rd<FrameObject>(frame)->locals;
  Value d = rd<FrameObject>(frame)->locals;
  if (!d) {
    d = dict_new(t);
    if (!d) return {};
    wr<FrameObject>(frame)->locals = d;
  }
  const bytecode::CodeUnit& unit = code_unit(rd<FrameObject>(frame)->code);
  auto put = [&](const std::string& n, Value v) {
    Value key = str_from_utf8(t, n);
    if (!key) return false;
    return v ? dict_set(t, d, key, v) : dict_del(t, d, key) >= 0;
  };
  std::int64_t nlocals = rd<FrameObject>(frame)->nlocals;
  for (std::size_t i = 0; i < unit.varnames.size() && std::int64_t(i) < nlocals; ++i)
    if (!put(unit.varnames[i], rd<FrameObject>(frame)->slots[i])) return {};
  // A class body's free variables (names its methods take from the enclosing function)
  // are no names of the class: only optimized code shows them, as CPython's locals().
  bool optimized = unit.flags & bytecode::kOptimized;
  std::size_t ncell = unit.cellvars.size() + (optimized ? unit.freevars.size() : 0);
  for (std::size_t i = 0; i < ncell && std::int64_t(i) < rd<FrameObject>(frame)->ncells; ++i) {
    Value cell = rd<FrameObject>(frame)->slots[nlocals + std::int64_t(i)];
    if (!cell || !is_layout(cell, Layout::Cell)) continue;
    const std::string& n =
        i < unit.cellvars.size() ? unit.cellvars[i] : unit.freevars[i - unit.cellvars.size()];
    if (!put(n, rd<CellObject>(cell)->ref)) return {};
  }
  return d;
}

// f_trace: the frame's local trace function (sys.settrace), None when it has none.
INTERP_NATIVE(frame_trace) {
  Value fn = rd<FrameObject>(args[0])->trace;
  return fn ? fn : none();
}
INTERP_NATIVE(frame_set_trace) {
  Value fn = nargs > 1 && args[1] != none() ? args[1] : Value();
  wr<FrameObject>(args[0])->trace = fn;
  return none();
}

// f_trace_lines, f_trace_opcodes: booleans kept in the frame's flags.
Value frame_flag(Value frame, std::int64_t flag, bool inverted) {
  bool set = rd<FrameObject>(frame)->flags & flag;
  return py_bool(set != inverted);
}
Value set_frame_flag(Thread& t, const Value* args, std::size_t nargs, std::int64_t flag,
                     bool inverted, const char* name) {
  if (nargs < 2)
    return raisef(t, exc(E_AttributeError), "cannot delete attribute '%s' of frame", name);
  if (!isinstance(args[1], T_bool))
    return raisef(t, exc(E_TypeError), "attribute value type must be bool");
  bool on = args[1] == runtime().true_;
  FrameObject* f = wr<FrameObject>(args[0]);
  f->flags = (on != inverted) ? (f->flags | flag) : (f->flags & ~flag);
  return none();
}
INTERP_NATIVE(frame_trace_lines) {
  return frame_flag(args[0], kFrameNoTraceLines, true);
}
INTERP_NATIVE(frame_set_trace_lines) {
  return set_frame_flag(t, args, nargs, kFrameNoTraceLines, true, "f_trace_lines");
}
INTERP_NATIVE(frame_trace_opcodes) {
  return frame_flag(args[0], kFrameTraceOpcodes, false);
}
INTERP_NATIVE(frame_set_trace_opcodes) {
  return set_frame_flag(t, args, nargs, kFrameTraceOpcodes, false, "f_trace_opcodes");
}

// dir() of a traceback shows only its own fields, as CPython's does.
INTERP_NATIVE(tb_dir) {
  Value out = list_new(t);
  if (!out) return {};
  for (const char* n : {"tb_frame", "tb_next", "tb_lasti", "tb_lineno"})
    if (!list_append(t, out, intern_literal(t, n))) return {};
  return out;
}

void init_frame_types(Thread& t) {
  Value frame = type_value(T_frame);
  add_getter(t, frame, "f_code", frame_code);
  add_getter(t, frame, "f_lineno", frame_lineno, frame_set_lineno);
  add_getter(t, frame, "f_lasti", frame_lasti);
  add_getter(t, frame, "f_back", frame_back);
  add_getter(t, frame, "f_globals", frame_globals);
  add_getter(t, frame, "f_builtins", frame_builtins);
  add_getter(t, frame, "f_locals", frame_locals_getter);
  add_getter(t, frame, "f_trace", frame_trace, frame_set_trace);
  add_getter(t, frame, "f_trace_lines", frame_trace_lines, frame_set_trace_lines);
  add_getter(t, frame, "f_trace_opcodes", frame_trace_opcodes, frame_set_trace_opcodes);
  add_method(t, frame, "__repr__", frame_repr);
  add_method(t, frame, "clear", frame_clear);
  Value tb = type_value(T_traceback);
  add_getter(t, tb, "tb_frame", tb_frame);
  add_getter(t, tb, "tb_lineno", tb_lineno);
  add_getter(t, tb, "tb_next", tb_next, tb_set_next);
  add_getter(t, tb, "tb_lasti", tb_lasti);
  add_staticmethod(t, tb, "__new__", tb_new);
  add_method(t, tb, "__dir__", tb_dir);
}

} // namespace interp
