# A user-defined exception with a custom __str__ and module-qualified name.
class ConfigError(Exception):
    def __init__(self, key):
        self.key = key

    def __str__(self):
        return f"missing key {self.key!r}"


raise ConfigError("port")
