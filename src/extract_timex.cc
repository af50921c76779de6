// Time expressions: a hand-written matcher over tokens. Create() compiles the
// lexicon into hash maps (extract_timex_lexicon.cc); Tag() walks each
// sentence once, trying the phrase shapes below at every token that can start
// one, longest shape first, and resolves the value against an anchor:
//
// * News mode (default): deictic and month-only expressions resolve against
//   the publication date (DCT); the sentence tense picks the direction for
//   weekdays and month names (past: on or before the DCT, future: after it,
//   present: the nearest one).
// * Narrative mode (a text whose explicit years lie decades before its DCT,
//   or one without a DCT): they resolve against the last explicit date in the
//   text, as encyclopaedic narration needs.
// * Without any anchor, values stay relative ("XXXX-04-23", "XXXX-WXX-1",
//   "PAST_REF") and Timex::relative is set.
//
// Span conventions follow the KRAUTS annotation (German TimeML news):
// prepositions and contractions ("am", "im", "vor") stay outside, articles
// ("der kommenden Woche") and modifiers ("mehr als zehn Jahren") inside; the
// first day of "10. und 11. Februar" is "10" without its dot, that of "vom 5.
// bis 9. Juni" is "5." with it. "vor drei Tagen" is the duration "drei Tagen"
// (as KRAUTS annotates it) whose interval is the day it points to.

#include "extract_timex.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "extract_timex_calendar.h"
#include "extract_timex_lexicon.h"

namespace claimdiff {
namespace {

using timex::Entry;
using timex::Kind;
using timex::Token;
using timex::TokType;

// Language-level switches read from time_settings.tsv.
struct Settings {
  bool ago_is_date = false;        // "three days ago" is a DATE (English TimeML) or a DURATION (KRAUTS).
  bool year_needs_punct = false;   // A bare year without a cue must be followed by punctuation.
  bool year_blocked_by_cap = true; // A capitalized word after a bare number makes it a count ("2000 Euro").
  bool numeric_date_needs_year = false;  // "5.9." alone is no date (English): only "5.9.2019" is.
  std::string slash_date_order;          // "mdy", "dmy", or "" (no slash dates).
  bool slash_date_ambiguous = false;     // Outlets of the language write both orders.
  // Words after which a bare h.mm is a time of day without a clock word.
  absl::flat_hash_set<std::string> clock_cues;
};

struct Cand {
  size_t tb = 0, te = 0;  // Token range [tb, te).
  Timex t;
  bool explicit_date = false;  // Written out in full: updates the narrative reference.
  bool det_ok = true;          // A preceding article joins the span.
  bool or_group = false;       // Member of an "oder" list.
};

// Document-level state while tagging.
struct Context {
  std::optional<absl::CivilDay> dct;
  bool narrative = false;
  std::optional<absl::CivilDay> ref;   // Last explicit date (narrative anchor).
  int ref_gran = 0;                    // 1 year, 2 month, 3 day.
  std::optional<absl::CivilDay> last_day;  // Last day-precise date (anchors times of day).
  std::string tense;                   // Of the current sentence.
};

class Tagger : public TimexTagger {
 public:
  Tagger(timex::TimeLexicon lex, Settings settings) : lex_(std::move(lex)), settings_(settings) {}

  std::vector<Timex> Tag(const Document& doc, const Segmentation& seg) const override {
    return Tag(doc, seg, nullptr);
  }
  std::vector<Timex> Tag(const Document& doc, const Segmentation& seg,
                         std::vector<std::string>* tenses) const override;
  std::string Tense(absl::string_view sentence) const override {
    return lex_.Tense(timex::Tokenize(sentence, 0));
  }

  friend class SentenceMatcher;

 private:
  timex::TimeLexicon lex_;
  Settings settings_;
};

// Entries of a token: a range of SentenceScratch::entries, and the kinds
// they hold.
struct TokenEntries {
  size_t begin = 0, end = 0;
  timex::KindSet one_word = 0;  // Kinds of one-word entries.
  timex::KindSet any = 0;       // Kinds of all entries.
};

// The buffers of SentenceMatcher, kept from one sentence to the next.
struct SentenceScratch {
  std::vector<const Entry*> entries;
  std::vector<TokenEntries> ents;
  std::vector<std::pair<size_t, std::string>> cues;
  std::vector<int> depth;  // Bracket depth of each token.
  std::vector<Cand> cands;
};

// Matches one sentence.
class SentenceMatcher {
 public:
  SentenceMatcher(const Tagger& tagger, absl::Span<const Token> toks, Context& ctx, SentenceScratch& scratch)
      : lex_(tagger.lex_), set_(tagger.settings_), toks_(toks), ctx_(ctx), entries_(scratch.entries),
        ents_(scratch.ents), cues_(scratch.cues), depth_(scratch.depth) {
    entries_.clear();
    ents_.assign(toks.size(), TokenEntries{});
    for (size_t i = 0; i < toks.size(); ++i) {
      TokenEntries& te = ents_[i];
      te.begin = entries_.size();
      lex_.Lookup(toks[i], &entries_);
      te.end = entries_.size();
      for (size_t k = te.begin; k < te.end; ++k) {
        te.any |= timex::KindBit(entries_[k]->kind);
        if (entries_[k]->words == 1) te.one_word |= timex::KindBit(entries_[k]->kind);
      }
    }
    lex_.TenseCues(toks, &cues_);
    depth_.resize(toks.size());
    int depth = 0;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (toks[i].type == TokType::kPunct && toks[i].text == ")" && depth > 0) --depth;
      depth_[i] = depth;
      if (toks[i].type == TokType::kPunct && toks[i].text == "(") ++depth;
    }
  }

  // The sentence's candidates, in `*out` (cleared first).
  void Run(std::vector<Cand>* out);
  // The sentence's tense from its cues (TimeLexicon::Tense without a second
  // pass over the tokens).
  std::string Tense() const { return timex::TimeLexicon::TenseOf(cues_); }

 private:
  // --- token tests ---
  size_t N() const { return toks_.size(); }
  // The lexicon entries that start at token i.
  absl::Span<const Entry* const> Entries(size_t i) const {
    return absl::MakeConstSpan(entries_).subspan(ents_[i].begin, ents_[i].end - ents_[i].begin);
  }
  bool NoEntries(size_t i) const { return ents_[i].any == 0; }
  const Entry* Has(size_t i, Kind k) const {
    if (i >= N() || (ents_[i].one_word & timex::KindBit(k)) == 0) return nullptr;
    for (const Entry* e : Entries(i)) {
      if (e->kind == k && e->words == 1) return e;
    }
    return nullptr;
  }
  // Longest entry of kind `k` starting at i (multiword); returns tokens used.
  size_t Multi(size_t i, Kind k, const Entry** out) const {
    if (i >= N() || (ents_[i].any & timex::KindBit(k)) == 0) return 0;
    size_t best = 0;
    for (const Entry* e : Entries(i)) {
      if (e->kind != k) continue;
      size_t w = static_cast<size_t>(e->words);
      if (i + w > N() || w <= best) continue;
      bool ok = true;
      for (size_t j = 1; j < w && ok; ++j) {
        const Token& t = toks_[i + j];
        ok = (e->exact ? t.text : t.fold) == e->tail[j - 1] && t.begin - toks_[i + j - 1].end <= 1;
      }
      if (ok) {
        best = w;
        *out = e;
      }
    }
    return best;
  }
  bool IsPunct(size_t i, absl::string_view p) const {
    return i < N() && toks_[i].type == TokType::kPunct && toks_[i].text == p;
  }
  bool Adjacent(size_t i) const { return i + 1 < N() && toks_[i].end == toks_[i + 1].begin; }
  bool IsNum(size_t i) const { return i < N() && toks_[i].type == TokType::kNum; }
  // A day written as an ordinal: "23." (dot kept in `with_dot`), "23rd", "23".
  bool Day(size_t i, int* day, size_t* used, bool* dotted) const;
  // A month name (possibly an abbreviation with its dot).
  size_t Month(size_t i, int* month) const {
    const Entry* e = nullptr;
    size_t w = Multi(i, Kind::kMonth, &e);
    if (w) *month = static_cast<int>(e->num);
    return w;
  }
  bool Year4At(size_t i, long long* y) const {
    if (!IsNum(i) || toks_[i].digits != 4 || toks_[i].num < 1000 || toks_[i].num > 2099) return false;
    if (Adjacent(i) && (IsPunct(i + 1, ",") || IsPunct(i + 1, ".")) && IsNum(i + 2) && Adjacent(i + 1)) return false;
    *y = toks_[i].num;
    return true;
  }
  // Number (digits or number word); `used` tokens.
  bool Number(size_t i, double* v, size_t* used) const;
  // True when a measure word (kind measure_cue) stands at most
  // kMeasureWindow words before token i, with no punctuation but a hyphen
  // between ("Stärke 5.9", "magnitude of 5.9", "magnitude-5.4").
  bool MeasureBefore(size_t i) const {
    constexpr size_t kMeasureWindow = 3;
    for (size_t step = 0, k = i; step < kMeasureWindow && k > 0; ++step) {
      --k;
      if (Has(k, Kind::kMeasureCue)) return true;
      if (toks_[k].type == TokType::kPunct && toks_[k].text != "-") return false;
    }
    return false;
  }

