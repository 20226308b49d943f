// interp/modules/pyexpat.cc - the pyexpat module (xml.parsers.expat): xmlparser objects
// over the Expat C library, calling Python handlers as Expat reports events, ExpatError,
// and the `errors` and `model` submodules.
//
// Transactions: an Expat parser is C memory, which an abort cannot take back. So every
// call that drives or changes it (Parse, ParseFile, SetBase, SetParamEntityParsing,
// UseForeignDTD) first makes the transaction inevitable: the C state then only ever
// changes in transactions that commit, and stays in step with the heap. Everything else
// lives in the heap object: the handlers, the options, the intern dict. The C handlers
// are installed from the heap's handler slots at the start of each Parse, and while a
// Parse runs (inevitable) a handler assignment installs its C handler at once, as
// CPython's does. The parser is freed by the object's finalizer, after the transaction
// that ran it commits; a parser made by a transaction that aborts is freed then.
//
// Handlers run inside the running transaction, in nested loops. A callback reaches the
// parser object again through its Value (kept in the C state only while Parse runs, and
// on Parse's stack), never through a pointer kept across a call.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"

#include <expat.h>

#include <string>

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out); // bytes.cc

namespace {

enum Handler {
  H_StartElement,
  H_EndElement,
  H_ProcessingInstruction,
  H_CharacterData,
  H_UnparsedEntityDecl,
  H_NotationDecl,
  H_StartNamespaceDecl,
  H_EndNamespaceDecl,
  H_Comment,
  H_StartCdataSection,
  H_EndCdataSection,
  H_Default,
  H_DefaultExpand,
  H_NotStandalone,
  H_ExternalEntityRef,
  H_StartDoctypeDecl,
  H_EndDoctypeDecl,
  H_EntityDecl,
  H_XmlDecl,
  H_ElementDecl,
  H_AttlistDecl,
  H_SkippedEntity,
  kHandlerCount
};

const char* const kHandlerNames[kHandlerCount] = {
    "StartElementHandler",
    "EndElementHandler",
    "ProcessingInstructionHandler",
    "CharacterDataHandler",
    "UnparsedEntityDeclHandler",
    "NotationDeclHandler",
    "StartNamespaceDeclHandler",
    "EndNamespaceDeclHandler",
    "CommentHandler",
    "StartCdataSectionHandler",
    "EndCdataSectionHandler",
    "DefaultHandler",
    "DefaultHandlerExpand",
    "NotStandaloneHandler",
    "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler",
    "EndDoctypeDeclHandler",
    "EntityDeclHandler",
    "XmlDeclHandler",
    "ElementDeclHandler",
    "AttlistDeclHandler",
    "SkippedEntityHandler",
};

// The C side of a parser (plain memory, one per xmlparser object).
struct Native {
  XML_Parser parser = nullptr;
  // While Parse runs: the thread and the parser object the callbacks belong to.
  Thread* thread = nullptr;
  Value self;
  // Character data held back while buffer_text is on (flushed before any other event and
  // at the end of each successful Parse).
  std::string buffer;
};

struct ParserObject : Object {
  Value native;         // small int: the Native's address; 0 once freed
  Value intern;         // dict, or None
  Value parent;         // the parser an external entity parser came from, or None
  Value buffer_text;    // small int 0/1
  Value buffer_size;    // small int
  Value ordered;        // small int 0/1: ordered_attributes
  Value specified;      // small int 0/1: specified_attributes
  Value ns_prefixes;    // small int 0/1: namespace_prefixes
  Value default_expand; // small int 0/1: the last default handler set was DefaultHandlerExpand
  Value handlers[kHandlerCount];
};

Native* native_of(Value self) {
  return address_in<Native>(rd<ParserObject>(self)->native);
}

bool flag(Value v) {
  return v && v.is_small_int() && v.small_int_value() != 0;
}

Value module_attr(Thread& t, const char* name) {
  Value m = import_module(t, "pyexpat");
  return m ? getattr(t, m, intern_literal(t, name)) : Value();
}

// ---- strings from Expat ---------------------------------------------------------------------

// UTF-8 from Expat as str; None for NULL. 0 with an exception on failure.
Value text(Thread& t, const XML_Char* s) {
  return s ? str_from_utf8(t, s) : none();
}

Value text_n(Thread& t, const XML_Char* s, int n) {
  return s ? str_from_utf8(t, std::string_view(s, std::size_t(n))) : none();
}

// A name, through the parser's intern dict when it has one (None too, as CPython's). The
// callbacks below convert their arguments last to first, the order in which CPython's
// build (with GCC on x86-64) does, so that the intern dict fills in the same order.
Value name_text(Thread& t, Value self, const XML_Char* s) {
  Value v = text(t, s);
  if (!v) return v;
  Value intern = rd<ParserObject>(self)->intern;
  if (!intern || !dict_check(intern)) return v;
  bool error = false;
  Value known = dict_get(t, intern, v, error);
  if (error) return {};
  if (known) return known;
  return dict_set(t, intern, v, v) ? v : Value();
}

// ---- installing the C handlers ------------------------------------------------------------

void install(Native* n, Value self, int h);

// A handler raised (or a conversion failed): like CPython, the parser drops all its
// handlers, so nothing more is called while Expat finishes the buffer; Parse then
// returns the exception.
void flag_error(Native* n, Value self) {
  auto* p = wr<ParserObject>(self);
  for (Value& h : p->handlers)
    h = none();
  for (int h = 0; h < kHandlerCount; ++h)
    install(n, self, h);
}

Value handler_of(Value self, int h) {
  Value v = rd<ParserObject>(self)->handlers[h];
  return v && v != none() ? v : Value();
}

// Calls handler h with args; 0 when it raised (handlers dropped) or is not set.
Value call_handler(Native* n, int h, const Value* args, std::size_t nargs) {
  Thread& t = *n->thread;
  Value self = n->self;
  Value fn = handler_of(self, h);
  if (!fn) return {};
  for (std::size_t i = 0; i < nargs; ++i)
    if (!args[i]) return flag_error(n, self), Value();
  Value r = call(t, fn, args, nargs);
  if (!r) flag_error(n, self);
  return r;
}

// Hands the held-back character data to the CharacterDataHandler. False when it raised.
bool flush_buffer(Thread& t, Value self, Native* n) {
  if (n->buffer.empty()) return true;
  // Text is held back between calls only after an XML error; emptying it changes the C
  // side, so that may only happen in a transaction that commits (a no-op inside Parse).
  if (!stm::is_inevitable()) stm::become_inevitable("pyexpat");
  Value fn = handler_of(self, H_CharacterData);
  // While the handler runs, buffer_used still counts the text it is given (as CPython's).
  Value s = fn ? str_from_utf8(t, n->buffer) : Value();
  if (!s) {
    n->buffer.clear();
    return !t.pending;
  }
  Thread* saved_thread = n->thread;
  Value saved_self = n->self;
  n->thread = &t;
  n->self = self;
  Value r = call_handler(n, H_CharacterData, &s, 1);
  n->thread = saved_thread;
  n->self = saved_self;
  n->buffer.clear();
  return bool(r);
}

// The start of every callback: false when an exception is pending or the buffered text's
// handler raised.
bool begin(Native* n) {
  Thread& t = *n->thread;
  if (t.pending) return false;
  return flush_buffer(t, n->self, n);
}

Native* N(void* user) {
  return static_cast<Native*>(user);
}

void XMLCALL on_start_element(void* user, const XML_Char* name, const XML_Char** atts) {
  Native* n = N(user);
  if (!begin(n)) return;
  Thread& t = *n->thread;
  Value self = n->self;
  const ParserObject* p = rd<ParserObject>(self);
  bool ordered = flag(p->ordered);
  int count = 0;
  if (flag(p->specified))
    count = XML_GetSpecifiedAttributeCount(n->parser);
  else
    while (atts[count])
      ++count;
  Value attrs = ordered ? list_new(t) : dict_new(t);
  if (!attrs) return flag_error(n, self);
  for (int i = 0; i < count; i += 2) {
    Value k = name_text(t, self, atts[i]);
    Value v = k ? text(t, atts[i + 1]) : Value();
    if (!v) return flag_error(n, self);
    bool ok =
        ordered ? list_append(t, attrs, k) && list_append(t, attrs, v) : dict_set(t, attrs, k, v);
    if (!ok) return flag_error(n, self);
  }
  Value args[2] = {name_text(t, self, name), attrs};
  call_handler(n, H_StartElement, args, 2);
}

void XMLCALL on_end_element(void* user, const XML_Char* name) {
  Native* n = N(user);
  if (!begin(n)) return;
  Value a = name_text(*n->thread, n->self, name);
  call_handler(n, H_EndElement, &a, 1);
}

void XMLCALL on_pi(void* user, const XML_Char* target, const XML_Char* data) {
  Native* n = N(user);
  if (!begin(n)) return;
  Thread& t = *n->thread;
  Value a[2];
  a[1] = text(t, data);
  a[0] = name_text(t, n->self, target);
  call_handler(n, H_ProcessingInstruction, a, 2);
}

void XMLCALL on_character_data(void* user, const XML_Char* s, int len) {
  Native* n = N(user);
  Thread& t = *n->thread;
  if (t.pending) return;
  const ParserObject* p = rd<ParserObject>(n->self);
  if (!flag(p->buffer_text)) {
    Value a = text_n(t, s, len);
    call_handler(n, H_CharacterData, &a, 1);
    return;
  }
  std::size_t size = std::size_t(p->buffer_size.small_int_value());
  if (n->buffer.size() + std::size_t(len) > size) {
    if (!flush_buffer(t, n->self, n)) return;
    if (!handler_of(n->self, H_CharacterData)) return;
  }
  if (std::size_t(len) > size) {
    Value a = text_n(t, s, len);
    call_handler(n, H_CharacterData, &a, 1);
  } else {
    n->buffer.append(s, std::size_t(len));
  }
}

void XMLCALL on_unparsed_entity_decl(void* user, const XML_Char* entity, const XML_Char* base,
                                     const XML_Char* system_id, const XML_Char* public_id,
                                     const XML_Char* notation) {
  Native* n = N(user);
  if (!begin(n)) return;
  Thread& t = *n->thread;
  const XML_Char* in[5] = {entity, base, system_id, public_id, notation};
  Value a[5];
  for (int i = 4; i >= 0; --i)
    a[i] = name_text(t, n->self, in[i]);
  call_handler(n, H_UnparsedEntityDecl, a, 5);
}

void XMLCALL on_notation_decl(void* user, const XML_Char* notation, const XML_Char* base,
                              const XML_Char* system_id, const XML_Char* public_id) {
  Native* n = N(user);
  if (!begin(n)) return;
  Thread& t = *n->thread;
  const XML_Char* in[4] = {notation, base, system_id, public_id};
  Value a[4];
  for (int i = 3; i >= 0; --i)
    a[i] = name_text(t, n->self, in[i]);
  call_handler(n, H_NotationDecl, a, 4);
}

void XMLCALL on_start_ns(void* user, const XML_Char* prefix, const XML_Char* uri) {
  Native* n = N(user);
  if (!begin(n)) return;
  Thread& t = *n->thread;
  Value a[2];
  a[1] = name_text(t, n->self, uri);
  a[0] = name_text(t, n->self, prefix);
  call_handler(n, H_StartNamespaceDecl, a, 2);
}

void XMLCALL on_end_ns(void* user, const XML_Char* prefix) {
  Native* n = N(user);
  if (!begin(n)) return;
  Value a = name_text(*n->thread, n->self, prefix);
  call_handler(n, H_EndNamespaceDecl, &a, 1);
}

void XMLCALL on_comment(void* user, const XML_Char* data) {
  Native* n = N(user);
  if (!begin(n)) return;
  Value a = text(*n->thread, data);
  call_handler(n, H_Comment, &a, 1);
}

void XMLCALL on_start_cdata(void* user) {
  Native* n = N(user);
  if (begin(n)) call_handler(n, H_StartCdataSection, nullptr, 0);
}

void XMLCALL on_end_cdata(void* user) {
  Native* n = N(user);
  if (begin(n)) call_handler(n, H_EndCdataSection, nullptr, 0);
}

void XMLCALL on_default(void* user, const XML_Char* s, int len) {
  Native* n = N(user);
  if (!begin(n)) return;
  Value a = text_n(*n->thread, s, len);
  call_handler(n, H_Default, &a, 1);
}

void XMLCALL on_default_expand(void* user, const XML_Char* s, int len) {
  Native* n = N(user);
  if (!begin(n)) return;
  Value a = text_n(*n->thread, s, len);
  call_handler(n, H_DefaultExpand, &a, 1);
}

// A handler's int result (0 when it raised or returned something else than an int).
int int_result(Native* n, Value r) {
  if (!r) return 0;
  std::int64_t i = 0;
  if (!index_to_i64(*n->thread, r, i)) {
    flag_error(n, n->self);
    return 0;
  }
  return int(i);
}

int XMLCALL on_not_standalone(void* user) {
  Native* n = N(user);
  if (!begin(n)) return 0;
  return int_result(n, call_handler(n, H_NotStandalone, nullptr, 0));
}

int XMLCALL on_external_entity_ref(XML_Parser parser, const XML_Char* context, const XML_Char* base,
                                   const XML_Char* system_id, const XML_Char* public_id) {
  Native* n = N(XML_GetUserData(parser));
  if (!begin(n)) return 0;
  Thread& t = *n->thread;
  Value a[4];
  a[3] = name_text(t, n->self, public_id);
  a[2] = name_text(t, n->self, system_id);
  a[1] = name_text(t, n->self, base);
  a[0] = text(t, context);
  return int_result(n, call_handler(n, H_ExternalEntityRef, a, 4));
}

void XMLCALL on_start_doctype(void* user, const XML_Char* name, const XML_Char* system_id,
                              const XML_Char* public_id, int has_internal_subset) {
  Native* n = N(user);
  if (!begin(n)) return;
  Thread& t = *n->thread;
  Value a[4];
  a[3] = Value::small_int(has_internal_subset);
  a[2] = name_text(t, n->self, public_id);
  a[1] = name_text(t, n->self, system_id);
  a[0] = name_text(t, n->self, name);
  call_handler(n, H_StartDoctypeDecl, a, 4);
}

void XMLCALL on_end_doctype(void* user) {
  Native* n = N(user);
  if (begin(n)) call_handler(n, H_EndDoctypeDecl, nullptr, 0);
}

void XMLCALL on_entity_decl(void* user, const XML_Char* entity, int is_parameter_entity,
                            const XML_Char* value, int value_length, const XML_Char* base,
                            const XML_Char* system_id, const XML_Char* public_id,
                            const XML_Char* notation) {
  Native* n = N(user);
  if (!begin(n)) return;
  Thread& t = *n->thread;
  Value a[7];
  a[6] = name_text(t, n->self, notation);
  a[5] = name_text(t, n->self, public_id);
  a[4] = name_text(t, n->self, system_id);
  a[3] = name_text(t, n->self, base);
  a[2] = text_n(t, value, value_length);
  a[1] = Value::small_int(is_parameter_entity);
  a[0] = name_text(t, n->self, entity);
  call_handler(n, H_EntityDecl, a, 7);
}

void XMLCALL on_xml_decl(void* user, const XML_Char* version, const XML_Char* encoding,
                         int standalone) {
  Native* n = N(user);
  if (!begin(n)) return;
  Thread& t = *n->thread;
  Value a[3] = {text(t, version), text(t, encoding), Value::small_int(standalone)};
  call_handler(n, H_XmlDecl, a, 3);
}

// An element declaration's content model as (type, quantifier, name, children).
Value content_model(Thread& t, Value self, const XML_Content* c) {
  // A model nested 500000 deep (a hostile DTD) must not overflow the native stack.
  CRecursion guard(t, "");
  if (!guard) return {};
  Value children = tuple_new(t, c->numchildren);
  if (!children) return {};
  for (unsigned i = 0; i < c->numchildren; ++i) {
    Value child = content_model(t, self, &c->children[i]);
    if (!child) return {};
    tuple_init(children, i, child);
  }
  Value name = text(t, c->name);
  if (!name) return {};
  Value items[4] = {Value::small_int(c->type), Value::small_int(c->quant), name, children};
  return tuple_from(t, items, 4);
}

void XMLCALL on_element_decl(void* user, const XML_Char* name, XML_Content* model) {
  Native* n = N(user);
  if (begin(n)) {
    Thread& t = *n->thread;
    Value a[2] = {name_text(t, n->self, name), content_model(t, n->self, model)};
    call_handler(n, H_ElementDecl, a, 2);
  }
  XML_FreeContentModel(n->parser, model);
}

void XMLCALL on_attlist_decl(void* user, const XML_Char* element, const XML_Char* attribute,
                             const XML_Char* type, const XML_Char* dflt, int required) {
  Native* n = N(user);
  if (!begin(n)) return;
  Thread& t = *n->thread;
  Value a[5];
  a[4] = Value::small_int(required);
  a[3] = text(t, dflt);
  a[2] = text(t, type);
  a[1] = name_text(t, n->self, attribute);
  a[0] = name_text(t, n->self, element);
  call_handler(n, H_AttlistDecl, a, 5);
}

void XMLCALL on_skipped_entity(void* user, const XML_Char* entity, int is_parameter_entity) {
  Native* n = N(user);
  if (!begin(n)) return;
  Thread& t = *n->thread;
  Value a[2] = {name_text(t, n->self, entity), Value::small_int(is_parameter_entity)};
  call_handler(n, H_SkippedEntity, a, 2);
}

// An encoding Expat does not know: one byte a character through Python's codec of that
// name (bytes 0..255 decoded with errors="replace"; what decodes to U+FFFD is no
// character). A codec that does not give 256 characters is refused, as CPython does.
int XMLCALL on_unknown_encoding(void* data, const XML_Char* name, XML_Encoding* info) {
  Native* n = static_cast<Native*>(data);
  if (!n->thread) return XML_STATUS_ERROR;
  Thread& t = *n->thread;
  std::string all(256, '\0');
  for (int i = 0; i < 256; ++i)
    all[std::size_t(i)] = char(i);
  Value b = bytes_new(t, all);
  Value decode = b ? getattr(t, b, intern_literal(t, "decode")) : Value();
  Value args[2] = {decode ? str_from_utf8(t, name) : Value(), intern_literal(t, "replace")};
  Value u = args[0] ? call(t, decode, args, 2) : Value();
  if (!u) return XML_STATUS_ERROR;
  if (!str_check(u) || str_length(u) != 256) {
    raise(t, exc(E_ValueError), "multi-byte encodings are not supported");
    return XML_STATUS_ERROR;
  }
  for (int i = 0; i < 256; ++i) {
    char32_t c = str_at(u, i);
    info->map[i] = c == 0xFFFD ? -1 : int(c);
  }
  info->data = nullptr;
  info->convert = nullptr;
  info->release = nullptr;
  return XML_STATUS_OK;
}

// Installs (or removes) the C handler of slot h as the heap's slot says.
void install(Native* n, Value self, int h) {
  XML_Parser x = n->parser;
  bool on = static_cast<bool>(handler_of(self, h));
  switch (h) {
  case H_StartElement:
    XML_SetStartElementHandler(x, on ? on_start_element : nullptr);
    break;
  case H_EndElement:
    XML_SetEndElementHandler(x, on ? on_end_element : nullptr);
    break;
  case H_ProcessingInstruction:
    XML_SetProcessingInstructionHandler(x, on ? on_pi : nullptr);
    break;
  case H_CharacterData:
    XML_SetCharacterDataHandler(x, on ? on_character_data : nullptr);
    break;
  case H_UnparsedEntityDecl:
    XML_SetUnparsedEntityDeclHandler(x, on ? on_unparsed_entity_decl : nullptr);
    break;
  case H_NotationDecl:
    XML_SetNotationDeclHandler(x, on ? on_notation_decl : nullptr);
    break;
  case H_StartNamespaceDecl:
    XML_SetStartNamespaceDeclHandler(x, on ? on_start_ns : nullptr);
    break;
  case H_EndNamespaceDecl:
    XML_SetEndNamespaceDeclHandler(x, on ? on_end_ns : nullptr);
    break;
  case H_Comment:
    XML_SetCommentHandler(x, on ? on_comment : nullptr);
    break;
  case H_StartCdataSection:
    XML_SetStartCdataSectionHandler(x, on ? on_start_cdata : nullptr);
    break;
  case H_EndCdataSection:
    XML_SetEndCdataSectionHandler(x, on ? on_end_cdata : nullptr);
    break;
  case H_Default:
  case H_DefaultExpand:
    // One C slot for both; which setter ran last decides whether Expat still expands
    // internal entities, as with CPython's setters.
    if (flag(rd<ParserObject>(self)->default_expand))
      XML_SetDefaultHandlerExpand(x,
                                  handler_of(self, H_DefaultExpand) ? on_default_expand : nullptr);
    else
      XML_SetDefaultHandler(x, handler_of(self, H_Default) ? on_default : nullptr);
    break;
  case H_NotStandalone:
    XML_SetNotStandaloneHandler(x, on ? on_not_standalone : nullptr);
    break;
  case H_ExternalEntityRef:
    XML_SetExternalEntityRefHandler(x, on ? on_external_entity_ref : nullptr);
    break;
  case H_StartDoctypeDecl:
    XML_SetStartDoctypeDeclHandler(x, on ? on_start_doctype : nullptr);
    break;
  case H_EndDoctypeDecl:
    XML_SetEndDoctypeDeclHandler(x, on ? on_end_doctype : nullptr);
    break;
  case H_EntityDecl:
    XML_SetEntityDeclHandler(x, on ? on_entity_decl : nullptr);
    break;
  case H_XmlDecl:
    XML_SetXmlDeclHandler(x, on ? on_xml_decl : nullptr);
    break;
  case H_ElementDecl:
    XML_SetElementDeclHandler(x, on ? on_element_decl : nullptr);
    break;
  case H_AttlistDecl:
    XML_SetAttlistDeclHandler(x, on ? on_attlist_decl : nullptr);
    break;
  case H_SkippedEntity:
    XML_SetSkippedEntityHandler(x, on ? on_skipped_entity : nullptr);
    break;
  }
}

// ---- the parser object --------------------------------------------------------------------

Value raise_expat_error(Thread& t, XML_Parser x, XML_Error code) {
  long line = long(XML_GetErrorLineNumber(x));
  long column = long(XML_GetErrorColumnNumber(x));
  const char* what = XML_ErrorString(code);
  std::string message = std::string(what ? what : "") + ": line " + std::to_string(line) +
                        ", column " + std::to_string(column);
  Value cls = module_attr(t, "error");
  Value m = cls ? str_from_utf8(t, message) : Value();
  Value e = m ? call1(t, cls, m) : Value();
  if (!e) return {};
  if (!setattr(t, e, intern_literal(t, "code"), Value::small_int(code)) ||
      !setattr(t, e, intern_literal(t, "offset"), Value::small_int(column)) ||
      !setattr(t, e, intern_literal(t, "lineno"), Value::small_int(line)))
    return {};
  return raise_value(t, e);
}

// The parser's Native, or 0 with an exception.
Native* live(Thread& t, Value self) {
  Native* n = native_of(self);
  if (!n) raise(t, exc(E_ValueError), "the parser has been finalized");
  return n;
}

// A new xmlparser object over the C parser x (which it owns from now on).
Value make_parser(Thread& t, XML_Parser x, Value intern) {
  Native* n = new Native;
  n->parser = x;
  // Made by a transaction that aborts: nothing can reach the object, so free it then.
  t.after_commit.push_back([n](bool committed) {
    if (!committed) {
      XML_ParserFree(n->parser);
      delete n;
    }
  });
  XML_SetUserData(x, n);
  XML_SetUnknownEncodingHandler(x, on_unknown_encoding, n);
  Value cls = module_attr(t, "XMLParserType");
  Value self = cls ? allocate(t, Layout::Instance, cls, sizeof(ParserObject)) : Value();
  if (!self) return {};
  auto* p = fresh<ParserObject>(self);
  p->native = address_value(n);
  p->intern = intern;
  p->parent = none();
  p->buffer_text = Value::small_int(0);
  p->buffer_size = Value::small_int(8192);
  p->ordered = Value::small_int(0);
  p->specified = Value::small_int(0);
  p->ns_prefixes = Value::small_int(0);
  p->default_expand = Value::small_int(1);
  for (Value& h : p->handlers)
    h = none();
  return self;
}

// Feeds data to Expat with the handlers installed; the result of Parse.
Value parse_data(Thread& t, Value self, Native* n, std::string_view data, bool final) {
  n->thread = &t;
  n->self = self;
  XML_SetUserData(n->parser, n);
  XML_SetReturnNSTriplet(n->parser, flag(rd<ParserObject>(self)->ns_prefixes));
  for (int h = 0; h < kHandlerCount; ++h)
    install(n, self, h);
  XML_Status rv = XML_STATUS_OK;
  do {
    std::size_t chunk = data.size() > (1u << 30) ? (1u << 30) : data.size();
    bool last = final && chunk == data.size();
    rv = XML_Parse(n->parser, data.data(), int(chunk), last);
    data.remove_prefix(chunk);
  } while (rv == XML_STATUS_OK && !t.pending && !data.empty());
  n->thread = nullptr;
  n->self = {};
  if (t.pending) return {};
  if (rv == XML_STATUS_ERROR) return raise_expat_error(t, n->parser, XML_GetErrorCode(n->parser));
  if (!flush_buffer(t, self, n)) return {};
  return Value::small_int(rv);
}

// Parse(data, isfinal=False, /)
INTERP_NATIVE(parser_parse) {
  if (!check_positional(t, "Parse", nargs, kwnames, 1, 2)) return {};
  Native* n = live(t, args[0]);
  if (!n) return {};
  int final = 0;
  if (nargs > 2 && (final = truthy(t, args[2])) < 0) return {};
  std::string data;
  bool is_str = str_check(args[1]);
  if (is_str)
    data = str_utf8(args[1]);
  else if (!need_buffer(t, args[1], data))
    return {};
  if (n->thread) return raise(t, exc(E_RuntimeError), "cannot call Parse() from a handler");
  stm::become_inevitable("pyexpat");
  if (is_str) XML_SetEncoding(n->parser, "utf-8");
  return parse_data(t, args[0], n, data, final != 0);
}

// ParseFile(file, /): reads file.read(2048) to the end.
INTERP_NATIVE(parser_parsefile) {
  if (!check_positional(t, "ParseFile", nargs, kwnames, 1, 1)) return {};
  Native* n = live(t, args[0]);
  if (!n) return {};
  Value read = getattr_opt(t, args[1], intern_literal(t, "read"));
  if (!read) {
    if (t.pending) return {};
    return raise(t, exc(E_TypeError), "argument must have 'read' attribute");
  }
  if (n->thread) return raise(t, exc(E_RuntimeError), "cannot call ParseFile() from a handler");
  stm::become_inevitable("pyexpat");
  for (;;) {
    Value chunk = call1(t, read, Value::small_int(2048));
    if (!chunk) return {};
    if (!is_exact(chunk, T_bytes) && !isinstance(chunk, T_bytes))
      return raisef(t, exc(E_TypeError), "read() did not return a bytes object (type=%s)",
                    type_name_of(chunk).c_str());
    std::string_view data = bytes_view(chunk);
    std::string copy(data);
    Value r = parse_data(t, args[0], n, copy, copy.empty());
    if (!r) return {};
    if (copy.empty()) return r;
  }
}

INTERP_NATIVE(parser_setbase) {
  if (!check_positional(t, "SetBase", nargs, kwnames, 1, 1)) return {};
  Native* n = live(t, args[0]);
  if (!n) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "SetBase() argument must be str, not %s",
                  type_name_of(args[1]).c_str());
  stm::become_inevitable("pyexpat");
  if (!XML_SetBase(n->parser, str_utf8(args[1]).c_str())) return raise_memory_error(t);
  return none();
}

