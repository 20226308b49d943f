// interp/objects/function.cc - Python functions, bound methods, cells, builtin functions
// and modules: the callables and namespaces that the VM makes and calls.
#include "interp/compile/code_unit.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <cstdio>

namespace interp {

Value function_new(Thread& t, Value code, Value globals, Value qualname) {
  Value f = allocate(t, Layout::Function, type_value(T_function), sizeof(FunctionObject));
  if (!f) return {};
  FunctionObject* o = fresh<FunctionObject>(f);
  o->code = code;
  o->globals = globals;
  o->name = ro<CodeObject>(code)->name;
  o->qualname = qualname ? qualname : ro<CodeObject>(code)->qualname;
  const bytecode::CodeUnit& unit = code_unit(code);
  o->doc = unit.docstring >= 0 ? tuple_item(ro<CodeObject>(code)->consts, unit.docstring) : none();
  Value module = dict_get_str(globals, name(N___name__));
  o = fresh<FunctionObject>(f);
  o->module = module ? module : none();
  fresh<FunctionObject>(f)->builtins = builtins_of_globals(globals);
  return f;
}

Value builtins_of_globals(Value globals) {
  Value builtins = dict_get_str(globals, name(N___builtins__));
  if (!builtins) {
    // Globals without __builtins__ inherit the running code's (bpo-42990).
    Thread* t = current_thread_if_any();
    Value frame = t ? vm::current_frame(*t) : Value();
    return frame ? rd<FrameObject>(frame)->builtins : runtime().builtins;
  }
  // Any other object is the mapping that names are looked up in: one that is not a
  // mapping raises its TypeError at the first lookup, as CPython's does.
  return is_layout(builtins, Layout::Module) ? rd<Object>(builtins)->dict : builtins;
}

Value cell_new(Thread& t, Value content) {
  Value c = allocate(t, Layout::Cell, type_value(T_cell), sizeof(CellObject));
  if (c) fresh<CellObject>(c)->ref = content;
  return c;
}

Value method_new(Thread& t, Value function, Value self) {
  Value m = allocate(t, Layout::Method, type_value(T_method), sizeof(MethodObject));
  if (!m) return {};
  fresh<MethodObject>(m)->function = function;
  fresh<MethodObject>(m)->self = self;
  return m;
}

Value native_new(Thread& t, std::int64_t index, Value self, Value owner, TypeId type, Value name) {
  Value n = allocate(t, Layout::Native, type_value(type), sizeof(NativeObject));
  if (!n) return {};
  NativeObject* o = fresh<NativeObject>(n);
  o->index = index;
  o->self = self;
  o->owner = owner;
  o->name = name;
  if (!name) {
    Value nm = intern_literal(t, runtime().natives[std::size_t(index)].name);
    if (!nm) return {};
    fresh<NativeObject>(n)->name = nm;
  }
  return n;
}

Value native_descriptor_bind(Thread& t, Value descr, Value obj) {
  const NativeObject* n = ro<NativeObject>(descr);
  if (n->self) return descr;
  if (!is_subtype(type_of(obj), n->owner))
    return raisef(
        t, exc(E_TypeError), "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
        str_utf8(n->name).c_str(), type_name(n->owner).c_str(), type_name_of(obj).c_str());
  bool slot = type_of(descr) == type_value(T_wrapper_descriptor);
  return native_new(t, n->index, obj, n->owner, slot ? T_method_wrapper : T_builtin_function,
                    n->name);
}

Value native_descriptor_misuse(Thread& t, Value descr, Value self) {
  const NativeObject* n = ro<NativeObject>(descr);
  std::string method = str_utf8(n->name), owner = type_name(n->owner);
  bool slot = type_of(descr) == type_value(T_wrapper_descriptor);
  if (!self)
    return slot ? raisef(t, exc(E_TypeError), "descriptor '%s' of '%s' object needs an argument",
                         method.c_str(), owner.c_str())
                : raisef(t, exc(E_TypeError), "unbound method %s.%s() needs an argument",
                         owner.c_str(), method.c_str());
  if (slot)
    return raisef(t, exc(E_TypeError), "descriptor '%s' requires a '%s' object but received a '%s'",
                  method.c_str(), owner.c_str(), type_name_of(self).c_str());
  return raisef(t, exc(E_TypeError),
                "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", method.c_str(),
                owner.c_str(), type_name_of(self).c_str());
}

std::string_view native_signature_text(const char* name, const char* doc) {
  if (!doc || !name) return {};
  std::string_view d(doc), n(name);
  std::size_t end = d.find(")\n--\n\n");
  if (end == std::string_view::npos || d.substr(0, n.size()) != n || d.size() <= n.size() ||
      d[n.size()] != '(')
    return {};
  return d.substr(n.size(), end + 1 - n.size());
}

std::string_view native_doc_text(const char* name, const char* doc) {
  if (!doc) return {};
  std::string_view d(doc);
  std::string_view signature = native_signature_text(name, doc);
  if (signature.empty()) return d;
  return d.substr(std::string_view(name).size() + signature.size() + 5); // ")\n--\n\n" less ')'
}

Value make_native_function(Thread& t, const char* fn_name, NativeFn fn, Value module,
                           const char* doc) {
  std::int64_t index = register_native(fn_name, fn, doc);
  Value n = native_new(t, index, {}, {}, T_builtin_function);
  if (n) fresh<NativeObject>(n)->module = module;
  return n;
}

Value module_new(Thread& t, Value module_name) {
  Value m = allocate(t, Layout::Module, type_value(T_module), sizeof(ModuleObject));
  if (!m) return {};
  Value d = dict_new(t);
  if (!d) return {};
  fresh<ModuleObject>(m)->name = module_name;
  fresh<Object>(m)->dict = d;
  if (!dict_set(t, d, name(N___name__), module_name)) return {};
  if (!dict_set(t, d, name(N___doc__), none())) return {};
  if (!dict_set(t, d, name(N___package__), none())) return {};
  if (!dict_set(t, d, name(N___loader__), none())) return {};
  if (!dict_set(t, d, name(N___spec__), none())) return {};
  return m;
}

namespace {

INTERP_NATIVE(function_get) {
  if (nargs < 2 || args[1] == none()) return args[0];
  return method_new(t, args[0], args[1]);
}

INTERP_NATIVE(function_repr) {
  const FunctionObject* f = rd<FunctionObject>(args[0]);
  return str_from_utf8(t, "<function " + str_utf8(f->qualname) + " at 0x" +
                              std::to_string(args[0].offset()) + ">");
}

INTERP_NATIVE(function_call) {
  return vm::call_function(t, args[0], {}, args + 1, nargs - 1, kwnames);
}

// f.__call__(...) for methods and builtin functions: what calling them does (the VM calls
// them directly; this is for code that asks, such as collections.abc.Callable).
INTERP_NATIVE(callable_call) {
  return call(t, args[0], args + 1, nargs - 1, kwnames);
}

// Function attributes that are fields: readable and writable as in CPython.
Value function_field(Thread& t, Value f, const char* attr, Value value, bool set) {
  FunctionObject* w = set ? wr<FunctionObject>(f) : nullptr;
  const FunctionObject* r = rd<FunctionObject>(f);
  std::string a = attr;
  Value* slot = nullptr;
  if (a == "__name__") slot = set ? &w->name : nullptr;
  if (!set) {
    if (a == "__name__") return r->name;
    if (a == "__qualname__") return r->qualname;
    if (a == "__doc__") return r->doc;
    if (a == "__code__") return r->code;
    if (a == "__globals__") return r->globals;
    if (a == "__module__") return r->module;
    if (a == "__builtins__") return r->builtins;
    if (a == "__defaults__") return r->defaults ? r->defaults : none();
    if (a == "__kwdefaults__") return r->kwdefaults ? r->kwdefaults : none();
    if (a == "__closure__") return r->closure ? r->closure : none();
    if (a == "__annotations__") {
      if (r->annotations) return r->annotations;
      Value d = dict_new(t);
      if (d) wr<FunctionObject>(f)->annotations = d;
      return d;
    }
    return {};
  }
  if (a == "__qualname__") slot = &w->qualname;
  if (a == "__doc__") slot = &w->doc;
  if (a == "__code__") slot = &w->code;
  if (a == "__module__") slot = &w->module;
  if (a == "__defaults__") slot = &w->defaults;
  if (a == "__kwdefaults__") slot = &w->kwdefaults;
  if (a == "__annotations__") slot = &w->annotations;
  if (!slot) return {};
  if ((a == "__name__" || a == "__qualname__") && !(value && str_check(value)))
    return raisef(t, exc(E_TypeError), "%s must be set to a string object", attr);
  if (a == "__code__") {
    if (!value || !is_layout(value, Layout::Code))
      return raise(t, exc(E_TypeError), "__code__ must be set to a code object");
    std::int64_t nfree = tuple_length(ro<CodeObject>(value)->freevars);
    std::int64_t nclosure = r->closure ? tuple_length(r->closure) : 0;
    if (nfree != nclosure)
      return raisef(t, exc(E_ValueError),
                    "%s() requires a code object with %lld free vars, not %lld",
                    str_utf8(r->name).c_str(), static_cast<long long>(nclosure),
                    static_cast<long long>(nfree));
  }
  // Deleting the docstring or the module leaves None.
  if (!value && (a == "__doc__" || a == "__module__")) value = none();
  if ((a == "__defaults__") && value && value != none() && !isinstance(value, T_tuple))
    return raise(t, exc(E_TypeError), "__defaults__ must be set to a tuple object");
  *slot = (value == none() && (a == "__defaults__" || a == "__kwdefaults__")) ? Value() : value;
  return none();
}

const char* const kFunctionFields[] = {
    "__name__",     "__qualname__", "__doc__",        "__code__",    "__globals__",    "__module__",
    "__builtins__", "__defaults__", "__kwdefaults__", "__closure__", "__annotations__"};

INTERP_NATIVE(function_getattribute) {
  if (str_check(args[1])) {
    std::string a = str_utf8(args[1]);
    for (const char* f : kFunctionFields)
      if (a == f) return function_field(t, args[0], f, {}, false);
  }
  return generic_getattr(t, args[0], args[1], false);
}

INTERP_NATIVE(function_setattr) {
  if (str_check(args[1])) {
    std::string a = str_utf8(args[1]);
    if (a == "__dict__" && nargs < 3) return raise(t, exc(E_TypeError), "cannot delete __dict__");
    for (const char* f : kFunctionFields)
      if (a == f) {
        Value r = function_field(t, args[0], f, nargs > 2 ? args[2] : Value(), true);
        if (r || t.pending) return r;
        return raisef(t, exc(E_AttributeError), "readonly attribute");
      }
  }
  return generic_setattr(t, args[0], args[1], nargs > 2 ? args[2] : Value()) ? none() : Value();
}

// A bound method pickles as getattr(self, name), as in CPython.
INTERP_NATIVE(method_reduce) {
  const MethodObject* m = rd<MethodObject>(args[0]);
  Value fn_name = getattr(t, m->function, name(N___name__));
  Value get = fn_name ? dict_get_str(runtime().builtins, intern_literal(t, "getattr")) : Value();
  if (!get) return {};
  Value pair[2] = {m->self, fn_name};
  Value call_args = tuple_from(t, pair, 2);
  if (!call_args) return {};
  Value result[2] = {get, call_args};
  return tuple_from(t, result, 2);
}

INTERP_NATIVE(method_repr) {
  const MethodObject* m = rd<MethodObject>(args[0]);
  // The function's __qualname__, else its __name__, else "?" (any callable may be bound).
  Value fname = getattr_opt(t, m->function, name(N___qualname__));
  if (!fname && !t.pending) fname = getattr_opt(t, m->function, name(N___name__));
  if (t.pending) return {};
  std::string shown = fname && str_check(fname) ? str_utf8(fname) : "?";
  return str_from_utf8(t, "<bound method " + shown + " of " +
                              repr_utf8(t, rd<MethodObject>(args[0])->self) + ">");
}

INTERP_NATIVE(method_getattribute) {
  const MethodObject* m = rd<MethodObject>(args[0]);
  if (str_equal_ascii(args[1], "__func__")) return m->function;
  if (str_equal_ascii(args[1], "__self__")) return m->self;
  // The method type has no __doc__ of its own, so a lookup on the type would reach
  // object's docstring; the docstring is the function's (None included).
  if (str_equal_ascii(args[1], "__doc__")) return getattr(t, m->function, args[1]);
  Value r = generic_getattr(t, args[0], args[1], true);
  if (r || t.pending) return r;
  return getattr(t, rd<MethodObject>(args[0])->function, args[1]);
}

INTERP_NATIVE(method_eq) {
  if (!is_layout(args[1], Layout::Method)) return runtime().not_implemented;
  const MethodObject* a = rd<MethodObject>(args[0]);
  const MethodObject* b = rd<MethodObject>(args[1]);
  return py_bool(a->function == b->function && a->self == b->self);
}

INTERP_NATIVE(method_hash) {
  const MethodObject* a = rd<MethodObject>(args[0]);
  return int_from_i64(t, std::int64_t((a->function.offset() >> 4) ^ (a->self.bits() >> 4)));
}

INTERP_NATIVE(native_repr) {
  const NativeObject* n = ro<NativeObject>(args[0]);
  Value kind = type_of(args[0]);
  if (is_native_descriptor_type(kind))
    return str_from_utf8(
        t, std::string(kind == type_value(T_method_descriptor) ? "<method '" : "<slot wrapper '") +
               str_utf8(n->name) + "' of '" + type_name(n->owner) + "' objects>");
  if (kind == type_value(T_method_wrapper)) {
    char address[32];
    std::snprintf(address, sizeof address, "0x%llx",
                  static_cast<unsigned long long>(n->self.bits()));
    return str_from_utf8(t, "<method-wrapper '" + str_utf8(n->name) + "' of " +
                                type_name_of(n->self) + " object at " + address + ">");
  }
  if (n->self && !(is_layout(n->self, Layout::Module)))
    return str_from_utf8(t, "<built-in method " + str_utf8(n->name) + " of " +
                                type_name_of(n->self) + " object at 0x" +
                                std::to_string(n->self.offset()) + ">");
  return str_from_utf8(t, "<built-in function " + str_utf8(n->name) + ">");
}

INTERP_NATIVE(native_get) {
  Value obj = nargs > 1 ? args[1] : none();
  Value type = nargs > 2 ? args[2] : none();
  if (obj == none() && type == none())
    return raise(t, exc(E_TypeError), "__get__(None, None) is invalid");
  if (obj == none()) return args[0];
  return native_descriptor_bind(t, args[0], obj);
}

INTERP_NATIVE(native_getattribute) {
  const NativeObject* n = ro<NativeObject>(args[0]);
  if (str_equal_ascii(args[1], "__name__")) return n->name;
  if (str_equal_ascii(args[1], "__qualname__")) {
    if (n->owner && is_layout(n->owner, Layout::Type))
      return str_from_utf8(t, type_name(n->owner) + "." + str_utf8(n->name));
    return n->name;
  }
  if (str_equal_ascii(args[1], "__self__")) {
    if (n->self) return n->self;
    // A module's function is bound to its module, as CPython's builtins are.
    if (n->module && str_check(n->module) && !(n->owner && is_layout(n->owner, Layout::Type))) {
      Value modules = getattr_opt(t, runtime().sys_module, intern_literal(t, "modules"));
      Value m = modules && dict_check(modules) ? dict_get_str(modules, n->module) : Value();
      if (t.pending) clear_pending(t);
      if (m) return m;
    }
    return none();
  }
  if (str_equal_ascii(args[1], "__module__")) return n->module ? n->module : none();
  if (str_equal_ascii(args[1], "__doc__")) {
    const NativeInfo& info = runtime().natives[std::size_t(n->index)];
    if (!info.doc) return none();
    return str_from_utf8(t, native_doc_text(info.name, info.doc));
  }
  if (str_equal_ascii(args[1], "__objclass__") && n->owner) return n->owner;
  return generic_getattr(t, args[0], args[1], false);
}

// __reduce__, for pickle: a function of a module pickles as its qualified name (found again
// by import); a bound one as getattr(self, name), an unbound method as getattr(class, name).
INTERP_NATIVE(native_reduce) {
  const NativeObject* n = ro<NativeObject>(args[0]);
  // A _builtin() wrapper of a source module's function holds that function as its self.
  bool bound = n->self && n->self != none() && !is_layout(n->self, Layout::Module) &&
               !is_layout(n->self, Layout::Function);
  Value holder = bound                                           ? n->self
                 : n->owner && is_layout(n->owner, Layout::Type) ? n->owner
                                                                 : Value();
  if (!holder) {
    Value a[2] = {args[0], intern_literal(t, "__qualname__")};
    return native_getattribute(t, a, 2, {});
  }
  Value name = n->name;
  Value getattr_fn = dict_get_str(runtime().builtins, intern_literal(t, "getattr"));
  if (!getattr_fn) return raise(t, exc(E_RuntimeError), "lost builtins.getattr");
  Value inner[2] = {holder, name};
  Value pair = tuple_from(t, inner, 2);
  if (!pair) return {};
  Value outer[2] = {getattr_fn, pair};
  return tuple_from(t, outer, 2);
}

INTERP_NATIVE(cell_repr) {
  Value ref = rd<CellObject>(args[0])->ref;
  if (!ref) return str_from_ascii(t, "<cell at 0x" + std::to_string(args[0].offset()) + ": empty>");
  return str_from_utf8(t, "<cell at 0x" + std::to_string(args[0].offset()) + ": " +
                              type_name_of(ref) + " object at 0x" + std::to_string(ref.bits()) +
                              ">");
}

INTERP_NATIVE(cell_contents) {
  Value ref = rd<CellObject>(args[0])->ref;
  if (!ref) return raise(t, exc(E_ValueError), "Cell is empty");
  return ref;
}

// Assigned, or emptied when called with the cell alone (del).
INTERP_NATIVE(cell_set_contents) {
  wr<CellObject>(args[0])->ref = nargs > 1 ? args[1] : Value();
  return none();
}

// types.CellType(contents): a cell, empty without an argument.
INTERP_NATIVE(cell_new_method) {
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "cell() takes no keyword arguments");
  if (nargs > 2)
    return raisef(t, exc(E_TypeError), "cell expected at most 1 argument, got %zu", nargs - 1);
  return cell_new(t, nargs > 1 ? args[1] : Value());
}

// Cells compare by their contents; an empty cell comes before any full one.
template <bytecode::CompareOp op>
Value cell_compare(Thread& t, const Value* args, std::size_t, Value) {
  if (!args[1].is_object() || !is_layout(args[1], Layout::Cell)) return runtime().not_implemented;
  Value a = rd<CellObject>(args[0])->ref, b = rd<CellObject>(args[1])->ref;
  if (a && b) return compare(t, a, b, op);
  return py_bool(compare_numbers<int>(!b, !a, op));
}

INTERP_NATIVE(module_repr) {
  Value d = rd<Object>(args[0])->dict;
  Value n = dict_get_str(d, name(N___name__));
  Value file = dict_get_str(d, name(N___file__));
  std::string text = "<module " + (n ? repr_utf8(t, n) : std::string("'?'"));
  if (file && str_check(file))
    text += " from " + repr_utf8(t, file) + ">";
  else
    text += " (built-in)>";
  return str_from_utf8(t, text);
}

INTERP_NATIVE(module_dir) {
  // What __dict__ says (a subclass may make it a property), as CPython's module_dir reads it.
  Value d = rd<Object>(args[0])->dict;
  if (type_of(args[0]) != type_value(T_module)) {
    d = getattr(t, args[0], name(N___dict__));
    if (!d) return {};
    if (!dict_check(d)) return raise(t, exc(E_TypeError), "<module>.__dict__ is not a dictionary");
  }
  // PEP 562: a module-level __dir__ function answers dir(module).
  bool error = false;
  if (Value custom = dict_get(t, d, intern_literal(t, "__dir__"), error)) return call0(t, custom);
  if (error) return {};
  Value keys = list_new(t);
  if (!keys) return {};
  std::int64_t pos = 0;
  Value k, v;
  while (dict_next(d, pos, k, v))
    if (!list_append(t, keys, k)) return {};
  return keys;
}

INTERP_NATIVE(module_init) {
  if (!check_positional(t, "module", nargs, kwnames, 1, 2)) return {};
  Value d = rd<Object>(args[0])->dict;
  if (!d) {
    d = dict_new(t);
    if (!d) return {};
    wr<Object>(args[0])->dict = d;
  }
  wr<ModuleObject>(args[0])->name = args[1];
  if (!dict_set(t, d, name(N___name__), args[1])) return {};
  if (!dict_set(t, d, name(N___doc__), nargs > 2 ? args[2] : none())) return {};
  return none();
}

INTERP_NATIVE(module_new_method) {
  Value m = allocate(t, Layout::Module, args[0], sizeof(ModuleObject));
  if (!m) return {};
  Value d = dict_new(t);
  if (!d) return {};
  fresh<Object>(m)->dict = d;
  return m;
}

// types.MethodType(function, instance): what contextlib builds for __exit__ callbacks.
INTERP_NATIVE(method_new_method) {
  if (!check_positional(t, "method", nargs, kwnames, 2, 2)) return {};
  if (!is_callable(args[1])) return raise(t, exc(E_TypeError), "first argument must be callable");
  if (args[2] == none()) return raise(t, exc(E_TypeError), "instance must not be None");
  return method_new(t, args[1], args[2]);
}

// types.FunctionType(code, globals, name=None, argdefs=None, closure=None): a function
// made from a code object, with CPython's checks and wording.
INTERP_NATIVE(function_new_method) {
  Value a[5];
  if (!parse_arguments(t, "function", args + 1, nargs - 1, kwnames,
                       {"code", "globals", "name", "argdefs", "closure"}, 0, 2, a))
    return {};
  Value code = a[0], globals = a[1], fname = a[2], defaults = a[3], closure = a[4];
  if (!code.is_object() || !is_layout(code, Layout::Code))
    return raisef(t, exc(E_TypeError), "function() argument 'code' must be code, not %s",
                  type_name_of(code).c_str());
  if (!dict_check(globals))
    return raisef(t, exc(E_TypeError), "function() argument 'globals' must be dict, not %s",
                  type_name_of(globals).c_str());
  if (fname && fname != none() && !str_check(fname))
    return raise(t, exc(E_TypeError), "arg 3 (name) must be None or string");
  if (defaults && defaults != none() && !(defaults.is_object() && isinstance(defaults, T_tuple)))
    return raise(t, exc(E_TypeError), "arg 4 (defaults) must be None or tuple");
  std::size_t nfree = code_unit(code).freevars.size();
  bool closure_tuple = closure && closure.is_object() && isinstance(closure, T_tuple);
  if (!closure_tuple) {
    if (nfree && (!closure || closure == none()))
      return raise(t, exc(E_TypeError), "arg 5 (closure) must be tuple");
    if (closure && closure != none())
      return raise(t, exc(E_TypeError), "arg 5 (closure) must be None or tuple");
  }
  std::size_t nclosure = closure_tuple ? std::size_t(tuple_length(closure)) : 0;
  if (nclosure != nfree)
    return raisef(t, exc(E_ValueError), "%s requires closure of length %zu, not %zu",
                  str_utf8(ro<CodeObject>(code)->name).c_str(), nfree, nclosure);
  for (std::size_t k = 0; k < nclosure; ++k) {
    Value cell = tuple_item(closure, std::int64_t(k));
    if (!cell.is_object() || !is_layout(cell, Layout::Cell))
      return raisef(t, exc(E_TypeError), "arg 5 (closure) expected cell, found %s",
                    type_name_of(cell).c_str());
  }
  Value f = function_new(t, code, globals, {});
  if (!f) return {};
  FunctionObject* o = wr<FunctionObject>(f);
  if (fname && fname != none()) o->name = fname;
  if (defaults && defaults != none()) o->defaults = defaults;
  if (nclosure) o->closure = closure;
  return f;
}

} // namespace

