// The segment stage: layout (lines, paragraphs, bullets, furniture) gives
// hard breaks; ICU's sentence BreakIterator, minus the breaks after the
// language's abbreviations (the decision ICU's FilteredBreakIterator would
// make, taken on the bytes), proposes the others; FixBreaks (segment_rules.h) removes
// the ICU breaks that the language data says are wrong.
//
// Why a newline is usually a hard break: news pages put headlines, kickers,
// captions and bullets on lines of their own without final punctuation
// (fixtures/segment/de_headline_*). A line that ends in a space before its
// newline is a soft-wrapped line (text copied out of PDFs) and is joined
// with the next unless that one is a bullet (fixtures/segment/de_soft_wrap).

#include "claimdiff/segment.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <bitset>
#include <mutex>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "segment_layout.h"
#include "segment_rules.h"
#include "segment_text.h"
#include "status_macros.h"

namespace claimdiff {
namespace {

using segment_internal::Break;
using segment_internal::Line;

absl::Status IcuError(absl::string_view what, UErrorCode code) {
  return absl::InternalError(absl::StrCat("icu: ", what, ": ", u_errorName(code)));
}

// The break suppression of ICU's FilteredBreakIterator (ICU 72,
// filteredbrk.cpp), decided on the UTF-8 bytes instead of through a cloned
// UText per break. An entry whose first dot is not its last ("Dr.-Ing.")
// makes the part up to that dot a partial key: every entry starting with
// that part then suppresses a break only when the text from the part on
// reads as one of those entries (ICU's forward trie); all other entries
// suppress a break when the text before it, minus one space, ends with
// them (no word boundary: "S." also matches "GPS.").
class Suppressions {
 public:
  void Build(const std::vector<std::string>& entries_in) {
    std::vector<std::string> entries = entries_in;
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    std::vector<bool> grouped(entries.size(), false);
    for (size_t i = 0; i < entries.size(); ++i) {
      const size_t dot = entries[i].find('.');
      if (dot == std::string::npos || dot + 1 == entries[i].size()) continue;
      const absl::string_view prefix = absl::string_view(entries[i]).substr(0, dot + 1);
      if (!reverse_.contains(prefix)) AddReverse(std::string(prefix), /*partial=*/true);
      for (size_t j = 0; j < entries.size(); ++j) {
        if (absl::string_view(entries[j]).substr(0, dot + 1) == prefix) grouped[j] = true;
      }
    }
    for (size_t i = 0; i < entries.size(); ++i) {
      if (grouped[i]) {
        forward_.push_back(entries[i]);
      } else {
        AddReverse(entries[i], /*partial=*/false);
      }
    }
    std::sort(lengths_.rbegin(), lengths_.rend());
  }

  bool empty() const { return reverse_.empty(); }

  // Whether ICU's filter drops the break at byte `n` of `text`.
  bool Suppressed(absl::string_view text, size_t n) const {
    if (n == 0 || n >= text.size()) return false;
    size_t end = n;
    if (text[end - 1] == ' ') --end;
    if (end < 2 || !last_pair_[Pair(text[end - 2], text[end - 1])]) return false;
    for (const Length& l : lengths_) {
      const size_t len = l.len;
      if (len > end || !l.first_byte[static_cast<unsigned char>(text[end - len])]) continue;
      auto it = reverse_.find(text.substr(end - len, len));
      if (it == reverse_.end()) continue;
      if (!it->second) return true;
      return ForwardMatch(text.substr(end - len));
    }
    return false;
  }

 private:
  struct Length {
    size_t len;
    std::bitset<256> first_byte;  // Of the keys of this length.
    bool operator<(const Length& o) const { return len < o.len; }
  };

  static size_t Pair(char a, char b) {
    return static_cast<size_t>(static_cast<unsigned char>(a)) << 8 | static_cast<unsigned char>(b);
  }

