# LOAD_GLOBAL at one instruction must follow every change of globals and builtins:
# shadowing a builtin, deleting the shadow, rebinding builtins, dict growth, and the same
# code run against other globals.
import builtins


def use_len(x):
    return len(x)


def use_name():
    return value


real_len = builtins.len
results = []
for step in range(6):
    if step == 1:
        len = lambda x: "shadowed"          # a global now hides the builtin
    if step == 2:
        del len                             # and the builtin is back
    if step == 3:
        builtins.len = lambda x: "rebound"  # builtins itself changes
    if step == 4:
        del builtins.len                    # gone everywhere
    if step == 5:
        builtins.len = real_len             # and back
    try:
        results.append(use_len("abc"))
    except NameError as e:
        results.append(str(e))
print(results)

for i in range(3):
    try:
        print(use_name())
    except NameError as e:
        print("NameError:", e)
    if i == 0:
        value = "first"
    else:
        # Many new globals: the dict's table grows and its entries move.
        for k in range(200):
            globals()[f"filler_{i}_{k}"] = k
        value = f"again {i}"

code = compile("out.append(name * 2)", "<globals>", "exec")
for g in ({"name": 1}, {"name": "ab"}, {"name": [0]}):
    g["out"] = out = []
    for _ in range(2):
        exec(code, g)
    print(out)


def counter():
    return total + 1


total = 0
for _ in range(5):
    total = counter()
print(total)
