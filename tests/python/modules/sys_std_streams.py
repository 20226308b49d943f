# sys.stdout/stderr/stdin exist with UTF-8 encoding; writes return the count of characters.
import sys

n = sys.stdout.write("written directly\n")
print(n, sys.stdout.encoding, sys.stderr.encoding, sys.stdin.encoding)
sys.stderr.write("to stderr\n")
print(sys.stdout.isatty(), sys.__stdout__ is sys.stdout, sys.stdin.read() == "")
print(sys.stdout.errors, sys.stderr.errors)
