# Dict and set displays with unpacking, trailing commas and duplicate keys.
a = {"x": 1}
print({**a, "y": 2,}, {1, 2, 3,}, {"k": 1, "k": 2}, {*"ab"} == {"a", "b"}, {**{}})
print({(1, 2): "t", 1.5: "f", None: "n"}[None], type({}).__name__, type({1}).__name__)
