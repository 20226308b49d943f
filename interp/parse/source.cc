// Source decoding: BOM, PEP 263 declarations, UTF-8 validation and universal newlines.
#include "interp/parse/source.h"

#include <algorithm>
#include <array>
#include <vector>
#include <cctype>
#include <cstdio>

namespace interp::parse {

namespace {

enum class Encoding { Utf8, Latin1, Ascii, Unknown };

// Python compares codec names after lowercasing and turning punctuation into '_'.
std::string normalize_codec_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '.')
      out += static_cast<char>(std::tolower(u));
    else
      out += '_';
  }
  return out;
}

Encoding encoding_for(std::string_view declared) {
  static constexpr std::array<std::string_view, 8> utf8_names = {
      "utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001", "utf_8_sig"};
  static constexpr std::array<std::string_view, 11> latin1_names = {
      "latin_1", "latin1", "l1",         "iso8859_1",       "iso_8859_1", "8859",
      "cp819",   "latin",  "iso_ir_100", "iso_8859_1_1987", "csisolatin1"};
  static constexpr std::array<std::string_view, 12> ascii_names = {
      "ascii",   "us_ascii", "646",       "ansi_x3.4_1968",   "ansi_x3_4_1968", "cp367",
      "csascii", "ibm367",   "iso646_us", "iso_646.irv_1991", "iso_ir_6",       "us"};
  std::string name = normalize_codec_name(declared);
  // CPython's tokenizer maps "utf-8-*", "latin-1-*" and "iso-8859-1-*" itself.
  if (name.starts_with("utf_8_")) return Encoding::Utf8;
  if (name.starts_with("latin_1_") || name.starts_with("iso_8859_1_") ||
      name.starts_with("iso_latin_1"))
    return Encoding::Latin1;
  for (auto n : utf8_names)
    if (name == n) return Encoding::Utf8;
  for (auto n : latin1_names)
    if (name == n) return Encoding::Latin1;
  for (auto n : ascii_names)
    if (name == n) return Encoding::Ascii;
  return Encoding::Unknown;
}

// The PEP 263 pattern: ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)
std::optional<std::string> coding_declaration(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f'))
    i++;
  if (i >= line.size() || line[i] != '#') return std::nullopt;
  for (size_t p = line.find("coding", i); p != std::string_view::npos;
       p = line.find("coding", p + 1)) {
    size_t j = p + 6;
    if (j >= line.size() || (line[j] != ':' && line[j] != '=')) continue;
    j++;
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t'))
      j++;
    size_t start = j;
    while (j < line.size() && (std::isalnum(static_cast<unsigned char>(line[j])) ||
                               line[j] == '-' || line[j] == '_' || line[j] == '.'))
      j++;
    if (j > start) return std::string(line.substr(start, j - start));
  }
  return std::nullopt;
}

bool is_blank_or_comment(std::string_view line) {
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n') continue;
    return c == '#';
  }
  return true;
}

std::string_view line_at(std::string_view s, size_t start) {
  size_t end = s.find('\n', start);
  return s.substr(start, end == std::string_view::npos ? s.size() - start : end - start + 1);
}

// CPython's tokenizer spells the utf-8 and latin-1 families in one way in its messages.
std::string normal_name(const std::string& name) {
  std::string head;
  for (size_t i = 0; i < name.size() && i < 12; i++) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
    head += c == '_' ? '-' : c;
  }
  if (head == "utf-8" || head.starts_with("utf-8-")) return "utf-8";
  for (std::string_view l : {"latin-1", "iso-8859-1", "iso-latin-1"})
    if (head == l || (head.starts_with(l) && head.size() > l.size() && head[l.size()] == '-'))
      return "iso-8859-1";
  return name;
}

SyntaxErrorInfo error_without_position(std::string msg, const std::string& filename) {
  SyntaxErrorInfo e;
  e.msg = std::move(msg);
  e.filename = filename;
  e.lineno = 0;
  e.offset = -1;
  e.has_position = false;
  return e;
}

