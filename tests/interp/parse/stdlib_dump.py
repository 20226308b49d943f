#!/usr/bin/python3.11
"""Prints, for each file named on stdin (one path a line), one line: python3.11's
ast.dump(ast.parse(source), include_attributes=True), or "SKIP" where python3.11 itself
cannot parse the file. The parse test compares these lines with its own dumps."""
import ast
import sys
import warnings

warnings.simplefilter("ignore")
sys.setrecursionlimit(100000)
for line in sys.stdin:
    path = line.rstrip("\n")
    try:
        with open(path, "rb") as f:
            tree = ast.parse(f.read(), path)
        print(ast.dump(tree, include_attributes=True))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        print("SKIP")
    sys.stdout.flush()
