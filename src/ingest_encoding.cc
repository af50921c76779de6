// Input bytes to valid UTF-8: byte order marks, UTF-8 validation, --lenient
// replacement, ICU converters for --encoding, and the checks for binary,
// empty and blank input.

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "claimdiff/ingest.h"
#include "ingest_internal.h"

namespace claimdiff::ingest_internal {

namespace {

// Length of the valid UTF-8 sequence at p[0..n), or 0 when invalid; then
// *bad is the length of the maximal invalid subpart (at least 1), as Unicode
// chapter 3 ("U+FFFD substitution of maximal subparts") defines it.
size_t ValidSequence(const unsigned char* p, size_t n, size_t* bad) {
  const unsigned c = p[0];
  if (c < 0x80) return 1;
  size_t need = 0;
  unsigned lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c == 0xE0) {
    need = 2, lo = 0xA0;
  } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
    need = 2;
  } else if (c == 0xED) {
    need = 2, hi = 0x9F;
  } else if (c == 0xF0) {
    need = 3, lo = 0x90;
  } else if (c >= 0xF1 && c <= 0xF3) {
    need = 3;
  } else if (c == 0xF4) {
    need = 3, hi = 0x8F;
  } else {
    *bad = 1;
    return 0;
  }
  for (size_t k = 1; k <= need; ++k) {
    const unsigned l = k == 1 ? lo : 0x80;
    const unsigned h = k == 1 ? hi : 0xBF;
    if (k >= n || p[k] < l || p[k] > h) {
      *bad = k;
      return 0;
    }
  }
  return need + 1;
}

// 1-based line and column (in bytes) of `offset`.
std::string LineColumn(absl::string_view s, size_t offset) {
  offset = std::min(offset, s.size());
  size_t line = 1 + static_cast<size_t>(std::count(s.begin(), s.begin() + offset, '\n'));
  size_t line_start = s.substr(0, offset).rfind('\n');
  size_t column = line_start == absl::string_view::npos ? offset + 1 : offset - line_start;
  return absl::StrCat("line ", line, ", column ", column);
}

// True when the invalid bytes look like a single-byte Western encoding:
// every invalid sequence is one byte and there is no valid multi-byte
// sequence at all.
bool LooksLikeLatin1(absl::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0, invalid = 0;
  while (i < s.size()) {
    size_t bad = 0;
    size_t len = ValidSequence(p + i, s.size() - i, &bad);
    if (len == 0) {
      if (bad != 1) return false;
      ++invalid;
      i += 1;
    } else {
      if (len > 1) return false;
      i += len;
    }
  }
  return invalid > 0;
}

bool IsUtf8Name(absl::string_view name) {
  std::string n = absl::AsciiStrToLower(name);
  n.erase(std::remove_if(n.begin(), n.end(), [](char c) { return c == '-' || c == '_'; }), n.end());
  return n == "utf8";
}

std::string HexBytes(absl::string_view s) {
  std::string out;
  for (unsigned char c : s) absl::StrAppend(&out, out.empty() ? "" : " ", absl::StrFormat("%02X", c));
  return out;
}

struct LenientCount {
  size_t replaced = 0;
  int64_t first_offset = -1;
};

// To-Unicode callback for --lenient: writes U+FFFD for each bad sequence
// and counts it.
void CountingSubstitute(const void* context, UConverterToUnicodeArgs* args, const char* code_units,
                        int32_t length, UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // Reset, close, clone: nothing to do.
  auto* count = static_cast<LenientCount*>(const_cast<void*>(context));
  ++count->replaced;
  (void)code_units;
  (void)length;
  static const UChar kReplacement[] = {0xFFFD};
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, kReplacement, 1, 0, err);
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

}  // namespace

size_t FindInvalidUtf8(absl::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // Fast path over ASCII.
    while (i < n && p[i] < 0x80) ++i;
    if (i >= n) break;
    size_t bad = 0;
    size_t len = ValidSequence(p + i, n - i, &bad);
    if (len == 0) return i;
    i += len;
  }
  return absl::string_view::npos;
}

