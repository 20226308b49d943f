# Objects keep their id for their lifetime; containers hold the same objects (identity preserved).
x = object()
ids = {id(x)}
lst = [x, x]
print(len(ids), lst[0] is lst[1], id(lst[0]) == id(x), {id(v) for v in lst} == ids)
d = {"k": x}
print(d["k"] is x, [y for y in lst if y is x].__len__())
