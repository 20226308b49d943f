// The error handlers, applied to the bad ranges that codecs report.
#include "interp/text/codec_sinks.h"

#include <cstdio>

namespace interp::text::detail {
namespace {

CodecError lookup_failure(std::string_view name) {
  return CodecError{CodecError::Kind::unknown_error_handler,
                    "",
                    0,
                    0,
                    "unknown error handler name '" + std::string(name) + "'",
                    0};
}

CodecError decode_handler_type_error() {
  return CodecError{CodecError::Kind::handler_type_error,
                    "",
                    0,
                    0,
                    "don't know how to handle UnicodeDecodeError in error callback",
                    0};
}

CodecError namereplace_unsupported() {
  return CodecError{CodecError::Kind::unsupported_handler,
                    "",
                    0,
                    0,
                    "the namereplace error handler is not supported",
                    0};
}

void append_ascii(EncodeTarget target, std::string& out, std::string_view text) {
  for (char c : text)
    target.put_ascii(out, c);
}

} // namespace

DecodeSink::DecodeSink(std::string_view input, std::string_view errors, std::string encoding)
    : input_(input), errors_name_(errors), handler_(lookup_error_handler(errors)),
      encoding_(std::move(encoding)) {}

std::optional<std::size_t> DecodeSink::bad(std::size_t start, std::size_t end, const char* reason,
                                           std::optional<std::pair<char32_t, std::size_t>> passed) {
  auto fail = [&] {
    error = make_decode_error(encoding_, static_cast<Index>(start), static_cast<Index>(end), reason,
                              static_cast<unsigned char>(input_[start]));
    return std::nullopt;
  };
  if (!handler_) {
    error = lookup_failure(errors_name_);
    return std::nullopt;
  }
  switch (*handler_) {
  case ErrorHandler::strict:
    return fail();
  case ErrorHandler::ignore:
    return end;
  case ErrorHandler::replace:
    out += U'\uFFFD';
    return end;
  case ErrorHandler::backslashreplace:
    for (std::size_t i = start; i < end; ++i) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x",
                    unsigned(static_cast<unsigned char>(input_[i])));
      for (char* p = escaped; *p; ++p)
        out += static_cast<char32_t>(*p);
    }
    return end;
  case ErrorHandler::surrogateescape: {
    // Takes the leading non-ASCII bytes of the range; decoding resumes after them and
    // may report what follows as a new error. ASCII bytes cannot be smuggled.
    std::size_t taken = start;
    while (taken < end && static_cast<unsigned char>(input_[taken]) >= 0x80) {
      out += static_cast<char32_t>(0xDC00 + static_cast<unsigned char>(input_[taken]));
      ++taken;
    }
    if (taken == start) return fail();
    return taken;
  }
  case ErrorHandler::surrogatepass:
    if (!passed) return fail();
    out += passed->first;
    return start + passed->second;
  case ErrorHandler::xmlcharrefreplace:
    error = decode_handler_type_error();
    return std::nullopt;
  case ErrorHandler::namereplace:
    error = decode_handler_type_error();
    return std::nullopt;
  }
  return fail();
}

EncodeSink::EncodeSink(std::string_view errors, std::string encoding, EncodeTarget target)
    : errors_name_(errors), handler_(lookup_error_handler(errors)), encoding_(std::move(encoding)),
      target_(target) {}

template <CodeUnit C>
std::optional<std::size_t> EncodeSink::bad(View<C> text, std::size_t start, std::size_t end,
                                           const char* reason) {
  auto fail = [&](std::size_t from) {
    error = make_encode_error(encoding_, static_cast<Index>(from), static_cast<Index>(end), reason,
                              ordinal(text[from]));
    return std::nullopt;
  };
  if (!handler_) {
    error = lookup_failure(errors_name_);
    return std::nullopt;
  }
  switch (*handler_) {
  case ErrorHandler::strict:
    return fail(start);
  case ErrorHandler::ignore:
    return end;
  case ErrorHandler::replace:
    for (std::size_t i = start; i < end; ++i)
      target_.put_ascii(out, '?');
    return end;
  case ErrorHandler::backslashreplace:
    for (std::size_t i = start; i < end; ++i) {
      char32_t c = ordinal(text[i]);
      char escaped[16];
      if (c <= 0xFF) {
        std::snprintf(escaped, sizeof escaped, "\\x%02x", unsigned(c));
      } else if (c <= 0xFFFF) {
        std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(c));
      } else {
        std::snprintf(escaped, sizeof escaped, "\\U%08x", unsigned(c));
      }
      append_ascii(target_, out, escaped);
    }
    return end;
  case ErrorHandler::xmlcharrefreplace:
    for (std::size_t i = start; i < end; ++i) {
      char reference[16];
      std::snprintf(reference, sizeof reference, "&#%u;", unsigned(ordinal(text[i])));
      append_ascii(target_, out, reference);
    }
    return end;
  case ErrorHandler::surrogateescape:
    if (!target_.takes_raw_bytes) return fail(start);
    for (std::size_t i = start; i < end; ++i) {
      char32_t c = ordinal(text[i]);
      if (c < 0xDC80 || c > 0xDCFF) return fail(i);
      out += static_cast<char>(c - 0xDC00);
    }
    return end;
  case ErrorHandler::surrogatepass:
    if (target_.put_surrogate == nullptr) return fail(start);
    for (std::size_t i = start; i < end; ++i) {
      char32_t c = ordinal(text[i]);
      if (c < 0xD800 || c > 0xDFFF) return fail(i);
      target_.put_surrogate(out, c);
    }
    return end;
  case ErrorHandler::namereplace:
    error = namereplace_unsupported();
    return std::nullopt;
  }
  return fail(start);
}

template std::optional<std::size_t> EncodeSink::bad<char>(View<char>, std::size_t, std::size_t,
                                                          const char*);
template std::optional<std::size_t> EncodeSink::bad<char32_t>(View<char32_t>, std::size_t,
                                                              std::size_t, const char*);

} // namespace interp::text::detail
