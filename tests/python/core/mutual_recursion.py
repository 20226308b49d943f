# Mutually recursive functions and recursion through methods.
def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print([is_even(n) for n in range(6)], is_odd(301))


class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids

    def total(self):
        return self.v + sum(k.total() for k in self.kids)

    def depth(self):
        return 1 + max((k.depth() for k in self.kids), default=0)


t = Tree(1, Tree(2, Tree(4)), Tree(3, Tree(5, Tree(6))))
print(t.total(), t.depth())
