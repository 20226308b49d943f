# __len__, __getitem__, __setitem__, __delitem__, __contains__ and __iter__ drive the built-in syntax.
class Grid:
    def __init__(self):
        self.cells = {}

    def __len__(self):
        return len(self.cells)

    def __getitem__(self, key):
        print("getitem", key)
        if isinstance(key, slice):
            return (key.start, key.stop, key.step)
        return self.cells.get(key, ".")

    def __setitem__(self, key, v):
        self.cells[key] = v

    def __delitem__(self, key):
        del self.cells[key]

    def __contains__(self, key):
        return key in self.cells

    def __iter__(self):
        return iter(sorted(self.cells))


g = Grid()
g[0, 1] = "x"
g[2, 2] = "y"
print(len(g), g[0, 1], g[5, 5], (2, 2) in g, (9, 9) in g)
del g[0, 1]
print(list(g), bool(g))
print(g[1:3], g[::2])
