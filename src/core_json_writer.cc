#include "core_json_writer.h"

#include <array>
#include <cmath>

#include "nlohmann/json.hpp"

namespace claimdiff {

namespace {

// Length of the UTF-8 sequence that `lead` starts and the range allowed for
// its second byte (the later ones are 0x80..0xBF), so that overlong forms,
// surrogates and code points past U+10FFFF are invalid; 0 when `lead` cannot
// start a sequence. The rules of nlohmann-json's decoder (Hoehrmann's DFA).
struct Utf8Lead {
  int length;
  unsigned char low, high;
};

Utf8Lead LeadOf(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return {2, 0x80, 0xBF};
  if (lead == 0xE0) return {3, 0xA0, 0xBF};
  if (lead == 0xED) return {3, 0x80, 0x9F};
  if (lead >= 0xE1 && lead <= 0xEF) return {3, 0x80, 0xBF};
  if (lead == 0xF0) return {4, 0x90, 0xBF};
  if (lead >= 0xF1 && lead <= 0xF3) return {4, 0x80, 0xBF};
  if (lead == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};
}

// Bytes copied as they are: printable ASCII but '"' and '\\'.
bool IsPlain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

void AppendJsonString(std::string* out, absl::string_view s) {
  out->push_back('"');
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // The longest run of bytes copied as they are.
    size_t run = i;
    while (run < n && IsPlain(p[run])) ++run;
    out->append(s.data() + i, run - i);
    i = run;
    if (i == n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      switch (c) {
        case '"':
          out->append("\\\"");
          break;
        case '\\':
          out->append("\\\\");
          break;
        case '\b':
          out->append("\\b");
          break;
        case '\f':
          out->append("\\f");
          break;
        case '\n':
          out->append("\\n");
          break;
        case '\r':
          out->append("\\r");
          break;
        case '\t':
          out->append("\\t");
          break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
          out->append(escaped, sizeof escaped);
        }
      }
      ++i;
      continue;
    }
    // A multi-byte sequence: copied when valid. Otherwise its longest valid
    // prefix (at least the lead byte) becomes one U+FFFD, and the byte that
    // broke it is read again as the start of what follows.
    const Utf8Lead lead = LeadOf(c);
    if (lead.length == 0) {
      out->append(kReplacement);
      ++i;
      continue;
    }
    size_t k = 1;
    while (k < static_cast<size_t>(lead.length) && i + k < n) {
      const unsigned char b = p[i + k];
      const bool ok = k == 1 ? b >= lead.low && b <= lead.high : b >= 0x80 && b <= 0xBF;
      if (!ok) break;
      ++k;
    }
    if (k == static_cast<size_t>(lead.length)) {
      out->append(s.data() + i, k);
    } else {
      out->append(kReplacement);
    }
    i += k;
  }
  out->push_back('"');
}

void AppendJsonDouble(std::string* out, double v) {
  if (!std::isfinite(v)) {
    out->append("null");
    return;
  }
  // nlohmann-json's own formatting (serializer::dump_float), buffer size
  // included.
  std::array<char, 64> buffer;
  char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
  out->append(buffer.data(), end);
}

void AppendJsonDate(std::string* out, absl::CivilDay day) {
  const auto year = day.year();
  if (year < 1000 || year > 9999) {
    AppendJsonString(out, absl::FormatCivilTime(day));
    return;
  }
  char buffer[12] = {'"'};
  char* p = std::to_chars(buffer + 1, buffer + 5, year).ptr;
  *p++ = '-';
  *p++ = static_cast<char>('0' + day.month() / 10);
  *p++ = static_cast<char>('0' + day.month() % 10);
  *p++ = '-';
  *p++ = static_cast<char>('0' + day.day() / 10);
  *p++ = static_cast<char>('0' + day.day() % 10);
  *p++ = '"';
  out->append(buffer, p);
}

}  // namespace claimdiff
