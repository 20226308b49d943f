# doctest.testfile reads a text file of examples (through io.IncrementalNewlineDecoder, which translates '\r\n' and '\r' across chunk boundaries and records the newlines seen)
import codecs, contextlib, doctest, io, os, tempfile
from io import IncrementalNewlineDecoder

decoder = IncrementalNewlineDecoder(None, True)
print(repr(decoder.decode("a\r")), repr(decoder.decode("\nb\rc")), decoder.newlines, decoder.getstate())
try:
    decoder.decode(b"bytes")
except TypeError as e:
    print("TypeError:", e)
utf8 = IncrementalNewlineDecoder(codecs.getincrementaldecoder("utf-8")(), False)
print(repr(utf8.decode(b"x\r\ny\xc3")), repr(utf8.decode(b"\xa9\r", final=True)), utf8.newlines)
utf8.reset()
print(utf8.newlines, utf8.getstate(), IncrementalNewlineDecoder.__module__)

examples = "Adding:\r\n\r\n>>> 1 + 1\r\n2\r\n>>> print('a\\nb')\r\na\r\nb\r\n>>> 6 * 7\r\n41\r\n"
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "examples.txt")
    with open(path, "w", newline="") as f:
        f.write(examples)
    report = io.StringIO()
    with contextlib.redirect_stdout(report):
        result = doctest.testfile(path, module_relative=False, report=False,
                                  optionflags=doctest.REPORT_ONLY_FIRST_FAILURE)
    print(report.getvalue().replace(folder, "<folder>"))
print(result)
