# inspect.signature() and help() read a builtin function's signature from its
# __text_signature__; every builtin function is documented.
import builtins, inspect, types

for n in sorted(dir(builtins)):
    f = getattr(builtins, n)
    if isinstance(f, types.BuiltinFunctionType):
        try:
            sig = str(inspect.signature(f))
        except ValueError:
            sig = "no signature"
        print(n, sig, isinstance(f.__doc__, str) and len(f.__doc__) > 20)

sig = inspect.signature(sorted)
print([(p.name, p.kind.name, p.default) for p in sig.parameters.values()])
print(inspect.signature(pow).bind(2, 10, mod=7).arguments)
