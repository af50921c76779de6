// Test helpers for the claim taggers: run the extractor over sentences
// given one by one, and describe a statement in a compact string that table
// rows can be checked against (re2's dump-string style):
//
//   cert=confirmed cue=bestätigte said=2019-04-15 neg ctx
//   P:dmitry_peskov/spokesperson P:kremlin
//   Q:10/at_least/c=killed Q:#1/exact/c=meeting Q:5.9/exact/u=magnitude
//   A:dmitry_peskov/official@2019-04-15^geo:524901
//   E:meeting AFF:dmitry_peskov=kremlin CTXP:kim_jong_un
//
// Spaces inside keys are written as '_' so that items split on spaces.

#ifndef CLAIMDIFF_TESTS_EXTRACT_CLAIMS_TESTING_H_
#define CLAIMDIFF_TESTS_EXTRACT_CLAIMS_TESTING_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "claimdiff/extract.h"
#include "claimdiff/ingest.h"
#include "claimdiff/lexicon.h"
#include "claimdiff/segment.h"

namespace claimdiff::testing {

struct Analyzed {
  Document doc;
  Segmentation seg;
  Extraction ext;
};

// Joins `sentences` with a space and makes each one a sentence (the
// extractor is tested apart from the segmenter).
inline Analyzed RunSentences(const Extractor& extractor, const std::string& lang, const std::string& dct,
                             const std::vector<std::string>& sentences) {
  Analyzed a;
  a.doc.id = "test";
  a.doc.lang = lang;
  if (!dct.empty()) a.doc.published = ParseIsoDate(dct);
  for (const std::string& s : sentences) {
    if (!a.doc.text.empty()) a.doc.text += " ";
    Sentence sentence;
    sentence.span = {a.doc.text.size(), a.doc.text.size() + s.size()};
    a.doc.text += s;
    a.seg.sentences.push_back(sentence);
  }
  a.ext = extractor.Extract(a.doc, a.seg);
  return a;
}

inline std::string Key(const std::string& s) { return absl::StrReplaceAll(s, {{" ", "_"}}); }

inline std::string Describe(const Statement& st, const std::string& text) {
  std::vector<std::string> items;
  items.push_back(absl::StrCat("cert=", CertaintyName(st.certainty)));
  if (!st.certainty_cue.empty()) items.push_back(absl::StrCat("cue=", Key(st.certainty_cue)));
  if (st.said_on) items.push_back(absl::StrCat("said=", absl::FormatCivilTime(*st.said_on)));
  if (st.negated) items.push_back("neg");
  if (st.certainty_from_context) items.push_back("ctx");
  for (const Participant& p : st.participants) {
    items.push_back(absl::StrCat("P:", Key(p.key), p.title.empty() ? "" : "/", p.title));
  }
  for (const Quantity& q : st.quantities) {
    std::string item = absl::StrCat("Q:", q.ordinal ? "#" : "", absl::StrFormat("%g", q.value), "/", q.approx);
    if (!q.unit.empty()) absl::StrAppend(&item, "/u=", q.unit);
    if (!q.counts.empty()) absl::StrAppend(&item, "/c=", Key(q.counts));
    items.push_back(item);
    // Every quantity's span lies inside its sentence.
    if (q.span.start < st.span.start || q.span.end > st.span.end) items.push_back("BAD_QUANTITY_SPAN");
  }
  for (const Attribution& a : st.attributions) {
    std::string item = absl::StrCat("A:", Key(a.key), "/", a.kind);
    if (a.when) absl::StrAppend(&item, "@", absl::FormatCivilTime(*a.when));
    if (!a.where.empty()) absl::StrAppend(&item, "^", a.where);
    items.push_back(item);
  }
  for (const EventMention& e : st.events) items.push_back(absl::StrCat("E:", e.cls));
  for (const Participant& p : st.participants) {
    if (!p.affiliation.empty()) items.push_back(absl::StrCat("AFF:", Key(p.key), "=", Key(p.affiliation)));
    if (p.from_context) items.push_back(absl::StrCat("CTXP:", Key(p.key)));
  }
  for (const Participant& p : st.participants) {
    if (text.substr(p.span.start, p.span.size()) != p.name) items.push_back("BAD_NAME_SPAN");
  }
  return absl::StrCat(" ", absl::StrJoin(items, " "), " ");
}

// The items of `want` (space-separated) that `described` lacks. An item
// matches a described item exactly, or up to a '^' (place) or '@' (date)
// that the want item leaves out.
inline std::string Missing(const std::string& described, const std::string& want) {
  std::string missing;
  for (absl::string_view item : absl::StrSplit(want, ' ', absl::SkipEmpty())) {
    bool found = false;
    for (const char* end : {" ", "^", "@"}) {
      if (described.find(absl::StrCat(" ", item, end)) != std::string::npos) found = true;
    }
    if (!found) absl::StrAppend(&missing, " ", item);
  }
  return missing;
}

// Items of `unwanted` that are present.
inline std::string Present(const std::string& described, const std::string& unwanted) {
  std::string present;
  for (absl::string_view item : absl::StrSplit(unwanted, ' ', absl::SkipEmpty())) {
    if (described.find(absl::StrCat(" ", item)) != std::string::npos) absl::StrAppend(&present, " ", item);
  }
  return present;
}

}  // namespace claimdiff::testing

#endif  // CLAIMDIFF_TESTS_EXTRACT_CLAIMS_TESTING_H_
