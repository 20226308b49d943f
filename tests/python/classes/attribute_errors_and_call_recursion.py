# AttributeError messages for missing, read-only and unset slot attributes (deleting an empty slot says just its name), and a class whose __call__ is an instance of itself raises RecursionError instead of looping
class A:
    pass
class B:
    y = 0
    __slots__ = ('z',)
for stmt in ["A().x", "del A().x", "B().x", "del B().x", "B().x = 0", "del B().y", "B().y = 0", "B().z", "del B().z"]:
    try:
        exec(stmt)
        print(stmt, "no error")
    except AttributeError as e:
        print(stmt, "->", e)

class Loop:
    pass
Loop.__call__ = Loop()
try:
    Loop()()
except RecursionError as e:
    print("RecursionError:", e)
