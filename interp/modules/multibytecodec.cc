// interp/modules/multibytecodec.cc - _multibytecodec and the modules that name its codecs
// (_codecs_jp, _codecs_cn, _codecs_kr, _codecs_tw, _codecs_hk, _codecs_iso2022), which
// encodings/shift_jis.py and its siblings import.
//
// The conversions are interp/text's multibyte codecs (over iconv) and its codecs with a
// shift state (ISO-2022, HZ: stateful_codecs); the Python source
// gives them CPython's classes: the codec objects getcodec() returns, the incremental
// encoder and decoder that io.TextIOWrapper drives, and the stream reader and writer.
#include "interp/modules/module_support.h"
#include "interp/modules/source_module.h"
#include "interp/text/multibyte_codecs.h"
#include "interp/text/stateful_codecs.h"

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

text::ShiftState state_arg(Value bytes) {
  text::ShiftState st{};
  std::string_view b = bytes_view(bytes);
  for (std::size_t i = 0; i < st.size() && i < b.size(); ++i)
    st[i] = static_cast<unsigned char>(b[i]);
  return st;
}
Value state_value(Thread& t, const text::ShiftState& st) {
  return bytes_new(t, std::string(reinterpret_cast<const char*>(st.data()), st.size()));
}

// _stateful(codec: str) -> bool: whether it keeps a shift state (ISO-2022, HZ)
INTERP_NATIVE(multibyte_stateful) {
  if (!check_positional(t, "_stateful", nargs, kwnames, 1, 1, 0)) return {};
  return py_bool(text::stateful_codec_known(str_utf8(args[0])));
}

// _initial_state(codec: str, encoder: bool) -> bytes: the 8 state bytes a fresh encoder or
// decoder starts with (zeros for the codecs without a shift state)
INTERP_NATIVE(multibyte_initial_state) {
  if (!check_positional(t, "_initial_state", nargs, kwnames, 2, 2, 0)) return {};
  std::string name = str_utf8(args[0]);
  text::ShiftState st{};
  if (text::stateful_codec_known(name))
    st = text::stateful_initial_state(name, args[1] == runtime().true_);
  return state_value(t, st);
}

// _stateful_encode(codec, text, state) -> (bytes, characters encoded, state, stopped at an
// unencodable character)
INTERP_NATIVE(multibyte_stateful_encode) {
  if (!check_positional(t, "_stateful_encode", nargs, kwnames, 3, 3, 0)) return {};
  text::ShiftState st = state_arg(args[2]);
  std::u32string input = str_code_points(args[1]);
  text::StatefulEncoded r = text::stateful_encode(str_utf8(args[0]), input, st);
  Value parts[4] = {bytes_new(t, r.bytes), int_from_i64(t, std::int64_t(r.consumed)),
                    state_value(t, st), py_bool(r.failed)};
  if (!parts[0] || !parts[1] || !parts[2]) return {};
  return tuple_from(t, parts, 4);
}

// _stateful_reset(codec, state) -> (bytes, state): what returns to the initial shift state
INTERP_NATIVE(multibyte_stateful_reset) {
  if (!check_positional(t, "_stateful_reset", nargs, kwnames, 2, 2, 0)) return {};
  text::ShiftState st = state_arg(args[1]);
  std::string out = text::stateful_encode_reset(str_utf8(args[0]), st);
  Value parts[2] = {bytes_new(t, out), state_value(t, st)};
  if (!parts[0] || !parts[1]) return {};
  return tuple_from(t, parts, 2);
}

