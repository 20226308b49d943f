// interp/modules/multibytecodec.cc - _multibytecodec and the modules that name its codecs
// (_codecs_jp, _codecs_cn, _codecs_kr, _codecs_tw, _codecs_hk, _codecs_iso2022), which
// encodings/shift_jis.py and its siblings import.
//
// The conversions are interp/text's multibyte codecs (over iconv); the Python source
// gives them CPython's classes: the codec objects getcodec() returns, the incremental
// encoder and decoder that io.TextIOWrapper drives, and the stream reader and writer.
#include "interp/modules/module_support.h"
#include "interp/modules/source_module.h"
#include "interp/text/multibyte_codecs.h"

namespace interp {

Value raise_codec_error(Thread& t, const text::CodecError& e, Value object); // objects/bytes.cc

namespace {

// _decode(codec: str, data: bytes, errors: str, final: bool) -> (str, consumed)
INTERP_NATIVE(multibyte_decode) {
  if (!check_positional(t, "_decode", nargs, kwnames, 4, 4, 0)) return {};
  auto r = text::decode_multibyte(str_utf8(args[0]), bytes_view(args[1]), str_utf8(args[2]),
                                  args[3] == runtime().true_);
  if (!r.ok()) return raise_codec_error(t, r.error(), args[1]);
  Value pair[2] = {str_from_code_points(t, r.value().text),
                   int_from_i64(t, static_cast<std::int64_t>(r.value().consumed))};
  if (!pair[0] || !pair[1]) return {};
  return tuple_from(t, pair, 2);
}

// _encode(codec: str, text: str, errors: str) -> bytes
INTERP_NATIVE(multibyte_encode) {
  if (!check_positional(t, "_encode", nargs, kwnames, 3, 3, 0)) return {};
  auto r = text::encode_multibyte(str_utf8(args[0]), str_code_points(args[1]), str_utf8(args[2]));
  if (!r.ok()) return raise_codec_error(t, r.error(), args[1]);
  return bytes_new(t, r.value());
}

const char kSource[] = R"py(
import _codecs


_bytes_arg = _codecs._bytes_arg


def _decode_with(name, data, errors, final):
    # (text, bytes consumed); the handlers interp/text does not know go through the
    # registry, one error at a time.
    if errors is None:
        errors = 'strict'
    if errors in _codecs._NATIVE_HANDLERS:
        return _decode(name, data, errors, final)
    consumed = _decode(name, data, 'ignore', final)[1]
    return (_codecs._decode_through(data[:consumed],
                                    lambda data, errors: _decode(name, data, errors, True)[0],
                                    errors), consumed)


def _encode_with(name, text, errors):
    if errors is None:
        errors = 'strict'
    return _codecs._encode_through(text, lambda text, errors: _encode(name, text, errors), errors)


class MultibyteCodec:
    __slots__ = ('_name',)

    def __init__(self, name):
        self._name = name

    def encode(self, input, errors=None):
        if not isinstance(input, str):
            raise TypeError("couldn't convert the object to unicode.")
        return (_encode_with(self._name, input, errors), len(input))

    def decode(self, input, errors=None):
        data = _bytes_arg(input)
        return (_decode_with(self._name, data, errors, True)[0], len(data))


def _codec_for(name, supported):
    if not isinstance(name, str):
        raise TypeError("encoding name must be a string.")
    if name not in supported:
        raise LookupError("no such codec is supported.")
    return MultibyteCodec(name)


def _stateful(codec):
    return codec._name.startswith('iso2022')


def _last_designation(data):
    # The last escape sequence in data (ISO-2022's switch to another character set), which
    # a decoder that starts afresh must see again before the bytes that follow it.
    escape = data.rfind(b'\x1b')
    if escape < 0:
        return None
    end = escape + 1
    while end < len(data) and end < escape + 4 and not 0x40 <= data[end] <= 0x7e:
        end += 1
    return data[escape:end + 1]


class MultibyteIncrementalEncoder:
    def __init__(self, errors='strict'):
        self.errors = errors

    def encode(self, input, final=False):
        return self.codec.encode(input, self.errors)[0]

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class MultibyteIncrementalDecoder:
    def __init__(self, errors='strict'):
        self.errors = errors
        self._pending = b''
        self._designation = b''

