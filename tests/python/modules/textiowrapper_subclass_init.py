# A TextIOWrapper subclass with its own __init__ that calls super().__init__(buffer, ...) (argparse's test suite captures output so), used as sys.stdout and sys.stderr for argparse's help and usage errors
import argparse, io, sys

class Capture(io.TextIOWrapper):
    def __init__(self, initial="", newline="\n"):
        super().__init__(io.BufferedWriter(io.BytesIO(initial.encode("utf-8"))), "utf-8",
                         newline=newline)
    def getvalue(self):
        self.flush()
        return self.buffer.raw.getvalue().decode("utf-8")

out = Capture()
out.write("hello\n")
print(repr(out.getvalue()), out.encoding, isinstance(out, io.TextIOWrapper), out.writable())

parser = argparse.ArgumentParser(prog="tool", description="Counts things.")
parser.add_argument("--count", type=int, default=1, help="how many")
parser.add_argument("name")
saved = sys.stdout, sys.stderr
sys.stdout, sys.stderr = Capture(), Capture()
try:
    parser.parse_args(["--help"])
except SystemExit as e:
    help_code = e.code
try:
    parser.parse_args(["--count", "x", "n"])
except SystemExit as e:
    error_code = e.code
captured_out, captured_err = sys.stdout.getvalue(), sys.stderr.getvalue()
sys.stdout, sys.stderr = saved
print(help_code, error_code)
print(captured_out)
print(captured_err)
print(parser.parse_args(["--count", "3", "widget"]))