// Replaces undecodable bytes by U+FFFD, as the text of CPython's decoding errors shows.
std::string with_replacement_characters(std::string_view line) {
  std::string out;
  for (size_t i = 0; i < line.size();) {
    int n = utf8_sequence_length(line, i);
    if (n == 0) {
      out += "\xef\xbf\xbd";
      i++;
    } else {
      out.append(line.substr(i, n));
      i += n;
    }
  }
  return out;
}

// The reason Python's UTF-8 decoder gives for the bad sequence at s[i].
const char* utf8_failure_reason(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0xC2 || c > 0xF4) return "invalid start byte";
  int need = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  for (int k = 1; k <= need; k++) {
    if (i + k >= s.size()) return "unexpected end of data";
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    bool ok = (d & 0xC0) == 0x80;
    if (k == 1) {
      if (c == 0xE0) ok = d >= 0xA0 && d <= 0xBF;
      if (c == 0xED) ok = d >= 0x80 && d <= 0x9F;
      if (c == 0xF0) ok = d >= 0x90 && d <= 0xBF;
      if (c == 0xF4) ok = d >= 0x80 && d <= 0x8F;
    }
    if (!ok) return "invalid continuation byte";
  }
  return "invalid start byte";
}

// The byte ranges of the comments of a source: a '#' outside any string literal, to the end
// of its line. (Only quotes matter here: a backslash escapes the next byte in any string,
// raw ones included, and a single-quoted string ends at the end of its line.)
std::vector<std::pair<size_t, size_t>> comment_ranges(std::string_view s) {
  std::vector<std::pair<size_t, size_t>> out;
  char quote = 0;
  bool triple = false;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (quote) {
      if (c == '\\') {
        i += 2;
      } else if (c == '\n' && !triple) {
        quote = 0;
        i++;
      } else if (c == quote && (!triple || s.substr(i, 3) == std::string(3, quote))) {
        i += triple ? 3 : 1;
        quote = 0;
      } else {
        i++;
      }
    } else if (c == '#') {
      size_t end = s.find('\n', i);
      if (end == std::string_view::npos) end = s.size();
      out.emplace_back(i, end);
      i = end;
    } else if (c == '\'' || c == '"') {
      triple = s.substr(i, 3) == std::string(3, c);
      quote = c;
      i += triple ? 3 : 1;
    } else {
      i++;
    }
  }
  return out;
}

} // namespace

int utf8_sequence_length(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  if (c < 0xC2 || c > 0xF4) return 0;
  int need = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  if (i + need >= s.size()) return 0;
  for (int k = 1; k <= need; k++) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    if (k == 1) {
      if (c == 0xE0 && d < 0xA0) return 0;
      if (c == 0xED && d > 0x9F) return 0;
      if (c == 0xF0 && d < 0x90) return 0;
      if (c == 0xF4 && d > 0x8F) return 0;
    }
  }
  return need + 1;
}

std::optional<std::string> declared_encoding(std::string_view bytes) {
  std::string_view first = line_at(bytes, 0);
  std::optional<std::string> declared = coding_declaration(first);
  if (!declared && is_blank_or_comment(first) && first.size() < bytes.size())
    declared = coding_declaration(line_at(bytes, first.size()));
  return declared;
}

std::optional<std::string> foreign_encoding(std::string_view bytes) {
  if (bytes.starts_with("\xef\xbb\xbf")) return std::nullopt;
  std::optional<std::string> declared = declared_encoding(bytes);
  if (declared && encoding_for(*declared) != Encoding::Unknown) return std::nullopt;
  return declared;
}

