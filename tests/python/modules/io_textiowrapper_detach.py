# TextIOWrapper.detach(): flushes, returns the binary stream, and leaves the wrapper
# unusable while the stream stays open (xml.etree.ElementTree.tostring relies on it).
import io

raw = io.BytesIO()
w = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
w.write("h\u00e9llo\n")
b = w.detach()
print(b is raw, b.closed, raw.getvalue())
for op in (lambda: w.detach(), lambda: w.write("x")):
    try:
        op()
    except ValueError as e:
        print("ValueError")
w.close()
print(raw.closed)
