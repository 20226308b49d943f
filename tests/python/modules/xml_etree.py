# xml.etree.ElementTree over pyexpat: parsing, serializing, namespaces, iterparse,
# XMLPullParser, errors.
import io
import xml.etree.ElementTree as ET

doc = """<?xml version="1.0"?>
<!-- leading comment -->
<catalog xmlns="urn:books" xmlns:x="urn:extra">
  <book id="b1" x:rating="5"><title>Dune</title><author>Herbert</author><price>9.99</price></book>
  <book id="b2"><title lang="fr">L'\u00c9tranger</title><author>Camus</author><price>7.50</price>
    <x:note>short &amp; sharp</x:note></book>
  <?pi instruction?>
  <book id="b3"><title>Emma</title><author>Austen</author><price>5.25</price></book>
</catalog>"""

root = ET.fromstring(doc)
print(root.tag, root.attrib, len(root))
ns = {"b": "urn:books", "x": "urn:extra"}
for book in root.findall("b:book", ns):
    print(book.get("id"), book.find("b:title", ns).text, book.findtext("b:author", namespaces=ns),
          float(book.findtext("b:price", namespaces=ns)), book.attrib)
print([e.text for e in root.iterfind(".//x:note", ns)])
print(root.find(".//{urn:books}title[@lang='fr']").text)
print(sorted(e.tag for e in root.iter()))
print(ET.tostring(root, encoding="unicode"))
print(ET.tostring(root))
print(ET.tostring(ET.fromstring("<a><b>1</b><c k='v'/></a>"), method="text"))

# Building and round-tripping.
top = ET.Element("top", {"version": "2"})
for i in range(3):
    child = ET.SubElement(top, "item", n=str(i))
    child.text = "value <%d> & more" % i
    child.tail = "\n"
ET.indent(top)
text = ET.tostring(top, encoding="unicode")
print(text)
again = ET.fromstring(text)
print([(c.tag, c.attrib, c.text) for c in again])
tree = ET.ElementTree(again)
buf = io.BytesIO()
tree.write(buf, encoding="utf-8", xml_declaration=True)
print(buf.getvalue())
print(ET.parse(io.BytesIO(buf.getvalue())).getroot().findall("item")[2].get("n"))

# iterparse with events.
src = io.BytesIO(doc.encode())
for event, elem in ET.iterparse(src, events=("start", "end", "start-ns", "end-ns", "comment", "pi")):
    if event in ("start-ns", "end-ns"):
        print(event, elem)
    elif event in ("comment", "pi"):
        print(event, elem.text)
    else:
        print(event, elem.tag, (elem.text or "").strip())

# XMLPullParser, fed in pieces.
pp = ET.XMLPullParser(events=("start", "end"))
for piece in ["<root><a>", "hello</a><b x='1'>", "<c/></b>", "</root>"]:
    pp.feed(piece)
    print([(ev, el.tag) for ev, el in pp.read_events()])
pp.close()

# TreeBuilder with comments and processing instructions kept.
parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
parser.feed("<r><!-- c --><?p d?>t</r>")
r = parser.close()
print([(type(c.tag).__name__ if callable(c.tag) else c.tag, c.text) for c in r], ET.tostring(r))
print(parser.version.startswith("Expat "))

# A custom target.
class Target:
    def __init__(self):
        self.events = []
    def start(self, tag, attrib):
        self.events.append(("start", tag, attrib))
    def end(self, tag):
        self.events.append(("end", tag))
    def data(self, data):
        self.events.append(("data", data))
    def close(self):
        return self.events
p = ET.XMLParser(target=Target())
p.feed("<a x='1'>t<b/>u</a>")
print(p.close())

# Errors.
for bad in ["<a><b></a>", "<a>", "<a>&undefined;</a>", "text", "<a x='1' x='2'/>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(type(e).__name__, e, e.code, e.position)

# Encodings: Expat's own, and one-byte Python codecs it does not know.
print(ET.fromstring('<?xml version="1.0" encoding="iso-8859-1"?><a>caf\xe9</a>'.encode("latin-1")).text)
print(ET.fromstring('<?xml version="1.0" encoding="utf-16"?><a>x\u1234</a>'.encode("utf-16")).text)
p = ET.XMLParser(encoding="cp1252")
p.feed(b"<a>\x80 \xe9</a>")
print(p.close().text)
print(ET.fromstring('<?xml version="1.0" encoding="koi8-r"?><a>\u0416</a>'.encode("koi8-r")).text)
try:
    ET.fromstring(b'<?xml version="1.0" encoding="no-such-codec"?><a/>')
except LookupError as e:
    print("LookupError", e)
