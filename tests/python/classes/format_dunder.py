# format(), f-strings and str.format call __format__ with the spec; the default rejects non-empty specs.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return f"${self.cents / 100:{spec or '.2f'}}"

    def __str__(self):
        return "Money"


m = Money(12345)
print(format(m, "short"), f"{m}", f"{m:.1f}", "{:short}".format(m), f"{m!s:>8}")


class Plain:
    def __str__(self):
        return "plain"


print(format(Plain()), f"{Plain():}")
try:
    format(Plain(), "10")
except TypeError as e:
    print(e)
