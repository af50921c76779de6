// The segment stage: layout (lines, paragraphs, bullets, furniture) gives
// hard breaks; ICU's sentence BreakIterator, wrapped in a
// FilteredBreakIterator that suppresses breaks after the language's
// abbreviations, proposes the others; FixBreaks (segment_rules.h) removes
// the ICU breaks that the language data says are wrong.
//
// Why a newline is usually a hard break: news pages put headlines, kickers,
// captions and bullets on lines of their own without final punctuation
// (fixtures/segment/de_headline_*). A line that ends in a space before its
// newline is a soft-wrapped line (text copied out of PDFs) and is joined
// with the next unless that one is a bullet (fixtures/segment/de_soft_wrap).

#include "claimdiff/segment.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <mutex>

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

class IcuSegmenter : public Segmenter {
 public:
  IcuSegmenter(std::unique_ptr<icu::BreakIterator> prototype, segment_internal::SegmentRules rules,
               segment_internal::FurnitureRules furniture)
      : prototype_(std::move(prototype)), rules_(std::move(rules)), furniture_(std::move(furniture)) {}

  Segmentation Segment(const Document& doc) const override;

 private:
  // Iterators are not thread-safe: each call borrows a clone from a pool.
  std::unique_ptr<icu::BreakIterator> Acquire() const {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!pool_.empty()) {
        std::unique_ptr<icu::BreakIterator> it = std::move(pool_.back());
        pool_.pop_back();
        return it;
      }
    }
    return std::unique_ptr<icu::BreakIterator>(prototype_->clone());
  }
  void Release(std::unique_ptr<icu::BreakIterator> it) const {
    std::lock_guard<std::mutex> lock(mu_);
    pool_.push_back(std::move(it));
  }

  std::unique_ptr<icu::BreakIterator> prototype_;
  segment_internal::SegmentRules rules_;
  segment_internal::FurnitureRules furniture_;
  mutable std::mutex mu_;
  mutable std::vector<std::unique_ptr<icu::BreakIterator>> pool_;
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
  {
    std::unique_ptr<icu::BreakIterator> it = Acquire();
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, scan.data(), static_cast<int64_t>(scan.size()), &status);
    it->setText(&ut, status);
    if (U_SUCCESS(status)) {
      size_t h = 0;
      for (int32_t b = it->first(); (b = it->next()) != icu::BreakIterator::DONE;) {
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
    utext_close(&ut);
    Release(std::move(it));
  }
  // Weak candidates, then: hard positions may repeat or fall at the end.
  {
    const std::vector<size_t> weak = segment_internal::FindWeakBreaks(text);
    if (!weak.empty()) {
      std::vector<Break> merged;
      merged.reserve(breaks.size() + weak.size());
      size_t w = 0;
      for (const Break& b : breaks) {
        while (w < weak.size() && weak[w] < b.pos) merged.push_back({weak[w++], false, true});
        if (w < weak.size() && weak[w] == b.pos) ++w;
        merged.push_back(b);
      }
      while (w < weak.size()) merged.push_back({weak[w++], false, true});
      breaks.swap(merged);
    }
  }
  std::vector<Break> clean;
  clean.reserve(breaks.size());
  for (const Break& b : breaks) {
    if (b.pos == 0 || b.pos >= text.size()) continue;
    if (!clean.empty() && clean.back().pos >= b.pos) {
      clean.back().hard = clean.back().hard || b.hard;
      continue;
    }
    clean.push_back(b);
  }
  std::vector<size_t> kept = segment_internal::FixBreaks(text, clean, rules_);
  kept.push_back(text.size());

  // Units between kept breaks, minus furniture, trimmed.
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
  for (size_t end : kept) {
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
  }
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
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  if (U_FAILURE(status)) return IcuError("filtered break iterator", status);
  // Single-token abbreviations that never end a sentence. ICU's filter
  // matches the entry as a suffix of the word before the break ("sen."
  // would also suppress the break after "lesen.", "S." the one after
  // "GPS."), so only capitalized entries of two letters or more go to ICU
  // ("Dr.", "Nr."); the fix-up pass matches whole tokens
  // and handles the rest, including multi-token ones ("z. B.").
  for (const segment_internal::Abbreviation& a : rules.abbreviations) {
    if (a.kind != segment_internal::AbbreviationKind::kInner || a.tokens.size() != 1) continue;
    if (!segment_internal::IsUpper(segment_internal::FirstChar(a.tokens[0])) || a.tokens[0].size() < 3) continue;
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(a.tokens[0]), status);
    if (U_FAILURE(status)) return IcuError(absl::StrCat("suppress \"", a.tokens[0], "\""), status);
  }
  std::unique_ptr<icu::BreakIterator> filtered(builder->wrapIteratorWithFilter(base.release(), status));
  if (U_FAILURE(status)) return IcuError("wrap iterator", status);
  return std::unique_ptr<Segmenter>(
      new IcuSegmenter(std::move(filtered), std::move(rules), std::move(furniture)));
}

absl::StatusOr<Segmentation> SegmentDocument(const Document& doc, const Lexicon& lexicon) {
  CLAIMDIFF_ASSIGN_OR_RETURN(std::unique_ptr<Segmenter> segmenter, Segmenter::Create(lexicon));
  return segmenter->Segment(doc);
}

}  // namespace claimdiff
