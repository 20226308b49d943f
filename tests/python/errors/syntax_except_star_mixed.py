# except and except* cannot be mixed in one try statement.
try:
    pass
except ValueError:
    pass
except* TypeError:
    pass