size_t ReplaceInvalidUtf8(absl::string_view s, std::string* out, std::vector<SourceRun>* map) {
  static constexpr absl::string_view kReplacement = "\xEF\xBF\xBD";
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  out->clear();
  out->reserve(s.size() + 16);
  size_t replaced = 0;
  size_t i = 0, run_start = 0;
  auto flush_run = [&](size_t end) {
    if (end > run_start) {
      map->push_back({out->size(), run_start, end - run_start, end - run_start});
      out->append(s.data() + run_start, end - run_start);
    }
  };
  while (i < s.size()) {
    size_t bad = 0;
    size_t len = ValidSequence(p + i, s.size() - i, &bad);
    if (len > 0) {
      i += len;
      continue;
    }
    flush_run(i);
    map->push_back({out->size(), i, kReplacement.size(), bad});
    out->append(kReplacement.data(), kReplacement.size());
    ++replaced;
    i += bad;
    run_start = i;
  }
  flush_run(s.size());
  if (replaced == 0) map->clear();
  return replaced;
}

bool IsBlank(absl::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(std::min<size_t>(s.size(), INT32_MAX));
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
    if (!u_isUWhiteSpace(c) && c != 0xFEFF && c != 0x200B) return false;
  }
  return true;
}

absl::StatusOr<std::string> ConvertToUtf8(absl::string_view name, absl::string_view bytes,
                                          absl::string_view encoding, bool lenient,
                                          std::vector<std::string>* warnings) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(std::string(encoding).c_str(), &err));
  if (U_FAILURE(err) || conv == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("--encoding: unknown encoding '", encoding, "' (ICU converter names such as ISO-8859-1, "
                     "windows-1252, UTF-16, UTF-16LE)"));
  }
  LenientCount count;
  if (lenient) {
    ucnv_setToUCallBack(conv.get(), CountingSubstitute, &count, nullptr, nullptr, &err);
  } else {
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  }
  if (U_FAILURE(err)) return absl::InternalError(absl::StrCat("ICU: ", u_errorName(err)));

  icu::UnicodeString result;
  std::vector<UChar> buffer(1 << 15);
  const char* source = bytes.data();
  const char* source_limit = bytes.data() + bytes.size();
  for (;;) {
    UChar* target = buffer.data();
    err = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buffer.data() + buffer.size(), &source, source_limit, nullptr,
                   /*flush=*/true, &err);
    result.append(buffer.data(), static_cast<int32_t>(target - buffer.data()));
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) {
      char invalid[32];
      int8_t invalid_len = sizeof(invalid);
      UErrorCode e2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(conv.get(), invalid, &invalid_len, &e2);
      if (U_FAILURE(e2)) invalid_len = 0;
      size_t offset = static_cast<size_t>(source - bytes.data()) - static_cast<size_t>(invalid_len);
      return absl::InvalidArgumentError(absl::StrCat(
          name, ": not valid ", encoding, " at byte offset ", offset,
          invalid_len > 0 ? absl::StrCat(" (bytes ", HexBytes(absl::string_view(invalid, invalid_len)), ")") : "",
          "; use --lenient to replace bad bytes"));
    }
    break;
  }
  if (count.replaced > 0) {
    warnings->push_back(absl::StrCat("--lenient replaced ", count.replaced, " invalid ", encoding,
                                     " sequence(s) by U+FFFD"));
  }
  std::string out;
  result.toUTF8String(out);
  // A BOM the converter kept (e.g. UTF-16LE with BOM) is not text.
  if (absl::StartsWith(out, "\xEF\xBB\xBF")) out.erase(0, 3);
  return out;
}

