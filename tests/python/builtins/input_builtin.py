# input() reads a line from stdin (empty here), raising EOFError at end of input.
try:
    input()
except EOFError as e:
    print("EOFError", repr(str(e)))
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError again")
