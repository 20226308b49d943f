# vars() of a module and of a class, and vars() with no argument equals locals().
import math


def f():
    a = 1
    return vars() == locals(), sorted(vars())


print(vars(math)["pi"], f(), "sqrt" in vars(math))


class K:
    x = 1


print("x" in vars(K), type(vars(K)).__name__)
