#include "segment_layout.h"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "segment_text.h"

namespace claimdiff::segment_internal {
namespace {

// Bullet glyphs are punctuation, not words of a language.
bool IsBulletChar(char32_t c) {
  return c == 0x2022 || c == 0x2023 || c == 0x25E6 || c == 0x25AA || c == 0x25CF || c == 0x2043 ||
         c == 0x25A0 || c == 0x25BA;
}
// Dash-like bullets need a space after them ("- item", not "-5 Grad").
bool IsDashBullet(char32_t c) { return c == '-' || c == '*' || c == '+' || c == 0x2013 || c == 0x2014; }

size_t CountWords(absl::string_view s) {
  size_t words = 0;
  bool in_word = false;
  size_t i = 0;
  while (i < s.size()) {
    size_t n;
    const bool space = IsSpace(DecodeAt(s, i, &n));
    if (!space && !in_word) ++words;
    in_word = !space;
    i += n;
  }
  return words;
}

// Furniture lines are short; longer lines are prose and skip the patterns.
constexpr size_t kMaxPatternLine = 100;
constexpr size_t kMaxRepeatedLine = 300;

// Matchers for one FindFurniture call (RegexMatcher is not thread-safe, so
// each call makes its own, once per pattern, lazily: most documents need
// none).
class Matchers {
 public:
  Matchers() = default;

  // The matcher of `rules.combined`, or null when there is none.
  icu::RegexMatcher* Combined(const FurnitureRules& rules) {
    if (combined_ == nullptr && rules.combined != nullptr) {
      UErrorCode status = U_ZERO_ERROR;
      combined_.reset(rules.combined->matcher(status));
      if (U_FAILURE(status)) combined_.reset();
    }
    return combined_.get();
  }

  // Runs rule `i`'s pattern anchored at the start of `s`; returns the
  // matched length, or -1. With `whole`, the match must cover all of `s`.
  int64_t MatchAt(const FurnitureRules& rules, size_t i, absl::string_view s, bool whole) {
    UErrorCode status = U_ZERO_ERROR;
    if (matchers_.empty()) matchers_.resize(rules.rules.size());
    if (!matchers_[i]) {
      matchers_[i].reset(rules.rules[i].pattern->matcher(status));
      if (U_FAILURE(status)) return -1;
    }
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, s.data(), static_cast<int64_t>(s.size()), &status);
    icu::RegexMatcher& m = *matchers_[i];
    m.reset(&ut);
    int64_t result = -1;
    if (whole ? m.matches(status) : m.lookingAt(status)) result = m.end64(status);
    utext_close(&ut);
    return U_FAILURE(status) ? -1 : result;
  }

 private:
  std::vector<std::unique_ptr<icu::RegexMatcher>> matchers_;
  std::unique_ptr<icu::RegexMatcher> combined_;
};

std::unique_ptr<icu::RegexPattern> Compile(absl::string_view text, UErrorCode* status, UParseError* error) {
  return std::unique_ptr<icu::RegexPattern>(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), 0, *error,
      *status));
}

