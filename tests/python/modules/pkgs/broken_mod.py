# Helper module that fails while being imported.
VALUE = 1
raise RuntimeError("broken_mod cannot be imported")
