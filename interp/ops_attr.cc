// interp/ops_attr.cc - attribute access: the descriptor protocol and the generic
// algorithm of object.__getattribute__ / __setattr__, and special-method lookup.
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

namespace interp {

namespace {

bool is_data_descriptor(Value descr) {
  if (!descr.is_object()) return false;
  if (is_layout(descr, Layout::Property)) return true;
  Value dt = type_of(descr);
  if (!(rd<TypeObject>(dt)->flags & kHeapType)) return false;
  return type_lookup(dt, name(N___set__)) || type_lookup(dt, name(N___delete__));
}

// A data descriptor that also reads: it takes precedence over the instance dict. One
// with __set__ and no __get__ does not (the dict's value, else the descriptor itself).
static bool overrides_instance_dict(Value descr) {
  if (!is_data_descriptor(descr)) return false;
  return is_layout(descr, Layout::Property) || type_lookup(type_of(descr), name(N___get__));
}

} // namespace

// What staticmethod's and classmethod's __get__ give (also for their subclasses).
Value wrapper_bind(Thread& t, Value descr, Value obj, Value type) {
  Value inner = ro<WrapperObject>(descr)->wrapped;
  if (is_subtype(type_of(descr), type_value(T_staticmethod))) return inner;
  Value cls = type ? type : type_of(obj);
  if (is_layout(inner, Layout::Native))
    return native_new(t, ro<NativeObject>(inner)->index, cls, ro<NativeObject>(inner)->owner,
                      T_builtin_function);
  // 3.9-3.12 chain through a wrapped descriptor, so classmethod(property(f)) makes a class
  // property.
  if (inner.is_object() && !is_layout(inner, Layout::Function) &&
      type_lookup(type_of(inner), name(N___get__)))
    return descriptor_get(t, inner, cls, cls);
  return method_new(t, inner, cls);
}

// " 'name'" for a property that __set_name__ named (assigned in a class body), else "".
std::string property_label(Thread& t, Value property) {
  Value n = rd<PropertyObject>(property)->name;
  return n && n != none() ? ' ' + repr_utf8(t, n) : std::string();
}

// The qualified name of an object's class, as a property's errors name it.
std::string type_qualname_of(Value obj) {
  Value q = rd<TypeObject>(type_of(obj))->qualname;
  return q && str_check(q) ? str_utf8(q) : type_name_of(obj);
}

// descr.__get__(obj, type) with fast paths for the builtin descriptors. obj 0: accessed
// on the class.
// A builtin type's attribute (getset descriptor) reads the fields of its own instances
// only: used on anything else (Pickler.fast.__get__(object())) it is CPython's TypeError,
// never a read of fields the object does not have.
bool getset_applies(Thread& t, Value descr, Value obj) {
  if (type_of(descr) != type_value(T_getset_descriptor)) return true;
  Value fget = rd<PropertyObject>(descr)->fget;
  if (!fget.is_object() || !is_layout(fget, Layout::Native)) return true;
  Value owner = descriptor_owner(descr);
  if (!owner || type_of(obj) == owner || is_subtype(type_of(obj), owner)) return true;
  raisef(t, exc(E_TypeError), "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
         str_utf8(rd<PropertyObject>(descr)->name).c_str(), display_name(owner).c_str(),
         type_name_of(obj).c_str());
  return false;
}

Value descriptor_get(Thread& t, Value descr, Value obj, Value type) {
  if (!descr.is_object()) return descr;
  switch (layout_of(descr)) {
  case Layout::Function:
    if (!obj) return descr;
    return method_new(t, descr, obj);
  case Layout::Native:
    if (!obj || !is_native_descriptor_type(type_of(descr))) return descr;
    return native_descriptor_bind(t, descr, obj);
  case Layout::Wrapper: {
    Value kind = type_of(descr);
    if (kind == type_value(T_staticmethod) || kind == type_value(T_classmethod))
      return wrapper_bind(t, descr, obj, type);
    break; // a subclass: its own __get__, or classmethod's, which binds as above
  }
  case Layout::Property: {
    if (!obj) return descr;
    if (!getset_applies(t, descr, obj)) return {};
    Value fget = rd<PropertyObject>(descr)->fget;
    if (!fget || fget == none())
      return raisef(t, exc(E_AttributeError), "property%s of '%s' object has no getter",
                    property_label(t, descr).c_str(), type_qualname_of(obj).c_str());
    return call1(t, fget, obj);
  }
  default:
    break;
  }
  Value dt = type_of(descr);
  Value get = type_lookup(dt, name(N___get__));
  if (!get) return descr;
  Value args[3] = {descr, obj ? obj : none(), type ? type : type_of(obj)};
  return call(t, get, args, 3);
}

Value generic_getattr(Thread& t, Value obj, Value attr, bool suppress_missing) {
  Value type = type_of(obj);
  Value descr = type_lookup(type, attr);
  if (descr && overrides_instance_dict(descr)) return descriptor_get(t, descr, obj, type);
  if (obj.is_object()) {
    Value dict = rd<Object>(obj)->dict;
    if (dict) {
      if (Value v = dict_get_str(dict, attr)) return v;
    }
  }
  if (descr) return descriptor_get(t, descr, obj, type);
  if (str_equal_ascii(attr, "__class__")) return type;
  if (str_equal_ascii(attr, "__dict__") && obj.is_object()) {
    if (Value dict = rd<Object>(obj)->dict) return dict;
    // The dict is made on first use; instances of classes that have one may ask first.
    if (has_instance_dict(type)) {
      Value dict = dict_new(t);
      if (!dict) return {};
      wr<Object>(obj)->dict = dict;
      return dict;
    }
  }
  if (suppress_missing) return {};
  raisef(t, exc(E_AttributeError), "'%s' object has no attribute '%s'",
         display_name(type).c_str(), str_utf8(attr).c_str());
  attribute_error_context(t, obj, attr);
  return {};
}

// The attribute of a class: the metaclass's data descriptors, then the class's MRO
// (descriptors bound with obj = None), then the metaclass's other attributes.
static Value type_getattr(Thread& t, Value type, Value attr, bool suppress_missing) {
  Value meta = type_of(type);
  Value meta_attr = type_lookup(meta, attr);
  if (meta_attr && is_data_descriptor(meta_attr)) return descriptor_get(t, meta_attr, type, meta);
  if (Value found = type_lookup(type, attr)) {
    return descriptor_get(t, found, {}, type);
  }
  if (meta_attr) return descriptor_get(t, meta_attr, type, meta);
  if (suppress_missing) return {};
  return raisef(t, exc(E_AttributeError), "type object '%s' has no attribute '%s'",
                display_name(type).c_str(), str_utf8(attr).c_str());
}

bool is_object_slot(Value f) {
  return f && is_layout(f, Layout::Native) && ro<NativeObject>(f)->owner == type_value(T_object);
}

void update_type_flags(Value type) {
  std::uint64_t flags =
      rd<TypeObject>(type)->flags &
      ~std::uint64_t(kHasGetattr | kCustomGetattribute | kCustomSetattr | kHasDel);
  if (type_lookup(type, name(N___getattr__))) flags |= kHasGetattr;
  // Only classes: builtin types finalize nothing in Python code.
  if ((flags & kHeapType) && type_lookup(type, name(N___del__))) flags |= kHasDel;
  Value ga = type_lookup(type, name(N___getattribute__));
  if (ga && !is_object_slot(ga)) flags |= kCustomGetattribute;
  Value sa = type_lookup(type, name(N___setattr__));
  Value da = type_lookup(type, name(N___delattr__));
  if ((sa && !is_object_slot(sa)) || (da && !is_object_slot(da))) flags |= kCustomSetattr;
  // A non-empty __abstractmethods__ of the class itself (abc sets it) forbids instances.
  flags &= ~std::uint64_t(kIsAbstract);
  Value own = rd<TypeObject>(type)->dict;
  Value abstract = own ? dict_get_str(own, name(N___abstractmethods__)) : Value();
  if (abstract && (!is_layout(abstract, Layout::Set) || rd<SetObject>(abstract)->length > 0))
    flags |= kIsAbstract;
  wr<TypeObject>(type)->flags = flags;
  // The classes below inherit the hooks: theirs follow.
  if (Value below = rd<TypeObject>(type)->subclasses)
    for (std::int64_t k = 0, n = list_length(below); k < n; ++k)
      if (Value sub = rd<WeakRefObject>(list_item(below, k))->target) update_type_flags(sub);
}

static Value module_getattr(Thread& t, Value obj, Value attr, bool suppress_missing) {
  Value d = rd<Object>(obj)->dict;
  if (Value v = dict_get_str(d, attr)) return v;
  if (str_equal_ascii(attr, "__annotations__")) { // made empty (and kept) on first use
    Value a = dict_new(t);
    return a && dict_set(t, d, attr, a) ? a : Value();
  }
  Value r = generic_getattr(t, obj, attr, true);
  if (r || t.pending) return r;
  if (Value ga = dict_get_str(d, name(N___getattr__))) {
    Value result = call1(t, ga, attr);
    if (!result && suppress_missing && matches(t, exc(E_AttributeError))) clear_pending(t);
    return result;
  }
  if (suppress_missing) return {};
  Value modname = dict_get_str(d, name(N___name__));
  if (modname && str_check(modname))
    return raisef(t, exc(E_AttributeError), "module '%s' has no attribute '%s'",
                  str_utf8(modname).c_str(), str_utf8(attr).c_str());
  return raisef(t, exc(E_AttributeError), "module has no attribute '%s'", str_utf8(attr).c_str());
}

Value getattr_impl(Thread& t, Value obj, Value attr, bool suppress_missing) {
  Value type = type_of(obj);
  std::uint64_t flags = rd<TypeObject>(type)->flags;
  Value r;
  bool fallback = flags & kHasGetattr;
  Value ga;
  if (flags & kCustomGetattribute) {
    // __getattr__ as it is before __getattribute__ runs (which may delete it), as CPython's
    // slot_tp_getattr_hook takes it.
    if (fallback) ga = type_lookup(type, name(N___getattr__));
    fallback = bool(ga);
    Value custom = type_lookup(type, name(N___getattribute__));
    Value args[2] = {obj, attr};
    r = is_layout(custom, Layout::Native)
            ? call(t, custom, args, 2)
            : vm::call_function_or_other(t, custom, obj, &attr, 1, {});
    if (r) return r;
    if (!matches(t, exc(E_AttributeError))) return {};
    if (!fallback) {
      if (suppress_missing) clear_pending(t);
      return {};
    }
    clear_pending(t);
  } else {
    bool quiet = suppress_missing || fallback;
    if (obj.is_object() && is_layout(obj, Layout::Type))
      r = type_getattr(t, obj, attr, quiet);
    else if (obj.is_object() && is_layout(obj, Layout::Module))
      r = module_getattr(t, obj, attr, quiet);
    else
      r = generic_getattr(t, obj, attr, quiet);
    if (r || !fallback) {
      // An AttributeError from a descriptor (a property's getter) says "missing" too.
      if (!r && suppress_missing && t.pending && matches(t, exc(E_AttributeError)))
        clear_pending(t);
      return r;
    }
    // An AttributeError from a descriptor (a property's getter) falls back too.
    if (t.pending) {
      if (!matches(t, exc(E_AttributeError))) return {};
      clear_pending(t);
    }
  }
  if (!ga) ga = type_lookup(type, name(N___getattr__));
  if (!ga) { // a descriptor deleted it meanwhile: the attribute is missing
    if (!suppress_missing)
      raisef(t, exc(E_AttributeError), "'%s' object has no attribute '%s'",
             type_name_of(obj).c_str(), str_utf8(attr).c_str());
    return {};
  }
  r = vm::call_function_or_other(t, ga, obj, &attr, 1, {});
  if (!r && suppress_missing && matches(t, exc(E_AttributeError))) clear_pending(t);
  return r;
}

void attribute_error_context(Thread& t, Value obj, Value attr) {
  if (!t.pending || !exception_check(t.pending) ||
      !is_subtype(type_of(t.pending), exc(E_AttributeError)))
    return;
  const ExceptionObject* e = rd<ExceptionObject>(t.pending);
  if ((e->extra[0] && e->extra[0] != none()) || (e->extra[1] && e->extra[1] != none())) return;
  ExceptionObject* w = wr<ExceptionObject>(t.pending);
  w->extra[0] = attr;
  w->extra[1] = obj;
}

Value getattr(Thread& t, Value obj, Value attr) {
  if (!str_check(attr))
    return raisef(t, exc(E_TypeError), "attribute name must be string, not '%s'",
                  type_name_of(attr).c_str());
  Value r = getattr_impl(t, obj, attr, false);
  if (!r) attribute_error_context(t, obj, attr);
  return r;
}

Value getattr_opt(Thread& t, Value obj, Value attr) {
  return getattr_impl(t, obj, attr, true);
}

bool property_store(Thread& t, Value descr, Value obj, Value value) {
  if (!getset_applies(t, descr, obj)) return false;
  const PropertyObject* p = rd<PropertyObject>(descr);
  Value fn = value ? p->fset : p->fdel;
  if (fn && fn != none()) return bool(value ? call2(t, fn, obj, value) : call1(t, fn, obj));
  if (type_of(descr) == type_value(T_getset_descriptor)) { // a builtin type's attribute
    raisef(t, exc(E_AttributeError), "attribute %s of '%s' objects is not writable",
           repr_utf8(t, p->name).c_str(), display_name(descriptor_owner(descr)).c_str());
    return false;
  }
  if (is_member_descriptor(descr)) {
    raise(t, exc(E_AttributeError), "readonly attribute");
    return false;
  }
  raisef(t, exc(E_AttributeError),
         value ? "property%s of '%s' object has no setter"
               : "property%s of '%s' object has no deleter",
         property_label(t, descr).c_str(), type_qualname_of(obj).c_str());
  return false;
}

bool generic_setattr(Thread& t, Value obj, Value attr, Value value) {
  Value type = type_of(obj);
  Value descr = type_lookup(type, attr);
  if (descr && descr.is_object()) {
    if (is_layout(descr, Layout::Property)) return property_store(t, descr, obj, value);
    Value dt = type_of(descr);
    if (rd<TypeObject>(dt)->flags & kHeapType) {
      if (value) {
        if (Value set = type_lookup(dt, name(N___set__))) {
          Value args[3] = {descr, obj, value};
          return bool(call(t, set, args, 3));
        }
      } else if (Value del = type_lookup(dt, name(N___delete__))) {
        Value args[2] = {descr, obj};
        return bool(call(t, del, args, 2));
      } else if (type_lookup(dt, name(N___set__))) {
        raise(t, exc(E_AttributeError), "__delete__");
        return false;
      }
    }
  }
  if (!obj.is_object() || !has_instance_dict(type)) {
    if (descr)
      raisef(t, exc(E_AttributeError), "'%s' object attribute '%s' is read-only",
             display_name(type).c_str(), str_utf8(attr).c_str());
    else
      raisef(t, exc(E_AttributeError), "'%s' object has no attribute '%s'",
             display_name(type).c_str(), str_utf8(attr).c_str());
    return false;
  }
  if (str_equal_ascii(attr, "__dict__")) {
    if (!value) {
      raise(t, exc(E_TypeError), "cannot delete __dict__");
      return false;
    }
    if (!dict_check(value)) {
      raisef(t, exc(E_TypeError), "__dict__ must be set to a dictionary, not a '%s'",
             type_name_of(value).c_str());
      return false;
    }
    wr<Object>(obj)->dict = value;
    return true;
  }
  Value dict = rd<Object>(obj)->dict;
  if (!value) {
    int r = dict ? dict_del(t, dict, attr) : 0;
    if (r < 0) return false;
    if (r == 0) {
      raisef(t, exc(E_AttributeError), "'%s' object has no attribute '%s'",
             display_name(type).c_str(), str_utf8(attr).c_str());
      return false;
    }
    return true;
  }
  if (!dict) {
    dict = dict_new(t);
    if (!dict) return false;
    wr<Object>(obj)->dict = dict;
  }
  return dict_set(t, dict, attr, value);
}

bool setattr(Thread& t, Value obj, Value attr, Value value) {
  if (!str_check(attr)) {
    raisef(t, exc(E_TypeError), "attribute name must be string, not '%s'",
           type_name_of(attr).c_str());
    return false;
  }
  Value type = type_of(obj);
  if (rd<TypeObject>(type)->flags & kCustomSetattr) {
    Value custom = type_lookup(type, name(value ? N___setattr__ : N___delattr__));
    if (custom && !is_object_slot(custom)) {
      Value args[3] = {obj, attr, value};
      return bool(call(t, custom, args, value ? 3 : 2));
    }
  }
  if (obj.is_object() && is_layout(obj, Layout::Type)) {
    if (!(rd<TypeObject>(obj)->flags & kHeapType)) {
      raisef(t, exc(E_TypeError), "cannot set '%s' attribute of immutable type '%s'",
             str_utf8(attr).c_str(), display_name(obj).c_str());
      return false;
    }
    Value meta_descr = type_lookup(type, attr);
    if (meta_descr && is_data_descriptor(meta_descr)) return generic_setattr(t, obj, attr, value);
    Value dict = rd<Object>(obj)->dict;
    if (!value) {
      int r = dict_del(t, dict, attr);
      if (r == 0)
        raisef(t, exc(E_AttributeError), "type object '%s' has no attribute '%s'",
               display_name(obj).c_str(), str_utf8(attr).c_str());
      if (r > 0) type_modified(obj);
      return r > 0;
    }
    if (!dict_set(t, dict, attr, value)) return false;
    type_modified(obj);
    if (str_length(attr) > 4 && str_at(attr, 0) == '_' && str_at(attr, 1) == '_')
      update_type_flags(obj);
    return true;
  }
  if (obj.is_object() && is_layout(obj, Layout::Module)) {
    // A data descriptor of the module's class (__class__, a subclass's property) first.
    Value descr = type_lookup(type_of(obj), attr);
    if (descr && is_data_descriptor(descr)) return generic_setattr(t, obj, attr, value);
    Value dict = rd<Object>(obj)->dict;
    if (!value) {
      int r = dict_del(t, dict, attr);
      if (r == 0)
        raisef(t, exc(E_AttributeError), "module has no attribute '%s'", str_utf8(attr).c_str());
      return r > 0;
    }
    return dict_set(t, dict, attr, value);
  }
  return generic_setattr(t, obj, attr, value);
}

Value get_method(Thread& t, Value obj, Value attr, bool& unbound) {
  unbound = false;
  Value type = type_of(obj);
  bool plain = !(rd<TypeObject>(type)->flags & kCustomGetattribute);
  if (plain &&
      !(obj.is_object() && (is_layout(obj, Layout::Type) || is_layout(obj, Layout::Module)))) {
    Value descr = type_lookup(type, attr);
    if (descr && descr.is_object()) {
      bool method_like =
          is_layout(descr, Layout::Function) ||
          (is_layout(descr, Layout::Native) && is_native_descriptor_type(type_of(descr)));
      if (method_like) {
        Value dict = obj.is_object() ? rd<Object>(obj)->dict : Value();
        if (!dict || !dict_get_str(dict, attr)) {
          if (is_layout(descr, Layout::Native) && !is_subtype(type, ro<NativeObject>(descr)->owner))
            return getattr(t, obj, attr);
          unbound = true;
          return descr;
        }
      }
    }
  }
  return getattr(t, obj, attr);
}

Value lookup_special(Thread& t, Value obj, NameId id) {
  Value type = type_of(obj);
  Value descr = type_lookup(type, name(id));
  if (!descr) return {};
  return descriptor_get(t, descr, obj, type);
}

} // namespace interp
