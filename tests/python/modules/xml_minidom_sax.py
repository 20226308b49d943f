# xml.dom.minidom (through xml.dom.expatbuilder) and xml.sax (through expatreader), both
# over pyexpat.
import io
import sys
import types
import xml.dom.minidom as minidom

# xml.sax.saxutils imports urllib.request, which needs the socket module that this
# interpreter does not have yet; saxutils uses it only to open system ids that are URLs,
# which nothing here does. Where socket is missing, a stand-in lets xml.sax import.
try:
    import socket
except ImportError:
    sys.modules["urllib.request"] = types.ModuleType("urllib.request")
import xml.sax
import xml.sax.handler
import xml.sax.saxutils

doc = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE library [
<!ENTITY pub "Penguin &amp; Co">
]>
<library xmlns:m="urn:meta">
  <!-- shelf one -->
  <book isbn="123" m:year="1965">
    <title>Dune</title>
    <publisher>&pub;</publisher>
    <note><![CDATA[<not> markup]]></note>
  </book>
  <?sort by-title?>
  <book isbn="456"><title>Emma &#8212; a novel</title></book>
</library>"""

dom = minidom.parseString(doc)
top = dom.documentElement
print(top.tagName, dom.doctype.name, [e.getAttribute("isbn") for e in top.getElementsByTagName("book")])
for t in dom.getElementsByTagName("title"):
    print(repr(t.firstChild.data))
print(repr(dom.getElementsByTagName("publisher")[0].firstChild.data))
print(repr(dom.getElementsByTagName("note")[0].firstChild.data),
      dom.getElementsByTagName("note")[0].firstChild.nodeType)
book = top.getElementsByTagName("book")[0]
print(book.getAttributeNS("urn:meta", "year"), book.attributes.length)
print([n.nodeType for n in top.childNodes])
print(dom.toxml())
print(top.toprettyxml(indent="  "))

d2 = minidom.parseString(b"<r a='1'><c>x</c><c>y</c></r>")
new = d2.createElement("c")
new.appendChild(d2.createTextNode("z & <w>"))
new.setAttribute("k", 'v"q')
d2.documentElement.appendChild(new)
print(d2.documentElement.toxml())
print(minidom.parse(io.BytesIO(d2.toxml("utf-8"))).toxml())

try:
    minidom.parseString("<a><b></a>")
except Exception as e:
    print(type(e).__name__, e)


class Handler(xml.sax.handler.ContentHandler):
    def __init__(self):
        super().__init__()
        self.text = []
    def startDocument(self):
        print("startDocument")
    def endDocument(self):
        print("endDocument")
    def startElement(self, name, attrs):
        self.flush()
        print("start", name, sorted(attrs.items()))
    def endElement(self, name):
        self.flush()
        print("end", name)
    def characters(self, content):
        self.text.append(content)
    def processingInstruction(self, target, data):
        self.flush()
        print("pi", target, data)
    def flush(self):
        s = "".join(self.text).strip()
        if s:
            print("text", repr(s))
        self.text = []


xml.sax.parseString(doc.encode(), Handler())


class NSHandler(xml.sax.handler.ContentHandler):
    def startPrefixMapping(self, prefix, uri):
        print("prefix", prefix, uri)
    def endPrefixMapping(self, prefix):
        print("end prefix", prefix)
    def startElementNS(self, name, qname, attrs):
        print("startNS", name, qname, sorted(attrs.items(), key=repr), sorted(attrs.getQNames(), key=repr))
    def endElementNS(self, name, qname):
        print("endNS", name, qname)


parser = xml.sax.make_parser()
parser.setFeature(xml.sax.handler.feature_namespaces, True)
parser.setContentHandler(NSHandler())
parser.parse(io.BytesIO(b'<a xmlns="urn:a" xmlns:b="urn:b" b:x="1" y="2"><b:c/></a>'))

# Incremental feeding, and an error with its position.
p = xml.sax.make_parser()
h = Handler()
p.setContentHandler(h)
for piece in [b"<r><i>1</i>", b"<i>2", b"</i></r>"]:
    p.feed(piece)
p.close()


class Errors(xml.sax.handler.ErrorHandler):
    def fatalError(self, e):
        print("fatal", e.getMessage(), e.getLineNumber(), e.getColumnNumber())
        raise e


try:
    xml.sax.parseString(b"<r>\n<a></b></r>", xml.sax.handler.ContentHandler(), Errors())
except xml.sax.SAXParseException as e:
    print("SAXParseException", e)

out = io.StringIO()
gen = xml.sax.saxutils.XMLGenerator(out)
xml.sax.parseString(b"<doc a='&lt;'>t &amp; u<e/></doc>", gen)
print(out.getvalue())
