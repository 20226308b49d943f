# Lambda parameter forms: defaults, *args, keyword-only, **kwargs, positional-only; nested lambdas.
fs = [lambda: 0, lambda x: x, lambda x, y=2: x + y, lambda *a: a, lambda *, k: k, lambda **kw: sorted(kw),
      lambda a, /, b: (a, b)]
print(fs[0](), fs[1](1), fs[2](1), fs[3](1, 2), fs[4](k=5), fs[5](b=1, a=2), fs[6](1, b=2))
add = lambda x: lambda y: x + y
print(add(3)(4), (lambda: (yield))().__class__.__name__)
