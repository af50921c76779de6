#include "extract_timex_lexicon.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace claimdiff {
namespace timex {
namespace {

struct KindName {
  const char* name;
  Kind kind;
};

constexpr KindName kKindNames[] = {
    {"unit", Kind::kUnit},           {"number", Kind::kNumber},
    {"vague_number", Kind::kVagueNumber}, {"ordinal", Kind::kOrdinal},
    {"offset", Kind::kOffset},       {"day_offset", Kind::kDayOffset},
    {"ref", Kind::kRef},             {"part_of_day", Kind::kPartOfDay},
    {"part", Kind::kPart},           {"half", Kind::kHalf},
    {"season", Kind::kSeason},       {"set_adverb", Kind::kSetAdverb},
    {"dur_adverb", Kind::kDurAdverb},{"set_quant", Kind::kSetQuant},
    {"mod", Kind::kMod},             {"det", Kind::kDet},
    {"month_cue", Kind::kMonthCue},  {"year_cue", Kind::kYearCue},
    {"dur_cue", Kind::kDurCue},      {"shift", Kind::kShift},
    {"ago", Kind::kAgo},             {"ago_post", Kind::kAgoPost},
    {"decade", Kind::kDecade},       {"decade_suffix", Kind::kDecadeSuffix},
    {"clock", Kind::kClock},         {"conj", Kind::kConj},
    {"rel_unit", Kind::kRelUnit},    {"times", Kind::kTimes},
    {"bc", Kind::kBc},               {"same", Kind::kSame},
    {"weekday_set", Kind::kWeekdaySet}, {"ordinal_suffix", Kind::kOrdinalSuffix},
    {"age_cue", Kind::kAgeCue}, {"pod_cue", Kind::kPodCue},
    {"later_pre", Kind::kLaterPre}, {"count_unit", Kind::kCountUnit},
};

// The last two bytes of a word of two bytes or more, as a number.
size_t LastTwoBytes(absl::string_view word) {
  return static_cast<size_t>(static_cast<unsigned char>(word[word.size() - 2])) << 8 |
         static_cast<unsigned char>(word.back());
}

// A one-word entry that may end a compound ("Montagabend", "Jahresende").
bool IsCompoundTail(const Entry& e) {
  return e.words == 1 && (e.kind == Kind::kPartOfDay || e.kind == Kind::kPart || e.kind == Kind::kHalf);
}

bool IsDigitChar(UChar32 c) { return c >= 0 && c < 0x80 ? c >= '0' && c <= '9' : u_isdigit(c); }

bool IsAlphaChar(UChar32 c) { return c >= 0 && c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : u_isalpha(c); }

bool IsWordCharIcu(UChar32 c) { return u_isalpha(c) || c == '\'' || u_hasBinaryProperty(c, UCHAR_DIACRITIC); }

// Dropped between tokens: white space, soft hyphens, bytes that are no UTF-8.
bool IsSkippedIcu(UChar32 c) { return c < 0 || u_isUWhiteSpace(c) || c == 0xAD; }

bool IsUpperIcu(UChar32 c) { return u_isupper(c) || u_istitle(c); }

// The answers of the tests above for ASCII, asked of ICU once: the
// tokenizer asks them of nearly every byte.
struct AsciiTable {
  bool word[0x80];
  bool word_or_digit[0x80];
  bool skipped[0x80];
  bool upper[0x80];
};

const AsciiTable& Ascii() {
  static const AsciiTable table = [] {
    AsciiTable t;
    for (UChar32 c = 0; c < 0x80; ++c) {
      t.word[c] = IsWordCharIcu(c);
      t.word_or_digit[c] = t.word[c] || (c >= '0' && c <= '9');
      t.skipped[c] = IsSkippedIcu(c);
      t.upper[c] = IsUpperIcu(c);
    }
    return t;
  }();
  return table;
}

void AppendFolded(UChar32 c, std::string* out) {
  if (c < 0x80) {
    out->push_back(absl::ascii_tolower(static_cast<char>(c)));
    return;
  }
  c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
  char buf[4];
  int32_t len = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, err);
  if (!err) out->append(buf, static_cast<size_t>(len));
}

// Appends the case-folded `s` to `*out`.
void AppendFold(absl::string_view s, std::string* out) {
  // An ASCII prefix (most words are all of it) is lower-cased on the way.
  size_t ascii_end = 0;
  while (ascii_end < s.size() && static_cast<uint8_t>(s[ascii_end]) < 0x80) {
    out->push_back(absl::ascii_tolower(s[ascii_end]));
    ++ascii_end;
  }
  int32_t i = static_cast<int32_t>(ascii_end);
  const int32_t n = static_cast<int32_t>(s.size());
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0) AppendFolded(c, out);
  }
}

}  // namespace

