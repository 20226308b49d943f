// interp/modules/zlib_codec.h - the DEFLATE codec behind the zlib module (RFC 1950 zlib
// streams, RFC 1951 DEFLATE, RFC 1952 gzip members), written from the RFCs. Pure
// computation on std::string buffers: no heap objects, no Python calls.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace interp::zcodec {

// The bases and extra bits of the length codes 257..285 and distance codes 0..29.
inline constexpr std::uint16_t kLengthBase[29] = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                                  15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                                  67, 83, 99, 115, 131, 163, 195, 227, 258};
inline constexpr std::uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                  2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
inline constexpr std::uint16_t kDistBase[30] = {
    1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
inline constexpr std::uint8_t kDistExtra[30] = {0, 0, 0,  0,  1,  1,  2,  2,  3,  3,
                                                4, 4, 5,  5,  6,  6,  7,  7,  8,  8,
                                                9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

std::uint32_t crc32_update(std::uint32_t crc, const unsigned char* p, std::size_t n);
std::uint32_t adler32_update(std::uint32_t adler, const unsigned char* p, std::size_t n);

// The container a wbits value names: -15..-8 raw DEFLATE, 0 and 8..15 zlib, 24..31 gzip,
// 40..47 either (from the first bytes). False for other values.
enum class Container { Raw, Zlib, Gzip, Auto };
bool container_of(int wbits, Container& c, int& window_bits);

enum class InflateStatus {
  End,       // the stream ended; `consumed` counts its bytes, trailer included
  Truncated, // the input ran out before the end
  Limit,     // `out` reached the output limit
  Error,     // bad data: `message` says what (zlib's wording)
};

struct InflateResult {
  InflateStatus status;
  const char* message;  // for Error
  std::size_t consumed; // input bytes read (for End and Limit)
};

// Decodes the stream at the start of `in`, appending to `out`. Stops with Limit before
// decoding a symbol while out.size() >= limit.
InflateResult inflate(std::string_view in, int wbits, std::string& out, std::size_t limit);

// The running state of a compressor, kept between calls (plain bytes, so that it can live
// in a heap Bytes object).
struct DeflateState {
  std::int32_t level;
  std::int32_t container; // Container
  std::int32_t started;   // header written
  std::int32_t finished;  // trailer written
  std::uint32_t check;    // adler32 or crc32 so far
  std::uint32_t total;    // input bytes so far (mod 2**32)
  std::uint32_t bitbuf;   // bits not yet written (fewer than 8)
  std::int32_t bitcount;
  std::int32_t window_bits; // 9..15
};

void deflate_start(DeflateState& s, int level, Container c, int window_bits);
// Compresses `data` into `out` as non-final blocks (none for empty data).
void deflate_data(DeflateState& s, std::string_view data, std::string& out);
// flush: 2 (Z_SYNC_FLUSH) and 3 (Z_FULL_FLUSH) end with an empty stored block, byte
// aligned; 4 (Z_FINISH) ends the stream with its trailer; others add nothing.
void deflate_flush(DeflateState& s, int flush, std::string& out);

} // namespace interp::zcodec
