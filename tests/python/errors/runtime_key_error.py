# A missing dict key raised from a method.
class Store:
    def __init__(self):
        self.data = {"a": 1}

    def get(self, k):
        return self.data[k]


print(Store().get("a"))
Store().get("b")
