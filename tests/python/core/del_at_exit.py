# At exit, objects that only __main__ held are finalized, with the module's globals still
# there, and sys.is_finalizing() is true while they are; weakref callbacks run too.
import sys
import weakref


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("closing", self.name, "finalizing:", sys.is_finalizing(), flush=True)


class Plain:
    pass


keeper = Resource("kept in a global")
holder = [Resource("kept in a list")]
target = Plain()
ref = weakref.ref(target, lambda r: print("weakref callback at exit", flush=True))
print("finalizing now:", sys.is_finalizing())
print("end of program")
