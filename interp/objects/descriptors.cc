// interp/objects/descriptors.cc - property, classmethod, staticmethod and super: the
// builtin descriptors, and the singletons None, NotImplemented and Ellipsis.
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

namespace interp {

Value descriptor_get(Thread& t, Value descr, Value obj, Value type); // ops_attr.cc
Value wrapper_bind(Thread& t, Value descr, Value obj, Value type);   // ops_attr.cc

int abstract_flag(Thread& t, Value fn) {
  if (fn == none()) return 0;
  Value flag = getattr_opt(t, fn, name(N___isabstractmethod__));
  if (!flag) return t.pending ? -1 : 0;
  return truthy(t, flag);
}

namespace {

// ---- property -----------------------------------------------------------------------------

INTERP_NATIVE(property_new) {
  Value p = allocate(t, Layout::Property, args[0], sizeof(PropertyObject));
  if (!p) return {};
  PropertyObject* o = fresh<PropertyObject>(p);
  o->fget = o->fset = o->fdel = o->doc = o->name = none();
  return p;
}

INTERP_NATIVE(property_init) {
  static const char* const kAllowed[] = {"fget", "fset", "fdel", "doc", nullptr};
  if (!check_keywords(t, "property", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - 1 - keyword_count(kwnames);
  if (npos > 4)
    return raisef(t, exc(E_TypeError), "property() takes at most 4 arguments (%zu given)", npos);
  Value fields[4];
  const char* names[4] = {"fget", "fset", "fdel", "doc"};
  for (int i = 0; i < 4; ++i) {
    fields[i] = std::size_t(i) < npos ? args[1 + i] : keyword_arg(kwnames, args, nargs, names[i]);
    if (!fields[i]) fields[i] = none();
  }
  Value doc = fields[3];
  if (doc == none() && fields[0] != none()) {
    doc = getattr_opt(t, fields[0], name(N___doc__));
    if (!doc) {
      if (t.pending) return {};
      doc = none();
    }
  }
  PropertyObject* o = wr<PropertyObject>(args[0]);
  o->fget = fields[0];
  o->fset = fields[1];
  o->fdel = fields[2];
  o->doc = doc;
  return none();
}

INTERP_NATIVE(property_get) {
  Value obj = nargs > 1 ? args[1] : none();
  if (obj == none()) return args[0];
  return descriptor_get(t, args[0], obj, nargs > 2 ? args[2] : type_of(obj));
}

INTERP_NATIVE(property_set) {
  return property_store(t, args[0], args[1], args[2]) ? none() : Value();
}

INTERP_NATIVE(property_delete) {
  return property_store(t, args[0], args[1], Value()) ? none() : Value();
}

Value property_copy(Thread& t, Value self, int which, Value fn) {
  const PropertyObject* p = rd<PropertyObject>(self);
  Value fields[3] = {p->fget, p->fset, p->fdel};
  fields[which] = fn;
  Value argv[5] = {fields[0], fields[1], fields[2], p->doc};
  // A docstring that came from the getter follows the getter; one given as doc= stays.
  if (p->fget != none() && p->doc != none() && fields[0] != none()) {
    Value getter_doc = getattr_opt(t, p->fget, name(N___doc__));
    if (!getter_doc && t.pending) return {};
    if (getter_doc == p->doc) argv[3] = none();
  }
  Value r = call(t, type_of(self), argv, 4);
  // The copy keeps the name that __set_name__ gave (a setter defined in the class body).
  if (r && r.is_object() && is_layout(r, Layout::Property))
    wr<PropertyObject>(r)->name = rd<PropertyObject>(self)->name;
  return r;
}

INTERP_NATIVE(property_getter) {
  if (!check_positional(t, "property.getter", nargs, kwnames, 1, 1)) return {};
  return property_copy(t, args[0], 0, args[1]);
}
INTERP_NATIVE(property_setter) {
  if (!check_positional(t, "property.setter", nargs, kwnames, 1, 1)) return {};
  return property_copy(t, args[0], 1, args[1]);
}
INTERP_NATIVE(property_deleter) {
  if (!check_positional(t, "property.deleter", nargs, kwnames, 1, 1)) return {};
  return property_copy(t, args[0], 2, args[1]);
}

// abc finds abstract properties, class methods and static methods through the
// functions they wrap.
INTERP_NATIVE(property_isabstract) {
  const PropertyObject* p = rd<PropertyObject>(args[0]);
  for (Value fn : {p->fget, p->fset, p->fdel}) {
    int r = abstract_flag(t, fn);
    if (r != 0) return r < 0 ? Value() : runtime().true_;
  }
  return runtime().false_;
}

INTERP_NATIVE(property_getattribute) {
  const PropertyObject* p = rd<PropertyObject>(args[0]);
  if (str_equal_ascii(args[1], "fget")) return p->fget;
  if (str_equal_ascii(args[1], "fset")) return p->fset;
  if (str_equal_ascii(args[1], "fdel")) return p->fdel;
  if (str_equal_ascii(args[1], "__doc__")) return p->doc;
  return generic_getattr(t, args[0], args[1], false);
}

// A property's docstring is writable (namedtuple and dataclasses set it); its other
// fields are not.
INTERP_NATIVE(property_setattr) {
  if (str_check(args[1]) && str_equal_ascii(args[1], "__doc__")) {
    wr<PropertyObject>(args[0])->doc = nargs > 2 && args[2] ? args[2] : none();
    return none();
  }
  return generic_setattr(t, args[0], args[1], nargs > 2 ? args[2] : Value()) ? none() : Value();
}

INTERP_NATIVE(property_set_name) {
  if (nargs != 3 || keyword_count(kwnames))
    return raisef(t, exc(E_TypeError),
                  "__set_name__() takes 2 positional arguments but %zu were given", nargs - 1);
  wr<PropertyObject>(args[0])->name = args[2];
  return none();
}

// ---- classmethod / staticmethod -------------------------------------------------------------

INTERP_NATIVE(wrapper_new) {
  Value w = allocate(t, Layout::Wrapper, args[0], sizeof(WrapperObject));
  if (w) fresh<WrapperObject>(w)->wrapped = none();
  return w;
}

// The wrapped function's module, names, docstring and annotations are copied into the
// wrapper's own __dict__ (3.10+), where typing.final and others may add more.
INTERP_NATIVE(wrapper_init) {
  if (!check_positional(t, type_name_of(args[0]).c_str(), nargs, kwnames, 1, 1)) return {};
  wr<WrapperObject>(args[0])->wrapped = args[1];
  for (const char* attr :
       {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"}) {
    Value key = intern_literal(t, attr);
    Value v = getattr_opt(t, args[1], key);
    if (!v && t.pending) return {};
    if (v && !generic_setattr(t, args[0], key, v)) return {};
  }
  return none();
}

INTERP_NATIVE(wrapper_get) {
  return wrapper_bind(t, args[0], nargs > 1 && args[1] != none() ? args[1] : Value(),
                      nargs > 2 ? args[2] : (nargs > 1 ? type_of(args[1]) : Value()));
}

// <classmethod(<function f at 0x...>)>, naming a subclass when it is one.
INTERP_NATIVE(wrapper_repr) {
  Value r = repr(t, ro<WrapperObject>(args[0])->wrapped);
  if (!r) return {};
  return str_from_utf8(t, "<" + type_name(type_of(args[0])) + "(" + str_utf8(r) + ")>");
}

INTERP_NATIVE(staticmethod_call) {
  return call(t, ro<WrapperObject>(args[0])->wrapped, args + 1, nargs - 1, kwnames);
}

INTERP_NATIVE(wrapper_getattribute) {
  if (str_equal_ascii(args[1], "__func__") || str_equal_ascii(args[1], "__wrapped__"))
    return ro<WrapperObject>(args[0])->wrapped;
  return generic_getattr(t, args[0], args[1], false);
}

INTERP_NATIVE(wrapper_isabstract) {
  int r = abstract_flag(t, ro<WrapperObject>(args[0])->wrapped);
  return r < 0 ? Value() : py_bool(r);
}

// ---- super ----------------------------------------------------------------------------------

INTERP_NATIVE(super_new) {
  Value s = allocate(t, Layout::Super, args[0], sizeof(SuperObject));
  return s;
}

// The class super() looks past `type` in: obj itself when it is a subclass, else its type,
// else what its __class__ claims (a proxy's), as long as that is a subclass of `type`.
Value super_check(Thread& t, Value type, Value obj) {
  if (is_layout(obj, Layout::Type) && is_subtype(obj, type)) return obj;
  if (is_subtype(type_of(obj), type)) return type_of(obj);
  Value claimed = getattr_opt(t, obj, name(N___class__));
  if (!claimed && t.pending) return {};
  if (claimed && is_layout(claimed, Layout::Type) && claimed != type_of(obj) &&
      is_subtype(claimed, type))
    return claimed;
  return raise(t, exc(E_TypeError), "super(type, obj): obj must be an instance or subtype of type");
}

INTERP_NATIVE(super_init) {
  Value self = args[0];
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "super() takes no keyword arguments");
  if (nargs > 3)
    return raisef(t, exc(E_TypeError), "super() expected at most 2 arguments, got %zu", nargs - 1);
  Value type, obj;
  if (nargs == 1) {
    // Zero-argument form: the __class__ cell and the first argument of the calling frame.
    if (!vm::super_arguments(t, type, obj)) return {};
  } else {
    type = args[1];
    obj = nargs > 2 ? args[2] : Value();
  }
  if (!is_layout(type, Layout::Type))
    return raisef(t, exc(E_TypeError), "super() argument 1 must be a type, not %s",
                  type_name_of(type).c_str());
  Value obj_type;
  if (obj && obj != none()) {
    obj_type = super_check(t, type, obj);
    if (!obj_type) return {};
  } else {
    obj = {};
  }
  SuperObject* o = wr<SuperObject>(self);
  o->type = type;
  o->obj = obj;
  o->obj_type = obj_type;
  return none();
}

// Binds an unbound super(type) to an instance; a bound one stays as it is.
INTERP_NATIVE(super_get) {
  Value self = args[0];
  Value obj = nargs > 1 ? args[1] : none();
  const SuperObject* s = rd<SuperObject>(self);
  if (obj == none() || s->obj) return self;
  Value type = s->type;
  if (type_of(self) != type_value(T_super)) return call2(t, type_of(self), type, obj);
  Value obj_type = super_check(t, type, obj);
  if (!obj_type) return {};
  Value bound = allocate(t, Layout::Super, type_value(T_super), sizeof(SuperObject));
  if (!bound) return {};
  SuperObject* o = fresh<SuperObject>(bound);
  o->type = type;
  o->obj = obj;
  o->obj_type = obj_type;
  return bound;
}

INTERP_NATIVE(super_thisclass) {
  Value v = rd<SuperObject>(args[0])->type;
  return v ? v : none();
}
INTERP_NATIVE(super_self) {
  Value v = rd<SuperObject>(args[0])->obj;
  return v ? v : none();
}
INTERP_NATIVE(super_self_class) {
  Value v = rd<SuperObject>(args[0])->obj_type;
  return v ? v : none();
}

INTERP_NATIVE(super_getattribute) {
  const SuperObject* s = rd<SuperObject>(args[0]);
  Value attr = args[1];
  if (s->obj_type && !str_equal_ascii(attr, "__class__")) {
    Value mro = rd<TypeObject>(s->obj_type)->mro;
    std::int64_t n = tuple_length(mro), i = 0;
    while (i < n && tuple_item(mro, i) != s->type)
      ++i;
    for (++i; i < n; ++i) {
      Value dict = rd<TypeObject>(tuple_item(mro, i))->dict;
      Value found = dict_get_str(dict, attr);
      if (!found) continue;
      Value obj = s->obj == s->obj_type ? Value() : s->obj;
      return descriptor_get(t, found, obj, s->obj_type);
    }
  }
  return generic_getattr(t, args[0], attr, false);
}

INTERP_NATIVE(super_repr) {
  const SuperObject* s = rd<SuperObject>(args[0]);
  std::string text = "<super: <class '" + type_name(s->type) + "'>, ";
  text += s->obj_type ? "<" + type_name(s->obj_type) + " object>>" : "NULL>";
  return str_from_utf8(t, text);
}

// ---- singletons ---------------------------------------------------------------------------

INTERP_NATIVE(none_repr) {
  return str_from_ascii(t, "None");
}
INTERP_NATIVE(none_bool) {
  return runtime().false_;
}
INTERP_NATIVE(none_new) {
  if (nargs > 1 || keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "NoneType takes no arguments");
  return none();
}
// NotImplementedType() and type(...)() give the singletons back.
INTERP_NATIVE(not_implemented_new) {
  if (nargs > 1 || keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "NotImplementedType takes no arguments");
  return runtime().not_implemented;
}
INTERP_NATIVE(ellipsis_new) {
  if (nargs > 1 || keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "EllipsisType takes no arguments");
  return runtime().ellipsis;
}
INTERP_NATIVE(not_implemented_bool) {
  if (!warn(t, exc(E_DeprecationWarning), "NotImplemented should not be used in a boolean context"))
    return {};
  return runtime().true_;
}
INTERP_NATIVE(not_implemented_repr) {
  return str_from_ascii(t, "NotImplemented");
}
INTERP_NATIVE(ellipsis_repr) {
  return str_from_ascii(t, "Ellipsis");
}

// ---- getset_descriptor: the attributes of builtin types (int.real, function.__code__) ----

INTERP_NATIVE(getset_repr) {
  return str_from_utf8(t, "<attribute '" + str_utf8(ro<PropertyObject>(args[0])->name) + "' of '" +
                              type_name(descriptor_owner(args[0])) + "' objects>");
}

INTERP_NATIVE(getset_name) {
  return ro<PropertyObject>(args[0])->name;
}

INTERP_NATIVE(getset_doc) {
  return ro<PropertyObject>(args[0])->doc;
}

INTERP_NATIVE(getset_objclass) {
  return descriptor_owner(args[0]);
}

// CPython's descr_get_qualname: the owner's __qualname__, a dot, the name.
INTERP_NATIVE(getset_qualname) {
  Value owner = descriptor_owner(args[0]);
  Value qualname = getattr(t, owner, name(N___qualname__));
  if (!qualname) return {};
  if (!str_check(qualname))
    return raise(t, exc(E_TypeError),
                 "<descriptor>.__objclass__.__qualname__ is not a unicode object");
  return str_from_utf8(t, str_utf8(qualname) + "." + str_utf8(ro<PropertyObject>(args[0])->name));
}

} // namespace

Value descriptor_qualname(Thread& t, const Value* args, std::size_t nargs, Value kwnames) {
  return getset_qualname(t, args, nargs, kwnames);
}

Value descriptor_owner(Value descr) {
  return ro<NativeObject>(ro<PropertyObject>(descr)->fget)->owner;
}

void init_descriptor_types(Thread& t) {
  Value g = type_value(T_getset_descriptor);
  add_method(t, g, "__get__", property_get);
  add_method(t, g, "__set__", property_set);
  add_method(t, g, "__delete__", property_delete);
  add_method(t, g, "__repr__", getset_repr);
  add_getter(t, g, "__name__", getset_name);
  add_getter(t, g, "__qualname__", getset_qualname);
  add_getter(t, g, "__objclass__", getset_objclass);
  add_getter(t, g, "__doc__", getset_doc);
  Value p = type_value(T_property);
  add_staticmethod(t, p, "__new__", property_new);
  add_method(t, p, "__init__", property_init);
  add_method(t, p, "__get__", property_get);
  add_method(t, p, "__set__", property_set);
  add_method(t, p, "__delete__", property_delete);
  add_method(t, p, "getter", property_getter);
  add_method(t, p, "setter", property_setter);
  add_method(t, p, "deleter", property_deleter);
  add_method(t, p, "__getattribute__", property_getattribute);
  add_method(t, p, "__setattr__", property_setattr);
  add_method(t, p, "__set_name__", property_set_name);
  add_getter(t, p, "__isabstractmethod__", property_isabstract);
  add_named_members(t, p, {"fget", "fset", "fdel"}, property_getattribute);
  for (TypeId id : {T_classmethod, T_staticmethod}) {
    Value w = type_value(id);
    wr<TypeObject>(w)->flags &= ~std::uint64_t(kNoInstanceDict);
    add_staticmethod(t, w, "__new__", wrapper_new);
    add_method(t, w, "__init__", wrapper_init);
    add_method(t, w, "__get__", wrapper_get);
    add_method(t, w, "__getattribute__", wrapper_getattribute);
    add_method(t, w, "__repr__", wrapper_repr);
    add_named_members(t, w, {"__func__", "__wrapped__"}, wrapper_getattribute);
    add_getter(t, w, "__isabstractmethod__", wrapper_isabstract);
  }
  add_method(t, type_value(T_staticmethod), "__call__", staticmethod_call);
  Value s = type_value(T_super);
  add_staticmethod(t, s, "__new__", super_new);
  add_method(t, s, "__init__", super_init);
  add_method(t, s, "__getattribute__", super_getattribute);
  add_method(t, s, "__repr__", super_repr);
  add_method(t, s, "__get__", super_get);
  add_getter(t, s, "__thisclass__", super_thisclass);
  add_getter(t, s, "__self__", super_self);
  add_getter(t, s, "__self_class__", super_self_class);
  add_method(t, type_value(T_NoneType), "__repr__", none_repr);
  add_method(t, type_value(T_NoneType), "__bool__", none_bool);
  add_staticmethod(t, type_value(T_NoneType), "__new__", none_new);
  add_method(t, type_value(T_NotImplementedType), "__repr__", not_implemented_repr);
  add_method(t, type_value(T_ellipsis), "__repr__", ellipsis_repr);
  add_staticmethod(t, type_value(T_NotImplementedType), "__new__", not_implemented_new);
  add_method(t, type_value(T_NotImplementedType), "__bool__", not_implemented_bool);
  add_staticmethod(t, type_value(T_ellipsis), "__new__", ellipsis_new);
  // Both pickle as their name, which is also their repr.
  add_method(t, type_value(T_NotImplementedType), "__reduce__", not_implemented_repr);
  add_method(t, type_value(T_ellipsis), "__reduce__", ellipsis_repr);
}

} // namespace interp