absl::StatusOr<DecodedText> DecodeInput(absl::string_view name, std::string bytes, const IngestOptions& options) {
  DecodedText result;
  const size_t input_size = bytes.size();
  if (bytes.empty()) return absl::InvalidArgumentError(absl::StrCat(name, ": empty input (0 bytes)"));

  if (!options.encoding.empty() && !IsUtf8Name(options.encoding)) {
    auto converted = ConvertToUtf8(name, bytes, options.encoding, options.lenient, &result.warnings);
    if (!converted.ok()) return converted.status();
    result.text = *std::move(converted);
    if (size_t nul = result.text.find('\0'); nul != std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat(name, ": binary data: NUL character after decoding as ", options.encoding,
                       " (at text byte offset ", nul, ")"));
    }
  } else {
    struct Bom {
      absl::string_view bytes;
      absl::string_view encoding;
    };
    // Longest first: the UTF-32LE mark begins with the UTF-16LE one.
    static constexpr Bom kForeignBoms[] = {{absl::string_view("\xFF\xFE\0\0", 4), "UTF-32"},
                                           {absl::string_view("\0\0\xFE\xFF", 4), "UTF-32"},
                                           {"\xFF\xFE", "UTF-16"},
                                           {"\xFE\xFF", "UTF-16"}};
    for (const Bom& bom : kForeignBoms) {
      if (absl::StartsWith(bytes, bom.bytes)) {
        return absl::InvalidArgumentError(absl::StrCat(
            name, ": the file is ", bom.encoding, " (byte order mark ", HexBytes(bom.bytes),
            " at byte offset 0), not UTF-8; use --encoding ", bom.encoding));
      }
    }
    absl::string_view body = bytes;
    if (absl::StartsWith(body, "\xEF\xBB\xBF")) {
      result.bom_bytes = 3;
      body.remove_prefix(3);
      if (body.empty()) {
        return absl::InvalidArgumentError(absl::StrCat(name, ": empty input (only a byte order mark)"));
      }
    }
    if (const void* nul = std::memchr(body.data(), '\0', body.size()); nul != nullptr) {
      size_t offset = static_cast<size_t>(static_cast<const char*>(nul) - body.data());
      // UTF-16 without a BOM has a NUL in every other byte of Latin text.
      size_t probe = std::min<size_t>(body.size(), 512), nuls_even = 0, nuls_odd = 0;
      for (size_t i = 0; i < probe; ++i) {
        if (body[i] == '\0') ++(i % 2 == 0 ? nuls_even : nuls_odd);
      }
      std::string hint;
      if (nuls_odd * 3 > probe && nuls_even == 0) hint = "; it looks like UTF-16LE: use --encoding UTF-16LE";
      else if (nuls_even * 3 > probe && nuls_odd == 0) hint = "; it looks like UTF-16BE: use --encoding UTF-16BE";
      return absl::InvalidArgumentError(absl::StrCat(name, ": binary data: NUL byte at byte offset ",
                                                     offset + result.bom_bytes, hint));
    }
    size_t bad = FindInvalidUtf8(body);
    if (bad != absl::string_view::npos) {
      if (!options.lenient) {
        std::string hint = LooksLikeLatin1(body)
                               ? "; the file looks like ISO-8859-1 (Latin-1): use --encoding ISO-8859-1 "
                                 "(or windows-1252), or --lenient to replace bad bytes"
                               : "; use --encoding NAME for another encoding, or --lenient to replace bad bytes";
        return absl::InvalidArgumentError(
            absl::StrCat(name, ": invalid UTF-8 at byte offset ", bad + result.bom_bytes, " (",
                         LineColumn(body, bad), ", byte ",
                         absl::StrFormat("0x%02X", static_cast<unsigned char>(body[bad])), ")", hint));
      }
      size_t replaced = ReplaceInvalidUtf8(body, &result.text, &result.source_map);
      for (SourceRun& run : result.source_map) run.source_start += result.bom_bytes;
      result.warnings.push_back(absl::StrCat("--lenient replaced ", replaced,
                                             " invalid UTF-8 sequence(s) by U+FFFD, the first at byte offset ",
                                             bad + result.bom_bytes));
    } else {
      // Valid: the bytes are the text (no copy).
      bytes.erase(0, result.bom_bytes);
      result.text = std::move(bytes);
    }
  }
  if (result.text.empty()) return absl::InvalidArgumentError(absl::StrCat(name, ": empty input (no text)"));
  if (IsBlank(result.text)) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": input contains only white space (", input_size, " bytes)"));
  }
  return result;
}

}  // namespace claimdiff::ingest_internal