INTERP_NATIVE(parser_getbase) {
  if (!check_positional(t, "GetBase", nargs, kwnames, 0, 0)) return {};
  Native* n = live(t, args[0]);
  return n ? text(t, XML_GetBase(n->parser)) : Value();
}

INTERP_NATIVE(parser_getinputcontext) {
  if (!check_positional(t, "GetInputContext", nargs, kwnames, 0, 0)) return {};
  Native* n = live(t, args[0]);
  if (!n) return {};
  if (!n->thread) return none();
  int offset = 0, size = 0;
  const char* buffer = XML_GetInputContext(n->parser, &offset, &size);
  if (!buffer) return none();
  return bytes_new(t, std::string_view(buffer + offset, std::size_t(size - offset)));
}

INTERP_NATIVE(parser_setparamentityparsing) {
  if (!check_positional(t, "SetParamEntityParsing", nargs, kwnames, 1, 1)) return {};
  Native* n = live(t, args[0]);
  std::int64_t value = 0;
  if (!n || !index_to_i64(t, args[1], value)) return {};
  stm::become_inevitable("pyexpat");
  return Value::small_int(XML_SetParamEntityParsing(n->parser, XML_ParamEntityParsing(value)));
}

INTERP_NATIVE(parser_useforeigndtd) {
  if (!check_positional(t, "UseForeignDTD", nargs, kwnames, 0, 1)) return {};
  Native* n = live(t, args[0]);
  if (!n) return {};
  int use = 1;
  if (nargs > 1 && (use = truthy(t, args[1])) < 0) return {};
  stm::become_inevitable("pyexpat");
  XML_Error e = XML_UseForeignDTD(n->parser, use ? XML_TRUE : XML_FALSE);
  if (e != XML_ERROR_NONE) return raise_expat_error(t, n->parser, e);
  return none();
}