std::string Fold(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendFold(s, &out);
  return out;
}

std::vector<Token> Tokenize(absl::string_view text, size_t base) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 4);
  Tokenize(text, base, &out);
  return out;
}

void Tokenize(absl::string_view text, size_t base, std::vector<Token>* out) {
  const AsciiTable& ascii = Ascii();
  auto is_word_char = [&ascii](UChar32 c) { return c >= 0 && c < 0x80 ? ascii.word[c] : IsWordCharIcu(c); };
  const uint8_t* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  const size_t first = out->size();
  int32_t i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && c < 0x80 ? ascii.skipped[c] : IsSkippedIcu(c)) continue;
    Token& t = out->emplace_back();
    t.begin = base + static_cast<size_t>(start);
    if (IsDigitChar(c)) {
      // Digits, then optionally letters ("1990er", "2024er").
      int32_t j = i;
      long long v = c - '0';
      int digits = 1;
      while (j < n) {
        int32_t k = j;
        UChar32 d;
        U8_NEXT(p, k, n, d);
        if (d < 0 || !IsDigitChar(d)) break;
        if (digits < 12) v = v * 10 + (d - '0');
        ++digits;
        j = k;
      }
      int32_t letters_start = j;
      while (j < n) {
        int32_t k = j;
        UChar32 d;
        U8_NEXT(p, k, n, d);
        if (d < 0 || !(IsDigitChar(d) || IsAlphaChar(d))) break;
        j = k;
      }
      t.num = v;
      t.digits = digits;
      t.type = j > letters_start ? TokType::kAlnum : TokType::kNum;
      t.suffix = text.substr(static_cast<size_t>(letters_start), static_cast<size_t>(j - letters_start));
      i = j;
      t.text = text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start));
      if (t.type == TokType::kNum) {
        t.fold.assign(t.text.data(), t.text.size());
      } else {
        AppendFold(t.text, &t.fold);
      }
    } else if (is_word_char(c)) {
      // Letters and digits.
      t.type = TokType::kWord;
      t.cap = c >= 0 && c < 0x80 ? ascii.upper[c] : IsUpperIcu(c);
      AppendFolded(c, &t.fold);  // Folded on the way (as Fold() would).
      while (i < n) {
        const uint8_t b = p[i];
        if (b < 0x80) {  // The common case, without decoding.
          if (!ascii.word_or_digit[b]) break;
          t.fold.push_back(absl::ascii_tolower(static_cast<char>(b)));
          ++i;
          continue;
        }
        int32_t k = i;
        UChar32 d;
        U8_NEXT(p, k, n, d);
        if (d < 0 || !(is_word_char(d) || IsDigitChar(d))) break;
        AppendFolded(d, &t.fold);
        i = k;
      }
      t.text = text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start));
    } else {
      t.type = TokType::kPunct;
      t.text = text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start));
      AppendFolded(c, &t.fold);
    }
    t.end = base + static_cast<size_t>(i);
  }
  // The prints in a second pass: read right after its bytes were stored one
  // by one, a word's eight-byte loads would stall on store forwarding.
  for (size_t k = first; k < out->size(); ++k) (*out)[k].print = WordPrint((*out)[k].fold);
}

