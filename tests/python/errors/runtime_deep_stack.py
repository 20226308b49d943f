# A traceback through methods, a property and a nested function.
class Account:
    def __init__(self, balance):
        self.balance = balance

    @property
    def ratio(self):
        return 100 / self.balance

    def report(self):
        def fmt():
            return f"{self.ratio:.1f}%"

        return fmt()


print(Account(50).report())
print(Account(0).report())