  // --- anchoring ---
  std::optional<absl::CivilDay> Anchor() const {
    if (ctx_.narrative && ctx_.ref) return ctx_.ref;
    return ctx_.dct ? ctx_.dct : ctx_.ref;
  }
  // The anchor of a weekday or a day offset ("Wednesday", "gestern"): the
  // anchor when it is a day, never a month or year ("First posted
  // 05/2010 ... killed three people Wednesday" has no day to count from).
  std::optional<absl::CivilDay> DayAnchor() const {
    const bool from_ref = (ctx_.narrative && ctx_.ref) || !ctx_.dct;
    if (from_ref && ctx_.ref_gran < 3) return std::nullopt;
    return Anchor();
  }
  bool Narrative() const { return ctx_.narrative || (!ctx_.dct && ctx_.ref); }
  long long YearFor(int month, int day) const;  // Year of a month (and day) written without one.

  // --- shapes ---
  bool TryDateList(size_t i, std::vector<Cand>& out, size_t* next);
  bool TryFullDate(size_t i, Cand* c);
  bool TryNumericDate(size_t i, Cand* c);
  bool TrySlashDate(size_t i, Cand* c);
  bool TryPart(size_t i, Cand* c);
  bool TryHalf(size_t i, Cand* c);
  bool TryClock(size_t i, Cand* c);
  bool TryYear(size_t i, Cand* c);
  bool TryRelative(size_t i, Cand* c);
  bool TryDuration(size_t i, Cand* c);
  bool TrySet(size_t i, Cand* c);
  bool TryDayOffset(size_t i, Cand* c);
  bool TryWeekday(size_t i, Cand* c);
  bool TryMonth(size_t i, Cand* c);
  bool TrySeason(size_t i, Cand* c);
  bool TryRelUnit(size_t i, Cand* c);
  bool TryRef(size_t i, Cand* c);
  bool TryCompound(size_t i, Cand* c);
  bool TryCued(size_t i, Cand* c);
  bool TryQuarter(size_t i, Cand* c);

  // Helpers building values.
  Timex MonthValue(int month, std::optional<long long> year);
  Timex DayValue(int day, int month, std::optional<long long> year);
  Timex WeekdayValue(int iso_day);
  Timex UnitOffset(absl::string_view unit, int offset);  // "kommende Woche", "letztes Jahr".
  Timex AddPartOfDay(Timex t, absl::string_view part);
  // "des vergangenen Jahres" / "dieses Jahres" after a month or date.
  size_t YearGenitive(size_t i, std::optional<long long>* year);
  // "des Jahres 1918" after a month or season.
  size_t YearOfPeriod(size_t i, std::optional<long long>* year) {
    const Entry* u = Has(i + 1, Kind::kUnit);
    long long y;
    if (Has(i, Kind::kDet) && u && u->value == "Y" && u->extra == "gen" && Year4At(i + 2, &y)) {
      *year = y;
      return 3;
    }
    return 0;
  }

  const timex::TimeLexicon& lex_;
  const Settings& set_;
  absl::Span<const Token> toks_;
  Context& ctx_;
  // Entries of each token: ranges of entries_ (buffers of a SentenceScratch).
  std::vector<const Entry*>& entries_;
  std::vector<TokenEntries>& ents_;
  std::vector<std::pair<size_t, std::string>>& cues_;
  std::vector<int>& depth_;  // Bracket depth of each token.