// ExternalEntityParserCreate(context, encoding=None, /)
INTERP_NATIVE(parser_externalentityparsercreate) {
  if (!check_positional(t, "ExternalEntityParserCreate", nargs, kwnames, 1, 2)) return {};
  Value self = args[0];
  Native* n = live(t, self);
  if (!n) return {};
  std::string context, encoding;
  bool has_context = args[1] != none(), has_encoding = nargs > 2 && args[2] != none();
  if (has_context && !str_check(args[1]))
    return raise(t, exc(E_TypeError),
                 "ExternalEntityParserCreate() argument 1 must be str or None");
  if (has_encoding && !str_check(args[2]))
    return raise(t, exc(E_TypeError), "ExternalEntityParserCreate() argument 2 must be str");
  if (has_context) context = str_utf8(args[1]);
  if (has_encoding) encoding = str_utf8(args[2]);
  XML_Parser x = XML_ExternalEntityParserCreate(n->parser, has_context ? context.c_str() : nullptr,
                                                has_encoding ? encoding.c_str() : nullptr);
  if (!x) return raise_memory_error(t);
  Value child = make_parser(t, x, rd<ParserObject>(self)->intern);
  if (!child) return {};
  const ParserObject* p = rd<ParserObject>(self);
  auto* c = fresh<ParserObject>(child);
  c->parent = self;
  c->buffer_text = p->buffer_text;
  c->buffer_size = p->buffer_size;
  c->ordered = p->ordered;
  c->specified = p->specified;
  c->ns_prefixes = p->ns_prefixes;
  c->default_expand = p->default_expand;
  for (int h = 0; h < kHandlerCount; ++h)
    c->handlers[h] = p->handlers[h];
  return child;
}

