// interp/objects/slot_wrappers.cc - which special methods of builtin types are slot
// wrappers: `wrapper_descriptor` on the class, `method-wrapper` once bound. They are natives
// like every builtin method (function.cc calls, binds and names them all); only their type,
// repr, doc, text signature and the equality of bound ones differ, as in CPython.
#include "interp/objects/args.h"
#include "interp/objects/objects.h"

namespace interp {

namespace {

constexpr const char* kUnary = "($self, /)";
constexpr const char* kBinary = "($self, value, /)";
constexpr const char* kTernary = "($self, value, mod=None, /)";
constexpr const char* kAnyArgs = "($self, /, *args, **kwargs)";

// Every name CPython fills from a slot of a builtin type. The doc is the slot's, whatever
// the type (list.__init__ says what object.__init__ says).
const SlotWrapper kSlots[] = {
    {"__repr__", kUnary, "Return repr(self)."},
    {"__str__", kUnary, "Return str(self)."},
    {"__hash__", kUnary, "Return hash(self)."},
    {"__call__", kAnyArgs, "Call self as a function."},
    {"__getattribute__", "($self, name, /)", "Return getattr(self, name)."},
    {"__setattr__", "($self, name, value, /)", "Implement setattr(self, name, value)."},
    {"__delattr__", "($self, name, /)", "Implement delattr(self, name)."},
    {"__lt__", kBinary, "Return self<value."},
    {"__le__", kBinary, "Return self<=value."},
    {"__eq__", kBinary, "Return self==value."},
    {"__ne__", kBinary, "Return self!=value."},
    {"__gt__", kBinary, "Return self>value."},
    {"__ge__", kBinary, "Return self>=value."},
    {"__iter__", kUnary, "Implement iter(self)."},
    {"__next__", kUnary, "Implement next(self)."},
    {"__get__", "($self, instance, owner=None, /)",
     "Return an attribute of instance, which is of type owner."},
    {"__set__", "($self, instance, value, /)", "Set an attribute of instance to value."},
    {"__delete__", "($self, instance, /)", "Delete an attribute of instance."},
    {"__init__", kAnyArgs, "Initialize self.  See help(type(self)) for accurate signature."},
    {"__del__", nullptr, nullptr},
    {"__await__", kUnary, "Return an iterator to be used in await expression."},
    {"__aiter__", kUnary, "Return an awaitable, that resolves in asynchronous iterator."},
    {"__anext__", kUnary, "Return a value or raise StopAsyncIteration."},
    {"__add__", kBinary, "Return self+value."},
    {"__radd__", kBinary, "Return value+self."},
    {"__sub__", kBinary, "Return self-value."},
    {"__rsub__", kBinary, "Return value-self."},
    {"__mul__", kBinary, "Return self*value."},
    {"__rmul__", kBinary, "Return value*self."},
    {"__mod__", kBinary, "Return self%value."},
    {"__rmod__", kBinary, "Return value%self."},
    {"__divmod__", kBinary, "Return divmod(self, value)."},
    {"__rdivmod__", kBinary, "Return divmod(value, self)."},
    {"__pow__", kTernary, "Return pow(self, value, mod)."},
    {"__rpow__", kTernary, "Return pow(value, self, mod)."},
    {"__neg__", kUnary, "-self"},
    {"__pos__", kUnary, "+self"},
    {"__abs__", kUnary, "abs(self)"},
    {"__bool__", kUnary, "True if self else False"},
    {"__invert__", kUnary, "~self"},
    {"__lshift__", kBinary, "Return self<<value."},
    {"__rlshift__", kBinary, "Return value<<self."},
    {"__rshift__", kBinary, "Return self>>value."},
    {"__rrshift__", kBinary, "Return value>>self."},
    {"__and__", kBinary, "Return self&value."},
    {"__rand__", kBinary, "Return value&self."},
    {"__xor__", kBinary, "Return self^value."},
    {"__rxor__", kBinary, "Return value^self."},
    {"__or__", kBinary, "Return self|value."},
    {"__ror__", kBinary, "Return value|self."},
    {"__int__", kUnary, "int(self)"},
    {"__float__", kUnary, "float(self)"},
    {"__index__", kUnary,
     "Return self converted to an integer, if self is suitable for use as an index into a list."},
    {"__floordiv__", kBinary, "Return self//value."},
    {"__rfloordiv__", kBinary, "Return value//self."},
    {"__truediv__", kBinary, "Return self/value."},
    {"__rtruediv__", kBinary, "Return value/self."},
    {"__matmul__", kBinary, "Return self@value."},
    {"__rmatmul__", kBinary, "Return value@self."},
    // The builtin types' += and *= are the sequence slots ("Implement"), the others the
    // number slots ("Return").
    {"__iadd__", kBinary, "Implement self+=value."},
    {"__imul__", kBinary, "Implement self*=value."},
    {"__isub__", kBinary, "Return self-=value."},
    {"__imod__", kBinary, "Return self%=value."},
    {"__ipow__", kBinary, "Return self**=value."},
    {"__ilshift__", kBinary, "Return self<<=value."},
    {"__irshift__", kBinary, "Return self>>=value."},
    {"__iand__", kBinary, "Return self&=value."},
    {"__ixor__", kBinary, "Return self^=value."},
    {"__ior__", kBinary, "Return self|=value."},
    {"__ifloordiv__", kBinary, "Return self//=value."},
    {"__itruediv__", kBinary, "Return self/=value."},
    {"__imatmul__", kBinary, "Return self@=value."},
    {"__len__", kUnary, "Return len(self)."},
    {"__getitem__", "($self, key, /)", "Return self[key]."},
    {"__setitem__", "($self, key, value, /)", "Set self[key] to value."},
    {"__delitem__", "($self, key, /)", "Delete self[key]."},
    {"__contains__", "($self, key, /)", "Return key in self."},
};

// Bound method-wrappers (and bound builtin methods) are equal when they call the same
// native on the same object: `x.__len__ == x.__len__` although each access makes one.
INTERP_NATIVE(bound_native_eq) {
  if (!is_layout(args[1], Layout::Native) || type_of(args[1]) != type_of(args[0]))
    return runtime().not_implemented;
  const NativeObject* a = ro<NativeObject>(args[0]);
  const NativeObject* b = ro<NativeObject>(args[1]);
  return py_bool(a->index == b->index && a->self == b->self);
}

INTERP_NATIVE(bound_native_ne) {
  Value eq = bound_native_eq(t, args, nargs, kwnames);
  if (eq == runtime().not_implemented) return eq;
  return py_bool(eq == runtime().false_);
}

INTERP_NATIVE(bound_native_hash) {
  const NativeObject* n = ro<NativeObject>(args[0]);
  return int_from_i64(t, std::int64_t((n->self.bits() >> 4) ^ std::uint64_t(n->index)) >> 1);
}

INTERP_NATIVE(wrapper_text_signature) {
  const NativeObject* n = ro<NativeObject>(args[0]);
  const SlotWrapper* s = slot_wrapper(n->owner, str_utf8(n->name));
  return s && s->text_signature ? str_from_ascii(t, s->text_signature) : none();
}

// A native's signature is the start of its documentation, as CPython writes it; None (which
// inspect reads as "unknown") for a native documented without one.
INTERP_NATIVE(native_text_signature) {
  const NativeInfo& info = runtime().natives[std::size_t(ro<NativeObject>(args[0])->index)];
  std::string_view signature = native_signature_text(info.name, info.doc);
  if (signature.empty()) return none();
  return str_from_utf8(t, signature);
}

} // namespace

const SlotWrapper* slot_wrapper(Value type, std::string_view name) {
  if (name.size() < 5 || name[0] != '_' || name[1] != '_') return nullptr;
  // CPython defines these as ordinary methods beside their slots, so they stay
  // method_descriptors there.
  bool coexisting =
      (name == "__getitem__" && (type == type_value(T_list) || type == type_value(T_dict))) ||
      (name == "__contains__" && (type == type_value(T_dict) || type == type_value(T_set) ||
                                  type == type_value(T_frozenset)));
  if (coexisting) return nullptr;
  for (const SlotWrapper& s : kSlots)
    if (name == s.name) return &s;
  return nullptr;
}

void set_slot_arity(std::int64_t native, const SlotWrapper& slot) {
  std::string_view sig = slot.text_signature ? slot.text_signature : "";
  if (sig.empty() || sig == kAnyArgs) return;
  // "($self, name, value=None, /)": the parameters between "$self" and "/".
  int required = 0, optional = 0;
  std::size_t at = sig.find(',');
  while (at != std::string_view::npos) {
    std::size_t next = sig.find(',', at + 1);
    std::string_view param =
        sig.substr(at + 1, next == std::string_view::npos ? std::string_view::npos : next - at - 1);
    if (param.find('/') != std::string_view::npos) break;
    (param.find('=') != std::string_view::npos ? optional : required) += 1;
    at = next;
  }
  NativeInfo& info = runtime().natives[std::size_t(native)];
  info.slot_min_args = std::int8_t(required);
  info.slot_max_args = std::int8_t(required + optional);
}

bool slot_arguments_ok(Thread& t, const NativeInfo& info, std::size_t given, Value kwnames) {
  if (kwnames && tuple_length(kwnames)) {
    raisef(t, exc(E_TypeError), "wrapper %s() takes no keyword arguments", info.name);
    return false;
  }
  std::size_t low = std::size_t(info.slot_min_args), high = std::size_t(info.slot_max_args);
  if (given >= low && given <= high) return true;
  std::size_t expected = given < low ? low : high;
  const char* plural = expected == 1 ? "" : "s";
  if (high <= 1) {
    // The wrappers of unary and binary slots count their arguments themselves...
    raisef(t, exc(E_TypeError), "expected %lld argument%s, got %lld", (long long)expected, plural,
           (long long)given);
  } else {
    // ...the others unpack them with an unnamed PyArg_UnpackTuple, hence the space.
    const char* bound = low == high ? "" : given < low ? "at least " : "at most ";
    raisef(t, exc(E_TypeError), " expected %s%lld argument%s, got %lld", bound, (long long)expected,
           plural, (long long)given);
  }
  return false;
}

bool method_arguments_ok(Thread& t, const NativeInfo& info, Value type, std::size_t given,
                         Value kwnames) {
  std::string name = type_name(type) + "." + info.name;
  if (kwnames && tuple_length(kwnames)) {
    raisef(t, exc(E_TypeError), "%s() takes no keyword arguments", name.c_str());
    return false;
  }
  if (info.method_args == std::int8_t(MethodArgs::positional)) return true;
  if (given == std::size_t(info.method_args)) return true;
  raisef(t, exc(E_TypeError), "%s() takes %s (%zu given)", name.c_str(),
         info.method_args ? "exactly one argument" : "no arguments", given);
  return false;
}

void init_slot_wrapper_types(Thread& t) {
  for (TypeId id : {T_method_wrapper, T_builtin_function}) {
    Value type = type_value(id);
    add_method(t, type, "__eq__", bound_native_eq);
    add_method(t, type, "__ne__", bound_native_ne);
    add_method(t, type, "__hash__", bound_native_hash);
  }
  for (TypeId id : {T_wrapper_descriptor, T_method_wrapper})
    add_getter(t, type_value(id), "__text_signature__", wrapper_text_signature);
  for (TypeId id : {T_builtin_function, T_method_descriptor})
    add_getter(t, type_value(id), "__text_signature__", native_text_signature);
}

} // namespace interp
