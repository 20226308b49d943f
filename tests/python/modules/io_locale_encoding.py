# encoding="locale" (3.10+) means the locale's encoding for open(), TextIOWrapper and reconfigure(), as site.py's .pth reading uses it; io.text_encoding(None) is "locale" outside UTF-8 mode; sys.flags is a struct sequence
import io, locale, os, tempfile
expected = locale.getpreferredencoding(False)
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "text")
    with open(path, "w", encoding="locale") as f:
        print(f.encoding == expected)
        f.write("caf\u00e9\n")
    with open(path, encoding="locale") as f:
        print(repr(f.read()), f.encoding == expected)
wrapper = io.TextIOWrapper(io.BytesIO("na\u00efve".encode(expected)), encoding="locale")
print(wrapper.read(), wrapper.encoding == expected)
wrapper.reconfigure(encoding="locale")
print(wrapper.encoding == expected, io.text_encoding(None), io.text_encoding("locale"))
import sys
print(sys.flags.utf8_mode, type(sys.flags).__name__, isinstance(sys.flags, tuple), len(sys.flags) == sys.flags.n_fields if hasattr(sys.flags, "n_fields") else len(sys.flags))
print(repr(sys.flags).startswith("sys.flags(debug="))