DecodedSource decode_source(std::string_view bytes, const std::string& filename,
                            SourceKind kind) {
  DecodedSource out;
  bool bom = bytes.starts_with("\xef\xbb\xbf");
  if (bom) bytes.remove_prefix(3);

  Encoding encoding = Encoding::Utf8;
  std::optional<std::string> declared = declared_encoding(bytes);
  if (declared) {
    if (bom && normal_name(*declared) != "utf-8") {
      out.error = error_without_position(
          "encoding problem: " + normal_name(*declared) + " with BOM", filename);
      return out;
    }
    encoding = encoding_for(*declared);
    if (encoding == Encoding::Unknown) {
      out.error = error_without_position("unknown encoding: " + *declared, filename);
      return out;
    }
  }

  std::string text;
  text.reserve(bytes.size() + 1);
  if (encoding == Encoding::Latin1) {
    for (char c : bytes) {
      unsigned char u = static_cast<unsigned char>(c);
      if (u < 0x80) {
        text += c;
      } else {
        text += static_cast<char>(0xC0 | (u >> 6));
        text += static_cast<char>(0x80 | (u & 0x3F));
      }
    }
  } else if (encoding == Encoding::Ascii) {
    for (size_t i = 0; i < bytes.size(); i++) {
      unsigned char u = static_cast<unsigned char>(bytes[i]);
      if (u >= 0x80) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", u);
        out.error = error_without_position("'ascii' codec can't decode byte " + std::string(hex) +
                                               " in position " + std::to_string(i) +
                                               ": ordinal not in range(128)",
                                           filename);
        return out;
      }
    }
    text.assign(bytes);
  } else {
    size_t line_start = 0;
    int lineno = 1;
    // 3.11 decodes a module's bytes only where it must: undecodable bytes in a comment pass
    // (as U+FFFD in the text kept for error messages), except in a script.
    std::optional<std::vector<std::pair<size_t, size_t>>> comments;
    auto in_comment = [&](size_t i) {
      if (kind != SourceKind::Bytes || declared || bom) return false;
      if (!comments) comments = comment_ranges(bytes);
      auto it = std::upper_bound(comments->begin(), comments->end(),
                                 std::make_pair(i, std::string_view::npos));
      return it != comments->begin() && i < std::prev(it)->second;
    };
    size_t copied = 0;
    for (size_t i = 0; i < bytes.size();) {
      if (bytes[i] == '\n') {
        line_start = i + 1;
        lineno++;
      }
      int n = utf8_sequence_length(bytes, i);
      if (n == 0 && in_comment(i)) {
        text.append(bytes.substr(copied, i - copied));
        text += "\xef\xbf\xbd";
        copied = ++i;
        continue;
      }
      if (n == 0 && kind == SourceKind::ScriptFile && !declared && !bom) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "%02x", static_cast<unsigned char>(bytes[i]));
        out.error = error_without_position("Non-UTF-8 code starting with '\\x" + std::string(hex) +
                                               "' in file " + filename + " on line " +
                                               std::to_string(lineno) +
                                               ", but no encoding declared; see "
                                               "https://peps.python.org/pep-0263/ for details",
                                           filename);
        out.error->origin = SyntaxErrorInfo::Origin::Message;
        return out;
      }
      if (n == 0) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(bytes[i]));
        SyntaxErrorInfo e;
        e.filename = filename;
        e.msg = "(unicode error) 'utf-8' codec can't decode byte " + std::string(hex) +
                " in position " + std::to_string(i - line_start) + ": " +
                utf8_failure_reason(bytes, i);
        e.lineno = e.end_lineno = lineno;
        e.offset = static_cast<int>(i - line_start) + 1;
        e.end_offset = -1;
        std::string_view line = line_at(bytes, line_start);
        e.text = with_replacement_characters(line);
        if (!e.text.ends_with('\n')) e.text += '\n';
        out.error = std::move(e);
        return out;
      }
      i += n;
    }
    text.append(bytes.substr(copied));
  }

  return translate_newlines(text);
}

DecodedSource translate_newlines(std::string_view text) {
  DecodedSource out;
  out.text.reserve(text.size());
  for (size_t i = 0; i < text.size(); i++) {
    if (text[i] == '\r') {
      out.text += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') i++;
    } else {
      out.text += text[i];
    }
  }
  return out;
}

} // namespace interp::parse