  // Tense of the clause around token i: the nearest cue (past on a tie).
  std::string TenseAt(size_t i) const {
    std::string best = "present";
    size_t dist = SIZE_MAX;
    for (const auto& [k, tense] : cues_) {
      size_t d = k > i ? k - i : i - k;
      if (d < dist || (d == dist && tense == "past")) {
        dist = d;
        best = tense;
      }
    }
    return best;
  }
};

std::string DurUnit(absl::string_view unit, double n) {
  std::string num = n < 0 ? "X" : timex::NumberText(n);
  if (unit == "H") return absl::StrCat("PT", num, "H");
  if (unit == "MIN") return absl::StrCat("PT", num, "M");
  if (unit == "S") return absl::StrCat("PT", num, "S");
  return absl::StrCat("P", num, unit);
}

std::optional<absl::CivilDay> ShiftDay(absl::CivilDay d, absl::string_view unit, long long n) {
  if (unit == "D") return d + n;
  if (unit == "W" || unit == "WE") return d + 7 * n;
  if (unit == "M") {
    absl::CivilMonth m = absl::CivilMonth(d) + n;
    absl::CivilDay last = timex::LastDayOfMonth(m);
    return std::min(absl::CivilDay(m.year(), m.month(), d.day()), last);
  }
  if (unit == "Y") return absl::CivilDay(d.year() + n, d.month(), d.day());
  if (unit == "DE") return absl::CivilDay(d.year() + 10 * n, d.month(), d.day());
  return std::nullopt;
}

// The period of granularity `unit` containing `d`.
std::optional<Timex> PeriodOf(absl::CivilDay d, absl::string_view unit) {
  if (unit == "D") return timex::DayTimex(d);
  if (unit == "W") return timex::WeekTimex(d);
  if (unit == "M") return timex::MonthTimex(absl::CivilMonth(d));
  if (unit == "Y") return timex::YearTimex(d.year());
  if (unit == "Q") return timex::QuarterTimex(d.year(), (d.month() - 1) / 3 + 1);
  if (unit == "DE") return timex::DecadeTimex(d.year() / 10 * 10);
  return std::nullopt;
}

bool SentenceMatcher::Day(size_t i, int* day, size_t* used, bool* dotted) const {
  if (i >= N()) return false;
  const Token& t = toks_[i];
  if (t.type == TokType::kAlnum && t.num >= 1 && t.num <= 31 && t.digits <= 2) {
    auto* e = lex_.LookupFolded(timex::Fold(t.suffix));
    if (e == nullptr) return false;
    for (const Entry& x : *e) {
      if (x.kind == Kind::kOrdinalSuffix) {
        *day = static_cast<int>(t.num);
        *used = 1;
        *dotted = false;
        return true;
      }
    }
    return false;
  }
  if (t.type != TokType::kNum || t.digits > 2 || t.num < 1 || t.num > 31) return false;
  *day = static_cast<int>(t.num);
  if (IsPunct(i + 1, ".") && Adjacent(i)) {
    *used = 2;
    *dotted = true;
  } else {
    *used = 1;
    *dotted = false;
  }
  return true;
}

bool SentenceMatcher::Number(size_t i, double* v, size_t* used) const {
  if (i >= N()) return false;
  if (IsNum(i)) {
    // "1,5" and "0.5" as one number when adjacent.
    if (Adjacent(i) && (IsPunct(i + 1, ",") || IsPunct(i + 1, ".")) && IsNum(i + 2) && Adjacent(i + 1) &&
        toks_[i + 2].digits <= 2) {
      *v = static_cast<double>(toks_[i].num) +
           static_cast<double>(toks_[i + 2].num) / std::pow(10.0, toks_[i + 2].digits);
      *used = 3;
      return true;
    }
    *v = static_cast<double>(toks_[i].num);
    *used = 1;
    return true;
  }
  const Entry* e = nullptr;
  size_t w = Multi(i, Kind::kNumber, &e);
  if (!w) return false;
  *v = e->num;
  *used = w;
  // "eine halbe Stunde": the second number word wins.
  const Entry* e2 = nullptr;
  size_t w2 = Multi(i + w, Kind::kNumber, &e2);
  if (w2 && e2->num < 1) {
    *v = e2->num;
    *used = w + w2;
  }
  return true;
}

long long SentenceMatcher::YearFor(int month, int day) const {
  std::optional<absl::CivilDay> a = Anchor();
  if (!a) return 0;
  if (Narrative()) return a->year();
  // Days from the anchor to the date in the anchor's year (months: their
  // first or last day, whichever is nearer). The tense moves a date to the
  // previous or next year only when it lies more than two months on the
  // wrong side: "wurden der 23. oder 24. April genannt" five days before
  // is still this April.
  absl::CivilDay same_year = day ? absl::CivilDay(a->year(), month, day) : absl::CivilDay(a->year(), month, 1);
  long long diff_days = same_year - *a;
  if (!day && diff_days < 0) diff_days = std::min<long long>(0, timex::LastDayOfMonth(absl::CivilMonth(same_year)) - *a);
  if (ctx_.tense == "past") return diff_days > 61 ? a->year() - 1 : a->year();
  if (ctx_.tense == "future") return diff_days < -61 ? a->year() + 1 : a->year();
  if (diff_days > 183) return a->year() - 1;
  if (diff_days < -183) return a->year() + 1;
  return a->year();
}

Timex SentenceMatcher::MonthValue(int month, std::optional<long long> year) {
  if (!year) {
    long long y = YearFor(month, 0);
    if (y == 0) return timex::Unanchored("DATE", absl::StrFormat("XXXX-%02d", month), true);
    year = y;
  }
  return timex::MonthTimex(absl::CivilMonth(*year, month));
}

Timex SentenceMatcher::DayValue(int day, int month, std::optional<long long> year) {
  if (!year) {
    long long y = YearFor(month, day);
    if (y == 0) return timex::Unanchored("DATE", absl::StrFormat("XXXX-%02d-%02d", month, day), true);
    year = y;
  }
  absl::CivilDay d(*year, month, day);
  if (d.day() != day) return timex::Unanchored("DATE", absl::StrFormat("%s-%02d-%02d", timex::Year4(*year), month, day), false);
  return timex::DayTimex(d);
}

Timex SentenceMatcher::WeekdayValue(int iso_day) {
  std::optional<absl::CivilDay> a = DayAnchor();
  if (!a) return timex::Unanchored("DATE", absl::StrCat("XXXX-WXX-", iso_day), true);
  int wd = timex::IsoWeekday(*a);
  int back = (wd - iso_day + 7) % 7;  // Days back to the most recent such day (0 = today).
  int fwd = (iso_day - wd + 7) % 7;
  if (fwd == 0) fwd = 7;
  long long delta;
  if (ctx_.tense == "past") {
    delta = -back;
  } else if (ctx_.tense == "future") {
    delta = fwd;
  } else {
    delta = back <= 3 ? -back : fwd;
  }
  return timex::DayTimex(*a + delta);
}

Timex SentenceMatcher::UnitOffset(absl::string_view unit, int offset) {
  std::optional<absl::CivilDay> a = Anchor();
  if (!a) {
    return timex::Unanchored("DATE", offset < 0 ? "PAST_REF" : offset > 0 ? "FUTURE_REF" : "PRESENT_REF", true);
  }
  if (unit == "WE") {
    absl::CivilDay sat = timex::MondayOf(*a) + 5;
    if (offset < 0 || (offset == 0 && ctx_.tense == "past" && sat > *a)) sat -= 7;
    if (offset > 0) sat += 7 * (offset - (sat > *a ? 1 : 0));
    return timex::WeekendTimex(sat);
  }
  std::optional<absl::CivilDay> d = ShiftDay(*a, unit, offset);
  if (!d) return timex::Unanchored("DATE", offset < 0 ? "PAST_REF" : "FUTURE_REF", false);
  std::optional<Timex> p = PeriodOf(*d, unit);
  if (!p) return timex::Unanchored("DATE", "PRESENT_REF", false);
  return *p;
}

Timex SentenceMatcher::AddPartOfDay(Timex t, absl::string_view part) {
  t.type = "TIME";
  t.value = absl::StrCat(t.value, "T", part);
  t.granularity = "time";
  return t;
}

size_t SentenceMatcher::YearGenitive(size_t i, std::optional<long long>* year) {
  size_t j = i;
  if (Has(j, Kind::kDet)) ++j;
  const Entry* off = Has(j, Kind::kOffset);
  const Entry* u = off ? Has(j + 1, Kind::kUnit) : nullptr;
  if (off && u && u->value == "Y" && u->extra == "gen") {
    std::optional<absl::CivilDay> a = Anchor();
    if (a) *year = a->year() + static_cast<long long>(off->num);
    return j + 2 - i;
  }
  return 0;
}

// "10. und 11. Februar", "der 23. oder 24. April", "vom 5. bis 9. Juni", "11., 18. und 25. März".
bool SentenceMatcher::TryDateList(size_t i, std::vector<Cand>& out, size_t* next) {
  struct Item { size_t tb, te_nodot, te_dot; int day; bool to_after; };
  std::vector<Item> items;
  size_t j = i;
  bool any_or = false;
  while (true) {
    int day;
    size_t used;
    bool dotted;
    if (!Day(j, &day, &used, &dotted)) return false;
    int month;
    if (!items.empty() && Month(j + used, &month)) break;  // Final full date starts here.
    size_t after = j + used;
    // Separator: comma, conjunction, dash, optionally both ("11., 18., und").
    bool to = false, sep = false;
    if (IsPunct(after, ",")) { ++after; sep = true; }
    const Entry* c = nullptr;
    size_t w = Multi(after, Kind::kConj, &c);
    if (w) {
      sep = true;
      if (c->value == "to") to = true;
      if (c->value == "or") any_or = true;
      after += w;
    } else if (IsPunct(after, "-") || IsPunct(after, "\u2013") || IsPunct(after, "/")) {
      sep = true;
      to = !IsPunct(after, "/");
      ++after;
    }
    if (!sep) return false;
    items.push_back({j, j + 1, j + used, day, to});
    j = after;
    if (items.size() > 8) return false;
  }
  Cand last;
  if (!TryFullDate(j, &last)) return false;
  if (!last.t.first_day) return false;
  absl::CivilDay ld = *last.t.first_day;
  for (const Item& it : items) {
    Cand c;
    c.tb = it.tb;
    c.te = it.to_after ? it.te_dot : it.te_nodot;
    if (it.day > ld.day() && !it.to_after) continue;
    c.t = timex::DayTimex(absl::CivilDay(ld.year(), ld.month(), it.day));
    c.t.relative = last.t.relative;
    c.or_group = any_or;
    c.det_ok = &it == &items.front();
    out.push_back(c);
  }
  last.or_group = any_or;
  last.det_ok = false;
  out.push_back(last);
  *next = last.te;
  return true;
}

// [Weekday [,]] Day Month [Year]; Month Day [,] [Year]; numeric dates.
bool SentenceMatcher::TryFullDate(size_t i, Cand* c) {
  size_t j = i;
  bool weekday = false;
  if (Has(j, Kind::kWeekday)) {
    size_t k = j + 1;
    if (IsPunct(k, ",")) ++k;
    if (Has(k, Kind::kDet)) ++k;
    int d, m;
    size_t used;
    bool dotted;
    if (Day(k, &d, &used, &dotted) && Month(k + used, &m)) {
      j = k;
      weekday = true;
    } else if (Month(k, &m)) {
      j = k;
      weekday = true;
    } else {
      return false;
    }
  }
  int day = 0, month = 0;
  size_t used;
  bool dotted;
  std::optional<long long> year;
  size_t end;
  if (Day(j, &day, &used, &dotted)) {
    size_t mw = Month(j + used, &month);
    if (!mw) return TryNumericDate(i, c) ;
    end = j + used + mw;
  } else {
    size_t mw = Month(j, &month);
    if (!mw) return TryNumericDate(i, c);
    size_t k = j + mw;
    if (!Day(k, &day, &used, &dotted)) return false;
    if (IsNum(k) && toks_[k].digits > 2) return false;
    if (dotted) used = 1;  // "April 23." at the end of a sentence.
    end = k + used;
    if (IsPunct(end, ",")) {
      long long y;
      if (Year4At(end + 1, &y)) end += 1;
    }
  }
  long long y;
  if (Year4At(end, &y)) {
    year = y;
    ++end;
  } else {
    size_t g = YearGenitive(end, &year);
    end += g;
  }
  (void)weekday;
  c->tb = i;
  c->te = end;
  c->t = DayValue(day, month, year);
  c->explicit_date = year.has_value();
  return true;
}

// 23.04.2019, 23.4.19, 23.04.
bool SentenceMatcher::TryNumericDate(size_t i, Cand* c) {
  if (!IsNum(i) || toks_[i].digits > 2) return false;
  if (TrySlashDate(i, c)) return true;
  if (!(IsPunct(i + 1, ".") && Adjacent(i) && IsNum(i + 2) && Adjacent(i + 1) && toks_[i + 2].digits <= 2 &&
        IsPunct(i + 3, ".") && Adjacent(i + 2)))
    return false;
  int day = static_cast<int>(toks_[i].num), month = static_cast<int>(toks_[i + 2].num);
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  std::optional<long long> year;
  size_t end = i + 4;
  if (IsNum(i + 4) && Adjacent(i + 3) && (toks_[i + 4].digits == 4 || toks_[i + 4].digits == 2)) {
    long long y = toks_[i + 4].num;
    if (toks_[i + 4].digits == 2) {
      std::optional<absl::CivilDay> a = Anchor();
      long long base = a ? a->year() / 100 * 100 : 2000;
      y += base;
      if (a && y > a->year()) y -= 100;
    }
    year = y;
    end = i + 5;
  } else if (i + 4 < N() && toks_[i + 4].type != TokType::kPunct && Adjacent(i + 3)) {
    return false;
  }
  // A day and month without a year: not a date format in some languages, and
  // a measurement after a measure word ("Stärke 5.9.", "magnitude of 6.1.").
  if (!year && (set_.numeric_date_needs_year || MeasureBefore(i))) return false;
  c->tb = i;
  c->te = end;
  c->t = DayValue(day, month, year);
  c->explicit_date = year.has_value();
  return true;
}

// 05/14/2010 (slash_date_order mdy) or 14/05/2010 (dmy), with a four-digit
// year; a number above 12 is the day whatever the order. When both
// readings are dates and differ ("06/05/2010" in a language whose outlets
// write both orders), only the year is certain.
bool SentenceMatcher::TrySlashDate(size_t i, Cand* c) {
  if (set_.slash_date_order.empty()) return false;
  if (!(IsPunct(i + 1, "/") && Adjacent(i) && IsNum(i + 2) && Adjacent(i + 1) && toks_[i + 2].digits <= 2 &&
        IsPunct(i + 3, "/") && Adjacent(i + 2) && IsNum(i + 4) && Adjacent(i + 3) && toks_[i + 4].digits == 4)) {
    return false;
  }
  const int first = static_cast<int>(toks_[i].num), second = static_cast<int>(toks_[i + 2].num);
  if (first < 1 || second < 1 || first > 31 || second > 31 || (first > 12 && second > 12)) return false;
  // The language's order, unless only the other one is a date ("14/05/2010").
  bool month_first = set_.slash_date_order == "mdy";
  if ((month_first ? first : second) > 12) month_first = !month_first;
  const int month = month_first ? first : second, day = month_first ? second : first;
  const long long year = toks_[i + 4].num;
  c->tb = i;
  c->te = i + 5;
  c->explicit_date = true;
  if (first != second && first <= 12 && second <= 12 && set_.slash_date_ambiguous) {
    c->t = timex::YearTimex(year);
  } else {
    c->t = DayValue(day, month, year);
  }
  return true;
}

// Anfang/Mitte/Ende + month [year] | year | des Jahres | der siebziger Jahre | des 19. Jahrhunderts.
bool SentenceMatcher::TryPart(size_t i, Cand* c) {
  const Entry* p = nullptr;
  size_t w = Multi(i, Kind::kPart, &p);
  if (!w) return false;
  size_t j = i + w;
  if (IsPunct(j, "-") && Adjacent(j - 1)) ++j;  // "mid-April".
  int month;
  size_t mw = Month(j, &month);
  if (mw) {
    std::optional<long long> year;
    long long y;
    size_t end = j + mw;
    if (Year4At(end, &y)) { year = y; ++end; } else { end += YearGenitive(end, &year); }
    c->tb = i;
    c->te = end;
    c->t = MonthValue(month, year);
    timex::ApplyPartMod(c->t, p->value);
    c->explicit_date = year.has_value();
    return true;
  }
  long long y;
  if (Year4At(j, &y)) {
    c->tb = i;
    c->te = j + 1;
    c->t = timex::YearTimex(y);
    timex::ApplyPartMod(c->t, p->value);
    c->explicit_date = true;
    return true;
  }
  // Optional article, then a period noun.
  size_t k = j;
  if (Has(k, Kind::kDet)) ++k;
  Cand inner;
  if (TryYear(k, &inner) && inner.t.first_day && inner.t.granularity != "year") {
    // "der siebziger Jahre", "des 19. Jahrhunderts".
    c->tb = i;
    c->te = inner.te;
    c->t = inner.t;
    timex::ApplyPartMod(c->t, p->value);
    return true;
  }
  const Entry* off = Has(k, Kind::kOffset);
  size_t uk = off ? k + 1 : k;
  const Entry* u = Has(uk, Kind::kUnit);
  if (u && (u->value == "Y" || u->value == "M" || u->value == "W") && u->extra != "pl") {
    size_t end = uk + 1;
    Timex t;
    if (u->value == "Y" && Year4At(end, &y)) {
      t = timex::YearTimex(y);
      ++end;
      c->explicit_date = true;
    } else {
      t = UnitOffset(u->value, off ? static_cast<int>(off->num) : 0);
    }
    c->tb = i;
    c->te = end;
    c->t = t;
    timex::ApplyPartMod(c->t, p->value);
    return true;
  }
  return false;
}

// "in der zweiten Aprilhälfte", "der zweiten Jahreshälfte", "second half of April".
bool SentenceMatcher::TryHalf(size_t i, Cand* c) {
  const Entry* ord = Has(i, Kind::kOrdinal);
  if (!ord || ord->num < 1 || ord->num > 2 || i + 1 >= N()) return false;
  int half = static_cast<int>(ord->num);
  const Entry* head = nullptr;
  const Entry* tail = nullptr;
  size_t end = 0;
  if (toks_[i + 1].type == TokType::kWord && NoEntries(i + 1) && lex_.SplitCompound(toks_[i + 1].fold, &head, &tail) &&
      tail->kind == Kind::kHalf) {
    end = i + 2;
  } else if (Has(i + 1, Kind::kHalf)) {
    size_t k = i + 2;
    if (Has(k, Kind::kDet) || Has(k, Kind::kMonthCue)) ++k;  // "des", "of".
    if (Has(k, Kind::kDet)) ++k;
    int m;
    size_t mw = Month(k, &m);
    if (mw) {
      static thread_local Entry month_head{Kind::kMonth};
      month_head.num = m;
      head = &month_head;
      end = k + mw;
    } else if (const Entry* u = Has(k, Kind::kUnit)) {
      head = u;
      end = k + 1;
    } else {
      return false;
    }
  } else {
    return false;
  }
  std::optional<long long> year;
  long long y;
  if (Year4At(end, &y)) { year = y; ++end; }
  if (head->kind == Kind::kMonth) {
    Timex m = MonthValue(static_cast<int>(head->num), year);
    if (m.first_day) {
      c->t = timex::HalfMonthTimex(absl::CivilMonth(*m.first_day), half);
    } else {
      c->t = m;
    }
  } else if (head->kind == Kind::kUnit && head->value == "Y") {
    std::optional<absl::CivilDay> a = Anchor();
    if (!year && a) year = a->year();
    if (!year) {
      c->t = timex::Unanchored("DATE", absl::StrCat("XXXX-H", half), true);
    } else {
      c->t = timex::HalfYearTimex(*year, half);
    }
  } else {
    return false;
  }
  c->tb = i;
  c->te = end;
  return true;
}

// 16.05 Uhr, 4:45 Uhr, 11 Uhr, fünf Uhr, um 20.30, 14.00 und 17.40 Uhr, 3 p.m.
bool SentenceMatcher::TryClock(size_t i, Cand* c) {
  int h = -1, m = 0;
  size_t j = i;
  if (IsNum(i) && toks_[i].num <= 24 && toks_[i].digits <= 2) {
    h = static_cast<int>(toks_[i].num);
    j = i + 1;
    if ((IsPunct(j, ".") || IsPunct(j, ":")) && Adjacent(i) && IsNum(j + 1) && Adjacent(j) &&
        toks_[j + 1].digits == 2 && toks_[j + 1].num < 60) {
      m = static_cast<int>(toks_[j + 1].num);
      j += 2;
    }
  } else if (const Entry* n = Has(i, Kind::kNumber)) {
    if (n->num < 1 || n->num > 12 || n->num != std::floor(n->num)) return false;
    h = static_cast<int>(n->num);
    j = i + 1;
  } else {
    return false;
  }
  bool with_minutes = j == i + 3;
  const Entry* clk = nullptr;
  size_t cw = Multi(j, Kind::kClock, &clk);
  size_t end = j;
  if (cw) {
    end = j + cw;
    if (clk->value == "pm" && h < 12) h += 12;
    if (clk->value == "am" && h == 12) h = 0;
  } else {
    // Without "Uhr": only a h.mm time before "und/bis <time> Uhr", or after "um".
    if (!IsNum(i)) return false;
    const Entry* conj = nullptr;
    size_t k = j + Multi(j, Kind::kConj, &conj);
    bool before_clock = false;
    if (k > j) {
      for (size_t q = k; q < std::min(N(), k + 4); ++q) {
        if (Has(q, Kind::kClock)) before_clock = true;
      }
    }
    bool after_um = i > 0 && set_.clock_cues.contains(toks_[i - 1].fold);
    if (!before_clock && !(after_um && with_minutes)) return false;
  }
  if (h > 24) return false;
  std::optional<absl::CivilDay> day = ctx_.last_day ? ctx_.last_day : Anchor();
  std::string hm = absl::StrFormat("T%02d:%02d", h, m);
  c->t = day ? timex::DayTimex(*day) : timex::Unanchored("DATE", "XXXX-XX-XX", true);
  c->t.type = "TIME";
  c->t.value += hm;
  c->t.granularity = "time";
  c->tb = i;
  c->te = end;
  c->det_ok = false;
  return true;
}

// 1969, Jahr 578, 494 v. Chr., den zwanziger Jahren, den 1990er-Jahren, des 21. Jahrhunderts.
bool SentenceMatcher::TryYear(size_t i, Cand* c) {
  if (i >= N()) return false;
  const Token& t = toks_[i];
  // Decade words: "zwanziger Jahre".
  if (const Entry* d = Has(i, Kind::kDecade)) {
    const Entry* u = Has(i + 1, Kind::kUnit);
    if (!u || u->value != "Y") return false;
    std::optional<absl::CivilDay> a = Anchor();
    long long base = a ? a->year() / 100 * 100 : 1900;
    long long first = base + static_cast<long long>(d->num) * 10;
    if (a && first > a->year()) first -= 100;
    c->tb = i;
    c->te = i + 2;
    c->t = timex::DecadeTimex(first);
    return true;
  }
  // "1990er-Jahren", "90er Jahre", "1990s".
  if (t.type == TokType::kAlnum) {
    const std::string suffix = timex::Fold(t.suffix);
    auto* e = lex_.LookupFolded(suffix);
    bool dec = false;
    if (e) for (const Entry& x : *e) dec |= x.kind == Kind::kDecadeSuffix;
    if (!dec || t.num % 10 != 0 || (t.digits != 4 && t.digits != 2)) return false;
    size_t j = i + 1;
    if (IsPunct(j, "-") && Adjacent(i)) ++j;
    const Entry* u = Has(j, Kind::kUnit);
    size_t end;
    if (u && u->value == "Y" && u->extra == "pl") {
      end = j + 1;
    } else if (suffix.size() == 1) {  // "1990s" carries the plural itself.
      end = i + 1;
    } else {
      return false;
    }
    long long first = t.num;
    if (t.digits == 2) {
      std::optional<absl::CivilDay> a = Anchor();
      long long base = a ? a->year() / 100 * 100 : 1900;
      first = base + t.num;
      if (a && first > a->year()) first -= 100;
    }
    c->tb = i;
    c->te = end;
    c->t = timex::DecadeTimex(first);
    return true;
  }
  // Century: "21. Jahrhundert", "21st century".
  {
    int n;
    size_t used;
    bool dotted;
    if (Day(i, &n, &used, &dotted) && (dotted || t.type == TokType::kAlnum)) {
      const Entry* u = Has(i + used, Kind::kUnit);
      if (u && u->value == "CE" && u->extra != "pl") {
        c->tb = i;
        c->te = i + used + 1;
        c->t = timex::CenturyTimex(n);
        return true;
      }
    }
  }
  // "Jahr 578", "Jahres 1991", "im Jahre 1911".
  if (const Entry* u = Has(i, Kind::kUnit)) {
    if (u->value == "Y" && u->extra != "pl" && IsNum(i + 1) && toks_[i + 1].digits >= 3 && toks_[i + 1].num <= 2199) {
      long long y = toks_[i + 1].num;
      size_t end = i + 2;
      const Entry* bc = nullptr;
      size_t bw = Multi(end, Kind::kBc, &bc);
      c->tb = i;
      c->te = end + bw;
      c->t = timex::YearTimex(bw ? -y + 1 : y);
      if (bw) c->t.value = absl::StrFormat("BC%04d", y);
      c->explicit_date = true;
      return true;
    }
    if (u->value == "Y" && u->extra == "pl" && IsNum(i + 1) && toks_[i + 1].digits == 4) return false;
    return false;
  }
  if (t.type != TokType::kNum) return false;
  // "494 v. Chr."
  {
    const Entry* bc = nullptr;
    size_t bw = Multi(i + 1, Kind::kBc, &bc);
    if (bw && t.digits <= 4) {
      c->tb = i;
      c->te = i + 1 + bw;
      c->t = timex::YearTimex(-t.num + 1);
      c->t.value = absl::StrFormat("BC%04d", t.num);
      c->explicit_date = true;
      return true;
    }
  }
  long long y;
  if (!Year4At(i, &y)) return false;
  if (Has(i + 1, Kind::kCountUnit)) return false;
  if (i + 1 < N() && toks_[i + 1].type == TokType::kWord && toks_[i + 1].cap && NoEntries(i + 1) &&
      set_.year_blocked_by_cap && !(i > 0 && Has(i - 1, Kind::kUnit))) {
    return false;  // "und 1370 Landungsboote".
  }
  bool cue = i > 0 && (Has(i - 1, Kind::kYearCue) || IsPunct(i - 1, "(") || IsPunct(i - 1, "/") ||
                       IsPunct(i - 1, "-") || IsPunct(i - 1, "\u2013"));
  if (!cue) {
    if (i > 0 && (Has(i - 1, Kind::kMod) || Has(i - 1, Kind::kNumber) || IsNum(i - 1))) return false;
    if (i + 1 < N()) {
      const Token& nx = toks_[i + 1];
      if (nx.type == TokType::kWord && set_.year_blocked_by_cap && nx.cap && NoEntries(i + 1)) return false;
      if (set_.year_needs_punct && nx.type != TokType::kPunct) return false;
      if (nx.type == TokType::kPunct && (nx.text == "%" || nx.text == "\u20ac" || nx.text == "$")) return false;
    }
  }
  c->tb = i;
  c->te = i + 1;
  c->t = timex::YearTimex(y);
  c->explicit_date = true;
  c->det_ok = false;
  return true;
}

// Offset + unit/weekday/season: "kommende Woche", "letztes Jahr", "vergangenen Freitag", "diesem Sommer".
bool SentenceMatcher::TryRelative(size_t i, Cand* c) {
  const Entry* off = Has(i, Kind::kOffset);
  if (!off) return false;
  int o = static_cast<int>(off->num);
  const Entry* u = Has(i + 1, Kind::kUnit);
  if (u && u->extra != "pl" && u->value != "D" && u->value != "H" && u->value != "MIN" && u->value != "S") {
    c->tb = i;
    c->te = i + 2;
    c->t = UnitOffset(u->value, o);
    return true;
  }
  if (const Entry* wd = Has(i + 1, Kind::kWeekday)) {
    std::string saved = ctx_.tense;
    ctx_.tense = o < 0 ? "past" : o > 0 ? "future" : ctx_.tense;
    c->t = WeekdayValue(static_cast<int>(wd->num));
    ctx_.tense = saved;
    c->tb = i;
    c->te = i + 2;
    return true;
  }
  if (const Entry* s = Has(i + 1, Kind::kSeason)) {
    std::optional<absl::CivilDay> a = Anchor();
    if (!a) {
      c->t = timex::Unanchored("DATE", absl::StrCat("XXXX-", s->value), true);
    } else {
      c->t = timex::SeasonTimex(a->year() + o, s->value);
    }
    c->tb = i;
    c->te = i + 2;
    return true;
  }
  return false;
}

// [mod] [letzten] N unit [später|zuvor] | vague unit | N unit ago | seit Jahren.
bool SentenceMatcher::TryDuration(size_t i, Cand* c) {
  size_t j = i;
  std::string mod;
  const Entry* me = nullptr;
  size_t mw = Multi(j, Kind::kMod, &me);
  if (mw) {
    mod = me->value;
    j += mw;
  }
  const Entry* off = Has(j, Kind::kOffset);
  if (off && off->num != 0) ++j; else off = nullptr;
  double n = 0;
  size_t used = 0;
  bool vague = false;
  const Entry* ve = nullptr;
  size_t vw = Multi(j, Kind::kVagueNumber, &ve);
  if (vw > 1) {  // "a few" before the number word "a".
    vague = true;
    used = vw;
  } else if (Number(j, &n, &used)) {
  } else if (vw) {
    vague = true;
    used = 1;
  } else if (off && Has(j, Kind::kUnit) && Has(j, Kind::kUnit)->extra == "pl") {
    vague = true;  // "den vergangenen Jahren".
    used = 0;
  } else {
    // A bare plural unit after a cue: "seit Jahren", "vor Jahrzehnten".
    const Entry* u = Has(i, Kind::kUnit);
    if (mw || !u || u->extra != "pl" || i == 0 || !Has(i - 1, Kind::kDurCue)) return false;
    c->tb = i;
    c->te = i + 1;
    c->t = timex::Unanchored("DURATION", DurUnit(u->value, -1), false);
    return true;
  }
  size_t k = j + used;
  const Entry* u = Has(k, Kind::kUnit);
  if (!u) return false;
  if (IsNum(j) && toks_[j].digits == 4 && u->value == "Y") return false;
  if (!vague && n != 1 && n != 0.5 && u->extra != "pl" && used == 1 && !IsNum(j)) return false;
  size_t end = k + 1;
  // An age, not a duration: "ab 16 Jahren", "22 Jahre alt".
  if (u->value == "Y" && !vague) {
    const Entry* before = i > 0 ? Has(i - 1, Kind::kAgeCue) : nullptr;
    const Entry* after = Has(end, Kind::kAgeCue);
    if ((before && before->value == "before") || (after && after->value == "after")) return false;
  }
  Timex t = timex::Unanchored("DURATION", DurUnit(u->value, vague ? -1 : n), false);
  t.mod = mod;
  // "drei Monate später" / "Zwei Jahre zuvor".
  const Entry* sh = Has(end, Kind::kShift);
  std::optional<absl::CivilDay> a = Anchor();
  if (sh && !vague) {
    ++end;
    if (Narrative() && a) {
      std::optional<absl::CivilDay> d = ShiftDay(*a, u->value, static_cast<long long>(sh->num * n));
      std::optional<Timex> p = d ? PeriodOf(*d, u->value) : std::nullopt;
      if (p) t = *p;
    }
  }
  // In narration "nach zwei Tagen" is a day: two days after the last date.
  if (Narrative() && a && !vague && !sh && i > 0 && Has(i - 1, Kind::kLaterPre) && mod.empty()) {
    std::optional<absl::CivilDay> d = ShiftDay(*a, u->value, static_cast<long long>(n));
    std::optional<Timex> p = d ? PeriodOf(*d, u->value) : std::nullopt;
    if (p) {
      c->tb = i - 1;
      c->te = end;
      c->t = *p;
      c->det_ok = false;
      return true;
    }
  }
  // "vor drei Tagen" (ago before) / "three days ago" (after).
  const Entry* ago_post = Has(end, Kind::kAgoPost);
  bool ago_pre = i > 0 && Has(i - 1, Kind::kAgo);
  if ((ago_post || ago_pre) && !vague && a) {
    absl::CivilDay base = ctx_.dct ? *ctx_.dct : *a;
    std::optional<absl::CivilDay> d = ShiftDay(base, u->value, -static_cast<long long>(n));
    std::optional<Timex> p = d ? PeriodOf(*d, u->value) : std::nullopt;
    if (p) {
      if (ago_post && set_.ago_is_date) {
        t = *p;
        ++end;
      } else {
        t.first_day = p->first_day;
        t.last_day = p->last_day;
        t.granularity = p->granularity;
      }
    }
  }
  c->tb = i;
  c->te = end;
  c->t = t;
  return true;
}

// jeden Montag, jedes Jahr, alle vier Jahre, pro Tag, dreimal täglich, täglich, montags.
bool SentenceMatcher::TrySet(size_t i, Cand* c) {
  if (const Entry* q = Has(i, Kind::kSetQuant)) {
    if (const Entry* wd = Has(i + 1, Kind::kWeekday)) {
      c->t = timex::Unanchored("SET", absl::StrCat("XXXX-WXX-", static_cast<int>(wd->num)), false);
      c->tb = i;
      c->te = i + 2;
      return true;
    }
    size_t j = i + 1;
    double n = 1;
    size_t used = 0;
    bool vague = false;
    if (q->value == "every") {
      if (Number(j, &n, &used)) {
      } else if (Has(j, Kind::kVagueNumber)) {
        vague = true;
        used = 1;
      }
    }
    const Entry* u = Has(j + used, Kind::kUnit);
    if (!u) return false;
    c->t = timex::Unanchored("SET", DurUnit(u->value, vague ? -1 : n), false);
    c->tb = i;
    c->te = j + used + 1;
    return true;
  }
  const Entry* e = nullptr;
  size_t j = i;
  if (Has(i, Kind::kTimes)) ++j;
  size_t w = Multi(j, Kind::kSetAdverb, &e);
  if (w) {
    c->t = timex::Unanchored("SET", e->value, false);
    c->tb = i;
    c->te = j + w;
    c->det_ok = false;
    return true;
  }
  if (const Entry* ws = Has(i, Kind::kWeekdaySet)) {
    c->t = timex::Unanchored("SET", absl::StrCat("XXXX-WXX-", static_cast<int>(ws->num)), false);
    c->tb = i;
    c->te = i + 1;
    return true;
  }
  return false;
}

// heute, gestern Abend, morgen früh, heutigen Samstag.
bool SentenceMatcher::TryDayOffset(size_t i, Cand* c) {
  const Entry* d = Has(i, Kind::kDayOffset);
  if (!d) return false;
  std::optional<absl::CivilDay> a = ctx_.dct ? ctx_.dct : DayAnchor();
  int o = static_cast<int>(d->num);
  size_t end = i + 1;
  const Entry* part = Has(end, Kind::kPartOfDay);
  if (Has(end, Kind::kWeekday)) ++end;  // "heutigen Samstag".
  Timex t;
  if (!a) {
    t = timex::Unanchored("DATE", o < 0 ? "PAST_REF" : o > 0 ? "FUTURE_REF" : "PRESENT_REF", true);
  } else {
    t = timex::DayTimex(*a + o);
  }
  if (part) {
    t = AddPartOfDay(t, part->value);
    ++end;
  } else if (d->extra == "ref") {
    // Alone, "heute" is the present in general (KRAUTS: PRESENT_REF); the
    // interval still says which day the text was written.
    t.value = "PRESENT_REF";
  } else if (!d->extra.empty() && d->extra != "ref") {
    t = AddPartOfDay(t, d->extra);  // "tonight".
  }
  c->t = t;
  c->tb = i;
  c->te = end;
  c->det_ok = false;
  return true;
}

// Montag, Montag Abend.
bool SentenceMatcher::TryWeekday(size_t i, Cand* c) {
  const Entry* wd = Has(i, Kind::kWeekday);
  if (!wd) return false;
  Timex t = WeekdayValue(static_cast<int>(wd->num));
  size_t end = i + 1;
  if (const Entry* part = Has(end, Kind::kPartOfDay)) {
    t = AddPartOfDay(t, part->value);
    ++end;
  }
  c->t = t;
  c->tb = i;
  c->te = end;
  return true;
}

// Month [Year] | Month des vergangenen Jahres; a bare month needs a cue before it.
bool SentenceMatcher::TryMonth(size_t i, Cand* c) {
  int month;
  size_t mw = Month(i, &month);
  if (!mw) return false;
  std::optional<long long> year;
  size_t end = i + mw;
  long long y;
  if (Year4At(end, &y)) {
    year = y;
    ++end;
  } else if (IsPunct(end, "'") && IsNum(end + 1) && toks_[end + 1].digits == 2) {
    return false;
  } else if (size_t gp = YearOfPeriod(end, &year)) {
    end += gp;
  } else {
    size_t g = YearGenitive(end, &year);
    end += g;
    bool cue = i > 0 && (Has(i - 1, Kind::kMonthCue) || Has(i - 1, Kind::kDet) || IsPunct(i - 1, "/"));
    if (!g && !cue) return false;
    // "Juni und Juli 1944", "Mai/Juni 1940": the year written after the second month.
    size_t k = end;
    const Entry* conj = nullptr;
    size_t cw = IsPunct(k, "/") ? 1 : Multi(k, Kind::kConj, &conj);
    int m2;
    size_t m2w = cw ? Month(k + cw, &m2) : 0;
    if (!g && m2w && Year4At(k + cw + m2w, &y)) year = y;
  }
  c->t = MonthValue(month, year);
  c->tb = i;
  c->te = end;
  c->explicit_date = year.has_value();
  return true;
}

// Herbst 1998, im Sommer.
bool SentenceMatcher::TrySeason(size_t i, Cand* c) {
  const Entry* s = Has(i, Kind::kSeason);
  if (!s || (IsPunct(i + 1, "-") && Adjacent(i))) return false;  // "Winter-Biathlon".
  long long y;
  std::optional<long long> year;
  size_t end = i + 1;
  if (Year4At(end, &y)) {
    year = y;
    ++end;
  } else if (Has(end, Kind::kYearCue) && Year4At(end + 1, &y)) {  // "the fall of 2008".
    year = y;
    end += 2;
  } else if (size_t g = YearOfPeriod(end, &year)) {
    end += g;
  } else if (size_t g2 = YearGenitive(end, &year)) {
    end += g2;
  } else if (!(i > 0 && (Has(i - 1, Kind::kMonthCue) || Has(i - 1, Kind::kDet)))) {
    return false;
  } else if (!Has(i - 1, Kind::kMonthCue) && (Has(end, Kind::kYearCue) || Has(end, Kind::kDet))) {
    // A season with an article and a genitive after it is a noun: "the fall
    // of the military junta", "Der Herbst der Patriarchen".
    return false;
  }
  if (!year) {
    static const int kCenter[] = {4, 7, 10, 1};
    int idx = s->value == "SP" ? 0 : s->value == "SU" ? 1 : s->value == "FA" ? 2 : 3;
    long long yy = YearFor(kCenter[idx], 0);
    if (yy == 0) {
      c->t = timex::Unanchored("DATE", absl::StrCat("XXXX-", s->value), true);
    } else {
      year = yy;
    }
  }
  if (year) c->t = timex::SeasonTimex(*year, s->value);
  c->tb = i;
  c->te = end;
  c->explicit_date = end > i + 1;
  c->det_ok = false;
  return true;
}

// Vorjahr, heuer; selben Tag / folgenden Tag.
bool SentenceMatcher::TryRelUnit(size_t i, Cand* c) {
  if (const Entry* r = Has(i, Kind::kRelUnit)) {
    c->t = UnitOffset(r->value, static_cast<int>(r->num));
    c->tb = i;
    c->te = i + 1;
    return true;
  }
  if (const Entry* s = Has(i, Kind::kSame)) {
    const Entry* u = Has(i + 1, Kind::kUnit);
    if (!u || u->extra == "pl") return false;
    c->t = UnitOffset(u->value, static_cast<int>(s->num));
    c->tb = i;
    c->te = i + 2;
    // WikiWarsDE keeps the cue in "am selben Tag".
    if (u->value == "D" && i > 0 && Has(i - 1, Kind::kPodCue)) c->tb = i - 1;
    return true;
  }
  return false;
}

bool SentenceMatcher::TryRef(size_t i, Cand* c) {
  const Entry* e = nullptr;
  size_t w = Multi(i, Kind::kRef, &e);
  if (w) {
    c->t = timex::Unanchored("DATE", e->value, false);
    if (e->value == "PRESENT_REF" && ctx_.dct) {
      c->t.first_day = c->t.last_day = ctx_.dct;
      c->t.granularity = "day";
    }
    c->tb = i;
    c->te = i + w;
    c->det_ok = toks_[i].cap;  // "die Vergangenheit", not "die derzeit".
    return true;
  }
  w = Multi(i, Kind::kDurAdverb, &e);
  if (w) {
    c->t = timex::Unanchored("DURATION", e->value, false);
    c->tb = i;
    c->te = i + w;
    c->det_ok = false;
    return true;
  }
  return false;
}

// After a cue: "am Abend" (the last day mentioned), "am Wochenende".
bool SentenceMatcher::TryCued(size_t i, Cand* c) {
  // "Morgen des 16. Februar": a part of that day.
  if (const Entry* p = Has(i, Kind::kPartOfDay); p && Has(i + 1, Kind::kDet)) {
    Cand d;
    if (TryFullDate(i + 2, &d) && d.t.first_day) {
      c->t = AddPartOfDay(d.t, p->value);
      c->tb = i;
      c->te = d.te;
      c->explicit_date = d.explicit_date;
      return true;
    }
  }
  if (i == 0 || !Has(i - 1, Kind::kPodCue)) return false;
  if (const Entry* p = Has(i, Kind::kPartOfDay)) {
    std::optional<absl::CivilDay> day = ctx_.last_day ? ctx_.last_day : Anchor();
    c->t = day ? timex::DayTimex(*day) : timex::Unanchored("DATE", "XXXX-XX-XX", true);
    c->t = AddPartOfDay(c->t, p->value);
    c->tb = i;
    c->te = i + 1;
    return true;
  }
  const Entry* u = Has(i, Kind::kUnit);
  if (u && u->value == "WE" && u->extra.empty()) {
    c->t = UnitOffset("WE", 0);
    c->tb = i;
    c->te = i + 1;
    return true;
  }
  return false;
}

// "im dritten Quartal 2009", "dritten Trimester".
bool SentenceMatcher::TryQuarter(size_t i, Cand* c) {
  const Entry* ord = Has(i, Kind::kOrdinal);
  const Entry* u = ord ? Has(i + 1, Kind::kUnit) : nullptr;
  if (!u || u->value != "Q" || ord->num < 1 || ord->num > 4) return false;
  size_t end = i + 2;
  long long y;
  std::optional<long long> year;
  if (Year4At(end, &y)) {
    year = y;
    ++end;
  } else if (std::optional<absl::CivilDay> a = Anchor()) {
    year = a->year();
  }
  c->t = year ? timex::QuarterTimex(*year, static_cast<int>(ord->num))
              : timex::Unanchored("DATE", absl::StrCat("XXXX-Q", static_cast<int>(ord->num)), true);
  c->tb = i;
  c->te = end;
  return true;
}

// Montagabend, Jahresende, Monatsanfang.
bool SentenceMatcher::TryCompound(size_t i, Cand* c) {
  if (i >= N() || toks_[i].type != TokType::kWord || !NoEntries(i)) return false;
  const Entry* head = nullptr;
  const Entry* tail = nullptr;
  if (!lex_.SplitCompound(toks_[i].fold, &head, &tail)) return false;
  Timex t;
  if (head->kind == Kind::kWeekday && tail->kind == Kind::kPartOfDay) {
    t = AddPartOfDay(WeekdayValue(static_cast<int>(head->num)), tail->value);
  } else if (head->kind == Kind::kUnit && tail->kind == Kind::kPart) {
    long long y;
    if (head->value == "Y" && Year4At(i + 1, &y)) {
      t = timex::YearTimex(y);
      timex::ApplyPartMod(t, tail->value);
      c->t = t;
      c->tb = i;
      c->te = i + 2;
      c->explicit_date = true;
      return true;
    }
    t = UnitOffset(head->value, 0);
    timex::ApplyPartMod(t, tail->value);
  } else if (head->kind == Kind::kMonth && tail->kind == Kind::kPart) {
    t = MonthValue(static_cast<int>(head->num), std::nullopt);
    timex::ApplyPartMod(t, tail->value);
  } else {
    return false;
  }
  c->t = t;
  c->tb = i;
  c->te = i + 1;
  return true;
}

// The kinds of word a shape can start with: what the first test of each
// Try*() asks of token i (besides numbers). Words of other kinds (articles,
// conjunctions, cues) only extend a shape that starts elsewhere.
constexpr timex::KindSet kShapeStarts =
    timex::KindBit(Kind::kWeekday) | timex::KindBit(Kind::kMonth) | timex::KindBit(Kind::kOrdinal) |
    timex::KindBit(Kind::kPart) | timex::KindBit(Kind::kNumber) | timex::KindBit(Kind::kDecade) |
    timex::KindBit(Kind::kUnit) | timex::KindBit(Kind::kMod) | timex::KindBit(Kind::kOffset) |
    timex::KindBit(Kind::kVagueNumber) | timex::KindBit(Kind::kSetQuant) | timex::KindBit(Kind::kTimes) |
    timex::KindBit(Kind::kSetAdverb) | timex::KindBit(Kind::kWeekdaySet) | timex::KindBit(Kind::kDayOffset) |
    timex::KindBit(Kind::kSeason) | timex::KindBit(Kind::kRelUnit) | timex::KindBit(Kind::kSame) |
    timex::KindBit(Kind::kPartOfDay) | timex::KindBit(Kind::kRef) | timex::KindBit(Kind::kDurAdverb);

void SentenceMatcher::Run(std::vector<Cand>* cands) {
  std::vector<Cand>& out = *cands;
  out.clear();
  size_t i = 0;
  while (i < N()) {
    const Token& t = toks_[i];
    // The shapes start at numbers and at words of kShapeStarts; words
    // without entries only as compounds ("Montagabend", TryCompound).
    const Entry* head = nullptr;
    const Entry* tail = nullptr;
    bool interesting = t.type == TokType::kNum || t.type == TokType::kAlnum ||
                       (ents_[i].any & kShapeStarts) != 0 ||
                       (t.type == TokType::kWord && NoEntries(i) && lex_.SplitCompound(t.fold, &head, &tail));
    if (!interesting) {
      ++i;
      continue;
    }
    ctx_.tense = TenseAt(i);
    size_t next = 0;
    size_t before = out.size();
    if (TryDateList(i, out, &next)) {
      for (size_t k = before; k < out.size(); ++k) {
        if (out[k].t.first_day && out[k].t.granularity == "day") ctx_.last_day = out[k].t.first_day;
      }
      i = next;
      continue;
    }
    out.resize(before);
    Cand c;
    bool ok = TryFullDate(i, &c) || TryHalf(i, &c) || TryQuarter(i, &c) || TryPart(i, &c) || TryClock(i, &c) || TryYear(i, &c) ||
              TryDuration(i, &c) || TryRelative(i, &c) || TrySet(i, &c) || TryDayOffset(i, &c) ||
              TryWeekday(i, &c) || TryMonth(i, &c) || TrySeason(i, &c) || TryRelUnit(i, &c) || TryCued(i, &c) || TryRef(i, &c) ||
              TryCompound(i, &c);
    if (!ok) {
      ++i;
      continue;
    }
    if (c.te <= c.tb) c.te = c.tb + 1;
    if (c.t.first_day && c.t.granularity == "day") ctx_.last_day = c.t.first_day;
    // The narrative reference follows every anchored date outside brackets
    // (life dates "(1890-1970)" are asides).
    if (c.t.type == "DATE" && c.t.first_day && !c.t.relative && c.t.value.find("REF") == std::string::npos &&
        depth_[c.tb] == 0 && (c.explicit_date || ctx_.narrative)) {
      ctx_.ref = c.t.first_day;
      ctx_.ref_gran = c.t.granularity == "day" || c.t.granularity == "time" ? 3
                      : c.t.granularity == "month" || c.t.granularity == "week" ? 2 : 1;
    }
    i = c.te;
    out.push_back(std::move(c));
  }
}

std::vector<Timex> Tagger::Tag(const Document& doc, const Segmentation& seg,
                               std::vector<std::string>* tenses) const {
  std::vector<Timex> result;
  if (tenses != nullptr) tenses->assign(seg.sentences.size(), "present");
  Context ctx;
  ctx.dct = doc.published;
  // The tokens of every sentence, in one vector; sentence i has tokens
  // [sentence_begin[i], sentence_begin[i + 1]).
  // A buffer per thread, kept from one document to the next: the tokens of
  // a long document take a large block, which a fresh allocation would get
  // from the system (and fault in) every time.
  static thread_local std::vector<Token> tokens;
  tokens.clear();
  tokens.reserve(doc.text.size() / 5 + 4);
  std::vector<size_t> sentence_begin;
  sentence_begin.reserve(seg.sentences.size() + 1);
  std::vector<long long> years;
  for (const Sentence& s : seg.sentences) {
    sentence_begin.push_back(tokens.size());
    if (s.span.end > doc.text.size() || s.span.start > s.span.end) continue;
    timex::Tokenize(absl::string_view(doc.text).substr(s.span.start, s.span.size()), s.span.start, &tokens);
    for (size_t k = sentence_begin.back(); k < tokens.size(); ++k) {
      const Token& t = tokens[k];
      if (t.type == TokType::kNum && t.digits == 4 && t.num >= 1000 && t.num <= 2199) years.push_back(t.num);
    }
  }
  sentence_begin.push_back(tokens.size());
  // Narrative mode: the text's years lie decades before its publication.
  if (years.size() >= 5) {
    std::nth_element(years.begin(), years.begin() + static_cast<long>(years.size() / 2), years.end());
    long long median = years[years.size() / 2];
    ctx.narrative = !ctx.dct || median < ctx.dct->year() - 30;
  } else if (!ctx.dct) {
    ctx.narrative = true;
  }
  int group = 0;
  SentenceScratch scratch;
  std::vector<const Entry*> before;  // Entries of the token before a candidate.
  for (size_t si = 0; si < seg.sentences.size(); ++si) {
    const absl::Span<const Token> toks =
        absl::MakeConstSpan(tokens).subspan(sentence_begin[si], sentence_begin[si + 1] - sentence_begin[si]);
    if (toks.empty()) continue;
    SentenceMatcher m(*this, toks, ctx, scratch);  // Finds the sentence's tense cues.
    ctx.tense = m.Tense();
    if (tenses != nullptr) (*tenses)[si] = ctx.tense;
    std::vector<Cand>& cands = scratch.cands;
    m.Run(&cands);
    bool open_group = false;
    for (size_t k = 0; k < cands.size(); ++k) {
      Cand& c = cands[k];
      size_t tb = c.tb;
      bool det = c.det_ok && tb > 0 && toks[tb - 1].type == TokType::kWord &&
                 [&] {
                   before.clear();
                   lex_.Lookup(toks[tb - 1], &before);
                   return std::any_of(before.begin(), before.end(),
                                      [](const Entry* e) { return e->kind == Kind::kDet; });
                 }();
      if (det && c.t.type != "SET" && !(c.t.granularity == "season")) --tb;
      c.t.span.start = toks[tb].begin;
      c.t.span.end = toks[c.te - 1].end;
      c.t.sentence = static_cast<int>(si);
      if (c.or_group) {
        if (!open_group) {
          open_group = true;
        }
        c.t.alternative_group = group;
        bool last_of_group = k + 1 == cands.size() || !cands[k + 1].or_group;
        if (last_of_group) {
          ++group;
          open_group = false;
        }
      }
      result.push_back(std::move(c.t));
    }
  }
  // The times come in text order but for rare spans that reach back over
  // the one before: sort only then.
  auto by_start = [](const Timex& a, const Timex& b) { return a.span.start < b.span.start; };
  if (!std::is_sorted(result.begin(), result.end(), by_start)) {
    std::stable_sort(result.begin(), result.end(), by_start);
  }
  return result;
}

}  // namespace

absl::StatusOr<std::unique_ptr<TimexTagger>> TimexTagger::Create(const Lexicon& lexicon) {
  absl::StatusOr<timex::TimeLexicon> lex = timex::TimeLexicon::Compile(lexicon);
  if (!lex.ok()) return lex.status();
  Settings s;
  const LexiconTable& settings = lexicon.Table("time_settings");
  s.ago_is_date = settings.Get("ago_is_date", "false") == "true";
  s.year_needs_punct = settings.Get("year_needs_punct", "false") == "true";
  s.year_blocked_by_cap = settings.Get("year_blocked_by_capitalized_word", "true") == "true";
  s.numeric_date_needs_year = settings.Get("numeric_date_needs_year", "false") == "true";
  s.slash_date_order = settings.Get("slash_date_order", "");
  s.slash_date_ambiguous = settings.Get("slash_date_ambiguous", "false") == "true";
  for (absl::string_view cue : absl::StrSplit(settings.Get("clock_cues", ""), ',', absl::SkipEmpty())) {
    s.clock_cues.insert(std::string(absl::StripAsciiWhitespace(cue)));
  }
  return std::unique_ptr<TimexTagger>(new Tagger(*std::move(lex), s));
}

}  // namespace claimdiff
