# Helper for circular imports: sees the partially initialized circular_a.
import circular_a

B_VALUE = "b value"
SEEN = (hasattr(circular_a, "A_BEFORE"), hasattr(circular_a, "A_AFTER"))