// Adds to `out` the first bytes of the strings `re` (an ICU regular
// expression) can match. Understands leading literals, escaped
// punctuation, groups and alternations; returns false for anything else
// (classes, properties, optional first atoms, flags other than a leading
// "(?i)"), meaning "may start with any byte".
bool FirstBytes(absl::string_view re, bool icase, std::bitset<256>* out) {
  if (absl::StartsWith(re, "(?i)")) {
    icase = true;
    re.remove_prefix(4);
  }
  // Split at top-level '|'.
  std::vector<absl::string_view> alternatives;
  int depth = 0;
  bool in_class = false;
  size_t from = 0;
  for (size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) return false;
    } else if (c == '|' && depth == 0) {
      alternatives.push_back(re.substr(from, i - from));
      from = i + 1;
    }
  }
  if (depth != 0 || in_class) return false;
  alternatives.push_back(re.substr(from));
  for (absl::string_view alt : alternatives) {
    if (alt.empty()) return false;  // Matches the empty string.
    size_t atom_end;
    std::bitset<256> first;
    const char c = alt[0];
    if (c == '(') {
      if (alt.size() < 2 || alt[1] == '?') return false;
      int d = 0;
      size_t close = 0;
      for (size_t i = 0; i < alt.size() && close == 0; ++i) {
        if (alt[i] == '\\') {
          ++i;
        } else if (alt[i] == '[') {  // Skip a class: brackets in it are literal.
          while (i + 1 < alt.size() && alt[i + 1] != ']') i += alt[i + 1] == '\\' ? 2 : 1;
          ++i;
        } else if (alt[i] == '(') {
          ++d;
        } else if (alt[i] == ')' && --d == 0) {
          close = i;
        }
      }
      if (close == 0) return false;
      if (!FirstBytes(alt.substr(1, close - 1), icase, &first)) return false;
      atom_end = close + 1;
    } else if (c == '\\') {
      if (alt.size() < 2) return false;
      const unsigned char e = static_cast<unsigned char>(alt[1]);
      if (e >= 0x80 || !IsPunct(e)) return false;  // \s, \p{..}, \d ...: a class.
      first.set(e);
      atom_end = 2;
    } else if (c == '[' || c == '.' || c == '^' || c == '$' || c == '?' || c == '*' || c == '+' || c == '{') {
      return false;
    } else {
      size_t n;
      const char32_t cp = DecodeAt(alt, 0, &n);
      if (icase && (cp >= 0x80 || IsLetter(cp))) {
        // Case-insensitive letters also match non-ASCII ones (U+017F for "s").
        if (cp >= 0x80) return false;
        first.set(static_cast<unsigned char>(cp | 0x20));
        first.set(static_cast<unsigned char>(cp & ~0x20u));
        for (int b = 0x80; b < 0x100; ++b) first.set(static_cast<size_t>(b));
      } else {
        first.set(static_cast<unsigned char>(c));
      }
      atom_end = n;
    }
    if (atom_end < alt.size()) {
      const char q = alt[atom_end];
      if (q == '?' || q == '*' || q == '{') return false;  // The first atom may be absent.
    }
    *out |= first;
  }
  return true;
}

// The Sentence_Break property of `c`; ASCII from a table made once (this
// runs for the end of every sentence).
int SentenceBreak(char32_t c) {
  static const std::array<int, 0x80> kAscii = [] {
    std::array<int, 0x80> table;
    for (UChar32 a = 0; a < 0x80; ++a) table[static_cast<size_t>(a)] = u_getIntPropertyValue(a, UCHAR_SENTENCE_BREAK);
    return table;
  }();
  return c < 0x80 ? kAscii[c] : u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK);
}

absl::string_view LineText(absl::string_view text, const Line& line) {
  return text.substr(line.trim_start, line.trim_end - line.trim_start);
}

}  // namespace

std::vector<Line> SplitLines(absl::string_view text) {
  std::vector<Line> lines;
  size_t i = 0;
  int paragraph = 0;
  bool seen_content = false;
  bool blank_since = false;
  // Most texts have no "\r": one byte to look for is faster than two.
  ByteScanner breaks(text, text.find('\r') == absl::string_view::npos ? "\n" : "\n\r");
  while (i <= text.size()) {
    const size_t e = breaks.Next(i);
    Line line;
    line.start = i;
    line.end = e;
    line.trim_start = SkipSpace(text.substr(0, e), i);
    line.trim_end = TrimBack(text, line.trim_start, e);
    if (line.blank()) {
      blank_since = true;
    } else {
      if (seen_content && blank_since) ++paragraph;
      seen_content = true;
      blank_since = false;
    }
    line.paragraph = paragraph;
    lines.push_back(line);
    if (e >= text.size()) break;
    i = e + ((text[e] == '\r' && e + 1 < text.size() && text[e + 1] == '\n') ? 2 : 1);
  }
  return lines;
}

bool IsBulletLine(absl::string_view text, const Line& line) {
  if (line.blank()) return false;
  size_t n;
  const char32_t c = DecodeAt(text, line.trim_start, &n);
  if (IsBulletChar(c)) return true;
  if (!IsDashBullet(c)) return false;
  const size_t next = line.trim_start + n;
  if (next >= line.trim_end) return false;
  size_t m;
  return IsSpace(DecodeAt(text, next, &m));
}

