// The CJK codecs of CPython's _codecs_jp, _codecs_cn, _codecs_kr, _codecs_tw, _codecs_hk
// and _codecs_iso2022 modules (shift_jis, cp932, euc_jp, iso2022_jp, gbk, gb18030, big5,
// euc_kr, cp949...), converted by the C library's iconv with small corrections where
// glibc's tables disagree with CPython's. Errors are reported as CPython's multibyte
// codecs report them: one character at a time when encoding, and from the offending byte
// when decoding ("illegal multibyte sequence", or "incomplete multibyte sequence" for a
// sequence cut short by the end of the input).
#pragma once

#include <string>
#include <string_view>

#include "interp/text/codecs.h"

namespace interp::text {

// Whether `name` (a codec module's name, as 'shift_jis' or 'iso2022_jp') is one of them.
bool multibyte_codec_known(std::string_view name);

struct MultibyteDecoded {
  std::u32string text;
  std::size_t consumed; // less than the input when a sequence at its end waits for more
};

// Unless `final`, a sequence cut short by the end waits for more input instead of being
// an error.
CodecResult<MultibyteDecoded> decode_multibyte(std::string_view name, std::string_view bytes,
                                               std::string_view errors, bool final);
CodecResult<std::string> encode_multibyte(std::string_view name, std::u32string_view text,
                                          std::string_view errors);

} // namespace interp::text
