# f-strings: expressions, conversions, nested specs, = specifier, and literal braces.
name, width, pi = "world", 10, 3.14159
print(f"hello {name}!", f"{name!r}", f"{name!a}", f"{'é'!a}", f"{name:>{width}}|")
print(f"{pi:.{2}f}", f"{{literal}}", f"{3 + 4}", f"{'nested ' + f'{name}'}")
x = 42
print(f"{x=}", f"{x = }", f"{x=:>5}", f"{name=!s}", f"{pi=:.1f}")
print(f"{[1, 2][0]}", f"{ {'a': 1}['a'] }", f"{(lambda: 'lam')()}", f"{x:#x} {x:b}")
items = ["a", "b"]
print(f"{len(items)} items: {', '.join(items)}")
print(f"""triple {name
}""")