// _stateful_decode(codec, data, state, final) -> (str, bytes decoded, state, error): error 0
// (none), the length of an illegal sequence, or -1 for one cut short by the end
INTERP_NATIVE(multibyte_stateful_decode) {
  if (!check_positional(t, "_stateful_decode", nargs, kwnames, 4, 4, 0)) return {};
  text::ShiftState st = state_arg(args[2]);
  text::StatefulDecoded r =
      text::stateful_decode(str_utf8(args[0]), bytes_view(args[1]), st, args[3] == runtime().true_);
  Value parts[4] = {str_from_code_points(t, r.text), int_from_i64(t, std::int64_t(r.consumed)),
                    state_value(t, st), Value::small_int(r.error)};
  if (!parts[0] || !parts[1] || !parts[2]) return {};
  return tuple_from(t, parts, 4);
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


# ---- the codecs with a shift state (ISO-2022, HZ): the state's 8 bytes go from call to
# call, and each error is resolved where it stands, in that state.

def _encode_stateful(name, text, errors, state, reset):
    # (bytes, state)
    out = []
    position = 0
    while True:
        data, used, state, failed = _stateful_encode(name, text[position:], state)
        out.append(data)
        position += used
        if not failed:
            break
        exc = UnicodeEncodeError(name, text, position, position + 1, 'illegal multibyte sequence')
        if errors is None or errors == 'strict':
            raise exc
        replacement, position = _codecs._call_handler(errors, exc, len(text))
        if isinstance(replacement, str):
            data, used, state, failed = _stateful_encode(name, replacement, state)
            if failed:
                raise exc
        else:
            data = replacement
        out.append(data)
    if reset:
        data, state = _stateful_reset(name, state)
        out.append(data)
    return b''.join(out), state


def _decode_stateful(name, data, errors, state, final):
    # (text, bytes consumed, state)
    out = []
    position = 0
    while True:
        text, used, state, error = _stateful_decode(name, data[position:], state, final)
        out.append(text)
        position += used
        if not error:
            break
        if error < 0:
            exc = UnicodeDecodeError(name, data, position, len(data),
                                     'incomplete multibyte sequence')
        else:
            exc = UnicodeDecodeError(name, data, position, position + error,
                                     'illegal multibyte sequence')
        if errors is None or errors == 'strict':
            raise exc
        replacement, position = _codecs._call_handler(errors, exc, len(data))
        data = exc.object
        out.append(replacement)
    return ''.join(out), position, state


# CPython's JIS X 0213 encoders hold back a character that may start a combined pair
# (KATAKANA LETTER KA and a SEMI-VOICED SOUND MARK, ae and a grave...) until they see the
# next one, or are told the input ends.
_PAIR_CODECS = frozenset(('euc_jis_2004', 'euc_jisx0213', 'shift_jis_2004', 'shift_jisx0213'))
_PAIR_LEADS = frozenset('\u00e6\u0254\u0259\u025a\u028c\u02e5\u02e9\u304b\u304d\u304f\u3051'
                        '\u3053\u30ab\u30ad\u30af\u30b1\u30b3\u30bb\u30c4\u30c8\u31f7')

_MAX_ENCODER_PENDING = 8   # bytes of UTF-8 (two characters)
_MAX_DECODER_PENDING = 8


class MultibyteCodec:
    __slots__ = ('_name',)

    def __init__(self, name):
        self._name = name

    def encode(self, input, errors=None):
        if not isinstance(input, str):
            raise TypeError("couldn't convert the object to unicode.")
        name = self._name
        if _stateful(name):
            state = _initial_state(name, True)
            return (_encode_stateful(name, input, errors, state, True)[0], len(input))
        return (_encode_with(name, input, errors), len(input))

    def decode(self, input, errors=None):
        data = _bytes_arg(input)
        name = self._name
        if _stateful(name):
            state = _initial_state(name, False)
            return (_decode_stateful(name, data, errors, state, True)[0], len(data))
        return (_decode_with(name, data, errors, True)[0], len(data))


def _codec_for(name, supported):
    if not isinstance(name, str):
        raise TypeError("encoding name must be a string.")
    if name not in supported:
        raise LookupError("no such codec is supported.")
    return MultibyteCodec(name)


class _ErrorsAttribute:
    # `errors` as CPython's getset: set to a string, never deleted.
    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance._errors

    def __set__(self, instance, value):
        if not isinstance(value, str):
            raise TypeError("errors must be a string")
        instance._errors = value

    def __delete__(self, instance):
        raise AttributeError("cannot delete attribute")


def _errors_arg(errors):
    return 'strict' if errors is None else errors


class MultibyteIncrementalEncoder:
    errors = _ErrorsAttribute()

    def __init__(self, errors='strict'):
        self._errors = _errors_arg(errors)
        self._pending = ''
        self._state = _initial_state(self.codec._name, True)

    def encode(self, input, final=False):
        if not isinstance(input, str):
            raise TypeError("couldn't convert the object to unicode.")
        name = self.codec._name
        text = self._pending + input
        pending = ''
        if not final and name in _PAIR_CODECS and text and text[-1] in _PAIR_LEADS:
            text, pending = text[:-1], text[-1]
        if _stateful(name):
            data, self._state = _encode_stateful(name, text, self._errors, self._state,
                                                 bool(final))
        else:
            data = _encode_with(name, text, self._errors)
        self._pending = pending
        return data

    def reset(self):
        self._pending = ''
        self._state = _initial_state(self.codec._name, True)

    def getstate(self):
        pending = self._pending.encode('utf-8')
        if len(pending) > _MAX_ENCODER_PENDING:
            raise UnicodeError("pending buffer too large")
        return int.from_bytes(bytes((len(pending),)) + pending + self._state, 'little')

    def setstate(self, state):
        if not isinstance(state, int):
            raise TypeError("setstate() argument must be int, not %s" % type(state).__name__)
        try:
            raw = state.to_bytes(1 + _MAX_ENCODER_PENDING + 8, 'little')
        except OverflowError:
            if state < 0:
                raise OverflowError("can't convert negative int to unsigned") from None
            raise OverflowError("int too big to convert") from None
        if raw[0] > _MAX_ENCODER_PENDING:
            raise UnicodeError("pending buffer too large")
        pending = raw[1:1 + raw[0]].decode('utf-8')
        self._pending = pending
        self._state = raw[1 + raw[0]:1 + raw[0] + 8]


class MultibyteIncrementalDecoder:
    errors = _ErrorsAttribute()

    def __init__(self, errors='strict'):
        self._errors = _errors_arg(errors)
        self._pending = b''
        self._state = _initial_state(self.codec._name, False)

    def decode(self, input, final=False):
        name = self.codec._name
        data = self._pending + _bytes_arg(input)
        if _stateful(name):
            text, consumed, self._state = _decode_stateful(name, data, self._errors,
                                                           self._state, bool(final))
        else:
            text, consumed = _decode_with(name, data, self._errors, bool(final))
        pending = data[consumed:]
        self._pending = b''
        if len(pending) > _MAX_DECODER_PENDING:
            raise UnicodeError("pending buffer overflow")  # the bytes are dropped
        self._pending = pending
        return text

    def reset(self):
        self._pending = b''
        self._state = _initial_state(self.codec._name, False)

    def getstate(self):
        return (self._pending, int.from_bytes(self._state, 'little'))

    def setstate(self, state):
        if not isinstance(state, tuple):
            raise TypeError("setstate() argument must be tuple, not %s" % type(state).__name__)
        if len(state) != 2 or not isinstance(state[0], bytes) or not isinstance(state[1], int):
            raise TypeError("setstate(): illegal state argument")
        pending, flags = state
        try:
            raw = flags.to_bytes(8, 'little')
        except OverflowError:
            if flags < 0:
                raise OverflowError("can't convert negative int to unsigned") from None
            raise OverflowError("int too big to convert") from None
        if len(pending) > _MAX_DECODER_PENDING:
            raise UnicodeError("pending buffer too large")
        self._pending = pending
        self._state = raw


class MultibyteStreamReader:
    errors = _ErrorsAttribute()

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self._errors = _errors_arg(errors)
        self._decoder = _DecoderFor(self.codec)(errors)
        self._text = ''

    def _fill(self, size):
        data = self.stream.read() if size < 0 else self.stream.read(size)
        self._decoder.errors = self._errors
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


def _EncoderFor(codec):
    class Encoder(MultibyteIncrementalEncoder):
        pass
    Encoder.codec = codec
    return Encoder


class MultibyteStreamWriter:
    errors = _ErrorsAttribute()

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self._errors = _errors_arg(errors)
        self._encoder = _EncoderFor(self.codec)(errors)

    def write(self, data):
        self._encoder.errors = self._errors
        self.stream.write(self._encoder.encode(data))

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def reset(self):
        # What the encoder holds, and the return to the initial shift state.
        data = self._encoder.encode('', True)
        if data:
            self.stream.write(data)


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
                                              {"_encode", multibyte_encode},
                                              {"_stateful", multibyte_stateful},
                                              {"_initial_state", multibyte_initial_state},
                                              {"_stateful_encode", multibyte_stateful_encode},
                                              {"_stateful_reset", multibyte_stateful_reset},
                                              {"_stateful_decode", multibyte_stateful_decode}};
  Value m = new_module(t, "_multibytecodec", kFunctions, std::size(kFunctions));
  return m ? run_module_source(t, m, kSource, "<_multibytecodec>") : Value();
}

// The codec modules; 0 without an exception for any other name.
Value make_cjk_codec_module(Thread& t, const std::string& name) {
  if (name == "_codecs_jp")
    return make_codec_module(t, "_codecs_jp",
                             "shift_jis cp932 euc_jp shift_jis_2004 shift_jisx0213 euc_jis_2004 "
                             "euc_jisx0213");
  if (name == "_codecs_cn") return make_codec_module(t, "_codecs_cn", "gb2312 gbk gb18030 hz");
  if (name == "_codecs_kr") return make_codec_module(t, "_codecs_kr", "euc_kr cp949 johab");
  if (name == "_codecs_tw") return make_codec_module(t, "_codecs_tw", "big5 cp950");
  if (name == "_codecs_hk") return make_codec_module(t, "_codecs_hk", "big5hkscs");
  if (name == "_codecs_iso2022")
    return make_codec_module(t, "_codecs_iso2022",
                             "iso2022_jp iso2022_jp_1 iso2022_jp_2 iso2022_jp_2004 iso2022_jp_3 "
                             "iso2022_jp_ext "
                             "iso2022_kr");
  return {};
}

} // namespace interp
