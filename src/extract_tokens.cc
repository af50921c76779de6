#include "extract_tokens.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "absl/container/inlined_vector.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace claimdiff {

namespace {

enum class CharClass : uint8_t { kLetter, kDigit, kSpace, kOther };

bool IsAsciiLetter(unsigned char b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

constexpr CharClass ClassifyAscii(unsigned char c) {
  if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return CharClass::kSpace;
  if (c >= '0' && c <= '9') return CharClass::kDigit;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CharClass::kLetter;
  return CharClass::kOther;
}

// The class of every ASCII character, looked up without a call: the
// tokenizer asks for nearly every byte.
constexpr std::array<CharClass, 0x80> kAsciiClass = [] {
  std::array<CharClass, 0x80> table{};
  for (unsigned char c = 0; c < 0x80; ++c) table[c] = ClassifyAscii(c);
  return table;
}();

CharClass Classify(UChar32 c) {
  if (c < 0) return CharClass::kOther;
  if (c < 0x80) return kAsciiClass[static_cast<size_t>(c)];  // The same answers as ICU's.
  if (u_isUWhiteSpace(c) || c == 0xFEFF) return CharClass::kSpace;
  if (u_isdigit(c)) return CharClass::kDigit;
  if (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) return CharClass::kLetter;
  return CharClass::kOther;
}

// Characters that join two letter runs into one word: hyphens and
// apostrophes ("Kreml-Sprecher", "Jong-un", "didn't", "Reid's").
bool IsWordJoiner(UChar32 c) {
  return c == '-' || c == '\'' || c == 0x2019 || c == 0x2010 || c == 0x2011;
}

bool IsDigitJoiner(UChar32 c) { return c == '.' || c == ','; }

void AppendFolded(UChar32 c, std::string* out) {
  if (c >= 0 && c < 0x80) {
    out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 0x20 : c));
    return;
  }
  UChar32 f = u_foldCase(c, U_FOLD_CASE_DEFAULT);
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, f, error);
  if (!error) out->append(buf, static_cast<size_t>(n));
}

}  // namespace

std::string FoldCase(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) continue;
    AppendFolded(c, &out);
  }
  return out;
}

std::vector<Token> Tokenize(absl::string_view text, Span span) {
  std::vector<Token> tokens;
  Tokenize(text, span, &tokens);
  return tokens;
}

