# The call fuzzers' one loop: every method of a class, called unbound with missing, None,
# huge, negative and wrongly typed arguments; what it raises does not matter, only that the
# interpreter survives it.

# Methods whose calls mean something else than a bad argument: object creation and
# attribute protocol, class-level hooks, and huge powers (they compute for ever).
SKIP = {"__pow__", "__rpow__", "__init_subclass__", "__subclasshook__", "__class_getitem__",
        "__new__", "__del__", "__getattribute__", "__setattr__", "__delattr__", "__init__",
        "__reduce_ex__", "__reduce__", "__sizeof__", "__dir__", "__format__"}
KINDS = ("method_descriptor", "wrapper_descriptor", "builtin_function_or_method",
         "classmethod_descriptor")


def call_every_method(cls, make, skip=(), kinds=KINDS, more_args=()):
    """make() gives a fresh instance for each call (a call may change the one it gets)."""
    for name in sorted(dir(cls)):
        if name in SKIP or name in skip:
            continue
        try:
            meth = getattr(cls, name)
        except AttributeError:
            continue
        if not callable(meth) or type(meth).__name__ not in kinds:
            continue
        for args in [(), (make(),), (make(), None), (make(), None, None), (make(), -1),
                     (make(), 2**70), (make(), "x", "y")] + [(make(),) + a for a in more_args]:
            try:
                meth(*args)
            except BaseException:
                pass
