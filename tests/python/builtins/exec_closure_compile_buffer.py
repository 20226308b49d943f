# exec() runs a code object with free variables given closure= (3.11), with CPython's
# errors; compile() takes any buffer as source; dir() with no argument lists the keys of
# the mapping eval() was given as locals.
def make():
    a = 1
    def bump():
        nonlocal a
        a += 1
        print("a is", a)
    return bump


bump = make()
exec(bump.__code__, {}, closure=bump.__closure__)
exec(bump.__code__, {"print": print}, closure=bump.__closure__)
bump()
for bad in ((), (1,), [bump.__closure__[0]], None, 5):
    try:
        exec(bump.__code__, {}, closure=bad)
    except TypeError as e:
        print("TypeError:", e)
for source, closure in (("x = 1", bump.__closure__), ((lambda: 0).__code__, bump.__closure__),
                        ((lambda: 0).__code__, ())):
    try:
        exec(source, {}, closure=closure)
        print("ran")
    except TypeError as e:
        print("TypeError:", e)
exec("print('no closure given')", {}, closure=None)

ns = {}
exec(compile(memoryview(b"y = 6 * 7"), "<buffer>", "exec"), ns)
exec(compile(bytearray(b"z = y + 1"), "<buffer>", "exec"), ns)
print(ns["y"], ns["z"])


class Names:
    def __getitem__(self, key):
        if key == "a":
            return 12
        raise KeyError(key)

    def keys(self):
        return list("zyx")


m = Names()
print(eval("a", {}, m), eval("dir()", {}, m), eval("locals()", {}, m) is m)
try:
    eval("b", {}, m)
except NameError as e:
    print("NameError:", e)


class DictNames(dict):
    def __getitem__(self, key):
        return 12 if key == "a" else dict.__getitem__(self, key)

    def keys(self):
        return list("xyz")


print(eval("a", {}, DictNames()), eval("dir()", {}, DictNames()))
try:
    compile("pass", "?", "exec", mode="eval", source="0", filename="tmp")
except TypeError as e:
    print("TypeError:", e)
