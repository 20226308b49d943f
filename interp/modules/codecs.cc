// interp/modules/codecs.cc - the _codecs module: the codec and error handler registries
// and the codec functions the encodings package calls (utf_8_decode, charmap_encode,
// unicode_escape_decode...).
//
// It is Python source run when the module is first imported. The transformation formats
// themselves are interp/text's codecs, reached through str.encode and bytes.decode (with
// the error handlers interp/text knows); the source adds byte order marks, partial input
// (final=False), error handlers registered from Python, the charmap and escape codecs.
#include "interp/text/codecs.h"
#include "interp/modules/module_support.h"
#include "interp/modules/source_module.h"

namespace interp {

Value raise_codec_error(Thread& t, const text::CodecError& e, Value object); // objects/bytes.cc

namespace {

// _utf7_decode(data: bytes, errors: str, final: bool) -> (str, consumed), for the
// handlers interp/text knows; the source resolves the others.
INTERP_NATIVE(utf7_decode) {
  if (!check_positional(t, "_utf7_decode", nargs, kwnames, 3, 3, 0)) return {};
  std::size_t consumed = 0;
  auto r = text::decode_utf7(bytes_view(args[0]), str_utf8(args[1]), args[2] == runtime().true_,
                             consumed);
  if (!r.ok()) return raise_codec_error(t, r.error(), args[0]);
  Value pair[2] = {str_from_code_points(t, r.value()),
                   int_from_i64(t, static_cast<std::int64_t>(consumed))};
  if (!pair[0] || !pair[1]) return {};
  return tuple_from(t, pair, 2);
}

// _utf7_encode(text: str) -> bytes
INTERP_NATIVE(utf7_encode) {
  if (!check_positional(t, "_utf7_encode", nargs, kwnames, 1, 1, 0)) return {};
  return bytes_new(t, text::encode_utf7(str_code_points(args[0])));
}

const char kSource[] = R"py(
# The codec registry, the error handler registry and the codec functions that
# encodings/ calls. The Unicode transformation formats run in interp/text through
# str.encode and bytes.decode; this layer adds what those do not: byte order marks and
# partial input (final=False), error handlers written in Python, and the table-driven and
# escape codecs.

_search_functions = []
_codec_cache = {}
_error_handlers = {}


def register(search_function):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    for i, f in enumerate(_search_functions):
        if f is search_function:
            del _search_functions[i]
            _codec_cache.clear()
            return


def _normalize(encoding):
    # As CPython: ASCII letters lowered, spaces become underscores, nothing else changes.
    out = []
    for ch in encoding:
        if 'A' <= ch <= 'Z':
            ch = chr(ord(ch) + 32)
        elif ch == ' ':
            ch = '_'
        out.append(ch)
    return ''.join(out)


def lookup(encoding):
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    if not _search_functions:
        import encodings
    key = _normalize(encoding)
    try:
        return _codec_cache[key]
    except KeyError:
        pass
    for search in list(_search_functions):
        found = search(key)
        if found is None:
            continue
        if not isinstance(found, tuple) or len(found) != 4:
            raise TypeError("codec search functions must return 4-tuples")
        _codec_cache[key] = found
        return found
    raise LookupError("unknown encoding: %s" % encoding)


# The exception types CPython rewraps with the codec's name: those made by BaseException's
# own __new__ and __init__ (UnicodeError itself, not its subclasses, which have their own).
_WRAPPED = (TypeError, ValueError, LookupError, AttributeError, OverflowError, RuntimeError,
            UnicodeError)


def _run_codec(direction, index, obj, encoding, errors):
    if not isinstance(encoding, str):
        raise TypeError("%s() argument 'encoding' must be str, not %s" %
                        (direction, type(encoding).__name__))
    if not isinstance(errors, str):
        raise TypeError("%s() argument 'errors' must be str, not %s" %
                        (direction, type(errors).__name__))
    codec = lookup(encoding)[index]
    try:
        result = codec(obj, errors)
    except _WRAPPED as e:
        if type(e) not in _WRAPPED or len(e.args) != 1:
            raise
        raise type(e)("%s with '%s' codec failed (%s: %s)" %
                      ('encoding' if index == 0 else 'decoding', encoding,
                       type(e).__name__, e)) from e
    if not isinstance(result, tuple) or len(result) != 2:
        if index == 0:
            raise TypeError("encoder must return a tuple (object, integer)")
        raise TypeError("decoder must return a tuple (object, integer)")
    return result[0]


def encode(obj, encoding='utf-8', errors='strict'):
    return _run_codec('encode', 0, obj, encoding, errors)


def decode(obj, encoding='utf-8', errors='strict'):
    return _run_codec('decode', 1, obj, encoding, errors)


def _text_encode(text, encoding, errors):
    # str.encode for the codecs and error handlers interp/text does not know itself.
    if not getattr(lookup(encoding), '_is_text_encoding', True):
        raise LookupError("'%s' is not a text encoding; use codecs.encode() to handle "
                          "arbitrary codecs" % encoding)
    result = encode(text, encoding, errors)
    if isinstance(result, bytearray):
        return bytes(result)
    if not isinstance(result, bytes):
        raise TypeError("'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() "
                        "to encode to arbitrary types" % (encoding, type(result).__name__))
    return result


def _text_decode(data, encoding, errors):
    # bytes.decode likewise.
    if not getattr(lookup(encoding), '_is_text_encoding', True):
        raise LookupError("'%s' is not a text encoding; use codecs.decode() to handle "
                          "arbitrary codecs" % encoding)
    result = decode(data, encoding, errors)
    if not isinstance(result, str):
        raise TypeError("'%s' decoder returned '%s' instead of 'str'; use codecs.decode() "
                        "to decode to arbitrary types" % (encoding, type(result).__name__))
    return result


def register_error(errors, handler):
    if not isinstance(errors, str):
        raise TypeError("register_error() argument 1 must be str, not %s" %
                        type(errors).__name__)
    if not callable(handler):
        raise TypeError("handler must be callable")
    _error_handlers[errors] = handler


def lookup_error(name):
    if not isinstance(name, str):
        raise TypeError("lookup_error() argument must be str, not %s" % type(name).__name__)
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%s'" % name) from None


# ---- the builtin error handlers, as callables --------------------------------------------

def _cannot_handle(exc):
    if not isinstance(exc, BaseException):
        raise TypeError("codec must pass exception instance")
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def ignore_errors(exc):
    if isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        return ('', exc.end)
    _cannot_handle(exc)


def replace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    if isinstance(exc, UnicodeTranslateError):
        return ('\ufffd' * (exc.end - exc.start), exc.end)
    _cannot_handle(exc)


def _backslash(code):
    if code < 0x100:
        return '\\x%02x' % code
    if code < 0x10000:
        return '\\u%04x' % code
    return '\\U%08x' % code


def backslashreplace_errors(exc):
    if isinstance(exc, UnicodeDecodeError):
        return (''.join(['\\x%02x' % b for b in exc.object[exc.start:exc.end]]), exc.end)
    if isinstance(exc, (UnicodeEncodeError, UnicodeTranslateError)):
        return (''.join([_backslash(ord(c)) for c in exc.object[exc.start:exc.end]]), exc.end)
    _cannot_handle(exc)


def xmlcharrefreplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return (''.join(['&#%d;' % ord(c) for c in exc.object[exc.start:exc.end]]), exc.end)
    _cannot_handle(exc)


def namereplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        try:
            import unicodedata
        except ImportError:
            raise exc from None
        out = []
        for c in exc.object[exc.start:exc.end]:
            name = unicodedata.name(c, None)
            out.append('\\N{%s}' % name if name is not None else _backslash(ord(c)))
        return (''.join(out), exc.end)
    _cannot_handle(exc)


def surrogateescape_errors(exc):
    if isinstance(exc, UnicodeDecodeError):
        data = exc.object[exc.start:exc.end][:4]
        for b in data:
            if b < 128:
                raise exc
        return (''.join([chr(0xdc00 + b) for b in data]), exc.start + len(data))
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            code = ord(c)
            if not 0xdc80 <= code <= 0xdcff:
                raise exc
            out.append(code - 0xdc00)
        return (bytes(out), exc.end)
    _cannot_handle(exc)


def _unit_form(encoding):
    # (bytes per code unit, big endian) of the codecs surrogatepass knows, else None.
    name = encoding.lower().replace('_', '-')
    if name in ('utf-8', 'utf8'):
        return (1, False)
    for width, base in ((2, 'utf-16'), (4, 'utf-32')):
        if name == base or name == base + '-le':
            return (width, False)
        if name == base + '-be':
            return (width, True)
    return None


def surrogatepass_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        form = _unit_form(exc.encoding)
        if form is None:
            raise exc
        width, big = form
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            code = ord(c)
            if not 0xd800 <= code <= 0xdfff:
                raise exc
            if width == 1:
                out += bytes((0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f),
                              0x80 | (code & 0x3f)))
            else:
                out += code.to_bytes(width, 'big' if big else 'little')
        return (bytes(out), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        form = _unit_form(exc.encoding)
        if form is None:
            raise exc
        width, big = form
        data = exc.object
        start = exc.start
        unit = data[start:start + (3 if width == 1 else width)]
        code = -1
        if width == 1:
            if (len(unit) == 3 and unit[0] & 0xf0 == 0xe0 and unit[1] & 0xc0 == 0x80 and
                    unit[2] & 0xc0 == 0x80):
                code = ((unit[0] & 0x0f) << 12) | ((unit[1] & 0x3f) << 6) | (unit[2] & 0x3f)
        elif len(unit) == width:
            code = int.from_bytes(unit, 'big' if big else 'little')
        if not 0xd800 <= code <= 0xdfff:
            raise exc
        return (chr(code), start + len(unit))
    _cannot_handle(exc)


for _name in ('strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace',
              'namereplace', 'surrogateescape', 'surrogatepass'):
    _error_handlers[_name] = _builtin(globals()[_name + '_errors'])
    del globals()[_name + '_errors']
del _name

# The handlers interp/text applies itself; any other name is looked up in the registry.
_NATIVE_HANDLERS = frozenset(('strict', 'ignore', 'replace', 'backslashreplace',
                              'xmlcharrefreplace', 'surrogateescape', 'surrogatepass'))


def _call_handler(errors, exc, length):
    # Runs a handler on exc; (replacement, position to resume at).
    result = lookup_error(errors)(exc)
    decoding = isinstance(exc, UnicodeDecodeError)
    if (not isinstance(result, tuple) or len(result) != 2 or not isinstance(result[1], int) or
            not isinstance(result[0], str if decoding else (str, bytes))):
        if decoding:
            raise TypeError("decoding error handler must return (str, int) tuple")
        raise TypeError("encoding error handler must return (str/bytes, int) tuple")
    replacement, position = result
    if decoding:  # a handler may give the decoder new input (3.11 reads exc.object back)
        length = len(exc.object)
    if position < 0:
        position += length
    if not 0 <= position <= length:
        raise IndexError("position %d from error handler out of bounds" % position)
    return replacement, position


# ---- arguments -----------------------------------------------------------------------------

def _reread(exc, data, length):
    # The input a decoding error handler left in exc.object, to go on decoding from.
    if exc.object is data:
        return data, length
    data = bytes(exc.object)
    return data, len(data)


def _bytes_arg(data):
    if isinstance(data, bytes):
        return data
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    try:
        return memoryview(data).tobytes()
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'" %
                        type(data).__name__) from None


def _str_arg(function, text):
    if not isinstance(text, str):
        raise TypeError("%s() argument 1 must be str, not %s" %
                        (function, type(text).__name__))
    return text


def _errors_arg(function, errors):
    if errors is None:
        return 'strict'
    if not isinstance(errors, str):
        raise TypeError("%s() argument 2 must be str or None, not %s" %
                        (function, type(errors).__name__))
    return errors


# ---- the transformation formats, through interp/text ------------------------------------

def _decode_through(data, codec, errors):
    # codec: a name interp/text knows, or a function (data, errors) -> str whose errors
    # leave it in its initial state, so that it can start again after any of them.
    if isinstance(codec, str):
        run = lambda data, errors: data.decode(codec, errors)
    else:
        run = codec
    if errors in _NATIVE_HANDLERS:
        return run(data, errors)
    out = []
    position = 0
    length = len(data)
    while True:
        try:
            out.append(run(data[position:], 'strict'))
            return ''.join(out)
        except UnicodeDecodeError as e:
            start = position + e.start
            # What came before the error: ignoring the error itself leaves just that, even
            # where the error's range begins before text already decoded (a UTF-7 run).
            out.append(run(data[position:position + e.end], 'ignore'))
            exc = UnicodeDecodeError(e.encoding, data, start, position + e.end, e.reason)
            replacement, position = _call_handler(errors, exc, length)
            data, length = _reread(exc, data, length)
            out.append(replacement)


def _encode_through(text, codec, errors):
    # codec: a name interp/text knows, or a function (text, errors) -> bytes.
    if isinstance(codec, str):
        run = lambda text, errors: text.encode(codec, errors)
    else:
        run = codec
    if errors in _NATIVE_HANDLERS:
        return run(text, errors)
    out = []
    position = 0
    length = len(text)
    while True:
        try:
            out.append(run(text[position:], 'strict'))
            return b''.join(out)
        except UnicodeEncodeError as e:
            start = position + e.start
            out.append(run(text[position:start], 'strict'))
            exc = UnicodeEncodeError(e.encoding, text, start, position + e.end, e.reason)
            replacement, position = _call_handler(errors, exc, length)
            if isinstance(replacement, str):
                try:
                    replacement = run(replacement, 'strict')
                except UnicodeEncodeError:
                    raise exc from None
            out.append(replacement)


def _utf8_tail(data):
    # The length of an incomplete sequence ending the data: a lead byte and fewer
    # continuation bytes than it announces (CPython leaves even ED A0 for more input).
    n = len(data)
    for k in range(1, min(3, n) + 1):
        lead = data[n - k]
        if 0x80 <= lead < 0xc0:
            continue
        if lead < 0xc2 or lead > 0xf4:
            return 0
        need = 2 if lead < 0xe0 else 3 if lead < 0xf0 else 4
        if need <= k:
            return 0
        return k
    return 0


def _utf16_tail(data, big):
    n = len(data)
    tail = n % 2
    if n - tail >= 2:
        unit = data[n - tail - 2:n - tail]
        high = unit[0] if big else unit[1]
        if 0xd8 <= high <= 0xdb:
            tail += 2
    return tail


def _partial(data, final, tail):
    if final:
        return data
    cut = tail(data)
    return data[:len(data) - cut] if cut else data


def utf_8_encode(str, errors=None):
    return (_encode_through(_str_arg('utf_8_encode', str), 'utf-8',
                            _errors_arg('utf_8_encode', errors)), len(str))


def utf_8_decode(data, errors=None, final=False):
    data = _partial(_bytes_arg(data), final, _utf8_tail)
    return (_decode_through(data, 'utf-8', _errors_arg('utf_8_decode', errors)), len(data))


def _single_byte(codec, function_name):
    def encoder(str, errors=None):
        return (_encode_through(_str_arg(function_name + '_encode', str), codec,
                                _errors_arg(function_name + '_encode', errors)), len(str))

