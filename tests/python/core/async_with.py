# async with calls __aenter__/__aexit__ and awaits them; exceptions reach __aexit__.
class Res:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("enter", self.name)
        return self.name.upper()

    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return et is KeyError


async def main():
    async with Res("a") as a, Res("b") as b:
        print("body", a, b)
    async with Res("c"):
        raise KeyError("suppressed")
    try:
        async with Res("d"):
            raise ValueError("kept")
    except ValueError as e:
        print("caught", e)
    return "end"


try:
    main().send(None)
except StopIteration as e:
    print(e.value)