void Tokenize(absl::string_view text, Span span, std::vector<Token>* out) {
  std::vector<Token>& tokens = *out;
  tokens.clear();
  if (span.end > text.size() || span.start >= span.end) return;
  tokens.reserve((span.end - span.start) / 5 + 4);
  const char* s = text.data();
  const int32_t end = static_cast<int32_t>(span.end);
  int32_t i = static_cast<int32_t>(span.start);
  bool space_before = true;
  auto peek = [&](int32_t at) -> UChar32 {
    if (at >= end) return -1;
    UChar32 c;
    U8_NEXT(s, at, end, c);
    return c;
  };
  while (i < end) {
    int32_t start = i;
    UChar32 c;
    CharClass cls;
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // The common case, without decoding.
      c = static_cast<unsigned char>(s[i++]);
      cls = kAsciiClass[static_cast<size_t>(c)];
    } else {
      U8_NEXT(s, i, end, c);
      cls = Classify(c);
    }
    if (cls == CharClass::kSpace) {
      space_before = true;
      continue;
    }
    Token& t = tokens.emplace_back();
    t.start = static_cast<size_t>(start);
    t.space_before = space_before;
    space_before = false;
    if (cls == CharClass::kLetter) {
      t.kind = Token::kWord;
      if (c < 0x80) {
        t.upper = c >= 'A' && c <= 'Z';
        t.folded.push_back(static_cast<char>(c | 0x20));
      } else {
        t.upper = u_isupper(c) || u_istitle(c);
        AppendFolded(c, &t.folded);
      }
      while (i < end) {
        // The common case: a run of ASCII letters, without decoding.
        int32_t run = i;
        while (run < end && IsAsciiLetter(static_cast<unsigned char>(s[run]))) {
          t.folded.push_back(static_cast<char>(s[run] | 0x20));
          ++run;
        }
        if (run > i) {
          i = run;
          continue;
        }
        // Other ASCII ends the word unless it joins two letter runs.
        const unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x80 && b != '-' && b != '\'') break;
        int32_t next = i;
        UChar32 d;
        U8_NEXT(s, next, end, d);
        if (Classify(d) == CharClass::kLetter) {
          AppendFolded(d, &t.folded);
          i = next;
        } else if (IsWordJoiner(d) && Classify(peek(next)) == CharClass::kLetter) {
          const char joiner = d == 0x2019 || d == '\'' ? '\'' : '-';
          t.folded.push_back(joiner);
          t.hyphenated |= joiner == '-';
          i = next;
        } else {
          break;
        }
      }
    } else if (cls == CharClass::kDigit) {
      t.kind = Token::kNumber;
      t.folded.push_back(static_cast<char>(c <= 0x7F ? c : '0' + u_charDigitValue(c)));
      while (i < end) {
        // The common case: a run of ASCII digits, appended at once.
        int32_t run = i;
        while (run < end && s[run] >= '0' && s[run] <= '9') ++run;
        if (run > i) {
          t.folded.append(s + i, static_cast<size_t>(run - i));
          i = run;
          continue;
        }
        // Other ASCII ends the number unless it joins two digit runs.
        const unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x80 && b != '.' && b != ',') break;
        int32_t next = i;
        UChar32 d;
        U8_NEXT(s, next, end, d);
        if (Classify(d) == CharClass::kDigit) {
          t.folded.push_back(static_cast<char>(d <= 0x7F ? d : '0' + u_charDigitValue(d)));
          i = next;
        } else if (IsDigitJoiner(d) && Classify(peek(next)) == CharClass::kDigit) {
          t.folded.push_back(static_cast<char>(d));
          i = next;
        } else {
          break;
        }
      }
    } else {
      t.kind = Token::kPunct;
      t.folded.assign(s + start, static_cast<size_t>(i - start));
    }
    t.end = static_cast<size_t>(i);
  }
  // The prints in a second pass: read right after its bytes were stored one
  // by one, a word's eight-byte loads would stall on store forwarding.
  for (Token& t : tokens) t.folded_print = WordPrint(t.folded);
}

std::vector<std::string> PhraseTokens(absl::string_view phrase) {
  std::vector<std::string> out;
  for (absl::string_view part : absl::StrSplit(phrase, ' ', absl::SkipEmpty())) {
    if (part == "..." || part == "\xE2\x80\xA6") {
      out.push_back("...");
      continue;
    }
    for (Token& t : Tokenize(part, Span{0, part.size()})) out.push_back(std::move(t.folded));
  }
  return out;
}

// Stems remembered per Stemmer (a bound on memory in long batch runs).
constexpr size_t kMaxRemembered = size_t{1} << 16;

void Stemmer::StemAll(std::vector<Token>* tokens) const {
  // Forgotten before a sentence, never while in it: its tokens view the stems.
  if (seen_.size() + tokens->size() > kMaxRemembered) seen_.clear();
  for (Token& t : *tokens) {
    if (t.kind != Token::kWord) continue;
    auto it = seen_.find(PrintedWord{t.folded, t.folded_print});
    if (it == seen_.end()) {
      auto stem = std::make_unique<const std::string>(Stem(t.folded));
      const uint64_t print = WordPrint(*stem);
      it = seen_.emplace(t.folded, Stemmed{std::move(stem), print}).first;
    }
    t.stem = *it->second.stem;
    t.stem_print = it->second.print;
  }
}