bool EndsWithoutFinalPunctuation(absl::string_view unit) {
  size_t i = unit.size();
  while (i > 0) {
    size_t s;
    const char32_t c = DecodeBefore(unit, i, &s);
    if (c == ']') {  // Look through footnote references: "... 1788.[1]".
      size_t j = s;
      while (j > 0 && unit[j - 1] >= '0' && unit[j - 1] <= '9') --j;
      if (j < s && j > 0 && unit[j - 1] == '[') {
        i = j - 1;
        continue;
      }
    }
    const int sb = SentenceBreak(c);
    if (sb == U_SB_STERM || sb == U_SB_ATERM || c == ':' || c == ';' || c == 0x2026) return false;
    if (sb == U_SB_CLOSE || IsSpace(c)) {  // Look through closing quotes and brackets.
      i = s;
      continue;
    }
    return true;
  }
  return true;
}

absl::StatusOr<FurnitureRules> BuildFurnitureRules(const Lexicon& lexicon) {
  FurnitureRules out;
  const LexiconTable& table = lexicon.Table("furniture");
  for (const LexiconRow& row : table.rows) {
    const std::string& kind = row.fields[0];
    const std::string& text = row.Field(1);
    const std::string& reason = row.Field(2);
    auto bad = [&](absl::string_view what) {
      return absl::InvalidArgumentError(absl::StrCat(table.path, ":", row.line, ": ", what));
    };
    if (text.empty()) return bad("expected kind<TAB>text<TAB>reason");
    FurnitureRule rule;
    rule.text = text;
    rule.reason = reason;
    if (kind == "line" || kind == "prefix" || kind == "pattern" || kind == "kicker" || kind == "teaser") {
      if (reason.empty()) return bad("missing reason");
      if (kind == "line") {
        rule.kind = FurnitureRule::Kind::kLine;
        out.exact_lines.insert(text);
      } else if (kind == "prefix") {
        rule.kind = FurnitureRule::Kind::kPrefix;
      } else if (kind == "teaser") {
        rule.kind = FurnitureRule::Kind::kTeaser;
      } else {
        rule.kind = kind == "pattern" ? FurnitureRule::Kind::kPattern : FurnitureRule::Kind::kKicker;
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse_error;
        std::unique_ptr<icu::RegexPattern> p = Compile(text, &status, &parse_error);
        if (U_FAILURE(status)) {
          return bad(absl::StrCat("bad pattern: ", u_errorName(status), " at offset ", parse_error.offset));
        }
        rule.pattern = std::move(p);
      }
      out.rules.push_back(std::move(rule));
    } else if (kind == "caption") {
      out.caption_after_reason = text;
      if (!reason.empty()) out.caption_reason = reason;
    } else if (kind == "bullet") {
      out.mark_bullets = text == "true";
      if (!reason.empty()) out.bullet_reason = reason;
    } else if (kind == "repeated") {
      if (!absl::SimpleAtoi(text, &out.repeated_min_words) || out.repeated_min_words < 0) {
        return bad("repeated: expected a word count");
      }
      if (!reason.empty()) out.repeated_reason = reason;
    } else {
      return bad(absl::StrCat("unknown kind \"", kind,
                              "\" (expected line, prefix, pattern, kicker, teaser, caption, bullet or repeated)"));
    }
  }
  // One alternation of all line patterns, each alternative in its own group.
  std::string combined;
  int group = 1;
  for (size_t i = 0; i < out.rules.size(); ++i) {
    const FurnitureRule& r = out.rules[i];
    if (r.kind != FurnitureRule::Kind::kPattern) continue;
    if (!combined.empty()) combined += "|";
    absl::StrAppend(&combined, "(", r.text, ")");
    out.combined_groups.push_back({group, i});
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(r.pattern->matcher(status));
    group += 1 + (U_SUCCESS(status) ? m->groupCount() : 0);
  }
  if (!combined.empty()) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    std::unique_ptr<icu::RegexPattern> p = Compile(combined, &status, &parse_error);
    if (U_FAILURE(status)) {
      return absl::InvalidArgumentError(absl::StrCat(table.path, ": patterns do not combine: ", u_errorName(status)));
    }
    out.combined = std::move(p);
    for (const FurnitureRule& r : out.rules) {
      if (r.kind != FurnitureRule::Kind::kPattern) continue;
      if (!FirstBytes(r.text, /*icase=*/false, &out.combined_first_bytes)) {
        out.combined_first_bytes.set();
        break;
      }
    }
  }
  return out;
}