    def decoder(data, errors=None):
        data = _bytes_arg(data)
        return (_decode_through(data, codec, _errors_arg(function_name + '_decode', errors)),
                len(data))

    encoder.__name__ = encoder.__qualname__ = function_name + '_encode'
    decoder.__name__ = decoder.__qualname__ = function_name + '_decode'
    return encoder, decoder


ascii_encode, ascii_decode = _single_byte('ascii', 'ascii')
latin_1_encode, latin_1_decode = _single_byte('latin-1', 'latin_1')


def _fixed_width(width, base):
    # The utf-16 or utf-32 family: plain, -le, -be and the _ex decoder that reports the
    # byte order it found.
    le, be = base + '-le', base + '-be'
    prefix = base.replace('-', '_')
    bom_le = b'\xff\xfe' if width == 2 else b'\xff\xfe\x00\x00'
    bom_be = b'\xfe\xff' if width == 2 else b'\x00\x00\xfe\xff'

    if width == 2:
        tail_le = lambda data: _utf16_tail(data, False)
        tail_be = lambda data: _utf16_tail(data, True)
    else:
        tail_le = tail_be = lambda data: len(data) % 4

    def ex_decode(data, errors=None, byteorder=0, final=False):
        data = _bytes_arg(data)
        errors = _errors_arg(prefix + '_ex_decode', errors)
        skip = 0
        if byteorder == 0:
            if data[:width] == bom_le:
                byteorder, skip = -1, width
            elif data[:width] == bom_be:
                byteorder, skip = 1, width
            elif not final and len(data) < width and (bom_le.startswith(data) or
                                                      bom_be.startswith(data)):
                return ('', 0, 0)
        big = byteorder > 0
        body = _partial(data[skip:], final, tail_be if big else tail_le)
        text = _decode_through(body, be if big else le, errors)
        return (text, skip + len(body), byteorder)

