# gc: the settings CPython's gc module offers (thresholds, debug flags, counts, freezing)
# read back what was set; callbacks run around collect(); is_tracked as CPython answers.
import gc

print(gc.get_threshold(), gc.get_debug(), gc.get_freeze_count(), gc.garbage, gc.callbacks)
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(800, 20, 5)
gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_SAVEALL)
print(gc.get_threshold(), gc.get_debug(), gc.DEBUG_LEAK)
gc.set_debug(0)
gc.set_threshold(700, 10, 10)
count = gc.get_count()
print(type(count).__name__, len(count), all(isinstance(c, int) for c in count))
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))

phases = []
gc.callbacks.append(lambda phase, info: phases.append((phase, info["generation"], sorted(info))))
print(isinstance(gc.collect(), int), isinstance(gc.collect(1), int))
print(phases)
gc.callbacks.clear()


class Thing:
    pass


print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(None), gc.is_tracked(2.5))
print(gc.is_tracked([]), gc.is_tracked(Thing()), gc.is_tracked({}), gc.is_tracked({1: "a"}), gc.is_tracked({1: []}))
print(gc.is_finalized(Thing()))
gc.freeze()
gc.unfreeze()

for bad in [
    lambda: gc.collect(3),
    lambda: gc.set_threshold(),
    lambda: gc.set_threshold(1, 2, 3, 4),
    lambda: gc.set_threshold("x"),
    lambda: gc.is_tracked(),
]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
