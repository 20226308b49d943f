# Instance attributes shadow class attributes; mutating a class-level list affects all instances.
class C:
    shared = []
    count = 0

    def add(self, x):
        self.shared.append(x)
        self.count += 1


a, b = C(), C()
a.add(1)
b.add(2)
print(C.shared, a.count, b.count, C.count)
print(vars(a), "count" in vars(C))
C.count = 10
print(a.count, C().count)
del a.count
print(a.count)
