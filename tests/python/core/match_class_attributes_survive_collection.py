# A class pattern collects the attributes it found while later lookups run Python code; the
# ones found first must survive the collections that code causes.
import gc


class Point:
    __match_args__ = ("x", "y", "z")

    @property
    def x(self):
        return [i for i in range(20000)]  # a fresh object, referenced by nothing else

    @property
    def y(self):
        junk = [str(i) * 3 for i in range(30000)]  # allocates enough for collections
        gc.collect()
        return len(junk)

    @property
    def z(self):
        return {"k": [1, 2, 3] * 1000}


for _ in range(3):
    match Point():
        case Point(x, y, z=z):
            print(len(x), x[-1], sum(x) == sum(range(20000)), y, len(z["k"]))
    match Point():
        case Point(a, b, c):
            print(a[:3], b, c["k"][:3])