// The finalizer: the C parser goes once the transaction that found the object dead
// commits.
INTERP_NATIVE(parser_del) {
  Native* n = native_of(args[0]);
  if (!n) return none();
  wr<ParserObject>(args[0])->native = {};
  t.after_commit.push_back([n](bool committed) {
    if (committed) {
      XML_ParserFree(n->parser);
      delete n;
    }
  });
  return none();
}

// ---- attributes -------------------------------------------------------------------------------

template <int H> Value get_handler(Thread&, const Value* args, std::size_t, Value) {
  Value v = rd<ParserObject>(args[0])->handlers[H];
  return v ? v : none();
}

template <int H> Value set_handler(Thread& t, const Value* args, std::size_t nargs, Value) {
  if (nargs < 2) return raise(t, exc(E_RuntimeError), "Cannot delete attribute");
  Value self = args[0];
  Value value = args[1];
  Native* n = native_of(self);
  // Changing the character data handler hands what is held back to the old one.
  if (H == H_CharacterData && n && !flush_buffer(t, self, n)) return {};
  auto* p = wr<ParserObject>(self);
  p->handlers[H] = value;
  if (H == H_Default) p->default_expand = Value::small_int(0);
  if (H == H_DefaultExpand) p->default_expand = Value::small_int(1);
  // During a Parse (an inevitable transaction) the C parser follows at once.
  if (n && n->thread == &t) install(n, self, H);
  return none();
}