void init_function_types(Thread& t) {
  Value f = type_value(T_function);
  add_method(t, f, "__get__", function_get);
  add_method(t, f, "__repr__", function_repr);
  add_method(t, f, "__call__", function_call);
  add_method(t, f, "__getattribute__", function_getattribute);
  add_method(t, f, "__setattr__", function_setattr);
  add_method(t, f, "__delattr__", function_setattr);
  add_staticmethod(t, f, "__new__", function_new_method);
  // __doc__ stays the type's docstring: type.__doc__ would show a getset.
  add_named_getters(
      t, f,
      {"__name__", "__qualname__", "__code__", "__defaults__", "__kwdefaults__", "__annotations__"},
      function_getattribute, function_setattr);
  add_named_members(t, f, {"__globals__", "__module__", "__builtins__", "__closure__"},
                    function_getattribute, function_setattr);
  add_instance_dict_getter(t, f);
  Value m = type_value(T_method);
  add_method(t, m, "__reduce__", method_reduce);
  add_method(t, m, "__repr__", method_repr);
  add_method(t, m, "__getattribute__", method_getattribute);
  add_method(t, m, "__eq__", method_eq);
  add_method(t, m, "__hash__", method_hash);
  add_method(t, m, "__call__", callable_call);
  add_staticmethod(t, m, "__new__", method_new_method);
  add_named_members(t, m, {"__func__", "__self__"}, method_getattribute);
  for (TypeId id :
       {T_builtin_function, T_method_descriptor, T_wrapper_descriptor, T_method_wrapper}) {
    add_method(t, type_value(id), "__call__", callable_call);
    add_method(t, type_value(id), "__repr__", native_repr);
    add_method(t, type_value(id), "__getattribute__", native_getattribute);
    add_method(t, type_value(id), "__reduce__", native_reduce);
    add_named_getters(t, type_value(id), {"__qualname__"}, native_getattribute);
  }
  // Getsets or members as CPython has them.
  Value bf = type_value(T_builtin_function), mw = type_value(T_method_wrapper);
  add_named_getters(t, bf, {"__name__", "__self__"}, native_getattribute);
  add_named_members(t, bf, {"__module__"}, native_getattribute);
  add_named_getters(t, mw, {"__name__", "__objclass__"}, native_getattribute);
  add_named_members(t, mw, {"__self__"}, native_getattribute);
  for (TypeId id : {T_method_descriptor, T_wrapper_descriptor})
    add_named_members(t, type_value(id), {"__name__", "__objclass__"}, native_getattribute);
  for (TypeId id : {T_method_descriptor, T_wrapper_descriptor})
    add_method(t, type_value(id), "__get__", native_get);
  add_method(t, type_value(T_cell), "__repr__", cell_repr);
  Value cell = type_value(T_cell);
  add_getter(t, cell, "cell_contents", cell_contents, cell_set_contents);
  add_staticmethod(t, cell, "__new__", cell_new_method);
  add_method(t, cell, "__lt__", cell_compare<bytecode::CompareOp::Lt>);
  add_method(t, cell, "__le__", cell_compare<bytecode::CompareOp::Le>);
  add_method(t, cell, "__eq__", cell_compare<bytecode::CompareOp::Eq>);
  add_method(t, cell, "__ne__", cell_compare<bytecode::CompareOp::Ne>);
  add_method(t, cell, "__gt__", cell_compare<bytecode::CompareOp::Gt>);
  add_method(t, cell, "__ge__", cell_compare<bytecode::CompareOp::Ge>);
  add_attribute(t, cell, "__hash__", none());
  Value mod = type_value(T_module);
  add_method(t, mod, "__repr__", module_repr);
  add_method(t, mod, "__dir__", module_dir);
  add_method(t, mod, "__init__", module_init);
  add_staticmethod(t, mod, "__new__", module_new_method);
}

} // namespace interp
