# Helper for circular imports: imports circular_b, which imports this module back.
A_BEFORE = "a before"
import circular_b

A_AFTER = "a after"


def from_b():
    return circular_b.B_VALUE