template <int Field> Value* field_of(ParserObject* p) {
  switch (Field) {
  case 0:
    return &p->buffer_text;
  case 1:
    return &p->ordered;
  case 2:
    return &p->specified;
  default:
    return &p->ns_prefixes;
  }
}

template <int Field> Value get_flag(Thread&, const Value* args, std::size_t, Value) {
  auto* p = const_cast<ParserObject*>(rd<ParserObject>(args[0]));
  return py_bool(flag(*field_of<Field>(p)));
}

template <int Field> Value set_flag(Thread& t, const Value* args, std::size_t nargs, Value) {
  if (nargs < 2) return raise(t, exc(E_RuntimeError), "Cannot delete attribute");
  int on = truthy(t, args[1]);
  if (on < 0) return {};
  if (Field == 0 && !on) {
    Native* n = native_of(args[0]);
    if (n && !flush_buffer(t, args[0], n)) return {};
  }
  *field_of<Field>(wr<ParserObject>(args[0])) = Value::small_int(on);
  return none();
}

INTERP_NATIVE(get_buffer_size) {
  return rd<ParserObject>(args[0])->buffer_size;
}

INTERP_NATIVE(set_buffer_size) {
  if (nargs < 2) return raise(t, exc(E_RuntimeError), "Cannot delete attribute");
  if (!int_check(args[1])) return raise(t, exc(E_TypeError), "buffer_size must be an integer");
  std::int64_t size = 0;
  if (!int_to_i64(args[1], size) || size > INT32_MAX)
    return raise(t, exc(E_ValueError), "buffer_size must not be greater than 2147483647");
  if (size <= 0) return raise(t, exc(E_ValueError), "buffer_size must be greater than zero");
  Native* n = native_of(args[0]);
  if (n && !flush_buffer(t, args[0], n)) return {};
  wr<ParserObject>(args[0])->buffer_size = Value::small_int(size);
  return none();
}