    def decode_default(data, errors=None, final=False):
        text, consumed, _ = ex_decode(data, errors, 0, final)
        return (text, consumed)

    def decode_le(data, errors=None, final=False):
        text, consumed, _ = ex_decode(data, errors, -1, final)
        return (text, consumed)

    def decode_be(data, errors=None, final=False):
        text, consumed, _ = ex_decode(data, errors, 1, final)
        return (text, consumed)

    def encode_default(str, errors=None, byteorder=0):
        _str_arg(prefix + '_encode', str)
        errors = _errors_arg(prefix + '_encode', errors)
        if byteorder == 0:
            return (bom_le + _encode_through(str, le, errors), len(str))
        return (_encode_through(str, be if byteorder > 0 else le, errors), len(str))

    def encode_le(str, errors=None):
        return (_encode_through(_str_arg(prefix + '_le_encode', str), le,
                                _errors_arg(prefix + '_le_encode', errors)), len(str))

    def encode_be(str, errors=None):
        return (_encode_through(_str_arg(prefix + '_be_encode', str), be,
                                _errors_arg(prefix + '_be_encode', errors)), len(str))

    functions = {'_ex_decode': ex_decode, '_decode': decode_default, '_le_decode': decode_le,
                 '_be_decode': decode_be, '_encode': encode_default, '_le_encode': encode_le,
                 '_be_encode': encode_be}
    for suffix, function in functions.items():
        function.__name__ = function.__qualname__ = prefix + suffix
        globals()[prefix + suffix] = function


_fixed_width(2, 'utf-16')
_fixed_width(4, 'utf-32')


def utf_7_encode(str, errors=None):
    _str_arg('utf_7_encode', str)
    _errors_arg('utf_7_encode', errors)
    return (_utf7_encode(str), len(str))


def utf_7_decode(data, errors=None, final=False):
    data = _bytes_arg(data)
    errors = _errors_arg('utf_7_decode', errors)
    if errors in _NATIVE_HANDLERS:
        return _utf7_decode(data, errors, bool(final))
    # Another handler: first where decoding stops (an open run waits unless final), then
    # the errors before it one by one through the registry.
    consumed = _utf7_decode(data, 'ignore', bool(final))[1]
    return (_decode_through(data[:consumed], lambda data, errors: _utf7_decode(data, errors, True)[0],
                            errors), consumed)


def readbuffer_encode(data, errors=None):
    if isinstance(data, str):
        data = data.encode('utf-8')
    data = _bytes_arg(data)
    return (data, len(data))


# ---- charmap: single-byte codecs defined by a table (cp1252, koi8_r, mac_roman...) --------

def charmap_build(map):
    if not isinstance(map, str):
        raise TypeError("charmap_build() argument must be str, not %s" % type(map).__name__)
    return {ord(c): i for i, c in enumerate(map)}


def _charmap_lookup(mapping, byte):
    # The text byte decodes to, or None when undefined.
    if isinstance(mapping, str):
        if byte < len(mapping) and mapping[byte] != '\ufffe':
            return mapping[byte]
        return None
    try:
        value = mapping[byte]
    except LookupError:
        return None
    if value is None:
        return None
    if isinstance(value, int):
        if not 0 <= value < 0x110000:
            raise TypeError("character mapping must be in range(0x110000)")
        return None if value == 0xfffe else chr(value)
    if isinstance(value, str):
        return None if value == '\ufffe' else value
    raise TypeError("character mapping must return integer, None or str")


def charmap_decode(data, errors=None, mapping=None):
    data = _bytes_arg(data)
    errors = _errors_arg('charmap_decode', errors)
    if mapping is None:
        return latin_1_decode(data, errors)
    length = len(data)
    if isinstance(mapping, str) and len(mapping) >= 256:
        text = data.decode('latin-1').translate(mapping)
        if '\ufffe' not in text:
            return (text, length)
    out = []
    position = 0
    while position < length:
        text = _charmap_lookup(mapping, data[position])
        if text is not None:
            out.append(text)
            position += 1
            continue
        exc = UnicodeDecodeError('charmap', data, position, position + 1,
                                 'character maps to <undefined>')
        replacement, position = _call_handler(errors, exc, length)
        data, length = _reread(exc, data, length)
        out.append(replacement)
    return (''.join(out), length)


def _charmap_encode_char(mapping, code):
    # The bytes code point `code` encodes to, or None when undefined.
    try:
        value = mapping[code]
    except LookupError:
        return None
    if value is None:
        return None
    if isinstance(value, int):
        if not 0 <= value < 256:
            raise TypeError("character mapping must be in range(256)")
        return bytes((value,))
    if isinstance(value, bytes):
        return value
    raise TypeError("character mapping must return integer, bytes or None, not %s" %
                    type(value).__name__)


def charmap_encode(str, errors=None, mapping=None):
    text = _str_arg('charmap_encode', str)
    errors = _errors_arg('charmap_encode', errors)
    if mapping is None:
        return latin_1_encode(text, errors)
    out = []
    position = 0
    length = len(text)
    while position < length:
        encoded = _charmap_encode_char(mapping, ord(text[position]))
        if encoded is not None:
            out.append(encoded)
            position += 1
            continue
        end = position + 1
        while end < length and _charmap_encode_char(mapping, ord(text[end])) is None:
            end += 1
        exc = UnicodeEncodeError('charmap', text, position, end, 'character maps to <undefined>')
        replacement, position = _call_handler(errors, exc, length)
        if isinstance(replacement, bytes):
            out.append(replacement)
            continue
        for c in replacement:
            encoded = _charmap_encode_char(mapping, ord(c))
            if encoded is None:
                raise exc
            out.append(encoded)
    return (b''.join(out), length)


# ---- the escape codecs -----------------------------------------------------------------------

_SIMPLE_ESCAPES = {0x0a: '', 0x5c: '\\', 0x27: "'", 0x22: '"', 0x61: '\a', 0x62: '\b',
                   0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t', 0x76: '\v'}
_HEX_DIGITS = b'0123456789abcdefABCDEF'
_TRUNCATED = {0x78: 'truncated \\xXX escape', 0x75: 'truncated \\uXXXX escape',
              0x55: 'truncated \\UXXXXXXXX escape'}


def _hex_run(data, start, count):
    # How many of data[start:start + count] are hex digits, counting from the start.
    n = 0
    while n < count and start + n < len(data) and data[start + n] in _HEX_DIGITS:
        n += 1
    return n


def _octal_end(data, slash):
    # Where the octal escape starting at data[slash] ('\\' and a first octal digit) ends:
    # up to three digits.
    end = slash + 2
    while end < slash + 4 and end < len(data) and 0x30 <= data[end] <= 0x37:
        end += 1
    return end


def _escape_text_arg(data):
    if isinstance(data, str):
        return data.encode('utf-8')
    return _bytes_arg(data)


def unicode_escape_decode(data, errors=None, final=True):
    data = _escape_text_arg(data)
    errors = _errors_arg('unicode_escape_decode', errors)
    out = []
    position = 0
    length = len(data)
    while position < length:
        slash = data.find(b'\\', position)
        if slash < 0:
            out.append(data[position:].decode('latin-1'))
            position = length
            break
        out.append(data[position:slash].decode('latin-1'))
        position = slash
        if slash + 1 >= length:
            if not final:
                break
            bad = (slash, length, '\\ at end of string')
        else:
            c = data[slash + 1]
            bad = None
            if c in _SIMPLE_ESCAPES:
                out.append(_SIMPLE_ESCAPES[c])
                position = slash + 2
            elif 0x30 <= c <= 0x37:
                end = _octal_end(data, slash)
                out.append(chr(int(data[slash + 1:end], 8)))
                position = end
            elif c in _TRUNCATED:
                count = 2 if c == 0x78 else 4 if c == 0x75 else 8
                digits = _hex_run(data, slash + 2, count)
                end = slash + 2 + digits
                if digits < count:
                    if not final and end == length:
                        break
                    bad = (slash, end, _TRUNCATED[c])
                else:
                    code = int(data[slash + 2:end], 16)
                    if code > 0x10ffff:
                        bad = (slash, end, 'illegal Unicode character')
                    else:
                        out.append(chr(code))
                        position = end
            elif c == 0x4e:
                close = data.find(b'}', slash + 3)
                if data[slash + 2:slash + 3] != b'{' or close < 0:
                    if not final and close < 0:
                        break
                    bad = (slash, length if close < 0 else slash + 2,
                           'malformed \\N character escape')
                else:
                    text = None
                    try:
                        import unicodedata
                        text = unicodedata.lookup(data[slash + 3:close].decode('ascii'))
                    except (ImportError, KeyError, UnicodeDecodeError):
                        pass
                    if text is None:
                        bad = (slash, close + 1, 'unknown Unicode character name')
                    else:
                        out.append(text)
                        position = close + 1
            else:
                out.append('\\' + chr(c))
                position = slash + 2
        if bad is not None:
            exc = UnicodeDecodeError('unicodeescape', data, bad[0], bad[1], bad[2])
            replacement, position = _call_handler(errors, exc, length)
            data, length = _reread(exc, data, length)
            out.append(replacement)
    return (''.join(out), position)


def unicode_escape_encode(str, errors=None):
    text = _str_arg('unicode_escape_encode', str)
    out = []
    for c in text:
        code = ord(c)
        if c == '\\':
            out.append('\\\\')
        elif c == '\t':
            out.append('\\t')
        elif c == '\n':
            out.append('\\n')
        elif c == '\r':
            out.append('\\r')
        elif 0x20 <= code < 0x7f:
            out.append(c)
        else:
            out.append(_backslash(code))
    return (''.join(out).encode('ascii'), len(text))


def raw_unicode_escape_decode(data, errors=None, final=True):
    data = _escape_text_arg(data)
    errors = _errors_arg('raw_unicode_escape_decode', errors)
    out = []
    position = 0
    length = len(data)
    while position < length:
        slash = data.find(b'\\', position)
        if slash < 0:
            out.append(data[position:].decode('latin-1'))
            position = length
            break
        run = slash
        while run < length and data[run] == 0x5c:
            run += 1
        # Only an odd run of backslashes escapes what follows.
        if (run - slash) % 2 == 0 or run >= length or data[run] not in (0x75, 0x55):
            if run >= length and (run - slash) % 2 == 1 and not final:
                out.append(data[position:run - 1].decode('latin-1'))
                position = run - 1
                break
            out.append(data[position:run].decode('latin-1'))
            position = run
            continue
        out.append(data[position:run - 1].decode('latin-1'))
        escape = run - 1
        count = 4 if data[run] == 0x75 else 8
        digits = _hex_run(data, run + 1, count)
        end = run + 1 + digits
        if digits < count:
            if not final and end == length:
                position = escape
                break
            bad = (escape, end, 'truncated \\uXXXX escape' if count == 4 else
                   'truncated \\UXXXXXXXX escape')
        else:
            code = int(data[run + 1:end], 16)
            if code > 0x10ffff:
                bad = (escape, end, '\\Uxxxxxxxx out of range')
            else:
                out.append(chr(code))
                position = end
                continue
        exc = UnicodeDecodeError('rawunicodeescape', data, bad[0], bad[1], bad[2])
        replacement, position = _call_handler(errors, exc, length)
        data, length = _reread(exc, data, length)
        out.append(replacement)
    return (''.join(out), position)


def raw_unicode_escape_encode(str, errors=None):
    text = _str_arg('raw_unicode_escape_encode', str)
    out = []
    for c in text:
        code = ord(c)
        out.append(c if code < 0x100 else _backslash(code))
    return (''.join(out).encode('latin-1'), len(text))


def escape_encode(data, errors=None):
    if not isinstance(data, bytes):
        raise TypeError("escape_encode() argument 1 must be bytes, not %s" %
                        type(data).__name__)
    out = []
    for b in data:
        if b == 0x5c:
            out.append('\\\\')
        elif b == 0x27:
            out.append("\\'")
        elif b == 0x09:
            out.append('\\t')
        elif b == 0x0a:
            out.append('\\n')
        elif b == 0x0d:
            out.append('\\r')
        elif 0x20 <= b < 0x7f:
            out.append(chr(b))
        else:
            out.append('\\x%02x' % b)
    return (''.join(out).encode('ascii'), len(data))


def escape_decode(data, errors=None):
    data = _escape_text_arg(data)
    if errors is not None and not isinstance(errors, str):
        _errors_arg('escape_decode', errors)
    out = bytearray()
    position = 0
    length = len(data)
    while position < length:
        slash = data.find(b'\\', position)
        if slash < 0:
            out += data[position:]
            break
        out += data[position:slash]
        if slash + 1 >= length:
            raise ValueError("Trailing \\ in string")
        c = data[slash + 1]
        position = slash + 2
        if c in _SIMPLE_ESCAPES:
            out += _SIMPLE_ESCAPES[c].encode('latin-1')
        elif 0x30 <= c <= 0x37:
            end = _octal_end(data, slash)
            out.append(int(data[slash + 1:end], 8) & 0xff)
            position = end
        elif c == 0x78:
            if _hex_run(data, slash + 2, 2) == 2:
                out.append(int(data[slash + 2:slash + 4], 16))
                position = slash + 4
            elif errors is None or errors == 'strict':
                raise ValueError("invalid \\x escape at position %d" % slash)
            elif errors == 'replace':
                out.append(0x3f)
            elif errors != 'ignore':
                raise ValueError("decoding error; unknown error handling code: %s" % errors)
            else:
                pass
            if position == slash + 2 and _hex_run(data, slash + 2, 2) == 1:
                position += 1
        else:
            out.append(0x5c)
            out.append(c)
    return (bytes(out), length)
)py";

} // namespace

Value make_codecs_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {{"_utf7_decode", utf7_decode},
                                              {"_utf7_encode", utf7_encode}};
  Value m = new_module(t, "_codecs", kFunctions, std::size(kFunctions));
  return m ? run_module_source(t, m, kSource, "<_codecs>") : Value();
}

} // namespace interp
