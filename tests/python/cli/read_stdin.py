# Helper for cli/ specs: echoes stdin line by line with line numbers.
import sys

for i, line in enumerate(sys.stdin, 1):
    print(i, line.rstrip("\n").upper())
print("lines read")