INTERP_NATIVE(get_buffer_used) {
  Native* n = native_of(args[0]);
  return Value::small_int(n ? std::int64_t(n->buffer.size()) : 0);
}

INTERP_NATIVE(get_intern) {
  return rd<ParserObject>(args[0])->intern;
}

template <int What> Value get_position(Thread& t, const Value* args, std::size_t, Value) {
  Native* n = live(t, args[0]);
  if (!n) return {};
  XML_Parser x = n->parser;
  switch (What) {
  case 0:
    return Value::small_int(XML_GetErrorCode(x));
  case 1:
    return Value::small_int(std::int64_t(XML_GetErrorLineNumber(x)));
  case 2:
    return Value::small_int(std::int64_t(XML_GetErrorColumnNumber(x)));
  case 3:
    return Value::small_int(std::int64_t(XML_GetErrorByteIndex(x)));
  case 4:
    return Value::small_int(std::int64_t(XML_GetCurrentLineNumber(x)));
  case 5:
    return Value::small_int(std::int64_t(XML_GetCurrentColumnNumber(x)));
  default:
    return Value::small_int(std::int64_t(XML_GetCurrentByteIndex(x)));
  }
}

INTERP_NATIVE(no_new) {
  return raise(t, exc(E_TypeError), "cannot create 'pyexpat.xmlparser' instances");
}