std::optional<double> ParseNumber(absl::string_view digits, char decimal_separator, char group_separator) {
  // Split into digit groups and the separators between them (on the stack:
  // every number token comes here).
  absl::InlinedVector<absl::string_view, 8> groups;
  absl::InlinedVector<char, 8> seps;
  size_t from = 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    char c = digits[i];
    if (c == '.' || c == ',') {
      groups.push_back(digits.substr(from, i - from));
      seps.push_back(c);
      from = i + 1;
    } else if (c < '0' || c > '9') {
      return std::nullopt;
    }
  }
  groups.push_back(digits.substr(from));
  for (absl::string_view g : groups) {
    if (g.empty()) return std::nullopt;
  }
  std::string plain(groups[0]);
  bool decimal_seen = false;
  for (size_t k = 0; k < seps.size(); ++k) {
    absl::string_view g = groups[k + 1];
    bool last = k + 1 == seps.size();
    bool is_group = seps[k] == group_separator && g.size() == 3 && groups[0].size() <= 3 &&
                    !decimal_seen;
    // "1,000" in a German text: a comma followed by exactly three digits is
    // still the decimal separator there; only the locale's group separator
    // groups.
    if (is_group) {
      plain.append(g.data(), g.size());
      continue;
    }
    if (!last || decimal_seen) return std::nullopt;  // "23.04.2019", "1.5.3".
    if (seps[k] != decimal_separator && seps[k] != group_separator) return std::nullopt;
    decimal_seen = true;
    plain.push_back('.');
    plain.append(g.data(), g.size());
  }
  if (seps.size() > 1) {
    // Several separators are only valid as thousands groups, possibly with
    // one decimal part at the end: "1.000.000", "1,234.5".
    for (size_t k = 0; k + 1 < seps.size(); ++k) {
      if (seps[k] != group_separator || groups[k + 1].size() != 3) return std::nullopt;
    }
  }
  char* endp = nullptr;
  double v = std::strtod(plain.c_str(), &endp);
  if (endp == nullptr || *endp != '\0' || !std::isfinite(v)) return std::nullopt;
  return v;
}

KeyFilter::KeyFilter(size_t expected_keys) {
  size_t words = 64;
  while (words * 64 < 16 * expected_keys) words *= 2;
  words_.assign(words, 0);
  word_mask_ = words - 1;
}

void PhraseTable::set_suffixes(std::vector<std::string> suffixes) {
  suffixes_ = std::move(suffixes);
  for (const auto& [word, entries] : first_) {
    if (std::any_of(entries.begin(), entries.end(), [](const Entry& e) { return e.tokens.size() == 1; })) {
      AddSuffixed(word);
    }
  }
}

std::vector<std::string> PhraseTable::StartKeys() const {
  std::vector<std::string> keys;
  for (const auto& [word, entries] : first_) {
    keys.push_back(word);
    if (std::any_of(entries.begin(), entries.end(), [](const Entry& e) { return e.tokens.size() == 1; })) {
      for (const std::string& suffix : suffixes_) keys.push_back(absl::StrCat(word, suffix));
    }
  }
  for (const auto& [stem, entries] : first_stem_) keys.push_back(stem);
  return keys;
}

void PhraseTable::AddSuffixed(absl::string_view word) {
  for (const std::string& suffix : suffixes_) start_filter_.Add(absl::StrCat(word, suffix));
}

void PhraseTable::Add(const std::vector<std::string>& tokens, int payload, const std::string& last_stem) {
  if (tokens.empty() || tokens[0] == "...") return;
  Entry e{tokens, last_stem, payload};
  if (tokens.size() == 1 && !last_stem.empty()) {
    first_stem_filter_.Add(last_stem);
    start_filter_.Add(last_stem);
    first_stem_[last_stem].push_back(std::move(e));
  } else {
    first_filter_.Add(tokens[0]);
    start_filter_.Add(tokens[0]);
    if (tokens.size() == 1) AddSuffixed(tokens[0]);
    first_[tokens[0]].push_back(std::move(e));
  }
}

bool PhraseTable::TokenMatches(const Token& token, const std::string& want, const std::string& want_stem,
                               bool last) const {
  if (SameWord(token.folded, want)) return true;
  if (!last) return false;
  if (!want_stem.empty() && !token.stem.empty() && (token.upper || !stem_needs_upper_) &&
      SameWord(token.stem, want_stem)) {
    return true;
  }
  for (const std::string& suffix : suffixes_) {
    if (token.folded.size() == want.size() + suffix.size() && absl::StartsWith(token.folded, want) &&
        HasSuffix(token.folded, suffix)) {
      return true;
    }
  }
  return false;
}

