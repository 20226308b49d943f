# eval() and exec() of a function's code that has free variables: CPython's TypeErrors
# rather than a NameError from inside the code.
def f(x):
    return lambda: x + 1
g = f(3)
for fn in (eval, exec):
    try:
        fn(g.__code__, {})
    except TypeError as e:
        print(fn.__name__, "TypeError:", e)
def two(a, b):
    return lambda: a + b
try:
    exec(two(1, 2).__code__)
except TypeError as e:
    print("TypeError:", e)
print(eval((lambda: 5).__code__), exec(compile("y = 2", "s", "exec"), {}))
