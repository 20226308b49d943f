# Warns when imported, naming the importing line (stacklevel=2), as deprecated modules do.
import warnings

warnings.warn("deprecated_mod is deprecated", DeprecationWarning, stacklevel=2)
