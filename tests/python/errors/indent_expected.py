# A block header followed by an unindented line: IndentationError: expected an indented block.
def f():
return 1