std::vector<Furniture> FindFurniture(absl::string_view text, const std::vector<Line>& lines,
                                     const FurnitureRules& rules) {
  std::vector<Furniture> found;
  auto mark = [&](size_t start, size_t end, const std::string& reason) {
    if (end > start) found.push_back({{start, end}, reason});
  };
  // Index of the line before `i` that is not blank, or -1.
  auto prev_content = [&](size_t i) -> long {
    for (long j = static_cast<long>(i) - 1; j >= 0; --j) {
      if (!lines[static_cast<size_t>(j)].blank()) return j;
    }
    return -1;
  };
  // Marks the lines of line `j`'s paragraph from its first line up to `j`.
  auto mark_paragraph_to = [&](long j, const std::string& reason) {
    if (j < 0) return;
    const int p = lines[static_cast<size_t>(j)].paragraph;
    size_t first = static_cast<size_t>(j);
    while (first > 0 && lines[first - 1].paragraph == p && !lines[first - 1].blank()) --first;
    mark(lines[first].trim_start, lines[static_cast<size_t>(j)].trim_end, reason);
  };

  Matchers matchers;
  // Lines that occur twice or more. Repeated captions and credits are
  // short; long lines are prose. A line can only repeat one of its own
  // length: lengths are counted first, and only lines whose length occurs
  // twice are hashed (in most documents, none).
  std::array<size_t, kMaxRepeatedLine + 1> same_length{};
  absl::flat_hash_map<absl::string_view, int> counts;
  if (rules.repeated_min_words > 0) {
    for (const Line& line : lines) {
      if (!line.blank() && line.trim_end - line.trim_start <= kMaxRepeatedLine) {
        ++same_length[line.trim_end - line.trim_start];
      }
    }
    for (const Line& line : lines) {
      if (!line.blank() && line.trim_end - line.trim_start <= kMaxRepeatedLine &&
          same_length[line.trim_end - line.trim_start] >= 2) {
        ++counts[LineText(text, line)];
      }
    }
  }
  auto repeated = [&](absl::string_view s) {
    if (s.size() > kMaxRepeatedLine || same_length[s.size()] < 2) return false;
    auto it = counts.find(s);
    return it != counts.end() && it->second >= 2;
  };
  int first_paragraph_line_seen = -1;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank()) continue;
    const absl::string_view s = LineText(text, line);
    const bool paragraph_start = line.paragraph != first_paragraph_line_seen;
    first_paragraph_line_seen = line.paragraph;
    const std::string* reason = nullptr;
    // Cheap filters before the regular expressions: furniture lines are
    // short and do not end like a sentence; a glued kicker has its colon
    // before the first space.
    const char last = s.back();
    const bool pattern_candidate = s.size() <= kMaxPatternLine && last != '.' && last != '!' && last != '?';
    const size_t colon = s.substr(0, kMaxPatternLine).find(':');
    const bool kicker_candidate = colon != absl::string_view::npos && s.substr(0, colon).find(' ') == absl::string_view::npos;
    bool pattern_tried = false;
    if (s.size() <= kMaxPatternLine && rules.exact_lines.contains(s)) {
      for (const FurnitureRule& r : rules.rules) {
        if (r.kind == FurnitureRule::Kind::kLine && r.text == s) reason = &r.reason;
      }
    }
    for (size_t ri = 0; ri < rules.rules.size(); ++ri) {
      const FurnitureRule& r = rules.rules[ri];
      if (reason != nullptr) break;
      switch (r.kind) {
        case FurnitureRule::Kind::kPrefix:
          if (absl::StartsWith(s, r.text)) reason = &r.reason;
          break;
        case FurnitureRule::Kind::kPattern:
          if (pattern_candidate && !pattern_tried) {
            pattern_tried = true;
            icu::RegexMatcher* m =
                rules.combined_first_bytes.test(static_cast<unsigned char>(s[0])) ? matchers.Combined(rules) : nullptr;
            if (m != nullptr) {
              UErrorCode status = U_ZERO_ERROR;
              UText ut = UTEXT_INITIALIZER;
              utext_openUTF8(&ut, s.data(), static_cast<int64_t>(s.size()), &status);
              m->reset(&ut);
              if (m->matches(status)) {
                for (const auto& [g, index] : rules.combined_groups) {
                  if (m->start(g, status) >= 0) {
                    reason = &rules.rules[index].reason;
                    break;
                  }
                }
              }
              utext_close(&ut);
            }
          }
          break;
        case FurnitureRule::Kind::kTeaser:
          if (absl::StartsWith(s, r.text) && s.size() > r.text.size()) {
            size_t n;
            if (!IsSpace(DecodeAt(s, r.text.size(), &n))) {
              // The kicker line right above, the teaser headline, and the
              // paragraph after it (the teaser text).
              size_t start = line.trim_start;
              const long above = static_cast<long>(i) - 1;
              if (above >= 0 && !lines[static_cast<size_t>(above)].blank()) {
                const absl::string_view k = LineText(text, lines[static_cast<size_t>(above)]);
                if (CountWords(k) <= 3 && EndsWithoutFinalPunctuation(k)) {
                  start = lines[static_cast<size_t>(above)].trim_start;
                  found.erase(std::remove_if(found.begin(), found.end(),
                                             [&](const Furniture& f) { return f.span.start >= start; }),
                              found.end());
                }
              }
              size_t j = i;
              while (j + 1 < lines.size() && !lines[j + 1].blank()) ++j;
              size_t k = j + 1;
              while (k < lines.size() && lines[k].blank()) ++k;
              if (k < lines.size()) {
                while (k + 1 < lines.size() && !lines[k + 1].blank()) ++k;
                j = k;
              }
              mark(start, lines[j].trim_end, r.reason);
              i = j;
              reason = &r.reason;
              goto next_line;
            }
          }
          break;
        case FurnitureRule::Kind::kKicker:
          if (paragraph_start && reason == nullptr && kicker_candidate) {
            const int64_t len = matchers.MatchAt(rules, ri, s.substr(0, std::min(s.size(), kMaxPatternLine)),
                                                 /*whole=*/false);
            if (len > 0 && static_cast<size_t>(len) < s.size()) {
              mark(line.trim_start, line.trim_start + static_cast<size_t>(len), r.reason);
            }
          }
          break;
        case FurnitureRule::Kind::kLine:
          break;
      }
    }
    if (reason == nullptr && rules.mark_bullets && IsBulletLine(text, line)) {
      // The bullet glyph is layout, the item after it a sentence.
      size_t n;
      DecodeAt(text, line.trim_start, &n);
      mark(line.trim_start, line.trim_start + n, rules.bullet_reason);
    }
    if (reason == nullptr && rules.repeated_min_words > 0 && repeated(s) &&
        CountWords(s) >= static_cast<size_t>(rules.repeated_min_words)) {
      reason = &rules.repeated_reason;
    }
    if (reason != nullptr) {
      if (*reason == rules.caption_after_reason) {
        // The caption: the lines right above the credit, up to the start
        // of their paragraph, when they are short.
        const size_t size_before = found.size();
        mark_paragraph_to(prev_content(i), rules.caption_reason);
        if (found.size() > size_before && found.back().span.size() > 400) found.pop_back();
      }
      mark(line.trim_start, line.trim_end, *reason);
    }
  next_line:;
  }
  std::sort(found.begin(), found.end(),
            [](const Furniture& a, const Furniture& b) { return a.span.start < b.span.start; });
  return MergeFurniture(std::move(found), {});
}

std::vector<Furniture> MergeFurniture(std::vector<Furniture> a, const std::vector<Furniture>& b) {
  a.insert(a.end(), b.begin(), b.end());
  std::stable_sort(a.begin(), a.end(),
                   [](const Furniture& x, const Furniture& y) { return x.span.start < y.span.start; });
  std::vector<Furniture> out;
  for (Furniture& f : a) {
    if (f.span.empty()) continue;
    if (!out.empty() && f.span.start < out.back().span.end) {
      out.back().span.end = std::max(out.back().span.end, f.span.end);
      continue;
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace claimdiff::segment_internal