// ---- module functions ---------------------------------------------------------------------------

// ParserCreate(encoding=None, namespace_separator=None, intern=<a new dict>)
INTERP_NATIVE(pyexpat_parsercreate) {
  static constexpr std::initializer_list<const char*> kNames = {"encoding", "namespace_separator",
                                                                "intern"};
  if (!check_named_keywords(t, "ParserCreate", kwnames, kNames, 0)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 3)
    return raisef(t, exc(E_TypeError), "ParserCreate() takes at most 3 arguments (%zu given)",
                  npos);
  Value a[3];
  if (!bind_arguments(t, "ParserCreate", args, nargs, kwnames, kNames, 0, 0, a)) return {};
  std::string encoding, separator;
  bool has_encoding = a[0] && a[0] != none(), has_separator = a[1] && a[1] != none();
  if (has_encoding) {
    if (!str_check(a[0]))
      return raisef(t, exc(E_TypeError),
                    "ParserCreate() argument 'encoding' must be str or None, not %s",
                    type_name_of(a[0]).c_str());
    encoding = str_utf8(a[0]);
  }
  if (has_separator) {
    if (!str_check(a[1]))
      return raisef(t, exc(E_TypeError),
                    "ParserCreate() argument 'namespace_separator' must be str or None, not %s",
                    type_name_of(a[1]).c_str());
    if (str_length(a[1]) > 1)
      return raise(t, exc(E_ValueError),
                   "namespace_separator must be at most one character, omitted, or None");
    separator = str_utf8(a[1]);
  }
  Value intern = a[2];
  if (!intern) {
    intern = dict_new(t);
    if (!intern) return {};
  } else if (intern != none() && !dict_check(intern)) {
    return raise(t, exc(E_TypeError), "intern must be a dictionary");
  }
  const char* enc = has_encoding ? encoding.c_str() : nullptr;
  XML_Parser x = has_separator ? XML_ParserCreateNS(enc, separator.empty() ? '\0' : separator[0])
                               : XML_ParserCreate(enc);
  if (!x) return raise_memory_error(t);
  return make_parser(t, x, intern);
}