std::optional<PhraseTable::Match> PhraseTable::LongestAt(const std::vector<Token>& tokens, size_t i,
                                                         size_t limit) const {
  std::optional<Match> best;
  absl::InlinedVector<std::pair<size_t, size_t>, 2> parts;  // Of the entry being tried.
  auto consider = [&](const Entry& e) {
    parts.clear();
    size_t pos = i;
    size_t part_begin = i;
    for (size_t k = 0; k < e.tokens.size(); ++k) {
      const std::string& want = e.tokens[k];
      bool last = k + 1 == e.tokens.size();
      if (want == "...") {
        parts.emplace_back(part_begin, pos);
        const std::string& next = e.tokens[k + 1];  // Add() never ends on a gap... check below.
        bool next_last = k + 2 == e.tokens.size();
        size_t gap = 0;
        bool found = false;
        while (pos < limit && gap <= max_gap_) {
          if (TokenMatches(tokens[pos], next, next_last ? e.last_stem : "", next_last)) {
            found = true;
            break;
          }
          if (tokens[pos].kind == Token::kPunct && tokens[pos].folded != "-") break;
          ++pos;
          ++gap;
        }
        if (!found) return;
        part_begin = pos;
        continue;
      }
      if (pos >= limit || !TokenMatches(tokens[pos], want, last ? e.last_stem : "", last)) return;
      ++pos;
    }
    if (best && pos <= best->end) return;
    parts.emplace_back(part_begin, pos);
    best = Match{i, pos, e.payload, parts};
  };
  const Token& first = tokens[i];
  if (first_filter_.MayContainPrint(first.folded_print)) {
    auto it = first_.find(PrintedWord{first.folded, first.folded_print});
    if (it != first_.end()) {
      for (const Entry& e : it->second) consider(e);
    }
  }
  if (!first.stem.empty() && first_stem_filter_.MayContainPrint(first.stem_print)) {
    auto st = first_stem_.find(PrintedWord{first.stem, first.stem_print});
    if (st != first_stem_.end()) {
      for (const Entry& e : st->second) consider(e);
    }
  }
  for (const std::string& suffix : suffixes_) {
    if (first.folded.size() > suffix.size() && HasSuffix(first.folded, suffix)) {
      absl::string_view base = absl::string_view(first.folded).substr(0, first.folded.size() - suffix.size());
      const PrintedWord printed{base, WordPrint(base)};
      if (base.empty() || !first_filter_.MayContainPrint(printed.print)) continue;
      auto su = first_.find(printed);
      if (su != first_.end()) {
        for (const Entry& e : su->second) {
          if (e.tokens.size() == 1) consider(e);
        }
      }
    }
  }
  return best;
}

std::vector<PhraseTable::Match> PhraseTable::FindAll(const std::vector<Token>& tokens, size_t begin,
                                                     size_t end) const {
  std::vector<Match> out;
  size_t i = begin;
  while (i < end) {
    auto m = MatchAt(tokens, i, end);
    if (!m) {
      ++i;
      continue;
    }
    bool gapped = m->parts.size() > 1;
    size_t next = gapped ? m->parts[0].second : m->end;
    out.push_back(std::move(*m));
    i = std::max(next, i + 1);
  }
  return out;
}

absl::Status CheckFields(const LexiconTable& table, const LexiconRow& row, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (row.Field(i).empty()) {
      return absl::InvalidArgumentError(absl::StrCat(table.path, ":", row.line, ": expected ", n,
                                                     " tab-separated fields, got ", row.fields.size()));
    }
  }
  return absl::OkStatus();
}

void AddPhrases(const LexiconTable& table, const Stemmer* stemmer, PhraseTable* phrases) {
  for (size_t r = 0; r < table.rows.size(); ++r) {
    std::vector<std::string> toks = PhraseTokens(table.rows[r].fields[0]);
    if (toks.empty() || toks.back() == "...") continue;
    std::string stem = stemmer != nullptr ? stemmer->Stem(toks.back()) : "";
    phrases->Add(toks, static_cast<int>(r), stem);
  }
}

}  // namespace claimdiff