    def decode(self, input, final=False):
        data = self._designation + self._pending + _bytes_arg(input)
        text, consumed = _decode_with(self.codec._name, data, self.errors, bool(final))
        if _stateful(self.codec):
            designation = _last_designation(data[:consumed])
            if designation is not None:
                self._designation = designation
        self._pending = data[consumed:]
        return text

    def reset(self):
        self._pending = b''
        self._designation = b''

    def getstate(self):
        return (self._pending, 0)

    def setstate(self, state):
        self._pending = state[0]


class MultibyteStreamReader:
    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self._decoder = _DecoderFor(self.codec)(errors)
        self._text = ''

    def _fill(self, size):
        data = self.stream.read() if size < 0 else self.stream.read(size)
        self._text += self._decoder.decode(data, final=not data or size < 0)
        return bool(data) and size >= 0

    def read(self, size=-1):
        if size is None or size < 0:
            self._fill(-1)
            text, self._text = self._text, ''
            return text
        while len(self._text) < size and self._fill(size):
            pass
        text, self._text = self._text[:size], self._text[size:]
        return text

    def readline(self, size=-1):
        while '\n' not in self._text and self._fill(256):
            if size is not None and 0 <= size <= len(self._text):
                break
        end = self._text.find('\n') + 1 or len(self._text)
        if size is not None and size >= 0:
            end = min(end, size)
        line, self._text = self._text[:end], self._text[end:]
        return line

    def readlines(self, sizehint=None):
        return self.read().splitlines(True)

    def reset(self):
        self._decoder.reset()
        self._text = ''


def _DecoderFor(codec):
    class Decoder(MultibyteIncrementalDecoder):
        pass
    Decoder.codec = codec
    return Decoder


class MultibyteStreamWriter:
    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def write(self, data):
        self.stream.write(self.codec.encode(data, self.errors)[0])

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def reset(self):
        pass


for _class in (MultibyteCodec, MultibyteIncrementalEncoder, MultibyteIncrementalDecoder,
               MultibyteStreamReader, MultibyteStreamWriter):
    _class.__module__ = '_multibytecodec'
del _class
)py";

// Each codec module's getcodec() knows the codecs CPython's module of that name holds.
const char kCodecModuleSource[] = R"py(
from _multibytecodec import _codec_for

_CODECS = frozenset(_NAMES.split())
del _NAMES


def getcodec(encoding):
    return _codec_for(encoding, _CODECS)
)py";

Value make_codec_module(Thread& t, const char* module_name, const char* codecs) {
  Value m = new_module(t, module_name, nullptr, 0);
  if (!m) return {};
  Value names = str_from_utf8(t, codecs);
  if (!names) return {};
  module_set(t, m, "_NAMES", names);
  return run_module_source(t, m, kCodecModuleSource, module_name);
}

} // namespace

Value make_multibytecodec_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {{"_decode", multibyte_decode},
                                              {"_encode", multibyte_encode}};
  Value m = new_module(t, "_multibytecodec", kFunctions, std::size(kFunctions));
  return m ? run_module_source(t, m, kSource, "<_multibytecodec>") : Value();
}

// The codec modules; 0 without an exception for any other name.
Value make_cjk_codec_module(Thread& t, const std::string& name) {
  if (name == "_codecs_jp")
    return make_codec_module(t, "_codecs_jp",
                             "shift_jis cp932 euc_jp shift_jis_2004 shift_jisx0213 euc_jis_2004 "
                             "euc_jisx0213");
  if (name == "_codecs_cn") return make_codec_module(t, "_codecs_cn", "gb2312 gbk gb18030");
  if (name == "_codecs_kr") return make_codec_module(t, "_codecs_kr", "euc_kr cp949 johab");
  if (name == "_codecs_tw") return make_codec_module(t, "_codecs_tw", "big5");
  if (name == "_codecs_hk") return make_codec_module(t, "_codecs_hk", "big5hkscs");
  if (name == "_codecs_iso2022")
    return make_codec_module(t, "_codecs_iso2022",
                             "iso2022_jp iso2022_jp_2 iso2022_jp_3 iso2022_kr");
  return {};
}

} // namespace interp
