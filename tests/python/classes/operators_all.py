# Every binary arithmetic dunder and its reflected form is reached by its operator.
ops = {"add": "+", "sub": "-", "mul": "*", "matmul": "@", "truediv": "/", "floordiv": "//", "mod": "%",
       "pow": "**", "lshift": "<<", "rshift": ">>", "and": "&", "xor": "^", "or": "|"}


class Rec:
    pass


for name in ops:
    setattr(Rec, f"__{name}__", lambda self, o, n=name: f"{n}")
    setattr(Rec, f"__r{name}__", lambda self, o, n=name: f"r{n}")
r = Rec()
for name, sym in ops.items():
    print(f"r {sym} 1 ->", eval(f"r {sym} 1"), f"| 1 {sym} r ->", eval(f"1 {sym} r"))
print(divmod.__name__, pow(r, 2), pow(2, r))
