// Test helpers for the compare stage: build AnalyzedDocuments by hand,
// sentence by sentence, with the parts an extractor would find. Parts are
// located by a needle inside their sentence, so tests read like the text.
// Header only: the compare tests are its only users.

#ifndef CLAIMDIFF_TESTS_TESTING_COMPARE_BUILDERS_H_
#define CLAIMDIFF_TESTS_TESTING_COMPARE_BUILDERS_H_

#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "claimdiff/align.h"
#include "claimdiff/extract.h"

namespace claimdiff {
namespace testing {

class DocBuilder {
 public:
  explicit DocBuilder(std::string id, std::string source = "",
                      std::optional<absl::CivilDay> published = std::nullopt) {
    ad_.doc.id = std::move(id);
    ad_.doc.source = std::move(source);
    ad_.doc.lang = "de";
    ad_.doc.published = published;
  }

  // Appends a sentence (and its statement, said on the publication date).
  int Sentence(absl::string_view text, bool headline = false) {
    if (!ad_.doc.text.empty()) ad_.doc.text += headline || last_headline_ ? "\n\n" : " ";
    Span span{ad_.doc.text.size(), ad_.doc.text.size() + text.size()};
    ad_.doc.text.append(text.data(), text.size());
    int index = static_cast<int>(ad_.seg.sentences.size());
    ad_.seg.sentences.push_back(claimdiff::Sentence{span, 0, headline});
    Statement st;
    st.sentence = index;
    st.span = span;
    st.said_on = ad_.doc.published;
    ad_.ext.statements.push_back(std::move(st));
    last_headline_ = headline;
    return index;
  }

  // Appends page furniture (not a sentence).
  void AddFurniture(absl::string_view text) {
    if (!ad_.doc.text.empty()) ad_.doc.text += "\n\n";
    Span span{ad_.doc.text.size(), ad_.doc.text.size() + text.size()};
    ad_.doc.text.append(text.data(), text.size());
    ad_.seg.furniture.push_back(Furniture{span, "photo_credit"});
    last_headline_ = true;
  }

  // Span of the first `needle` inside sentence `s`.
  Span Find(int s, absl::string_view needle) const {
    const Span& sent = ad_.seg.sentences.at(s).span;
    size_t pos = ad_.doc.text.find(std::string(needle), sent.start);
    if (pos == std::string::npos || pos + needle.size() > sent.end) {
      throw std::invalid_argument(absl::StrCat("needle '", needle, "' not in sentence ", s));
    }
    return Span{pos, pos + needle.size()};
  }

  Statement& St(int s) { return ad_.ext.statements.at(s); }

  DocBuilder& Event(int s, absl::string_view trigger, std::string cls) {
    EventMention e;
    e.span = Find(s, trigger);
    e.trigger = std::string(trigger);
    e.lemma = e.trigger;
    e.cls = std::move(cls);
    St(s).events.push_back(std::move(e));
    return *this;
  }

  DocBuilder& Time(int s, absl::string_view text, std::string value, absl::CivilDay first, absl::CivilDay last,
                   std::string mod = "", int alternative_group = -1) {
    Timex t;
    t.span = Find(s, text);
    t.type = "DATE";
    t.value = std::move(value);
    t.mod = std::move(mod);
    t.first_day = first;
    t.last_day = last;
    t.alternative_group = alternative_group;
    t.sentence = s;
    St(s).times.push_back(static_cast<int>(ad_.ext.timex.size()));
    ad_.ext.timex.push_back(std::move(t));
    return *this;
  }

  DocBuilder& AddPlace(int s, absl::string_view text, std::string id, std::string name,
                       std::vector<std::string> within, std::string role = "event") {
    Place p;
    p.span = Find(s, text);
    p.id = std::move(id);
    p.name = std::move(name);
    p.kind = "city";
    p.within = std::move(within);
    p.role = std::move(role);
    St(s).places.push_back(std::move(p));
    return *this;
  }

  // `approx`: "exact", "about", "at_least", ...; low/high as an extractor
  // would set them.
  DocBuilder& Number(int s, absl::string_view text, double value, std::string approx, std::string counts,
                     std::string unit = "", bool ordinal = false) {
    Quantity q;
    q.span = Find(s, text);
    q.value = value;
    q.low = q.high = value;
    if (approx == "at_least" || approx == "more_than") q.high = std::numeric_limits<double>::infinity();
    if (approx == "at_most" || approx == "less_than") q.low = 0;
    if (approx == "about") {
      q.low = value * 0.9;
      q.high = value * 1.1;
    }
    q.approx = std::move(approx);
    q.counts = std::move(counts);
    q.unit = std::move(unit);
    q.ordinal = ordinal;
    St(s).quantities.push_back(std::move(q));
    return *this;
  }

  DocBuilder& Person(int s, absl::string_view name, std::string key, std::string title = "",
                     absl::string_view title_written = "") {
    Participant p;
    p.span = Find(s, name);
    p.name = std::string(name);
    p.key = std::move(key);
    p.kind = "person";
    p.title = std::move(title);
    if (!title_written.empty()) {
      p.title_written = std::string(title_written);
      p.title_span = Find(s, title_written);
    }
    St(s).participants.push_back(std::move(p));
    return *this;
  }

  DocBuilder& Status(int s, Certainty c, absl::string_view cue = "", bool from_context = false) {
    St(s).certainty = c;
    St(s).certainty_from_context = from_context;
    if (!cue.empty()) {
      St(s).certainty_cue = std::string(cue);
      St(s).certainty_span = Find(s, cue);
    }
    return *this;
  }

  DocBuilder& Source(int s, absl::string_view source, std::string key,
                     std::optional<absl::CivilDay> when = std::nullopt) {
    Attribution a;
    a.span = Find(s, source);
    a.source = std::string(source);
    a.key = std::move(key);
    a.when = when;
    St(s).attributions.push_back(std::move(a));
    if (when) St(s).said_on = when;
    return *this;
  }

  DocBuilder& Negated(int s, absl::string_view cue) {
    St(s).negated = true;
    St(s).negation_span = Find(s, cue);
    return *this;
  }

  const AnalyzedDocument& doc() const { return ad_; }
  AnalyzedDocument Build() const { return ad_; }

 private:
  AnalyzedDocument ad_;
  bool last_headline_ = false;
};

inline Link MakeLink(int doc_a, int sentence_a, int doc_b, int sentence_b, bool different_event = false) {
  Link l;
  l.doc_a = doc_a;
  l.sentence_a = sentence_a;
  l.doc_b = doc_b;
  l.sentence_b = sentence_b;
  l.score = 1.0;
  l.possibly_different_event = different_event;
  return l;
}

}  // namespace testing
}  // namespace claimdiff

#endif  // CLAIMDIFF_TESTS_TESTING_COMPARE_BUILDERS_H_
