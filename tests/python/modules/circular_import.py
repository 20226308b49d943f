# Circular imports see a partially initialized module.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import circular_a
import circular_b

print(circular_b.SEEN, circular_a.from_b(), circular_a.A_AFTER)
