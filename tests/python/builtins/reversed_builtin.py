# reversed() on sequences, dicts, ranges and objects with __reversed__ or __len__/__getitem__.
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed({"a": 1, "b": 2})))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return i * 10


class Custom:
    def __reversed__(self):
        return iter("custom")


print(list(reversed(Seq())), list(reversed(Custom())))
for bad in ({1, 2}, iter([1]), 5):
    try:
        reversed(bad)
    except TypeError as e:
        print(e)