  void AddReverse(std::string key, bool partial) {
    // Entries have three bytes or more (see Segmenter::Create), partial
    // keys a capital and a dot at least.
    if (key.size() < 2) return;
    last_pair_.set(Pair(key[key.size() - 2], key.back()));
    auto l =
        std::find_if(lengths_.begin(), lengths_.end(), [&](const Length& x) { return x.len == key.size(); });
    if (l == lengths_.end()) l = lengths_.insert(lengths_.end(), Length{key.size(), {}});
    l->first_byte.set(static_cast<unsigned char>(key[0]));
    reverse_.emplace(std::move(key), partial);
  }

  // ICU walks the forward trie over the text until no key continues the
  // text read so far; the break is suppressed when the walk stops on a key.
  bool ForwardMatch(absl::string_view rest) const {
    for (size_t len = 1;; ++len) {
      if (len > rest.size()) {
        const absl::string_view read = rest;
        return std::find(forward_.begin(), forward_.end(), read) != forward_.end();
      }
      const absl::string_view read = rest.substr(0, len);
      bool is_key = false;
      bool continues = false;
      for (const std::string& k : forward_) {
        if (k.size() < len || absl::string_view(k).substr(0, len) != read) continue;
        if (k.size() == len) {
          is_key = true;
        } else {
          continues = true;
        }
      }
      if (!continues) return is_key;
    }
  }

  absl::flat_hash_map<std::string, bool> reverse_;  // Entry -> partial.
  std::vector<Length> lengths_;                     // Longest first.
  std::vector<std::string> forward_;
  std::bitset<65536> last_pair_;  // Last two bytes of the keys.
};

class IcuSegmenter : public Segmenter {
 public:
  IcuSegmenter(std::unique_ptr<icu::BreakIterator> prototype, Suppressions suppressions,
               segment_internal::SegmentRules rules, segment_internal::FurnitureRules furniture)
      : prototype_(std::move(prototype)),
        suppressions_(std::move(suppressions)),
        rules_(std::move(rules)),
        furniture_(std::move(furniture)) {}

  Segmentation Segment(const Document& doc) const override;

 private:
  // A sentence iterator and the UText it reads, reused from one document to
  // the next (opening a UText allocates).
  struct Iterator {
    std::unique_ptr<icu::BreakIterator> breaks;
    UText* text = nullptr;
    ~Iterator() { utext_close(text); }
  };

  // Iterators are not thread-safe: each call borrows one from a pool, or a
  // new clone of the prototype.
  std::unique_ptr<Iterator> Acquire() const {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!pool_.empty()) {
        std::unique_ptr<Iterator> it = std::move(pool_.back());
        pool_.pop_back();
        return it;
      }
    }
    auto it = std::make_unique<Iterator>();
    it->breaks.reset(prototype_->clone());
    return it;
  }
  void Release(std::unique_ptr<Iterator> it) const {
    std::lock_guard<std::mutex> lock(mu_);
    pool_.push_back(std::move(it));
  }

  std::unique_ptr<icu::BreakIterator> prototype_;
  Suppressions suppressions_;
  segment_internal::SegmentRules rules_;
  segment_internal::FurnitureRules furniture_;
  mutable std::mutex mu_;
  mutable std::vector<std::unique_ptr<Iterator>> pool_;
};

// Whether the newline after `line` may be crossed by a sentence: only when
// the line was soft-wrapped (ends in a space) and the next line continues it.
bool SoftNewline(absl::string_view text, const Line& line, const Line& next) {
  if (line.blank() || next.blank()) return false;
  if (line.trim_end >= line.end) return false;
  if (next.trim_start != next.start) return false;  // An indented line starts a new item.
  const char c = text[line.end - 1];
  if (c != ' ' && c != '\t') return false;
  return !segment_internal::IsBulletLine(text, next);
}

