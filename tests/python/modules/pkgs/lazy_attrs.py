# Helper module with a module-level __getattr__ and __dir__ (PEP 562).
known = "known"


def __getattr__(name):
    if name.startswith("dyn_"):
        return name[4:]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return ["known", "dyn_example"]
