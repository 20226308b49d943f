# In 3.10+ staticmethod objects are callable and copy the function's attributes.
def f(x):
    "doc of f"
    return x * 3


s = staticmethod(f)
print(s(2), s.__doc__, s.__name__, s.__wrapped__ is f, callable(s))
c = classmethod(f)
print(c.__doc__, c.__name__, c.__func__ is f)
