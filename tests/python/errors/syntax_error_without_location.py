# A SyntaxError without a location: str() is str(msg) ("None" when there is none), and
# the interpreter prints it uncaught as any other exception, with no "File" line
# (xml.etree.ElementTree.ParseError is such a subclass, made from an ExpatError).
class ParseLike(SyntaxError):
    pass


print(repr(str(SyntaxError())), repr(str(SyntaxError("m"))), str(SyntaxError(1, 2, 3)))
print(str(SyntaxError("m", ("f.py", 3, 1, "t"))), str(SyntaxError("m", (None, 3, 1, "t"))))
print(str(ParseLike(ValueError("wrapped"))), str(IndentationError("x")))
err = ParseLike(ValueError("mismatched tag: line 1, column 5"))
err.code = 7
err.position = (1, 5)
raise err
