# Importing a name that a module does not define.
from math import no_such_function
