# pyexpat: handler order and arguments, options, errors, an exception in a handler.
import pyexpat
from xml.parsers import expat

DOC = b"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE root [
<!ENTITY ent "entity text">
<!ELEMENT root ANY>
<!ATTLIST root extra CDATA "dflt">
]>
<root xmlns="http://example.com/ns" xmlns:p="http://example.com/p" p:a="1" b='two &amp; three'>
  text &ent; &#233;
  <!-- a comment -->
  <?target some data?>
  <p:child x="y"/>
  <![CDATA[raw <stuff>]]>
  caf\xc3\xa9
</root>
"""

NAMES = ["StartElementHandler", "EndElementHandler", "CharacterDataHandler",
         "StartNamespaceDeclHandler", "EndNamespaceDeclHandler", "CommentHandler",
         "ProcessingInstructionHandler", "XmlDeclHandler", "StartDoctypeDeclHandler",
         "EndDoctypeDeclHandler", "EntityDeclHandler", "ElementDeclHandler",
         "AttlistDeclHandler", "StartCdataSectionHandler", "EndCdataSectionHandler"]


def make(sep=None, **options):
    p = expat.ParserCreate(namespace_separator=sep)
    events = []
    for n in NAMES:
        setattr(p, n, lambda *a, n=n: events.append((n.replace("Handler", ""),) + a))
    for k, v in options.items():
        setattr(p, k, v)
    return p, events


for sep, options in [(None, {}), ("}", {}), (" ", {"ordered_attributes": True}),
                     ("}", {"buffer_text": True, "specified_attributes": True})]:
    p, events = make(sep, **options)
    print("--", sep, options)
    print(p.Parse(DOC, True))
    for e in events:
        print(e)

# Default handlers see what has no handler of its own.
p = expat.ParserCreate()
out = []
p.DefaultHandler = lambda d: out.append(("D", d))
p.StartElementHandler = lambda n, a: out.append(("S", n, a))
p.Parse('<!DOCTYPE d [<!ENTITY e "v">]><d>&e;<!--c--></d>', True)
print(out)
p = expat.ParserCreate()
out = []
p.DefaultHandlerExpand = lambda d: out.append(("DX", d))
p.Parse('<!DOCTYPE d [<!ENTITY e "v">]><d>&e;<!--c--></d>', True)
print(out)

# Feeding in pieces, str and bytes, positions.
p = expat.ParserCreate()
text = []
p.buffer_text = True
p.CharacterDataHandler = text.append
p.StartElementHandler = lambda n, a: print("start", n, a, p.CurrentLineNumber,
                                           p.CurrentColumnNumber, p.CurrentByteIndex)
for piece in ["<a>hel", "lo\n<b c='d'", ">wor", "ld</b>", "\n</a>"]:
    print(p.Parse(piece))
print(p.Parse(b"", True), text, p.buffer_used, p.buffer_size)
print(p.buffer_text, p.ordered_attributes, p.specified_attributes, p.namespace_prefixes)
print(type(p).__name__, type(p).__module__, expat.XMLParserType is type(p))
print(sorted(p.intern))

# Errors.
for doc in ["<a></b>", "<a>", "", "<a b='1' b='2'/>", "<a>&nope;</a>", "<a/><b/>",
            "\n\n  <a><b></a>", "<a>\xe9</a>extra", "<x:a/>"]:
    p = expat.ParserCreate(namespace_separator="}")
    try:
        p.Parse(doc, True)
    except expat.ExpatError as e:
        print(repr(str(e)), e.code, e.lineno, e.offset, expat.errors.messages[e.code] == expat.ErrorString(e.code),
              p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)
print(expat.error is expat.ExpatError, expat.ExpatError.__module__, expat.ExpatError.__mro__[1])
print(expat.errors.XML_ERROR_TAG_MISMATCH, expat.errors.codes[expat.errors.XML_ERROR_SYNTAX])
print(expat.model.XML_CTYPE_SEQ, expat.model.XML_CQUANT_PLUS, expat.version_info, expat.EXPAT_VERSION)
print(expat.native_encoding, expat.XML_PARAM_ENTITY_PARSING_ALWAYS, dict(expat.features)["sizeof(XML_Char)"])

# An exception in a handler stops the parse and comes out unchanged.
class Stop(Exception):
    pass

p = expat.ParserCreate()
seen = []
def start(name, attrs):
    seen.append(name)
    if name == "b":
        raise Stop("at b", attrs)
p.StartElementHandler = start
try:
    p.Parse("<a><b x='1'/><c/><d/></a>", True)
except Stop as e:
    print("Stop", e.args, seen)
print(p.StartElementHandler)

# The content models of element declarations.
p = expat.ParserCreate()
p.ElementDeclHandler = lambda name, model: print(name, model)
p.Parse("""<!DOCTYPE a [
<!ELEMENT a (b, (c | d)*, e?)>
<!ELEMENT b (#PCDATA)>
<!ELEMENT c (#PCDATA | b)*>
<!ELEMENT d EMPTY>
<!ELEMENT e ANY>
]><a/>""", True)

# ParseFile, SetBase, intern=None, errors in arguments.
import io
p = expat.ParserCreate(intern=None)
p.SetBase("http://base/")
print(p.GetBase(), p.intern)
names = []
p.StartElementHandler = lambda n, a: names.append(n)
print(p.ParseFile(io.BytesIO(b"<r>" + b"<i/>" * 2000 + b"</r>")), len(names))
for bad in [lambda: expat.ParserCreate(namespace_separator="ab"),
            lambda: expat.ParserCreate(intern=[]),
            lambda: expat.ParserCreate().ParseFile(42),
            lambda: expat.ParserCreate().ParseFile(io.StringIO("<a/>")),
            lambda: setattr(expat.ParserCreate(), "buffer_size", 0)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
