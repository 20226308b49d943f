// The CJK codecs that keep a shift state between characters: the ISO-2022 family
// (iso2022_jp, _jp_1, _jp_2, _jp_ext, iso2022_kr) and HZ. Each is a state machine over the
// 8 bytes of CPython's MultibyteCodec_State (designations G0-G3 and the shift flags, or
// HZ's mode), which the incremental encoders and decoders of _multibytecodec carry
// between calls and show through getstate(). The character sets themselves (JIS X 0208,
// JIS X 0212, KS X 1001, GB 2312) are read from the C library's EUC converters.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace interp::text {

using ShiftState = std::array<unsigned char, 8>;

bool stateful_codec_known(std::string_view name);

// The state a fresh encoder or decoder of codec `name` starts in.
ShiftState stateful_initial_state(std::string_view name, bool encoder);

struct StatefulEncoded {
  std::string bytes;
  std::size_t consumed = 0; // characters encoded
  bool failed = false;      // stopped at a character it can't encode (text[consumed])
};
// Encodes from the start until the end of `text` or the first character the codec can't
// encode, updating `state`. Nothing is written to return to the initial shift state.
StatefulEncoded stateful_encode(std::string_view name, std::u32string_view text, ShiftState& state);
// What returns the encoder to its initial shift state (at the end of the output).
std::string stateful_encode_reset(std::string_view name, ShiftState& state);

struct StatefulDecoded {
  std::u32string text;
  std::size_t consumed = 0; // bytes decoded
  // 0: none (all decoded, or waiting for more input); > 0: the length of the illegal
  // sequence at `consumed`; -1 (only when `final`): a sequence cut short by the end.
  int error = 0;
};
StatefulDecoded stateful_decode(std::string_view name, std::string_view bytes, ShiftState& state,
                                bool final);

} // namespace interp::text