Segmentation IcuSegmenter::Segment(const Document& doc) const {
  const absl::string_view text = doc.text;
  Segmentation seg;
  if (text.empty()) return seg;
  const std::vector<Line> lines = segment_internal::SplitLines(text);
  seg.furniture = segment_internal::MergeFurniture(
      segment_internal::FindFurniture(text, lines, furniture_), doc.furniture);

  // Hard breaks from the layout, and the text ICU sees: soft newlines
  // become spaces so that ICU does not break there.
  std::vector<size_t> hard;
  hard.reserve(lines.size() + 2 * seg.furniture.size());
  std::string icu_text;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const Line& next = lines[i + 1];
    if (next.blank()) continue;
    if (SoftNewline(text, lines[i], next)) {
      if (icu_text.empty()) icu_text.assign(text.data(), text.size());
      for (size_t k = lines[i].end; k < next.start; ++k) icu_text[k] = ' ';
    } else {
      hard.push_back(next.trim_start);
    }
  }
  // Three sorted runs (lines, list markers, furniture edges): merged, not
  // sorted.
  const size_t line_breaks = hard.size();
  for (size_t pos : segment_internal::FindListMarkers(text)) hard.push_back(pos);
  std::inplace_merge(hard.begin(), hard.begin() + static_cast<std::ptrdiff_t>(line_breaks), hard.end());
  const size_t before_furniture = hard.size();
  for (const Furniture& f : seg.furniture) {
    hard.push_back(segment_internal::SkipSpace(text, f.span.start));
    hard.push_back(segment_internal::SkipSpace(text, f.span.end));
  }
  std::inplace_merge(hard.begin(), hard.begin() + static_cast<std::ptrdiff_t>(before_furniture), hard.end());
  if (!std::is_sorted(hard.begin(), hard.end())) std::sort(hard.begin(), hard.end());  // Defensive.

  const absl::string_view scan = icu_text.empty() ? text : absl::string_view(icu_text);
  std::vector<Break> breaks;
  // ICU proposes about one break per 40 bytes of news text.
  breaks.reserve(hard.size() + text.size() / 32);
  {
    std::unique_ptr<Iterator> it = Acquire();
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(it->text, scan.data(), static_cast<int64_t>(scan.size()), &status);
    if (ut != nullptr) it->text = ut;
    if (U_SUCCESS(status)) it->breaks->setText(it->text, status);
    if (U_SUCCESS(status)) {
      icu::BreakIterator& iter = *it->breaks;
      size_t h = 0;
      for (int32_t b = iter.first(); (b = iter.next()) != icu::BreakIterator::DONE;) {
        if (suppressions_.Suppressed(scan, static_cast<size_t>(b))) continue;
        const size_t pos = segment_internal::SkipSpace(text, static_cast<size_t>(b));
        if (pos >= text.size()) break;
        while (h < hard.size() && hard[h] < pos) breaks.push_back({hard[h++], true});
        const bool is_hard = h < hard.size() && hard[h] == pos;
        if (is_hard) ++h;
        if (breaks.empty() || breaks.back().pos < pos) {
          breaks.push_back({pos, is_hard});
        } else if (is_hard) {
          breaks.back().hard = true;
        }
      }
      while (h < hard.size()) breaks.push_back({hard[h++], true});
    }
    Release(std::move(it));
  }
  // Merged with the weak candidates into one sorted list without repeats:
  // hard positions may repeat or fall at the end.
  const std::vector<size_t> weak = segment_internal::FindWeakBreaks(text);
  std::vector<Break> clean;
  clean.reserve(breaks.size() + weak.size());
  auto add = [&](const Break& b) {
    if (b.pos == 0 || b.pos >= text.size()) return;
    if (!clean.empty() && clean.back().pos >= b.pos) {
      clean.back().hard = clean.back().hard || b.hard;
      return;
    }
    clean.push_back(b);
  };
  size_t w = 0;
  for (const Break& b : breaks) {
    while (w < weak.size() && weak[w] < b.pos) add({weak[w++], false, true});
    if (w < weak.size() && weak[w] == b.pos) ++w;
    add(b);
  }
  while (w < weak.size()) add({weak[w++], false, true});
  const std::vector<size_t> kept = segment_internal::FixBreaks(text, clean, rules_);

  // Units between kept breaks, minus furniture, trimmed.
  seg.sentences.reserve(kept.size() + 1 + seg.furniture.size());
  size_t f = 0;
  size_t line = 0;
  auto emit = [&](size_t start, size_t end) {
    start = segment_internal::SkipSpace(text.substr(0, end), start);
    end = segment_internal::TrimBack(text, start, end);
    if (end <= start) return;
    while (line + 1 < lines.size() && lines[line + 1].start <= start) ++line;
    Sentence s;
    s.span = {start, end};
    s.paragraph = lines[line].paragraph;
    s.headline = segment_internal::EndsWithoutFinalPunctuation(text.substr(start, end - start));
    seg.sentences.push_back(s);
  };
  size_t start = 0;
  auto unit = [&](size_t end) {
    size_t cur = start;
    while (f < seg.furniture.size() && seg.furniture[f].span.end <= cur) ++f;
    size_t g = f;
    while (g < seg.furniture.size() && seg.furniture[g].span.start < end) {
      emit(cur, std::max(cur, seg.furniture[g].span.start));
      cur = std::max(cur, seg.furniture[g].span.end);
      if (seg.furniture[g].span.end > end) break;
      ++g;
    }
    if (cur < end) emit(cur, end);
    start = end;
  };
  for (size_t end : kept) unit(end);
  unit(text.size());
  return seg;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Segmenter>> Segmenter::Create(const Lexicon& lexicon) {
  CLAIMDIFF_ASSIGN_OR_RETURN(segment_internal::SegmentRules rules, segment_internal::BuildSegmentRules(lexicon));
  CLAIMDIFF_ASSIGN_OR_RETURN(segment_internal::FurnitureRules furniture,
                             segment_internal::BuildFurnitureRules(lexicon));
  const std::string locale_name = lexicon.Table("locale").Get("icu_locale", lexicon.language());
  icu::Locale locale(locale_name.c_str());
  if (locale.isBogus()) return absl::InvalidArgumentError(absl::StrCat("bad icu_locale \"", locale_name, "\""));
  UErrorCode status = U_ZERO_ERROR;
  // ICU's own suppression lists ("@ss=standard") match as suffixes too:
  // German "C." suppresses the break in "für die BBC. Über ...". With
  // icu_suppressions=false (segment_settings.tsv) abbreviations.tsv
  // replaces them.
  if (lexicon.Table("segment_settings").Get("icu_suppressions", "true") == "false") {
    locale.setKeywordValue("ss", nullptr, status);
    if (U_FAILURE(status)) return IcuError("locale", status);
  }
  std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status)) return IcuError("sentence iterator", status);
  // Single-token abbreviations that never end a sentence. ICU's filter
  // matches the entry as a suffix of the word before the break ("sen."
  // would also suppress the break after "lesen.", "S." the one after
  // "GPS."), so only capitalized entries of two letters or more go to it
  // ("Dr.", "Nr."); the fix-up pass matches whole tokens
  // and handles the rest, including multi-token ones ("z. B."). The filter
  // runs as Suppressions over the raw iterator's breaks.
  std::vector<std::string> suppressed;
  for (const segment_internal::Abbreviation& a : rules.abbreviations) {
    if (a.kind != segment_internal::AbbreviationKind::kInner || a.tokens.size() != 1) continue;
    if (!segment_internal::IsUpper(segment_internal::FirstChar(a.tokens[0])) || a.tokens[0].size() < 3) continue;
    suppressed.push_back(a.tokens[0]);
  }
  Suppressions suppressions;
  suppressions.Build(suppressed);
  return std::unique_ptr<Segmenter>(
      new IcuSegmenter(std::move(base), std::move(suppressions), std::move(rules), std::move(furniture)));
}

absl::StatusOr<Segmentation> SegmentDocument(const Document& doc, const Lexicon& lexicon) {
  CLAIMDIFF_ASSIGN_OR_RETURN(std::unique_ptr<Segmenter> segmenter, Segmenter::Create(lexicon));
  return segmenter->Segment(doc);
}

}  // namespace claimdiff
