# pyexpat details: handlers swapped mid-parse, buffer_text and buffer_size, GetInputContext,
# external entity parsers, specified_attributes, DTD handlers, positions after errors.
from xml.parsers import expat
import io
# handler swapped during parse
p = expat.ParserCreate()
out = []
def first(name, attrs):
    out.append(("first", name))
    p.StartElementHandler = second
def second(name, attrs):
    out.append(("second", name))
p.StartElementHandler = first
p.Parse("<a><b/><c/></a>", True)
print(out)
# buffer_text, big text, buffer size
p = expat.ParserCreate()
chunks = []
p.buffer_text = True
p.buffer_size = 10
p.CharacterDataHandler = lambda d: chunks.append((d, p.buffer_used))
p.Parse("<a>" + "x" * 25 + "<b/>" + "y" * 5 + "z&amp;w" + "</a>", True)
print(chunks, p.buffer_size)
p = expat.ParserCreate()
chunks = []
p.CharacterDataHandler = chunks.append
p.buffer_text = True
p.Parse("<a>ab", False)
print(chunks, p.buffer_used)
p.buffer_text = False
print(chunks, p.buffer_used)
p.Parse("cd</a>", True)
print(chunks)
# input context
p = expat.ParserCreate()
p.StartElementHandler = lambda n, a: print("ctx", p.GetInputContext())
p.Parse(b"<root><child attr='v'/></root>", True)
print(p.GetInputContext())
# external entities
p = expat.ParserCreate()
p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE)
def ext(context, base, sysid, pubid):
    print("ext", context, base, sysid, pubid)
    sub = p.ExternalEntityParserCreate(context)
    sub.StartElementHandler = lambda n, a: print("sub start", n, a)
    print(sub.Parse(b"<inner x='1'/>", True))
    return 1
p.ExternalEntityRefHandler = ext
p.StartElementHandler = lambda n, a: print("start", n, a)
p.SetBase("file:///base/")
p.Parse(b'<!DOCTYPE a [<!ENTITY e SYSTEM "e.xml">]><a>&e;</a>', True)
# specified attributes
for spec in (False, True):
    p = expat.ParserCreate()
    p.specified_attributes = spec
    p.StartElementHandler = lambda n, a: print(n, a)
    p.Parse('<!DOCTYPE a [<!ATTLIST a d CDATA "def">]><a x="1"/>', True)
# skipped, unparsed, notation, not standalone
p = expat.ParserCreate()
p.SkippedEntityHandler = lambda *a: print("skipped", a)
p.UnparsedEntityDeclHandler = lambda *a: print("unparsed", a)
p.NotationDeclHandler = lambda *a: print("notation", a)
p.NotStandaloneHandler = lambda: (print("notstandalone"), 1)[1]
p.Parse('<!DOCTYPE a SYSTEM "x.dtd" [<!NOTATION n SYSTEM "n"><!ENTITY u SYSTEM "u" NDATA n>]><a>&s;</a>', True)
# parse after final, bytearray, memoryview
p = expat.ParserCreate()
print(p.Parse(bytearray(b"<a>"), False), p.Parse(memoryview(b"</a>"), True))
try:
    p.Parse(b"<b/>", True)
except expat.ExpatError as e:
    print(e, e.code)
# unknown attribute and non-callable handler
p = expat.ParserCreate()
p.StartElementHandler = 42
try:
    p.Parse("<a/>", True)
except TypeError as e:
    print("TypeError", e)
print(p.StartElementHandler)
p = expat.ParserCreate()
p.CharacterDataHandler = print
try:
    del p.CharacterDataHandler
except RuntimeError as e:
    print("RuntimeError", e)
for attr in ("buffer_text", "buffer_size", "ordered_attributes"):
    try:
        delattr(p, attr)
    except Exception as e:
        print(type(e).__name__, e)
print(p.CharacterDataHandler)
p = expat.ParserCreate()
p.EndElementHandler = lambda n: 1 / 0
try:
    p.Parse("<a><b/></a>", True)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, p.EndElementHandler)
# intern shared between calls
p = expat.ParserCreate()
names = []
p.StartElementHandler = lambda n, a: names.append(n)
p.Parse("<a><a/></a>", True)
print(names[0] is names[1], list(p.intern))
print(repr(expat.ErrorString(2)), expat.ErrorString(1000))
# XmlDecl standalone and encoding
p = expat.ParserCreate()
p.XmlDeclHandler = lambda *a: print("xmldecl", a)
p.Parse(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a/>', True)
# Parse error after partial input, lines
p = expat.ParserCreate()
p.Parse("<a>\n<b>\n", False)
try:
    p.Parse("</c>", True)
except expat.ExpatError as e:
    print(e, e.lineno, e.offset, p.CurrentLineNumber, p.CurrentColumnNumber, p.ErrorByteIndex)
print(repr(expat.ParserCreate), repr(type(p)))