INTERP_NATIVE(pyexpat_errorstring) {
  if (!check_positional(t, "ErrorString", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t code = 0;
  if (!index_to_i64(t, args[0], code)) return {};
  return text(t, XML_ErrorString(XML_Error(code)));
}

// The names of Expat's error codes, from 1 on (errors.XML_ERROR_*).
const char* const kErrorNames[] = {
    "NO_MEMORY",
    "SYNTAX",
    "NO_ELEMENTS",
    "INVALID_TOKEN",
    "UNCLOSED_TOKEN",
    "PARTIAL_CHAR",
    "TAG_MISMATCH",
    "DUPLICATE_ATTRIBUTE",
    "JUNK_AFTER_DOC_ELEMENT",
    "PARAM_ENTITY_REF",
    "UNDEFINED_ENTITY",
    "RECURSIVE_ENTITY_REF",
    "ASYNC_ENTITY",
    "BAD_CHAR_REF",
    "BINARY_ENTITY_REF",
    "ATTRIBUTE_EXTERNAL_ENTITY_REF",
    "MISPLACED_XML_PI",
    "UNKNOWN_ENCODING",
    "INCORRECT_ENCODING",
    "UNCLOSED_CDATA_SECTION",
    "EXTERNAL_ENTITY_HANDLING",
    "NOT_STANDALONE",
    "UNEXPECTED_STATE",
    "ENTITY_DECLARED_IN_PE",
    "FEATURE_REQUIRES_XML_DTD",
    "CANT_CHANGE_FEATURE_ONCE_PARSING",
    "UNBOUND_PREFIX",
    "UNDECLARING_PREFIX",
    "INCOMPLETE_PE",
    "XML_DECL",
    "TEXT_DECL",
    "PUBLICID",
    "SUSPENDED",
    "NOT_SUSPENDED",
    "ABORTED",
    "FINISHED",
    "SUSPEND_PE",
    "RESERVED_PREFIX_XML",
    "RESERVED_PREFIX_XMLNS",
    "RESERVED_NAMESPACE_URI",
    "INVALID_ARGUMENT",
    "NO_BUFFER",
    "AMPLIFICATION_LIMIT_BREACH",
};

Value make_errors_module(Thread& t) {
  Value m = new_module(t, "pyexpat.errors", nullptr, 0);
  Value codes = m ? dict_new(t) : Value();
  Value messages = codes ? dict_new(t) : Value();
  if (!messages) return {};
  for (std::size_t i = 0; i < std::size(kErrorNames); ++i) {
    int code = int(i) + 1;
    Value message = text(t, XML_ErrorString(XML_Error(code)));
    if (!message) return {};
    std::string attr = std::string("XML_ERROR_") + kErrorNames[i];
    module_set(t, m, attr.c_str(), message);
    if (!dict_set(t, codes, message, Value::small_int(code)) ||
        !dict_set(t, messages, Value::small_int(code), message))
      return {};
  }
  module_set(t, m, "codes", codes);
  module_set(t, m, "messages", messages);
  return m;
}

Value make_model_module(Thread& t) {
  Value m = new_module(t, "pyexpat.model", nullptr, 0);
  if (!m) return {};
  static const struct {
    const char* name;
    int value;
  } kConstants[] = {
      {"XML_CTYPE_EMPTY", XML_CTYPE_EMPTY},   {"XML_CTYPE_ANY", XML_CTYPE_ANY},
      {"XML_CTYPE_MIXED", XML_CTYPE_MIXED},   {"XML_CTYPE_NAME", XML_CTYPE_NAME},
      {"XML_CTYPE_CHOICE", XML_CTYPE_CHOICE}, {"XML_CTYPE_SEQ", XML_CTYPE_SEQ},
      {"XML_CQUANT_NONE", XML_CQUANT_NONE},   {"XML_CQUANT_OPT", XML_CQUANT_OPT},
      {"XML_CQUANT_REP", XML_CQUANT_REP},     {"XML_CQUANT_PLUS", XML_CQUANT_PLUS},
  };
  for (const auto& c : kConstants)
    module_set(t, m, c.name, Value::small_int(c.value));
  return m;
}

template <int... H> void add_handlers(Thread& t, Value type, std::integer_sequence<int, H...>) {
  (add_getter(t, type, kHandlerNames[H], get_handler<H>, set_handler<H>), ...);
}

Value make_parser_type(Thread& t) {
  Value type = new_type(t, "xmlparser", "pyexpat", Layout::Instance, {}, false);
  if (!type) return {};
  add_staticmethod(t, type, "__new__", no_new);
  add_method(t, type, "Parse", parser_parse);
  add_method(t, type, "ParseFile", parser_parsefile);
  add_method(t, type, "SetBase", parser_setbase);
  add_method(t, type, "GetBase", parser_getbase);
  add_method(t, type, "GetInputContext", parser_getinputcontext);
  add_method(t, type, "SetParamEntityParsing", parser_setparamentityparsing);
  add_method(t, type, "UseForeignDTD", parser_useforeigndtd);
  add_method(t, type, "ExternalEntityParserCreate", parser_externalentityparsercreate);
  add_method(t, type, "__del__", parser_del);
  add_handlers(t, type, std::make_integer_sequence<int, kHandlerCount>{});
  add_getter(t, type, "buffer_text", get_flag<0>, set_flag<0>);
  add_getter(t, type, "ordered_attributes", get_flag<1>, set_flag<1>);
  add_getter(t, type, "specified_attributes", get_flag<2>, set_flag<2>);
  add_getter(t, type, "namespace_prefixes", get_flag<3>, set_flag<3>);
  add_getter(t, type, "buffer_size", get_buffer_size, set_buffer_size);
  add_getter(t, type, "buffer_used", get_buffer_used);
  add_getter(t, type, "intern", get_intern);
  add_getter(t, type, "ErrorCode", get_position<0>);
  add_getter(t, type, "ErrorLineNumber", get_position<1>);
  add_getter(t, type, "ErrorColumnNumber", get_position<2>);
  add_getter(t, type, "ErrorByteIndex", get_position<3>);
  add_getter(t, type, "CurrentLineNumber", get_position<4>);
  add_getter(t, type, "CurrentColumnNumber", get_position<5>);
  add_getter(t, type, "CurrentByteIndex", get_position<6>);
  finish_owning_type(type);
  return type;
}

} // namespace

Value make_pyexpat_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"ParserCreate", pyexpat_parsercreate},
      {"ErrorString", pyexpat_errorstring},
  };
  Value m = new_module(t, "pyexpat", kFunctions, std::size(kFunctions));
  if (!m) return {};
  Value error = new_exception_type(t, "ExpatError", "xml.parsers.expat", exc(E_Exception));
  Value type = error ? make_parser_type(t) : Value();
  Value errors = type ? make_errors_module(t) : Value();
  Value model = errors ? make_model_module(t) : Value();
  if (!model) return {};
  module_set(t, m, "ExpatError", error);
  module_set(t, m, "error", error);
  module_set(t, m, "XMLParserType", type);
  module_set(t, m, "errors", errors);
  module_set(t, m, "model", model);
  Value modules = getattr(t, runtime().sys_module, intern_literal(t, "modules"));
  if (!modules || !dict_set(t, modules, intern_literal(t, "pyexpat.errors"), errors) ||
      !dict_set(t, modules, intern_literal(t, "pyexpat.model"), model))
    return {};
  module_set(t, m, "native_encoding", str_from_ascii(t, "UTF-8"));
  module_set(t, m, "EXPAT_VERSION", str_from_utf8(t, XML_ExpatVersion()));
  XML_Expat_Version v = XML_ExpatVersionInfo();
  Value parts[3] = {Value::small_int(v.major), Value::small_int(v.minor),
                    Value::small_int(v.micro)};
  module_set(t, m, "version_info", tuple_from(t, parts, 3));
  Value features = list_new(t);
  if (!features) return {};
  for (const XML_Feature* f = XML_GetFeatureList(); f && f->feature != XML_FEATURE_END; ++f) {
    Value name = str_from_utf8(t, f->name);
    Value pair[2] = {name, Value::small_int(f->value)};
    Value item = name ? tuple_from(t, pair, 2) : Value();
    if (!item || !list_append(t, features, item)) return {};
  }
  module_set(t, m, "features", features);
  module_set(t, m, "XML_PARAM_ENTITY_PARSING_NEVER",
             Value::small_int(XML_PARAM_ENTITY_PARSING_NEVER));
  module_set(t, m, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE",
             Value::small_int(XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE));
  module_set(t, m, "XML_PARAM_ENTITY_PARSING_ALWAYS",
             Value::small_int(XML_PARAM_ENTITY_PARSING_ALWAYS));
  return m;
}

} // namespace interp