void TimeLexicon::Add(const std::string& surface, Entry e) {
  std::vector<Token> toks = Tokenize(surface, 0);
  if (toks.empty()) return;
  e.surface = surface;
  e.words = static_cast<int>(toks.size());
  for (size_t i = 1; i < toks.size(); ++i) {
    e.tail.push_back(e.exact ? std::string(toks[i].text) : toks[i].fold);
  }
  by_first_filter_.Add(toks[0].fold);
  by_first_[toks[0].fold].push_back(std::move(e));
  if (toks.size() == 1) max_head_ = std::max(max_head_, toks[0].fold.size());
}

absl::StatusOr<TimeLexicon> TimeLexicon::Compile(const Lexicon& lexicon) {
  TimeLexicon lex;
  for (const char* table : {"months", "weekdays"}) {
    const LexiconTable& t = lexicon.Table(table);
    for (const LexiconRow& row : t.rows) {
      int v = 0;
      if (!absl::SimpleAtoi(row.Field(1), &v) || v < 1 || v > (table[0] == 'm' ? 12 : 7)) {
        return absl::InvalidArgumentError(
            absl::StrCat(t.path, ":", row.line, ": expected a number in the second field"));
      }
      Entry e{table[0] == 'm' ? Kind::kMonth : Kind::kWeekday};
      e.num = v;
      lex.Add(row.Field(0), std::move(e));
    }
  }
  const LexiconTable& words = lexicon.Table("time_words");
  for (const LexiconRow& row : words.rows) {
    const std::string& kind = row.Field(1);
    const KindName* found = nullptr;
    for (const KindName& k : kKindNames) {
      if (kind == k.name) found = &k;
    }
    if (found == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat(words.path, ":", row.line, ": unknown time word kind \"", kind, "\""));
    }
    Entry e{found->kind};
    e.value = row.Field(2);
    e.extra = row.Field(3);
    e.exact = e.extra == "exact";
    if (e.exact) e.extra.clear();
    double d = 0;
    if (!e.value.empty() && absl::SimpleAtod(e.value, &d)) e.num = d;
    if (e.kind == Kind::kRelUnit && !absl::SimpleAtod(e.extra, &d)) {
      return absl::InvalidArgumentError(
          absl::StrCat(words.path, ":", row.line, ": rel_unit needs an offset in the fourth field"));
    }
    if (e.kind == Kind::kRelUnit) e.num = d;
    lex.Add(row.Field(0), std::move(e));
  }
  // Measure words ("Stärke 5.9." is no date), one surface per row.
  for (const LexiconRow& row : lexicon.Table("time_measure_cues").rows) {
    if (!row.Field(0).empty()) lex.Add(row.Field(0), Entry{Kind::kMeasureCue});
  }
  const LexiconTable& tense = lexicon.Table("tense");
  for (const LexiconRow& row : tense.rows) {
    const std::string& t = row.Field(1);
    if (t != "past" && t != "future" && t != "present") {
      return absl::InvalidArgumentError(
          absl::StrCat(tense.path, ":", row.line, ": tense must be past, future or present"));
    }
    if (row.Field(2) == "suffix") {
      lex.tense_suffixes_.emplace_back(Fold(row.Field(0)), t);
    } else {
      std::string word = Fold(row.Field(0));
      lex.tense_words_filter_.Add(word);
      lex.tense_words_[std::move(word)] = t;
    }
  }
  for (const auto& [fold, entries] : lex.by_first_) {
    if (std::any_of(entries.begin(), entries.end(), IsCompoundTail)) {
      lex.compound_tails_[static_cast<unsigned char>(fold.back())].push_back(fold);
      if (fold.size() < 2) {
        lex.short_tail_ = true;
      } else {
        lex.compound_tail_endings_.set(LastTwoBytes(fold));
      }
    }
  }
  for (std::vector<std::string>& tails : lex.compound_tails_) {
    std::sort(tails.begin(), tails.end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
  }
  return lex;
}

size_t TimeLexicon::Lookup(const Token& t, std::vector<const Entry*>* out) const {
  if (t.type == TokType::kNum) return 0;
  const std::vector<Entry>* entries = LookupFolded(t.fold, t.print);
  if (entries == nullptr) return 0;
  size_t n = 0;
  for (const Entry& e : *entries) {
    if (e.exact && absl::string_view(e.surface).substr(0, t.text.size()) != t.text) continue;
    out->push_back(&e);
    ++n;
  }
  return n;
}

const std::vector<Entry>* TimeLexicon::LookupFolded(absl::string_view fold, uint64_t print) const {
  if (fold.empty() || !by_first_filter_.MayContainPrint(print)) return nullptr;
  auto it = by_first_.find(PrintedWord{fold, print});
  return it == by_first_.end() ? nullptr : &it->second;
}

bool TimeLexicon::SplitCompound(absl::string_view fold, const Entry** head, const Entry** tail) const {
  if (fold.size() < 6) return false;
  if (!short_tail_ && !compound_tail_endings_.test(LastTwoBytes(fold))) return false;  // Most words.
  // Heads of 3 to max_head_ bytes, the shortest first: the tails longest
  // first. A tail is whole characters, so the cut never splits one.
  const size_t limit = std::min(max_head_, fold.size() - 3);
  for (const std::string& t : compound_tails_[static_cast<unsigned char>(fold.back())]) {
    if (t.size() > fold.size() - 3) continue;
    const size_t cut = fold.size() - t.size();
    if (cut > limit) break;
    if (!HasSuffix(fold, t)) continue;
    const std::vector<Entry>* h = LookupFolded(fold.substr(0, cut));
    if (h == nullptr) continue;
    for (const Entry& he : *h) {
      if (he.words != 1) continue;
      bool head_ok = he.kind == Kind::kMonth || he.kind == Kind::kWeekday ||
                     (he.kind == Kind::kUnit && (he.extra == "gen" || he.extra.empty()));
      if (!head_ok) continue;
      for (const Entry& te : *LookupFolded(t)) {
        if (IsCompoundTail(te)) {
          *head = &he;
          *tail = &te;
          return true;
        }
      }
    }
  }
  return false;
}

std::vector<std::pair<size_t, std::string>> TimeLexicon::TenseCues(absl::Span<const Token> tokens) const {
  std::vector<std::pair<size_t, std::string>> out;
  TenseCues(tokens, &out);
  return out;
}

void TimeLexicon::TenseCues(absl::Span<const Token> tokens, std::vector<std::pair<size_t, std::string>>* cues) const {
  std::vector<std::pair<size_t, std::string>>& out = *cues;
  out.clear();
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.type != TokType::kWord) continue;
    auto it = tense_words_filter_.MayContainPrint(t.print) ? tense_words_.find(PrintedWord{t.fold, t.print}) : tense_words_.end();
    if (it != tense_words_.end()) {
      out.emplace_back(i, it->second);
      continue;
    }
    for (const auto& [suffix, tense] : tense_suffixes_) {
      if (t.fold.size() > suffix.size() + 3 && HasSuffix(t.fold, suffix)) {
        out.emplace_back(i, tense);
        break;
      }
    }
  }
}

std::string TimeLexicon::Tense(absl::Span<const Token> tokens) const { return TenseOf(TenseCues(tokens)); }

std::string TimeLexicon::TenseOf(const std::vector<std::pair<size_t, std::string>>& cues) {
  bool past = false, future = false;
  for (const auto& [i, tense] : cues) (tense == "future" ? future : past) = true;
  if (future) return "future";
  if (past) return "past";
  return "present";
}

}  // namespace timex
}  // namespace claimdiff
